import { useTranslation } from 'react-i18next';
import type { PlatformId } from '../../api/connections';
import { scopeLines } from './scopes';

/** What the platform's consent screen will ask for, as it names it and in plain words. */
export function Permissions({ platform, scopes, name }: { platform: PlatformId; scopes: readonly string[]; name: string }) {
  const { t } = useTranslation();
  const titleId = `connect-permissions-${platform}`;
  return (
    <div className="connect-permissions">
      <h3 id={titleId} className="connect-card__subtitle">
        {t('account.connect.permissions.title')}
      </h3>
      <ul className="connect-permissions__list" aria-labelledby={titleId} data-testid={`connect-permissions-${platform}`}>
        {scopeLines(platform, scopes).map((line) => (
          <li key={line.scope} className="connect-permissions__item">
            <code className="connect-permissions__scope" dir="ltr" title={line.scope}>
              {line.short}
            </code>
            <span className="connect-permissions__meaning">{line.key ? t(`account.connect.permissions.${line.key}`) : t('account.connect.permissions.other', { platform: name })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
