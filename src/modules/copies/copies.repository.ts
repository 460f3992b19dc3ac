/** Queries of the copy index: typed texts in, flagged pairs and source shares out. No access decisions. */
import { sql, type SQL } from 'drizzle-orm';
import { isoTimestamp, queryRows, type Executor } from '../../kernel/db/client.js';

export interface TypedText { reflectionId: string; memberId: string; versionId: string; branchId: string; text: string }

/**
 * One page of a campaign's current typed texts (text and recommendations of the current version),
 * in member order after `afterMember` (keyset on the reflections' unique (campaign, member) index).
 */
export async function typedTextsPage(exec: Executor, tenantId: string, campaignId: string, afterMember: string | null, limit: number): Promise<TypedText[]> {
  const after = afterMember ? sql`and r.member_id > ${afterMember}::uuid` : sql``;
  return queryRows<TypedText>(exec, sql`select r.id as "reflectionId", r.member_id as "memberId", v.id as "versionId", r.branch_id as "branchId",
      concat_ws(E'\n', nullif(v.text, ''), nullif(v.recommendations, '')) as text
    from reflections r
    join reflection_versions v on v.tenant_id = r.tenant_id and v.id = r.current_version_id
    where r.tenant_id = ${tenantId} and r.campaign_id = ${campaignId}::uuid ${after}
      and (coalesce(v.text, '') <> '' or coalesce(v.recommendations, '') <> '')
    order by r.member_id limit ${limit}`);
}

export interface IndexRun { documents: number; pairs: number; seconds: number }
export interface PairRow { a: string; b: string; branchA: string; branchB: string; score: number }
export interface ShareRow { reflectionId: string; versionId: string; branchId: string; share: number }

const BATCH = 5000;

/** Replaces the campaign's pairs, shares and last run with a new index (inside the caller's transaction). */
export async function replaceIndex(tx: Executor, tenantId: string, campaignId: string, index: { pairs: PairRow[]; shares: ShareRow[]; run: IndexRun }) {
  await tx.execute(sql`delete from reflection_copy_pairs where tenant_id = ${tenantId} and campaign_id = ${campaignId}::uuid`);
  await tx.execute(sql`delete from reflection_source_shares where tenant_id = ${tenantId} and campaign_id = ${campaignId}::uuid`);
  for (let i = 0; i < index.pairs.length; i += BATCH) {
    await tx.execute(sql`insert into reflection_copy_pairs (tenant_id, campaign_id, reflection_a, reflection_b, branch_a, branch_b, score)
      select ${tenantId}::uuid, ${campaignId}::uuid, x.a, x.b, x."branchA", x."branchB", x.score
      from jsonb_to_recordset(${JSON.stringify(index.pairs.slice(i, i + BATCH))}::jsonb)
        as x(a uuid, b uuid, "branchA" uuid, "branchB" uuid, score float8)`);
  }
  for (let i = 0; i < index.shares.length; i += BATCH) {
    await tx.execute(sql`insert into reflection_source_shares (tenant_id, reflection_id, campaign_id, version_id, branch_id, share)
      select ${tenantId}::uuid, x."reflectionId", ${campaignId}::uuid, x."versionId", x."branchId", x.share
      from jsonb_to_recordset(${JSON.stringify(index.shares.slice(i, i + BATCH))}::jsonb)
        as x("reflectionId" uuid, "versionId" uuid, "branchId" uuid, share float8)`);
  }
  await tx.execute(sql`insert into reflection_copy_runs (tenant_id, campaign_id, ran_at, documents, pairs, seconds)
    values (${tenantId}, ${campaignId}::uuid, now(), ${index.run.documents}, ${index.run.pairs}, ${index.run.seconds})
    on conflict (tenant_id, campaign_id) do update set ran_at = excluded.ran_at, documents = excluded.documents, pairs = excluded.pairs, seconds = excluded.seconds`);
}

export interface RunInfo { ranAt: string; documents: number; pairs: number; seconds: number }

export async function lastRun(exec: Executor, tenantId: string, campaignId: string): Promise<RunInfo | null> {
  const [row] = await queryRows<Record<string, unknown>>(exec, sql`select ran_at, documents, pairs, seconds from reflection_copy_runs
    where tenant_id = ${tenantId} and campaign_id = ${campaignId}::uuid`);
  return row ? { ranAt: isoTimestamp(row.ran_at)!, documents: Number(row.documents), pairs: Number(row.pairs), seconds: Number(row.seconds) } : null;
}


/** Pairs with a side in the subtree of `orgId`, best score first, one page, and how many there are. */
export async function pairsUnder(exec: Executor, q: { tenantId: string; campaignId: string; orgId: string; limit: number; offset: number }) {
  const inside = (col: SQL) => sql`${col} in (select descendant_id from org_closure where tenant_id = ${q.tenantId} and ancestor_id = ${q.orgId}::uuid)`;
  const where = sql`p.tenant_id = ${q.tenantId} and p.campaign_id = ${q.campaignId}::uuid and (${inside(sql`p.branch_a`)} or ${inside(sql`p.branch_b`)})`;
  const rows = await queryRows<PairRow>(exec, sql`select p.reflection_a as a, p.reflection_b as b, p.branch_a as "branchA", p.branch_b as "branchB", p.score
    from reflection_copy_pairs p where ${where}
    order by p.score desc, p.reflection_a, p.reflection_b limit ${q.limit} offset ${q.offset}`);
  const [{ n }] = await queryRows<{ n: number }>(exec, sql`select count(*)::int as n from reflection_copy_pairs p where ${where}`);
  return { rows: rows.map((r) => ({ ...r, score: Number(r.score) })), total: Number(n) };
}

/** The pairs one reflection is part of, best first. */
export async function pairsOf(exec: Executor, tenantId: string, reflectionId: string): Promise<PairRow[]> {
  const rows = await queryRows<PairRow>(exec, sql`select reflection_a as a, reflection_b as b, branch_a as "branchA", branch_b as "branchB", score
    from reflection_copy_pairs where tenant_id = ${tenantId} and (reflection_a = ${reflectionId}::uuid or reflection_b = ${reflectionId}::uuid)
    order by score desc limit 50`);
  return rows.map((r) => ({ ...r, score: Number(r.score) }));
}

export interface Writer {
  reflectionId: string; campaignId: string; memberId: string; fullName: string; branchId: string; branchName: string; unitName: string | null;
  currentVersionId: string | null; receiptNumber: string | null; text: string | null; sourceShare: number | null; indexedVersionId: string | null;
}

/** The writers of the given reflections with their branch (and the org above it), current text and stored source share. */
export async function writersOf(exec: Executor, tenantId: string, ids: string[], withText = false): Promise<Map<string, Writer>> {
  if (ids.length === 0) return new Map();
  const text = withText ? sql`concat_ws(E'\n', nullif(v.text, ''), nullif(v.recommendations, ''))` : sql`null`;
  const rows = await queryRows<Writer>(exec, sql`select r.id as "reflectionId", r.campaign_id as "campaignId", r.member_id as "memberId",
      m.full_name as "fullName", r.branch_id as "branchId", o.name as "branchName", u.name as "unitName", r.current_version_id as "currentVersionId",
      v.receipt_number as "receiptNumber", ${text} as text, s.share as "sourceShare", s.version_id as "indexedVersionId"
    from reflections r
    join members m on m.tenant_id = r.tenant_id and m.id = r.member_id
    join orgs o on o.tenant_id = r.tenant_id and o.id = r.branch_id
    left join orgs u on u.tenant_id = o.tenant_id and u.id = o.parent_id
    left join reflection_versions v on v.tenant_id = r.tenant_id and v.id = r.current_version_id
    left join reflection_source_shares s on s.tenant_id = r.tenant_id and s.reflection_id = r.id
    where r.tenant_id = ${tenantId} and r.id = any(string_to_array(${ids.join(',')}, ',')::uuid[])`);
  return new Map(rows.map((r) => [r.reflectionId, { ...r, sourceShare: r.sourceShare === null ? null : Number(r.sourceShare) }]));
}

/** Whether the campaign marks anonymously (markers see receipt numbers, not writers). */
export async function anonymousMarking(exec: Executor, tenantId: string, campaignId: string): Promise<boolean> {
  const [row] = await queryRows<{ anonymous: boolean }>(exec, sql`select anonymous_marking as anonymous from reflection_settings
    where tenant_id = ${tenantId} and campaign_id = ${campaignId}::uuid`);
  return !!row?.anonymous;
}
