import { sql } from 'drizzle-orm';
import { newId } from '../src/kernel/db/columns.js';
import type { Db } from '../src/kernel/db/client.js';
import type { LevelDeadline } from '../src/modules/campaigns/campaigns.table.js';
import { syncInvitations } from '../src/modules/conferences/attendance.invitations.js';
import type { TestTenant } from './factories.js';

/**
 * A campaign with its root plan already issued, written straight to the tables: for tests of what
 * comes after the plan (conferences, attendance, coverage) that should not depend on the plan flow.
 */
export async function issuedCampaign(db: Db, t: TestTenant, opts: { orgId?: string; levelDeadlines?: LevelDeadline[]; includeExempt?: boolean; userId?: string } = {}) {
  const orgId = opts.orgId ?? t.rootId;
  const userId = opts.userId ?? newId();
  const resolutionId = newId(); const campaignId = newId(); const planId = newId();
  await db.execute(sql`insert into resolutions (tenant_id, id, org_id, title, congress, term, adopted_on, created_by)
    values (${t.tenantId}, ${resolutionId}, ${orgId}, 'Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVI', 'Đại hội XVI', '2025–2030', '2025-10-15', ${userId})`);
  await db.execute(sql`insert into campaigns (tenant_id, id, resolution_id, org_id, title, created_by)
    values (${t.tenantId}, ${campaignId}, ${resolutionId}, ${orgId}, 'Học tập, quán triệt Nghị quyết Đại hội XVI', ${userId})`);
  const deadlines = opts.levelDeadlines ?? Object.values(t.levels).map((levelId) => ({ levelId, planBy: '2026-12-31', conferencesBy: '2027-01-31' }));
  await db.execute(sql`insert into campaign_plans (tenant_id, id, campaign_id, org_id, number, issued_on, title, include_exempt, level_deadlines,
      reflections_by, report_by, action_program_by, status, issued_at, created_by)
    values (${t.tenantId}, ${planId}, ${campaignId}, ${orgId}, '03-KH/TU', '2026-11-01', 'Kế hoạch học tập, quán triệt', ${opts.includeExempt ?? false},
      ${JSON.stringify(deadlines)}::jsonb, '2027-02-15', '2027-02-28', '2027-03-31', 'issued', now(), ${userId})`);
  return { campaignId, resolutionId, planId };
}

/** A conference with its first session, its invitees computed as the service would. */
export async function scheduledConference(db: Db, tenantId: string, campaignId: string, orgId: string, opts: {
  audienceKind?: string; title?: string; startsAt?: string; capacity?: number; format?: 'in_person' | 'online'; includeExempt?: boolean;
} = {}) {
  const id = newId();
  // By default it began an hour ago: attendance can be taken and the conference closed.
  const startsAt = opts.startsAt ?? new Date(Date.now() - 3600_000).toISOString();
  await db.execute(sql`insert into conferences (tenant_id, id, campaign_id, org_id, title, audience_kind, format, venue, capacity, starts_at, include_exempt, created_by)
    values (${tenantId}, ${id}, ${campaignId}, ${orgId}, ${opts.title ?? 'Hội nghị học tập, quán triệt Nghị quyết'}, ${opts.audienceKind ?? 'all_members'},
      ${opts.format ?? 'in_person'}, 'Hội trường Đảng ủy', ${opts.capacity ?? null}, ${startsAt}, ${opts.includeExempt ?? false}, ${newId()})`);
  await db.execute(sql`insert into conference_sessions (tenant_id, id, conference_id, seq, venue, capacity, starts_at)
    values (${tenantId}, ${newId()}, ${id}, 1, 'Hội trường Đảng ủy', ${opts.capacity ?? null}, ${startsAt})`);
  await db.transaction((tx) => syncInvitations(tx, tenantId, id));
  return id;
}

/** A member's typed reflection (one version, current), written straight to the tables; returns its id. */
export async function insertTypedReflection(db: Db, tenantId: string, campaignId: string, memberId: string, text: string): Promise<string> {
  const id = newId(); const versionId = newId();
  await db.execute(sql`insert into reflections (tenant_id, id, campaign_id, member_id, branch_id, current_version_id, submitted_at)
    select ${tenantId}, ${id}, ${campaignId}, ${memberId}, branch_id, ${versionId}, now() from members where tenant_id = ${tenantId} and id = ${memberId}::uuid`);
  await db.execute(sql`insert into reflection_versions (tenant_id, id, reflection_id, seq, text, source, submitted_by, receipt_number)
    values (${tenantId}, ${versionId}, ${id}, 1, ${text}, 'member', ${memberId}, ${`BTH-T-${versionId.slice(-12)}`})`);
  return id;
}
