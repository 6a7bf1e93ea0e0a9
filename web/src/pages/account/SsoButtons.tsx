import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ssoErrorCodes, type SsoErrorCode } from '../../../../src/accounts/sso/errors.js';
import { ssoProviders, startSso, type SsoProvider } from '../../api/auth';
import { attributionPayload } from '../../attribution/payload';
import { browserStore } from '../../attribution/storage';
import { readTouches } from '../../attribution/touches';
import { toSupportedLanguage } from '../../i18n/languages';
import { useQueryParam } from './use-query-param';
// Registers the account strings this screen uses (they are not in the landing bundle).
import '../../i18n/account';

// Brand marks inline, so no icon library or image request; names stay in Latin script.
const ICONS: Record<SsoProvider, ReactNode> = {
  google: (
    <>
      <path fill="#4285F4" d="M23.5 12.3c0-.8-.1-1.6-.2-2.3H12v4.5h6.5a5.6 5.6 0 0 1-2.4 3.6v3h3.9c2.3-2.1 3.5-5.2 3.5-8.8Z" />
      <path fill="#34A853" d="M12 24c3.2 0 6-1.1 8-2.9l-3.9-3c-1.1.7-2.5 1.2-4.1 1.2-3.1 0-5.8-2.1-6.7-5H1.3v3.1A12 12 0 0 0 12 24Z" />
      <path fill="#FBBC05" d="M5.3 14.3a7.2 7.2 0 0 1 0-4.6V6.6h-4a12 12 0 0 0 0 10.8l4-3.1Z" />
      <path fill="#EA4335" d="M12 4.8c1.8 0 3.3.6 4.6 1.8l3.4-3.4A11.5 11.5 0 0 0 12 0 12 12 0 0 0 1.3 6.6l4 3.1c.9-2.8 3.6-4.9 6.7-4.9Z" />
    </>
  ),
  microsoft: (
    <>
      <path fill="#F25022" d="M1 1h10.5v10.5H1z" />
      <path fill="#7FBA00" d="M12.5 1H23v10.5H12.5z" />
      <path fill="#00A4EF" d="M1 12.5h10.5V23H1z" />
      <path fill="#FFB900" d="M12.5 12.5H23V23H12.5z" />
    </>
  ),
  apple: (
    <path
      fill="currentColor"
      d="M16.4 12.7c0-2.6 2.1-3.8 2.2-3.9a4.8 4.8 0 0 0-3.8-2c-1.6-.2-3.1.9-3.9.9-.8 0-2-.9-3.3-.9a4.9 4.9 0 0 0-4.2 2.5c-1.8 3.1-.5 7.7 1.3 10.2.8 1.2 1.8 2.6 3.1 2.5 1.3 0 1.7-.8 3.3-.8 1.5 0 2 .8 3.3.8 1.4 0 2.2-1.2 3-2.5a10 10 0 0 0 1.4-2.8 4.3 4.3 0 0 1-2.4-4Zm-2.5-7.6A4.4 4.4 0 0 0 15 1.9a4.5 4.5 0 0 0-2.9 1.5 4.2 4.2 0 0 0-1 3.1c1.1.1 2.2-.6 2.8-1.4Z"
    />
  ),
};

const PROVIDERS: readonly SsoProvider[] = ['google', 'microsoft', 'apple'];
const NAMES: Record<SsoProvider, string> = { google: 'Google', microsoft: 'Microsoft', apple: 'Apple' };

const isSsoError = (code: string): code is SsoErrorCode => (ssoErrorCodes as readonly string[]).includes(code);

export interface SsoButtonsProps {
  /** Where a failed attempt comes back to: the sign-in page, or the landing page's signup form. */
  intent: 'signin' | 'signup';
  /** What the visitor has typed as their company so far: the new workspace's name. */
  companyName?: string;
}

/**
 * "Continue with …" for each provider the server has configured (so no button leads
 * nowhere). Pressing one posts the page's attribution to the server, which keeps it through
 * the round trip: the click that brought the visitor is not lost on the way to Google.
 * When an attempt came back refused (`?sso_error=`), says why.
 */
export function SsoButtons({ intent, companyName }: SsoButtonsProps) {
  const { t, i18n } = useTranslation();
  const [available, setAvailable] = useState<readonly SsoProvider[]>([]);
  const [leaving, setLeaving] = useState(false);
  // Why the last attempt failed: from the callback's redirect, or from starting one here.
  const [failed, setFailed] = useState<{ code: SsoErrorCode; provider: string } | null>(null);
  const error = useQueryParam('sso_error');
  const errorProvider = useQueryParam('sso_provider');
  useEffect(() => {
    let live = true;
    ssoProviders().then(
      (p) => live && setAvailable(p),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const start = (provider: SsoProvider) => {
    if (leaving) return;
    setLeaving(true);
    const { language: _language, ...attribution } = attributionPayload();
    const first = readTouches(browserStore()).first;
    startSso(provider, {
      ...attribution,
      intent,
      lang: toSupportedLanguage(i18n.resolvedLanguage ?? i18n.language),
      company_name: companyName?.trim(),
      first_touch: first ? JSON.stringify(first) : undefined,
    }).catch(() => {
      setLeaving(false);
      setFailed({ code: 'unavailable', provider });
    });
  };

  const shown = failed ?? (isSsoError(error) ? { code: error, provider: errorProvider } : null);
  const alert = shown ? (
    <p className="form-alert" role="alert" data-testid="sso-error" data-code={shown.code}>
      {t(`account.sso.errors.${shown.code}`, { provider: NAMES[shown.provider as SsoProvider] ?? shown.provider })}
    </p>
  ) : null;
  if (available.length === 0) return alert;
  return (
    <div className="sso">
      {alert}
      <p className="sso__divider">
        <span>{t('account.signup.or')}</span>
      </p>
      <ul className="sso__list">
        {PROVIDERS.filter((p) => available.includes(p)).map((provider) => (
          <li key={provider}>
            <button
              type="button"
              className="button button--ghost sso__button"
              data-testid={`sso-${provider}`}
              aria-disabled={leaving || undefined}
              onClick={() => start(provider)}
              // The visible brand name is part of the accessible name ("Continue with Google").
              aria-label={t(`account.signup.sso.${provider}`)}
            >
              <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
                {ICONS[provider]}
              </svg>
              <span lang="en" dir="ltr">{NAMES[provider]}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
