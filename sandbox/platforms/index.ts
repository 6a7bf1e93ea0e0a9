import type { SandboxPlatform } from '../platform.js';
import { google } from './google/index.js';
import { meta } from './meta/index.js';
import { snapchat } from './snapchat/index.js';
import { tiktok } from './tiktok/index.js';

export const sandboxPlatforms: readonly SandboxPlatform[] = [meta, google, tiktok, snapchat];
