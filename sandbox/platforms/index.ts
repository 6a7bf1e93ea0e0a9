import type { SandboxPlatform } from '../platform.js';
import { google } from './google/index.js';
import { meta } from './meta/index.js';
import { snapchat } from './snapchat/index.js';
import { tiktok } from './tiktok/index.js';

import { identityProviders } from '../identity/index.js';
import { crms } from '../crm/index.js';

export const adPlatforms: readonly SandboxPlatform[] = [meta, google, tiktok, snapchat];

/** Everything the sandbox imitates: the ad platforms, the sign-in providers without an ad platform, the CRMs. */
export const sandboxPlatforms: readonly SandboxPlatform[] = [...adPlatforms, ...identityProviders, ...crms];
