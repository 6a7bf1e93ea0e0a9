import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MAIL_LINKS } from './mail-links';
import { ResendVerification } from './ResendVerification';
// Registers the account strings this screen uses (they are not in the landing bundle).
import '../../i18n/account';

interface SignupSuccessProps {
  /** The address the link went to; without it the screen asks for it before resending. */
  email: string;
  titleId: string;
  /** `h2` inside the dialog, `h1` on the standalone page. */
  headingLevel: 1 | 2;
  /** Moves focus to the heading, so the change of screen is announced. */
  focusHeading?: boolean;
}

export function SignupSuccess({ email, titleId, headingLevel, focusHeading = false }: SignupSuccessProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const Heading = headingLevel === 1 ? 'h1' : 'h2';

  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);

  return (
    <div className="signup-success" data-testid="signup-success">
      <svg className="signup-success__icon" viewBox="0 0 48 48" width="56" height="56" aria-hidden="true" focusable="false">
        <circle cx="24" cy="24" r="24" fill="currentColor" opacity="0.14" />
        <path d="M13 22h22v14H13zM13 22l11 8 11-8" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinejoin="round" />
        <circle cx="35" cy="15" r="7" fill="#15803d" />
        <path d="m32 15 2.2 2.2L38.5 13" fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <Heading id={titleId} ref={headingRef} tabIndex={-1} className="signup-success__title">
        {t('account.success.title')}
      </Heading>
      {email ? (
        <>
          <p className="signup-success__lead">{t('account.success.sentTo')}</p>
          {/* An address is Latin left-to-right text even inside an Arabic sentence. */}
          <p className="signup-success__email" data-testid="signup-success-email">
            <bdi dir="ltr">{email}</bdi>
          </p>
        </>
      ) : (
        <p className="signup-success__lead">{t('account.success.sentToYou')}</p>
      )}
      <p>{t('account.success.instructions')}</p>
      <div className="signup-success__mail">
        <a href={MAIL_LINKS.gmail} className="button button--ghost" target="_blank" rel="noopener noreferrer" data-testid="open-gmail">
          {t('account.success.openGmail')}
          <span className="visually-hidden"> {t('account.opensInNewTab')}</span>
        </a>
        <a href={MAIL_LINKS.outlook} className="button button--ghost" target="_blank" rel="noopener noreferrer" data-testid="open-outlook">
          {t('account.success.openOutlook')}
          <span className="visually-hidden"> {t('account.opensInNewTab')}</span>
        </a>
      </div>
      <ResendVerification email={email} editable={email === ''} />
    </div>
  );
}
