export { matchDataSchema, matchDataFromStored, type MatchData } from './match-data.js';
export { metaUserData, type MetaUserData } from './meta.js';
export {
  googleUserIdentifiers,
  googleClickId,
  googleMaxUserIdentifiers,
  type GoogleUserIdentifier,
  type GoogleAddressInfo,
  type GoogleUpload,
  type GoogleClickId,
} from './google.js';
export { tiktokUser, type TiktokUser } from './tiktok.js';
export { snapchatUserData, type SnapchatUserData } from './snapchat.js';
export { sha256Hex, isSha256Hex } from './hash.js';
