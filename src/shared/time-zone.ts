import { z } from 'zod';

/** True for a time zone this runtime's Intl knows (IANA names such as Asia/Riyadh). */
export function isIanaTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z.string().max(64).refine(isIanaTimeZone, 'unknown IANA time zone');
