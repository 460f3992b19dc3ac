import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { can } from '../../kernel/access/policy.js';
import { isoTimestamp, queryRows, type Db, type Executor } from '../../kernel/db/client.js';
import { campaignViewOrg, includeExempt, requireCampaignAccess } from '../campaigns/index.js';
import { DEFAULT_RUBRIC, type Rubric } from './reflections.rubric.js';

export interface StatsCounts {
  expected: number; submitted: number; onTime: number; graded: number; missing: number; perGrade: Record<string, number>;
}
export interface StatsRow extends StatsCounts {
  orgId: string; orgName: string; orgCode: string; isLeaf: boolean; lastReminderAt: string | null; reminderCount: number;
}
export type Writers = 'studied' | 'covered';

export interface GradeLabel { key: string; label: string }

/** How a campaign's reflections are expected, judged on time and graded: its settings row, or the defaults. */
export async function statsSettings(exec: Executor, tenantId: string, campaignId: string) {
  const [row] = await queryRows<{ writers: string; due_at: unknown; rubric: unknown }>(exec, sql`select writers, due_at, rubric
    from reflection_settings where tenant_id = ${tenantId} and campaign_id = ${campaignId}::uuid`);
  const writers: Writers = row?.writers === 'covered' ? 'covered' : 'studied';
  const rubric = (typeof row?.rubric === 'string' ? JSON.parse(row.rubric) : row?.rubric) as Rubric | null | undefined;
  const grades: GradeLabel[] = (rubric?.grades?.length ? rubric : DEFAULT_RUBRIC).grades.map((g) => ({ key: g.key, label: g.label }));
  return { writers, dueAt: isoTimestamp(row?.due_at), grades };
}

/**
 * Follow-up of reflections under one org, per child org: how many must write (attended or made up, or
 * every covered member, as the campaign says), how many handed in (on time or not), how many grades the
 * secretary approved and their distribution, how many are missing, and when each child was last
 * reminded. Counted per branch once (reflections from their index only), then summed over the closure,
 * as coverage is (attendance.coverage.ts).
 */
export async function reflectionStats(db: Db, actor: Actor, campaignId: string, orgId?: string) {
  const campaign = await requireCampaignAccess(db, actor, campaignId);
  const target = await campaignViewOrg(db, actor, campaign, orgId);
  const { writers, dueAt, grades } = await statsSettings(db, actor.tenantId, campaignId);
  const withExempt = await includeExempt(db, actor.tenantId, campaignId);
  const keys = grades.map((g) => g.key);
  const rows = await queryRows<Record<string, unknown>>(db, statsSql({
    tenantId: actor.tenantId, campaignId, target, writers, withExempt, dueAt, gradeKeys: keys,
  }));
  const total = rows.find((r) => r.org_id === target);
  const children = rows.filter((r) => r.org_id !== target);
  const reminders = await lastReminders(db, actor.tenantId, campaignId, children.map((r) => r.org_id as string));
  return {
    campaignId, orgId: target, orgName: (total?.name as string) ?? '', writers, dueAt, grades,
    // Reminders go from this org to its children: who manages the campaign here may send them.
    abilities: { remind: children.length > 0 && (await can(db, actor, 'campaign.manage', target)) },
    total: total ? counts(total, keys) : counts({}, keys),
    children: children.map((r): StatsRow => ({
      orgId: r.org_id as string, orgName: r.name as string, orgCode: r.code as string, isLeaf: !!r.is_leaf, ...counts(r, keys),
      lastReminderAt: reminders.get(r.org_id as string)?.at ?? null, reminderCount: reminders.get(r.org_id as string)?.count ?? 0,
    })),
  };
}

export type ReflectionStats = Awaited<ReturnType<typeof reflectionStats>>;

/** Counts of one row; perGrade lists the grades that occur (the rubric's keys, in its order). */
function counts(r: Record<string, unknown>, keys: string[]): StatsCounts {
  const perGrade: Record<string, number> = {};
  keys.forEach((k, i) => { const n = Number(r[`g${i}`] ?? 0); if (n > 0) perGrade[k] = n; });
  return {
    expected: Number(r.expected ?? 0), submitted: Number(r.submitted ?? 0), onTime: Number(r.on_time ?? 0),
    graded: Number(r.graded ?? 0), missing: Number(r.missing ?? 0), perGrade,
  };
}

async function lastReminders(exec: Executor, tenantId: string, campaignId: string, orgIds: string[]) {
  if (orgIds.length === 0) return new Map<string, { at: string; count: number }>();
  const rows = await queryRows<{ org_id: string; at: unknown; n: number }>(exec, sql`select org_id, max(created_at) as at, count(*)::int as n
    from reflection_reminders where tenant_id = ${tenantId} and campaign_id = ${campaignId}::uuid
      and org_id = any(string_to_array(${orgIds.join(',')}, ',')::uuid[])
    group by org_id`);
  return new Map(rows.map((r) => [r.org_id, { at: isoTimestamp(r.at)!, count: Number(r.n) }]));
}

interface StatsQuery {
  tenantId: string; campaignId: string; target: string; writers: Writers; withExempt: boolean; dueAt: string | null; gradeKeys: string[];
}

/**
 * One statement, one row per branch before the roll-up. Reflections are read from reflections_branch_idx
 * alone (tenant, campaign, branch, submitted_at, grade_status, final_grade) and grouped by branch, one
 * filtered count per grade of the rubric (g0, g1, …), so the index is walked once in branch order.
 * `expected` comes per branch from campaign_branch_counts (attended + made up, kept by the conferences
 * module) or, when every covered member must write, from the members index as coverage counts it.
 * Missing is counted per branch (expected − handed in, never below 0) before summing, so a branch where
 * more handed in than had to (exempt members writing anyway) does not hide another branch's gap.
 * An approved grade that is not in the rubric counts as graded, in no grade.
 */
function statsSql(q: StatsQuery) {
  const { tenantId, campaignId, target } = q;
  // The subtree's branches once (materialized: a hash join against it, whatever the statistics of the
  // counts tables say — rows written by triggers since the last ANALYZE made the planner probe the
  // closure once per count row).
  const scope = sql`(select branch_id from subtree)`;
  const g = q.gradeKeys.map((_, i) => sql.raw(`g${i}`));
  const perGrade = sql.join(q.gradeKeys.map((k, i) => sql`, coalesce(sum(r.n) filter (where r.bucket = ${`g:${k}`}), 0) as ${g[i]}`), sql``);
  const carry = sql.join(g.map((c) => sql`, coalesce(h.${c}, 0) as ${c}`), sql``);
  const sums = sql.join(g.map((c) => sql`, coalesce(sum(b.${c}), 0)::int as ${c}`), sql``);
  // One row per branch from the counts kept alongside the data (never every member or reflection):
  // members per branch (branch_member_counts), who studied (campaign_branch_counts), reflections per
  // bucket (reflection_branch_counts, migration 0017).
  const expected = q.writers === 'covered'
    ? sql`select branch_id, ${q.withExempt ? sql`active` : sql`active_not_exempt`} as expected from branch_member_counts
        where tenant_id = ${tenantId} and branch_id in ${scope}`
    : sql`select branch_id, attended + made_up as expected from campaign_branch_counts
        where tenant_id = ${tenantId} and campaign_id = ${campaignId}::uuid and branch_id in ${scope}`;
  return sql`with subtree as materialized (
      select descendant_id as branch_id from org_closure where tenant_id = ${tenantId} and ancestor_id = ${target}::uuid),
    handed as (
      select r.branch_id, coalesce(sum(r.n) filter (where r.bucket = 's'), 0) as submitted,
        coalesce(sum(r.n) filter (where r.bucket = 't'), 0) as on_time, coalesce(sum(r.n) filter (where r.bucket = 'g'), 0) as graded ${perGrade}
      from reflection_branch_counts r
      where r.tenant_id = ${tenantId} and r.campaign_id = ${campaignId}::uuid and r.branch_id in ${scope}
      group by r.branch_id),
    expected as (${expected}),
    counted as (
      select coalesce(e.branch_id, h.branch_id) as branch_id, coalesce(e.expected, 0) as expected,
        coalesce(h.submitted, 0) as submitted, coalesce(h.on_time, 0) as on_time, coalesce(h.graded, 0) as graded,
        greatest(coalesce(e.expected, 0) - coalesce(h.submitted, 0), 0) as missing ${carry}
      from expected e full join handed h on h.branch_id = e.branch_id),
    heads as (
      select o.id, o.name, o.code from orgs o
      where o.tenant_id = ${tenantId} and (o.id = ${target}::uuid or (o.parent_id = ${target}::uuid and o.status = 'active')))
    select h.id as org_id, h.name, h.code,
      not exists (select 1 from orgs k where k.tenant_id = ${tenantId} and k.parent_id = h.id and k.status = 'active') as is_leaf,
      coalesce(sum(b.expected), 0)::int as expected, coalesce(sum(b.submitted), 0)::int as submitted,
      coalesce(sum(b.on_time), 0)::int as on_time, coalesce(sum(b.graded), 0)::int as graded, coalesce(sum(b.missing), 0)::int as missing ${sums}
    from heads h
    join org_closure c on c.tenant_id = ${tenantId} and c.ancestor_id = h.id
    left join counted b on b.branch_id = c.descendant_id
    group by h.id, h.name, h.code
    order by h.name`;
}
