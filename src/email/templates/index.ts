import { alreadyRegistered } from './already-registered.js';
import { caseStudy } from './case-study.js';
import { gettingStarted } from './getting-started.js';
import type { EmailLang, EmailTemplate, RenderedEmail } from './layout.js';
import { needHelpConnecting } from './need-help-connecting.js';
import { passwordReset } from './password-reset.js';
import { reconnectNeeded } from './reconnect-needed.js';
import { verification } from './verification.js';
import { welcome } from './welcome.js';

export type { EmailLang, EmailTemplate, RenderedEmail } from './layout.js';
export type { AlreadyRegisteredVars } from './already-registered.js';
export type { CaseStudyVars } from './case-study.js';
export type { GettingStartedVars } from './getting-started.js';
export type { NeedHelpConnectingVars } from './need-help-connecting.js';
export type { PasswordResetVars } from './password-reset.js';
export type { ReconnectNeededVars } from './reconnect-needed.js';
export type { VerificationVars } from './verification.js';
export type { WelcomeVars } from './welcome.js';
export { firstNameOf } from './names.js';

export const emailTemplates = {
  verification,
  alreadyRegistered,
  welcome,
  gettingStarted,
  needHelpConnecting,
  caseStudy,
  passwordReset,
  reconnectNeeded,
} as const satisfies Record<string, EmailTemplate<never>>;

export type EmailTemplateName = keyof typeof emailTemplates;
export type EmailTemplateVars<N extends EmailTemplateName> = Parameters<(typeof emailTemplates)[N]>[0];

/** Marketing email must be skipped for anyone who unsubscribed; transactional email never is. */
export const emailCategory = {
  verification: 'transactional',
  alreadyRegistered: 'transactional',
  passwordReset: 'transactional',
  reconnectNeeded: 'transactional',
  welcome: 'marketing',
  gettingStarted: 'marketing',
  needHelpConnecting: 'marketing',
  caseStudy: 'marketing',
} as const satisfies Record<EmailTemplateName, 'transactional' | 'marketing'>;

/** For callers holding a template name as data (a queued job); the name picks the vars type. */
export function renderEmailTemplate<N extends EmailTemplateName>(name: N, vars: EmailTemplateVars<N>, lang: EmailLang): RenderedEmail {
  // TypeScript can't correlate the indexed template with its vars; the signature above does.
  const template = emailTemplates[name] as EmailTemplate<EmailTemplateVars<N>>;
  return template(vars, lang);
}
