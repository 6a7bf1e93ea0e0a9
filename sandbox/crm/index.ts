import type { SandboxPlatform } from '../platform.js';
import { hubspot } from './hubspot.js';
import { zoho } from './zoho.js';

/** CRMs that leads are pushed to: HubSpot and Zoho, recording what they receive (see `GET /_sandbox/crm/…`). */
export const crms: readonly SandboxPlatform[] = [hubspot, zoho];
