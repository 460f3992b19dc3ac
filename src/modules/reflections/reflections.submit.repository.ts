import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { auditInsertSql, type AuditEvent } from '../../kernel/audit/record-audit.js';
import { queryRows, type Executor } from '../../kernel/db/client.js';
import { enqueueSql, type EnqueueInput } from '../../kernel/jobs/queue.js';
import { campaignReachableSql, type CampaignBrief } from '../campaigns/index.js';
import type { NewVersion } from './reflections.repository.js';

/**
 * The member's own submission (reflections.submit.ts) is the deadline rush's hot path: a handful of
 * round trips instead of one per question. Everything here is raw SQL on purpose (no query builder on
 * the hot path) and runs the same on PostgreSQL and PGlite.
 */

export interface SubmitContext {
  /** Null when the campaign does not exist or the actor does not take part in it. */
  campaign: CampaignBrief | null;
  /** The actor's member row as far as submitting needs it; null when not found. */
  member: { id: string; branchId: string; left: boolean; insideCampaign: boolean } | null;
  rules: { mustHandwrite: boolean; maxPages: number; cutoffAt: Date | null };
  /** The latest extension still running at `at`, if any. */
  extensionUntil: Date | null;
}

const toDate = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string | Date));

/**
 * In one query, what `requireCampaignAccess`, `requireWriter`, `findSettings` and `activeExtension`
 * answer one by one: the campaign if the actor reaches it, the member with whether they write in it, the
 * submission rules (defaults when the campaign has no settings row) and a running extension.
 */
export async function submitContext(exec: Executor, actor: Actor, campaignId: string, at: Date): Promise<SubmitContext> {
  const memberId = actor.memberId;
  const [row] = await queryRows<Record<string, unknown>>(exec, sql`select c.id, c.title, c.org_id, c.resolution_id, c.status,
      ${campaignReachableSql(actor, sql`c.org_id`)} as reachable,
      m.id as member_id, m.branch_id, m.left_at is not null as member_left,
      exists (select 1 from org_closure oc where oc.tenant_id = c.tenant_id and oc.ancestor_id = c.org_id and oc.descendant_id = m.branch_id) as inside,
      s.must_handwrite, s.max_pages, s.cutoff_at,
      (select max(e.until) from reflection_extensions e where e.tenant_id = c.tenant_id and e.campaign_id = c.id
         and e.member_id = m.id and e.until >= ${at.toISOString()}::timestamptz) as extension_until
    from campaigns c
    left join members m on m.tenant_id = c.tenant_id and m.id = ${memberId}::uuid
    left join reflection_settings s on s.tenant_id = c.tenant_id and s.campaign_id = c.id
    where c.tenant_id = ${actor.tenantId}::uuid and c.id = ${campaignId}::uuid`);
  if (!row || !row.reachable) return { campaign: null, member: null, rules: { mustHandwrite: false, maxPages: 10, cutoffAt: null }, extensionUntil: null };
  return {
    campaign: { id: row.id as string, title: row.title as string, orgId: row.org_id as string, resolutionId: row.resolution_id as string, status: row.status as string },
    member: row.member_id ? { id: row.member_id as string, branchId: row.branch_id as string, left: !!row.member_left, insideCampaign: !!row.inside } : null,
    rules: {
      mustHandwrite: (row.must_handwrite as boolean | null) ?? false,
      maxPages: row.max_pages === null || row.max_pages === undefined ? 10 : Number(row.max_pages),
      cutoffAt: toDate(row.cutoff_at),
    },
    extensionUntil: toDate(row.extension_until),
  };
}

export interface FirstVersion {
  tenantId: string; campaignId: string; memberId: string; branchId: string;
  reflectionId: string; versionId: string; submittedAt: Date; receiptNumber: string;
  version: NewVersion;
  audit: { actor: Actor; event: AuditEvent };
  /** The jobs to queue with the version (the copy index and the recommendation pools when there is typed text). */
  jobs: EnqueueInput[];
}

/**
 * A member's first version, in one statement (atomic on its own, no transaction round trips): the
 * reflection row created already current, the version (seq 1), the files it uses, the audit entry and
 * the job. The reflection row is created only if the member has none; when they do, nothing at all is
 * written and this returns false: the caller then takes the locked path (a later version, or a replay of
 * an idempotency key). The statement triggers on `reflections` count the row as handed in, once.
 */
export async function insertFirstVersion(exec: Executor, f: FirstVersion): Promise<boolean> {
  const v = f.version;
  const at = f.submittedAt.toISOString();
  const inserted = sql`exists (select 1 from ins)`;
  const files = [...new Map([
    ...v.pages.flatMap((p) => [[p.fileHash, p.mime], [p.thumbHash, 'image/jpeg']] as const),
    ...(v.pdf ? [[v.pdf.fileHash, 'application/pdf'] as const] : []),
  ].map(([hash, mime]) => [hash, mime] as [string, string]))];
  const parts: SQL[] = [
    sql`ins as (insert into reflections (tenant_id, id, campaign_id, member_id, branch_id, current_version_id, status, submitted_at)
      values (${f.tenantId}::uuid, ${f.reflectionId}::uuid, ${f.campaignId}::uuid, ${f.memberId}::uuid, ${f.branchId}::uuid, ${f.versionId}::uuid,
        ${v.source === 'paper' ? 'paper' : 'submitted'}::text, ${at}::timestamptz)
      on conflict do nothing
      returning id)`,
    sql`ver as (insert into reflection_versions (tenant_id, id, reflection_id, seq, text, recommendations, pages, pdf_hash, pdf_bytes,
        source, submitted_by, submitted_at, receipt_number, idempotency_key)
      select ${f.tenantId}::uuid, ${f.versionId}::uuid, ins.id, 1, ${v.text}::text, ${v.recommendations}::text, ${JSON.stringify(v.pages)}::jsonb,
        ${v.pdf?.fileHash ?? null}::text, ${v.pdf?.bytes ?? null}::int, ${v.source}::text, ${v.submittedBy}::uuid, ${at}::timestamptz,
        ${f.receiptNumber}::text, ${v.idempotencyKey}::text
      from ins
      returning id)`,
  ];
  if (files.length) {
    parts.push(sql`files as (insert into reflection_files (tenant_id, reflection_id, file_hash, mime)
      select ${f.tenantId}::uuid, ins.id, x.hash, x.mime from ins,
        (values ${sql.join(files.map(([hash, mime]) => sql`(${hash}::text, ${mime}::text)`), sql`, `)}) as x(hash, mime)
      on conflict do nothing)`);
  }
  parts.push(sql`audit as (${auditInsertSql(f.audit.actor, f.tenantId, f.audit.event, inserted)})`);
  f.jobs.forEach((job, i) => parts.push(sql`${sql.raw(`job${i}`)} as (${enqueueSql(job, inserted)})`));
  const rows = await queryRows<{ n: number }>(exec, sql`with ${sql.join(parts, sql`, `)} select count(*)::int as n from ver`);
  return Number(rows[0]?.n ?? 0) === 1;
}

/** Whether an error is the (rare) clash of a random receipt number with one already given that day. */
export function isReceiptClash(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string; message?: string; cause?: { code?: string; constraint?: string; message?: string } };
  const pg = e?.cause ?? e;
  return pg?.code === '23505' && (pg.constraint === 'reflection_versions_receipt_uq' || !!pg.message?.includes('reflection_versions_receipt_uq'));
}
