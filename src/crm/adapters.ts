import type { CrmConfig } from './config.js';
import { hubspotAdapter } from './hubspot.js';
import type { FetchLike } from './http.js';
import type { CrmAdapter } from './types.js';
import { webhookAdapter } from './webhook.js';
import { zohoAdapter } from './zoho.js';

/** The configured CRM, built once per process (the Zoho adapter keeps its access token in memory). */
export function createCrmAdapter(cfg: CrmConfig, fetchImpl?: FetchLike): CrmAdapter | null {
  switch (cfg.provider) {
    case null:
      return null;
    case 'hubspot':
      return hubspotAdapter(cfg, fetchImpl);
    case 'zoho':
      return zohoAdapter(cfg, fetchImpl ? { fetchImpl } : {});
    case 'webhook':
      return webhookAdapter(cfg, fetchImpl);
  }
}
