import { typeid } from 'typeid-js';

/** Prefixed, time-sortable ids (`ws_01h…`, `usr_01h…`): readable where they reach users, index-friendly. */
export const idPrefixes = { workspace: 'ws', user: 'usr', email: 'eml', token: 'tok', lead: 'lead', conversion: 'cev', identity: 'idn', ssoAttempt: 'sso', crmPush: 'crm', oauthAttempt: 'oau', connection: 'con', adAccount: 'acc' } as const;

export function newId(kind: keyof typeof idPrefixes): string {
  return typeid(idPrefixes[kind]).toString();
}
