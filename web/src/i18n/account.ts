// The account screens' strings (signup, verification, sign-in, onboarding), kept out of the
// landing bundle: importing this module from a lazily loaded chunk adds them to i18next
// before any of those screens renders. Keys stay under `account.` in the default namespace.
import i18n from './index';
import ar from './locales/account/ar.json';
import en from './locales/account/en.json';

i18n.addResourceBundle('en', 'translation', { account: en }, true, false);
i18n.addResourceBundle('ar', 'translation', { account: ar }, true, false);
