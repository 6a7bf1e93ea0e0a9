import { z } from 'zod';
import { adsError, at, badPayload, type AdsError } from './errors.js';
import type { ConversionAction } from './conversion-actions.js';

/**
 * One ClickConversion of `uploadClickConversions`, checked the way the API checks it. Problems
 * of one conversion are that conversion's partial failures (located at `conversions[i]…`).
 */
const hashed = z.string().optional();
const consentStatus = z.enum(['UNSPECIFIED', 'UNKNOWN', 'GRANTED', 'DENIED']);

const userIdentifier = z
  .object({
    userIdentifierSource: z.enum(['UNSPECIFIED', 'UNKNOWN', 'FIRST_PARTY', 'THIRD_PARTY']).optional(),
    hashedEmail: hashed,
    hashedPhoneNumber: hashed,
    mobileId: z.string().optional(),
    thirdPartyUserId: z.string().optional(),
    addressInfo: z
      .object({
        hashedFirstName: hashed,
        hashedLastName: hashed,
        hashedStreetAddress: hashed,
        city: z.string().optional(),
        state: z.string().optional(),
        countryCode: z.string().optional(),
        postalCode: z.string().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const clickConversion = z
  .object({
    gclid: z.string().optional(),
    gbraid: z.string().optional(),
    wbraid: z.string().optional(),
    conversionAction: z.string().optional(),
    conversionDateTime: z.string().optional(),
    conversionValue: z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]).optional(),
    currencyCode: z.string().optional(),
    orderId: z.string().optional(),
    externalAttributionData: z.object({}).loose().optional(),
    customVariables: z.array(z.object({}).loose()).optional(),
    cartData: z.object({}).loose().optional(),
    userIdentifiers: z.array(userIdentifier).optional(),
    conversionEnvironment: z.enum(['UNSPECIFIED', 'UNKNOWN', 'APP', 'WEB']).optional(),
    consent: z.object({ adUserData: consentStatus.optional(), adPersonalization: consentStatus.optional() }).strict().optional(),
    sessionAttributesEncoded: z.string().optional(),
    sessionAttributesKeyValuePairs: z.object({}).loose().optional(),
  })
  .strict();

export type ClickConversion = z.infer<typeof clickConversion>;

const SHA256 = /^[0-9a-f]{64}$/;
const CLICK_ID = /^[A-Za-z0-9_-]{8,}$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?([+-])(\d{2}):(\d{2})$/;
const IDENTIFIERS = ['hashedEmail', 'hashedPhoneNumber', 'addressInfo', 'mobileId', 'thirdPartyUserId'] as const;

/** `yyyy-mm-dd hh:mm:ss±hh:mm` → epoch ms, or null when it is not that format or not a real time. */
export function parseConversionTime(s: string): number | null {
  const m = DATE_TIME.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, se, sign, oh, om] = m;
  const local = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +se!);
  const check = new Date(local);
  if (check.getUTCDate() !== +d! || check.getUTCMonth() !== +mo! - 1 || +h! > 23 || +mi! > 59 || +se! > 59 || +oh! > 14 || +om! > 59) return null;
  return local - (sign === '-' ? -1 : 1) * (+oh! * 60 + +om!) * 60_000;
}

export interface CheckContext {
  customerId: string;
  actions: readonly ConversionAction[];
  now: number;
}

function identifierErrors(c: ClickConversion, i: number): AdsError[] {
  const errors: AdsError[] = [];
  const ids = c.userIdentifiers ?? [];
  if (ids.length > 5) errors.push(adsError('collectionSizeError', 'TOO_MANY', 'Too many user identifiers: a conversion takes at most 5.', at('conversions', i, 'user_identifiers')));
  ids.forEach((u, j) => {
    const set = IDENTIFIERS.filter((k) => u[k] !== undefined);
    if (set.length > 1) throw badPayload(`Invalid JSON payload received. Oneof field 'identifier' is already set. Cannot set '${set[1]}' at 'conversions[${i}].user_identifiers[${j}]'.`);
    const loc = (...f: string[]) => at('conversions', i, 'user_identifiers', j, ...f);
    if (set.length === 0) errors.push(adsError('fieldError', 'REQUIRED', 'A user identifier must set one identifier.', loc()));
    else if (u.mobileId !== undefined || u.thirdPartyUserId !== undefined) {
      errors.push(adsError('conversionUploadError', 'UNSUPPORTED_USER_IDENTIFIER', 'The provided user identifiers are not supported. Use only hashed email or phone number and try again.', loc()));
    }
    const bad = (value: string | undefined, ...field: string[]) => {
      if (value !== undefined && !SHA256.test(value)) errors.push(adsError('offlineUserDataJobError', 'INVALID_SHA256_FORMAT', 'The SHA256 encoded value is malformed.', loc(...field)));
    };
    bad(u.hashedEmail, 'hashed_email');
    bad(u.hashedPhoneNumber, 'hashed_phone_number');
    if (u.addressInfo) {
      bad(u.addressInfo.hashedFirstName, 'address_info', 'hashed_first_name');
      bad(u.addressInfo.hashedLastName, 'address_info', 'hashed_last_name');
      bad(u.addressInfo.hashedStreetAddress, 'address_info', 'hashed_street_address');
      if (u.addressInfo.countryCode !== undefined && !/^[A-Za-z]{2}$/.test(u.addressInfo.countryCode)) {
        errors.push(adsError('fieldError', 'INVALID_VALUE', 'The country code must be a two-letter ISO 3166-1 code.', loc('address_info', 'country_code')));
      }
    }
  });
  return errors;
}

/** Everything wrong with one conversion that does not depend on the others in the request. */
export function conversionErrors(c: ClickConversion, i: number, ctx: CheckContext): AdsError[] {
  const errors: AdsError[] = [];
  const loc = (...f: string[]) => at('conversions', i, ...f);
  if (!c.conversionAction) errors.push(adsError('fieldError', 'REQUIRED', 'The required field was not present.', loc('conversion_action')));
  else {
    const m = /^customers\/(\d+)\/conversionActions\/(\d+)$/.exec(c.conversionAction);
    const action = m && m[1] === ctx.customerId ? ctx.actions.find((a) => a.id === m[2]) : undefined;
    if (!m) errors.push(adsError('requestError', 'RESOURCE_NAME_MALFORMED', 'The resource name is malformed.', loc('conversion_action')));
    else if (!action) errors.push(adsError('conversionUploadError', 'NO_CONVERSION_ACTION_FOUND', "The conversion action specified in the upload request cannot be found. Make sure it's available in this account.", loc('conversion_action')));
    else if (action.type !== 'UPLOAD_CLICKS') errors.push(adsError('conversionUploadError', 'INVALID_CONVERSION_ACTION_TYPE', "The conversion action specified in the upload request isn't set up for uploading conversions.", loc('conversion_action')));
    else if (c.conversionDateTime) {
      const when = parseConversionTime(c.conversionDateTime);
      if (when !== null && when < ctx.now - action.lookbackDays * 86_400_000) {
        errors.push(adsError('conversionUploadError', 'EXPIRED_EVENT', "The imported event can't be recorded because its click occurred before this conversion's click-through window. Make sure you import the most recent data.", loc('conversion_date_time')));
      }
    }
  }
  if (!c.conversionDateTime) errors.push(adsError('fieldError', 'REQUIRED', 'The required field was not present.', loc('conversion_date_time')));
  else {
    const when = parseConversionTime(c.conversionDateTime);
    if (when === null) errors.push(adsError('dateError', 'INVALID_STRING_DATE_TIME_SECONDS_WITH_OFFSET', "The string date time's format should be yyyy-mm-dd hh:mm:ss+|-hh:mm.", loc('conversion_date_time')));
    else if (when > ctx.now + 60_000) errors.push(adsError('dateError', 'LATER_THAN_MAXIMUM_DATE', 'The conversion date time is in the future.', loc('conversion_date_time')));
  }
  if (c.gbraid && c.wbraid) errors.push(adsError('conversionUploadError', 'GBRAID_WBRAID_BOTH_SET', "Can't use both gbraid and wbraid parameters. Use only 1 and try again.", loc('wbraid')));
  if (c.gclid && (c.gbraid || c.wbraid)) errors.push(adsError('fieldError', 'VALUE_MUST_BE_UNSET', 'Set only one of gclid, gbraid and wbraid.', loc(c.gbraid ? 'gbraid' : 'wbraid')));
  if (c.gclid !== undefined && !CLICK_ID.test(c.gclid)) errors.push(adsError('conversionUploadError', 'UNPARSEABLE_GCLID', 'The imported gclid could not be decoded.', loc('gclid')));
  if (c.gbraid !== undefined && !CLICK_ID.test(c.gbraid)) errors.push(adsError('conversionUploadError', 'UNPARSEABLE_GBRAID', "Can't parse event import data. Check if your gbraid parameter was not modified and try again.", loc('gbraid')));
  if (c.wbraid !== undefined && !CLICK_ID.test(c.wbraid)) errors.push(adsError('conversionUploadError', 'UNPARSEABLE_WBRAID', "Can't parse event import data. Check if your wbraid parameter was not modified and try again.", loc('wbraid')));
  if (!c.gclid && !c.gbraid && !c.wbraid && !(c.userIdentifiers?.length)) {
    errors.push(adsError('fieldError', 'REQUIRED', 'A conversion needs a gclid, gbraid or wbraid, or user identifiers (enhanced conversions for leads).', loc('gclid')));
  }
  if (c.conversionValue !== undefined && Number(c.conversionValue) < 0) errors.push(adsError('fieldError', 'INVALID_VALUE', 'The conversion value cannot be negative.', loc('conversion_value')));
  if (c.currencyCode !== undefined && !/^[A-Z]{3}$/.test(c.currencyCode)) errors.push(adsError('currencyCodeError', 'UNSUPPORTED', 'The currency code is not supported.', loc('currency_code')));
  if (c.orderId !== undefined && /@/.test(c.orderId)) errors.push(adsError('conversionUploadError', 'ORDER_ID_CONTAINS_PII', "Can't import events with order IDs containing personally-identifiable information (PII).", loc('order_id')));
  return [...errors, ...identifierErrors(c, i)];
}
