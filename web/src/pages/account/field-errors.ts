import type accountEn from '../../i18n/locales/account/en.json';

/** Keys under `account.errors` in the catalogues. */
export type ErrorKey = keyof typeof accountEn.errors;

export const SIGNUP_FIELDS = ['full_name', 'email', 'company_name', 'phone', 'password'] as const;
export type SignupField = (typeof SIGNUP_FIELDS)[number];

export const LOGIN_FIELDS = ['email', 'password'] as const;
export type LoginField = (typeof LOGIN_FIELDS)[number];

type KnownField = SignupField | LoginField;

/** What the form needs to know of a zod issue (structurally compatible with zod's own). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
}

// By field and zod issue code. The schema's English messages are never shown: Arabic
// readers would get English, and zod's defaults ("Too small: expected string…") read badly.
const BY_CODE: Record<KnownField, Partial<Record<string, ErrorKey>> & { fallback: ErrorKey }> = {
  full_name: { too_small: 'nameRequired', invalid_type: 'nameRequired', too_big: 'nameTooLong', fallback: 'nameRequired' },
  email: { invalid_format: 'emailInvalid', invalid_type: 'emailInvalid', too_big: 'emailTooLong', fallback: 'emailInvalid' },
  company_name: { too_small: 'companyRequired', invalid_type: 'companyRequired', too_big: 'companyTooLong', fallback: 'companyRequired' },
  phone: { too_big: 'phoneTooLong', fallback: 'phoneInvalid' },
  password: { too_small: 'passwordTooShort', invalid_type: 'passwordRequired', too_big: 'passwordTooLong', fallback: 'passwordTooShort' },
};

// The server's 400 details carry only a message; these are the schema's own wordings.
const BY_SERVER_MESSAGE: Record<string, ErrorKey> = {
  'Enter a valid email address': 'emailInvalid',
  'Enter your name': 'nameRequired',
  'Enter your company': 'companyRequired',
  'Use at least 10 characters': 'passwordTooShort',
  'Use at most 256 characters': 'passwordTooLong',
};

export interface MappedErrors<F extends string> {
  /** One message per visible field: the first issue found for it. */
  fields: Partial<Record<F, ErrorKey>>;
  /** Top-level names of failing fields the person cannot see or fix (attribution, traps). */
  hidden: string[];
}

function fieldOf<F extends string>(name: string, fields: readonly F[]): F | undefined {
  return (fields as readonly string[]).includes(name) ? (name as F) : undefined;
}

export function errorKeyForIssue(field: KnownField, code: string): ErrorKey {
  const table = BY_CODE[field];
  return table[code] ?? table.fallback;
}

/** Zod issues → one i18n key per visible field, plus the hidden fields that failed. */
export function mapIssues<F extends KnownField>(issues: readonly IssueLike[], fields: readonly F[]): MappedErrors<F> {
  const out: MappedErrors<F> = { fields: {}, hidden: [] };
  for (const issue of issues) {
    const name = String(issue.path[0] ?? '');
    const field = fieldOf(name, fields);
    if (field === undefined) {
      if (name !== '' && !out.hidden.includes(name)) out.hidden.push(name);
      continue;
    }
    out.fields[field] ??= errorKeyForIssue(field, issue.code);
  }
  return out;
}

/** `path` as the server reports it ("email", "/email", "body.email", ["email"]) → "email". */
function serverFieldName(path: unknown): string {
  const first = Array.isArray(path) ? path[0] : path;
  if (typeof first !== 'string' && typeof first !== 'number') return '';
  return String(first).replace(/^\//, '').replace(/^body\./, '').split(/[./[]/)[0] ?? '';
}

/** A 400 VALIDATION_FAILED's `details: [{ in, path, message }]` → the same shape as {@link mapIssues}. */
export function mapServerDetails<F extends KnownField>(details: unknown, fields: readonly F[]): MappedErrors<F> {
  const out: MappedErrors<F> = { fields: {}, hidden: [] };
  if (!Array.isArray(details)) return out;
  for (const detail of details as unknown[]) {
    if (typeof detail !== 'object' || detail === null) continue;
    const { path, message } = detail as { path?: unknown; message?: unknown };
    const name = serverFieldName(path);
    const field = fieldOf(name, fields);
    if (field === undefined) {
      if (name !== '' && !out.hidden.includes(name)) out.hidden.push(name);
      continue;
    }
    const known = typeof message === 'string' ? BY_SERVER_MESSAGE[message.trim()] : undefined;
    out.fields[field] ??= known ?? BY_CODE[field].fallback;
  }
  return out;
}

/** The first field, in on-screen order, that has an error: it gets the focus. */
export function firstInvalid<F extends string>(order: readonly F[], errors: Partial<Record<F, unknown>>): F | undefined {
  return order.find((f) => errors[f] !== undefined);
}
