import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { can, orgScopeSql } from '../../kernel/access/policy.js';
import { queryRows, type Executor } from '../../kernel/db/client.js';
import { ForbiddenError, NotFoundError } from '../../kernel/errors/app-error.js';
import type { ConferenceRow, InvitationRow } from './attendance.repository.js';

/**
 * Who may see and keep a conference's attendance. The organizing level sees all of it; a branch
 * committee sees and ticks its own branch's invitees (the commune's conference is held for them
 * too); the Standing Committee member supervising a bridge point checks in the people at that point.
 */
export type RosterReach = { all: true } | { all: false; branchScope: ReturnType<typeof sql>; bridgePointIds: string[] };

export async function rosterReach(exec: Executor, actor: Actor, conf: ConferenceRow): Promise<RosterReach | null> {
  if (await can(exec, actor, 'campaign.read', conf.orgId)) return { all: true };
  const branchScope = orgScopeSql(actor, 'attendance.record', sql`i.branch_id`);
  const points = await supervisedPoints(exec, actor, conf.id);
  const [row] = await queryRows<{ ok: number }>(exec, sql`select 1 as ok from conference_invitations i
    where i.tenant_id = ${actor.tenantId} and i.conference_id = ${conf.id} and ${branchScope} limit 1`);
  if (!row && points.length === 0) return null;
  return { all: false, branchScope, bridgePointIds: points };
}

async function supervisedPoints(exec: Executor, actor: Actor, conferenceId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(exec, sql`select id from bridge_points
    where tenant_id = ${actor.tenantId} and conference_id = ${conferenceId} and supervisor_user_id = ${actor.userId}::uuid`);
  return rows.map((r) => r.id);
}

/** Throws unless the actor may record attendance for this invitee (404 when they cannot even see the conference). */
export async function requireRecorder(
  exec: Executor, actor: Actor, conf: ConferenceRow, inv: Pick<InvitationRow, 'branchId' | 'bridgePointId'> | null,
): Promise<void> {
  if (await can(exec, actor, 'attendance.record', conf.orgId)) return;
  if (inv?.branchId && (await can(exec, actor, 'attendance.record', inv.branchId))) return;
  if (inv?.bridgePointId && (await supervisedPoints(exec, actor, conf.id)).includes(inv.bridgePointId)) return;
  if (await rosterReach(exec, actor, conf)) throw new ForbiddenError('auth.forbidden', `attendance.record denied for conference ${conf.id}`);
  throw new NotFoundError('conference.not_found');
}

/** SQL condition on invitations `i` limiting a roster to what the actor may see. */
export function rosterFilter(reach: RosterReach): ReturnType<typeof sql> {
  if (reach.all) return sql`true`;
  const points = reach.bridgePointIds.length
    ? sql`i.bridge_point_id in (${sql.join(reach.bridgePointIds.map((p) => sql`${p}::uuid`), sql`, `)})`
    : sql`false`;
  return sql`(${reach.branchScope} or ${points})`;
}
