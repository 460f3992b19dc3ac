import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../kernel/db/client.js';
import type { PlanStatus } from './plans.repository.js';

/**
 * Whether each org owes a plan, by when, and whether it is late, for many orgs at once: a handful of
 * set-based queries, never one per org. An org owes a plan when the nearest issued plan above it sets
 * a `planBy` for its level; it is late when it has not issued by then (or issued after).
 */

export interface PlanFlags {
  orgId: string;
  parentId: string | null;
  planId: string | null;
  number: string | null;
  status: PlanStatus | null;
  issuedOn: string | null;
  title: string | null;
  required: boolean;
  issued: boolean;
  dueBy: string | null;
  late: boolean;
}

interface Scope { tenantId: string; campaignId: string; today: string }

/** `with … flags as (…)`: one row per active org in `targets` (a query yielding `id`). */
function flagsCte(s: Scope, targets: SQL): SQL {
  return sql`
    with targets as (${targets}),
    issued as (
      select p.org_id, p.level_deadlines from campaign_plans p
      where p.tenant_id = ${s.tenantId} and p.campaign_id = ${s.campaignId}::uuid and p.status = 'issued'),
    issued_due as (
      select i.org_id, e->>'levelId' as level_id, (e->>'planBy')::date as due
      from issued i cross join lateral jsonb_array_elements(i.level_deadlines) e where e->>'planBy' is not null),
    gov as (
      select distinct on (c.descendant_id) c.descendant_id as org_id, c.ancestor_id as plan_org_id
      from org_closure c join issued i on i.org_id = c.ancestor_id
      where c.tenant_id = ${s.tenantId} and c.depth > 0 and c.descendant_id in (select id from targets)
      order by c.descendant_id, c.depth),
    base as (
      select o.id as org_id, o.parent_id, p.id as plan_id, p.number, p.status, p.issued_on, p.title, d.due
      from orgs o
      join targets t on t.id = o.id
      left join gov g on g.org_id = o.id
      left join issued_due d on d.org_id = g.plan_org_id and d.level_id = o.level_id::text
      left join campaign_plans p on p.tenant_id = o.tenant_id and p.campaign_id = ${s.campaignId}::uuid and p.org_id = o.id
      where o.tenant_id = ${s.tenantId} and o.status = 'active'),
    flags as (
      select b.*, b.due is not null as required,
        coalesce(b.status = 'issued', false) as issued,
        coalesce(b.due is not null and case when b.status = 'issued' then b.issued_on > b.due else ${s.today}::date > b.due end, false) as late
      from base b)`;
}

const FLAG_COLUMNS = sql`f.org_id as "orgId", f.parent_id as "parentId", f.plan_id as "planId", f.number, f.status,
  f.issued_on as "issuedOn", f.title, f.required, f.issued, f.due::text as "dueBy", f.late`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Flags of the given orgs. */
export async function flagsOf(exec: Executor, s: Scope, orgIds: string[]): Promise<PlanFlags[]> {
  if (orgIds.length === 0) return [];
  if (orgIds.some((id) => !UUID.test(id))) throw new Error('flagsOf: org ids must be uuids');
  // One array parameter (a Postgres array literal of uuids), however many orgs: no parameter-count limit.
  const targets = sql`select unnest(${`{${orgIds.join(',')}}`}::uuid[]) as id`;
  return queryRows(exec, sql`${flagsCte(s, targets)} select ${FLAG_COLUMNS} from flags f`);
}

export interface CascadeRow extends PlanFlags {
  orgName: string; orgCode: string; levelId: string; levelName: string; childCount: number;
  below: { required: number; issued: number; late: number };
}

/**
 * The org `parentId` and its active children, each child with counts over the orgs below it: flags
 * are computed once per org of the subtree, then summed over the closure table.
 */
export async function cascadeRows(exec: Executor, s: Scope, parentId: string): Promise<CascadeRow[]> {
  const targets = sql`select descendant_id as id from org_closure where tenant_id = ${s.tenantId} and ancestor_id = ${parentId}::uuid`;
  return queryRows(exec, sql`${flagsCte(s, targets)},
    kids as (select org_id as id from flags where parent_id = ${parentId}::uuid),
    below as (
      select c.ancestor_id as id,
        count(*) filter (where f.required)::int as required,
        count(*) filter (where f.required and f.issued)::int as issued,
        count(*) filter (where f.late)::int as late
      from org_closure c join flags f on f.org_id = c.descendant_id
      where c.tenant_id = ${s.tenantId} and c.depth > 0 and c.ancestor_id in (select id from kids)
      group by c.ancestor_id)
    select ${FLAG_COLUMNS}, o.name as "orgName", o.code as "orgCode", o.level_id as "levelId", l.name as "levelName",
      (select count(*)::int from orgs k where k.tenant_id = o.tenant_id and k.parent_id = o.id and k.status = 'active') as "childCount",
      json_build_object('required', coalesce(b.required, 0), 'issued', coalesce(b.issued, 0), 'late', coalesce(b.late, 0)) as below
    from flags f
    join orgs o on o.tenant_id = ${s.tenantId} and o.id = f.org_id
    join org_levels l on l.tenant_id = o.tenant_id and l.id = o.level_id
    left join below b on b.id = f.org_id
    where f.org_id = ${parentId}::uuid or f.parent_id = ${parentId}::uuid
    order by l.rank, o.code`);
}
