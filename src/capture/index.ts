export {
  clickIdKeys,
  hasAttribution,
  mergeTouches,
  touchFromUrl,
  touchLimits,
  utmKeys,
  type ClickIdKey,
  type Touch,
  type UtmKey,
} from './attribution.js';
export { touchSchema } from './touch.schema.js';
export {
  buildFbc,
  buildFbp,
  buildGclAw,
  fbSubdomainIndex,
  parseFbc,
  parseFbp,
  parseGclAw,
  parseOpaqueBrowserId,
  type ParsedFbc,
  type ParsedFbp,
  type ParsedGclAw,
} from './cookie-formats.js';
export {
  browserIdsFromCookies,
  platformCookieMaxAgeSeconds,
  platformCookieNames,
  platformCookiesToSet,
  type BrowserIds,
  type CookieToSet,
} from './cookies.js';
export { classifyEmailDomain, emailDomain, type EmailDomainKind } from './email-domain.js';
export {
  gccCountries,
  leadScorePoints,
  leadScoreRules,
  scoreLead,
  type LeadScoreInput,
  type LeadScoreLine,
  type LeadScoreRule,
} from './lead-score.js';
export { normalizePhone, type NormalizedPhone } from './phone.js';
export {
  clickIdPlatformOrder,
  detectPlatform,
  utmSourcePlatforms,
  type AttributedPlatform,
  type PlatformDetection,
} from './platform.js';
