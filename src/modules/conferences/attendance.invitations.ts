import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../kernel/db/client.js';
import { NotFoundError } from '../../kernel/errors/app-error.js';
import { audienceMembersSql, type StudyAudience } from '../members/index.js';
import * as repo from './attendance.repository.js';

/** Audiences whose invitees follow from the tree; the others (retired leaders, enterprise heads …) are listed by hand. */
const COMPUTED_AUDIENCES: readonly string[] = ['all_members', 'key_cadres'];

/**
 * Brings a conference's invitee list in line with its audience and its places. Members who joined
 * the audience are invited; members who left it lose an invitation nobody has acted on yet (a
 * recorded presence or absence is evidence and stays). Then every invitee gets their session and
 * bridge point, and the campaign's participation rows follow. Runs in the caller's transaction.
 */
export async function syncInvitations(tx: Executor, tenantId: string, conferenceId: string): Promise<{ added: number; removed: number }> {
  const conf = await repo.findConference(tx, tenantId, conferenceId);
  if (!conf) throw new NotFoundError('conference.not_found');
  let added: string[] = [];
  let removed: string[] = [];
  if (COMPUTED_AUDIENCES.includes(conf.audienceKind) && conf.status === 'scheduled') {
    const audience = audienceMembersSql(tenantId, conf.orgId, { audience: conf.audienceKind as StudyAudience, includeExempt: conf.includeExempt });
    removed = await removeOutsiders(tx, conf, audience);
    await followBranchChanges(tx, conf, audience);
    const missing = await queryRows<{ id: string; branch_id: string }>(tx, sql`select a.id, a.branch_id from (${audience}) a
      where not exists (select 1 from conference_invitations i
        where i.tenant_id = ${tenantId} and i.conference_id = ${conf.id} and i.member_id = a.id)`);
    added = await repo.insertMemberInvitations(tx, conf, missing.map((m) => ({ memberId: m.id, branchId: m.branch_id })));
  }
  await repo.assignPlaces(tx, tenantId, conf.id);
  await repo.refreshParticipants(tx, tenantId, conf.campaignId, [...added, ...removed]);
  return { added: added.length, removed: removed.length };
}

async function removeOutsiders(tx: Executor, conf: repo.ConferenceRow, audience: ReturnType<typeof audienceMembersSql>) {
  const rows = await queryRows<{ member_id: string }>(tx, sql`delete from conference_invitations i
    where i.tenant_id = ${conf.tenantId} and i.conference_id = ${conf.id} and i.member_id is not null and i.status = 'invited'
      and not exists (select 1 from (${audience}) a where a.id = i.member_id)
      and not exists (select 1 from makeups k where k.tenant_id = i.tenant_id and k.invitation_id = i.id)
    returning i.member_id`);
  return rows.map((r) => r.member_id);
}

/** A member moved to another branch since being invited: the invitation follows them. */
async function followBranchChanges(tx: Executor, conf: repo.ConferenceRow, audience: ReturnType<typeof audienceMembersSql>) {
  await tx.execute(sql`update conference_invitations i set branch_id = a.branch_id from (${audience}) a
    where i.tenant_id = ${conf.tenantId} and i.conference_id = ${conf.id} and i.member_id = a.id and i.branch_id is distinct from a.branch_id`);
}

/** Invites named members (audiences listed by hand); returns how many were new. */
export async function inviteMembers(tx: Executor, conf: repo.ConferenceRow, members: repo.NewMemberInvitee[]): Promise<number> {
  const added = await repo.insertMemberInvitations(tx, conf, members);
  await repo.assignPlaces(tx, conf.tenantId, conf.id);
  await repo.refreshParticipants(tx, conf.tenantId, conf.campaignId, added);
  return added.length;
}
