import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../kernel/db/client.js';
import { NotFoundError, RuleViolationError } from '../../kernel/errors/app-error.js';
import type { CampaignBrief } from '../campaigns/index.js';
import { findMember } from '../members/index.js';

/** A member of an active branch inside the campaign's org: who writes a reflection in it. */
export async function requireWriter(exec: Executor, tenantId: string, campaign: CampaignBrief, memberId: string) {
  const member = await findMember(exec, tenantId, memberId);
  if (!member) throw new NotFoundError('member.not_found', `member ${memberId}`);
  const inside = await queryRows(exec, sql`select 1 as ok from org_closure where tenant_id = ${tenantId}
    and ancestor_id = ${campaign.orgId}::uuid and descendant_id = ${member.branchId}::uuid`);
  if (member.leftAt || inside.length === 0) throw new RuleViolationError('reflection.not_writer', `member ${memberId} outside campaign ${campaign.id}`);
  return member;
}
