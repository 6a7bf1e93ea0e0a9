import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, otherLanguage, toSupportedLanguage } from '../i18n/languages';

/** Toggles English ⇄ Arabic; labelled with the language it switches *to*. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const target = otherLanguage(toSupportedLanguage(i18n.resolvedLanguage ?? i18n.language));

  return (
    <button
      type="button"
      className={className ? `lang-switch ${className}` : 'lang-switch'}
      data-testid="lang-switch"
      // The label is in the target language, so screen readers must read it as such.
      lang={target}
      title={t('common.switchLanguageHint')}
      onClick={() => void i18n.changeLanguage(target)}
    >
      {LANGUAGE_NAMES[target]}
    </button>
  );
}
