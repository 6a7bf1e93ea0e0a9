/**
 * The hooks the prerendered HTML offers its small script (main.ts): element ids and data
 * attributes, shared so markup and behaviour cannot drift apart.
 */
export const LANDING_IDS = {
  main: 'main-content',
  demoDialog: 'demo-dialog',
  signupRoot: 'signup-root',
  signupStatus: 'signup-status',
} as const;

/** Any element with this attribute opens the signup form (prefetching it on intent). */
export const SIGNUP_TRIGGER_ATTR = 'data-signup-trigger';
/** `data-opens-dialog="<dialog id>"`: a button that opens that dialog as a modal. */
export const OPENS_DIALOG_ATTR = 'data-opens-dialog';
/** The language switch link, `data-lang-switch="<language it switches to>"`. */
export const LANG_SWITCH_ATTR = 'data-lang-switch';
/** The query parameter that picks the landing page's language (`lng` is accepted too). */
export const LANG_QUERY_PARAM = 'lang';
