export const VERIFY_STATUSES = ['expired', 'used', 'unknown'] as const;
export type VerifyStatus = (typeof VERIFY_STATUSES)[number];

/** Anything the server did not send (or a hand-edited address) reads as an invalid link. */
export function toVerifyStatus(value: string | null): VerifyStatus {
  return (VERIFY_STATUSES as readonly (string | null)[]).includes(value) ? (value as VerifyStatus) : 'unknown';
}
