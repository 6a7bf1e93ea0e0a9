import type { RegisteredJob } from './define.js';
import { heartbeatJob } from '../system/heartbeat.job.js';
import { accountEmailJob } from '../accounts/account-email.job.js';
import { sequenceEmailJob } from '../accounts/sequence-email.job.js';
import { ssoAttemptsCleanupJob } from '../accounts/sso/cleanup.job.js';
import { crmPushJob } from '../crm/push-lead.job.js';
import { syncDueJob, syncJobs } from '../connections/sync/sync.job.js';
import { reconnectEmailJob } from '../connections/reconnect-email.job.js';
import { oauthAttemptsCleanupJob } from '../connections/cleanup.job.js';

/** Every job the workers know. A job not listed here cannot be enqueued. */
export const jobRegistry: readonly RegisteredJob[] = [
  heartbeatJob,
  accountEmailJob,
  sequenceEmailJob,
  ssoAttemptsCleanupJob,
  crmPushJob,
  ...Object.values(syncJobs),
  syncDueJob,
  reconnectEmailJob,
  oauthAttemptsCleanupJob,
];

export function findJob(name: string): RegisteredJob | undefined {
  return jobRegistry.find((j) => j.name === name);
}
