import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { CONNECTION_PATHS, connectAccounts, type AvailableAccount, type PlatformId } from '../../api/connections';
import { requestErrorKey } from '../account/request-errors';
import { formatSpend } from './format';
import { displayAccountId, initialSelection, selectedIds, toggle } from './selection';
import { useAvailableAccounts } from './useAvailableAccounts';
import { connectPaths } from './view';

const HEADING_ID = 'connect-select-heading';
const NONE_ID = 'connect-select-none';

/** "Select ad accounts to connect": the grant's accounts, all ticked, then the first sync. */
export function AccountSelection({ platform }: { platform: PlatformId }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const navigate = useNavigate();
  const { state, reload } = useAvailableAccounts(platform);
  // Null until the person changes something: then every listed account counts as ticked.
  const [picked, setPicked] = useState<ReadonlySet<string> | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const alertRef = useRef<HTMLParagraphElement>(null);
  const name = t(`account.onboarding.platforms.names.${platform}`);

  // Back from the platform's consent screen: screen readers start at this step's heading.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const accounts: AvailableAccount[] = state.kind === 'ready' ? state.accounts : [];
  const selected = picked ?? initialSelection(accounts);
  const ids = selectedIds(accounts, selected);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || ids.length === 0) return;
    setBusy(true);
    setFailure(null);
    try {
      await connectAccounts(platform, ids);
      await navigate(connectPaths.progress(platform));
    } catch (error) {
      setFailure(error instanceof ApiError && error.status === 403 ? t('account.connect.forbidden') : error instanceof ApiError && error.status === 409 ? error.message : t(`account.${requestErrorKey(error)}`));
      setBusy(false);
      window.requestAnimationFrame(() => alertRef.current?.focus());
    }
  };

  return (
    <section className="connect-select" aria-labelledby={HEADING_ID} data-testid="connect-select" data-platform={platform}>
      <h1 id={HEADING_ID} ref={headingRef} tabIndex={-1} className="connect__title connect__heading">
        {t('account.connect.select.title')}
      </h1>
      <p className="wizard-lead">{t('account.connect.select.lead', { platform: name })}</p>
      {state.kind === 'loading' ? (
        <p className="connect-note" role="status" data-testid="connect-select-loading">
          {t('account.connect.select.loading')}
        </p>
      ) : null}
      {state.kind === 'failed' ? (
        <div className="form-alert connect-problem" role="alert" data-testid="connect-select-error">
          <p>{state.problem === 'gone' ? t('account.connect.select.gone', { platform: name }) : t(`account.${state.problem}`)}</p>
          <p className="connect-problem__actions">
            {state.problem === 'gone' ? (
              <a className="button button--primary" href={CONNECTION_PATHS.start(platform)}>
                {t('account.connect.connect', { platform: name })}
              </a>
            ) : (
              <button type="button" className="button button--secondary" onClick={reload}>
                {t('account.connect.select.retry')}
              </button>
            )}
          </p>
        </div>
      ) : null}
      {state.kind === 'ready' ? (
        <form className="connect-select__form" noValidate onSubmit={(e) => void submit(e)}>
          {failure ? (
            <p ref={alertRef} className="form-alert" role="alert" tabIndex={-1} data-testid="connect-select-failure">
              {failure}
            </p>
          ) : null}
          {accounts.length === 0 ? (
            <p className="connect-note">{t('account.connect.select.empty')}</p>
          ) : (
            <fieldset className="choice-group">
              <legend className="field__label">{t('account.connect.select.legend', { platform: name })}</legend>
              <ul className="connect-select__list">
                {accounts.map((a) => (
                  <li key={a.externalId}>
                    <label className="choice connect-select__choice">
                      <input
                        type="checkbox"
                        name="account_ids"
                        value={a.externalId}
                        checked={selected.has(a.externalId)}
                        onChange={(e) => setPicked(toggle(selected, a.externalId, e.target.checked))}
                        aria-describedby={ids.length === 0 ? NONE_ID : undefined}
                        data-testid={`connect-account-${a.externalId}`}
                      />
                      <span className="choice__text">
                        <span className="choice__label">
                          <bdi>{a.name}</bdi>
                          <span className="connect-select__id" dir="ltr">
                            ({displayAccountId(platform, a.externalId)})
                          </span>
                          {a.connected ? <span className="choice__badge">{t('account.connect.select.connected')}</span> : null}
                          {a.status !== 'active' ? <span className="connect-badge">{t(`account.connect.select.accountStatus.${a.status}`)}</span> : null}
                        </span>
                        <span className="choice__description">
                          {a.currency} · {t('account.connect.select.spend', { amount: formatSpend(a.spendLast30dMinor, a.currency, language) })}
                        </span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
          <p className="connect-select__count" aria-live="polite" data-testid="connect-select-count">
            {t('account.connect.select.count', { selected: ids.length, total: accounts.length })}
          </p>
          {ids.length === 0 && accounts.length > 0 ? (
            <p id={NONE_ID} className="field__hint">
              {t('account.connect.select.none')}
            </p>
          ) : null}
          <div className="wizard-actions">
            <Link to={connectPaths.cards} className="button button--ghost" data-testid="connect-select-cancel">
              {t('account.connect.select.cancel')}
            </Link>
            <button type="submit" className="button button--primary wizard-actions__continue" disabled={ids.length === 0 || busy} aria-busy={busy || undefined} data-testid="connect-select-submit">
              {busy ? t('account.connect.select.submitting') : t('account.connect.select.submit')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
