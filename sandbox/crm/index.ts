import type { SandboxPlatform } from '../platform.js';

/** CRMs that leads are pushed to: HubSpot and Zoho, recording what they receive. */
export const crms: readonly SandboxPlatform[] = [];
