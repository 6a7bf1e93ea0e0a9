import { sql, type SQL } from 'drizzle-orm';
import type { WorkspaceScope } from '../db/scope.js';
import type { DbOrTx } from '../db/types.js';
import { queryRows } from '../db/rows.js';
import { addDays, eachDay, share, type DayRange } from './stats-range.js';
import type { StatsOutput } from './stats.schema.js';

interface Counts {
  leads: number;
  signups: number;
}

/**
 * The landing page's numbers for one workspace's leads: by day (in the reader's time zone),
 * platform, source and campaign, and how signups went on: verified their email, finished
 * onboarding, connected an ad account. Leads are scoped to the workspace; the accounts
 * they created are reached through each lead's own `user_id` link.
 */
export async function landingStats(db: DbOrTx, scope: WorkspaceScope, range: DayRange): Promise<StatsOutput> {
  const tz = range.timeZone;
  const inRange = sql`l.workspace_id = ${scope.workspaceId}
    and l.created_at >= (${range.from}::date::timestamp at time zone ${tz})
    and l.created_at < (${addDays(range.to, 1)}::date::timestamp at time zone ${tz})`;
  // A person who signs up twice is one signup; a lead is every form sent.
  const counts = sql`count(*)::int as leads, count(distinct l.user_id) filter (where l.kind = 'signup')::int as signups`;

  const grouped = async <R>(select: SQL, groupBy: SQL, order: SQL): Promise<(R & Counts)[]> => {
    return queryRows<R & Counts>(db, sql`select ${select}, ${counts} from leads l where ${inRange} group by ${groupBy} order by ${order}`);
  };

  const [days, platforms, sources, campaigns, funnel] = await Promise.all([
    grouped<{ date: string }>(sql`to_char(l.created_at at time zone ${tz}, 'YYYY-MM-DD') as date`, sql`1`, sql`1`),
    grouped<{ platform: string }>(sql`l.platform`, sql`l.platform`, sql`leads desc, l.platform`),
    grouped<{ source: string | null; medium: string | null }>(sql`l.utm_source as source, l.utm_medium as medium`, sql`1, 2`, sql`leads desc, 1 nulls last, 2 nulls last`),
    grouped<{ campaign: string | null; source: string | null }>(sql`l.utm_campaign as campaign, l.utm_source as source`, sql`1, 2`, sql`leads desc, 1 nulls last, 2 nulls last`),
    queryRows<{ leads: number; signups: number; verified: number; onboarded: number; connected: number }>(db, sql`
      with accounts as (
        select distinct l.user_id from leads l where ${inRange} and l.kind = 'signup' and l.user_id is not null
      )
      select
        (select count(*)::int from leads l where ${inRange}) as leads,
        count(a.user_id)::int as signups,
        count(u.verified_at)::int as verified,
        count(o.completed_at) filter (where u.verified_at is not null)::int as onboarded,
        count(o.completed_at) filter (where u.verified_at is not null and exists (
          select 1 from ad_accounts aa where aa.workspace_id = u.workspace_id
        ))::int as connected
      from accounts a
      left join users u on u.id = a.user_id
      left join onboarding_states o on o.workspace_id = u.workspace_id`),
  ]);

  const f = funnel[0]!;
  // Connected: onboarded, and the workspace has at least one ad account chosen to sync.
  const connected = f.connected;
  const byDay = new Map(days.map((d) => [d.date, d]));

  return {
    workspace_id: scope.workspaceId,
    range: { from: range.from, to: range.to, time_zone: tz },
    totals: { leads: f.leads, signups: f.signups, verified: f.verified, onboarded: f.onboarded, connected },
    rates: {
      verified: share(f.verified, f.signups),
      onboarded: share(f.onboarded, f.verified),
      connected: share(connected, f.onboarded),
      overall: share(connected, f.signups),
    },
    by_day: eachDay(range).map((date) => ({ date, leads: byDay.get(date)?.leads ?? 0, signups: byDay.get(date)?.signups ?? 0 })),
    by_platform: platforms.map((p) => ({ platform: p.platform, leads: p.leads, signups: p.signups })),
    by_source: sources.map((s) => ({ source: s.source, medium: s.medium, leads: s.leads, signups: s.signups })),
    by_campaign: campaigns.map((c) => ({ campaign: c.campaign, source: c.source, leads: c.leads, signups: c.signups })),
  };
}
