import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { can, orgScopeSql } from '../../kernel/access/policy.js';
import type { Executor } from '../../kernel/db/client.js';
import { ForbiddenError, NotFoundError, RuleViolationError } from '../../kernel/errors/app-error.js';
import { rosterReach } from './attendance.access.js';
import { findConference, type ConferenceRow } from './conferences.repository.js';

/**
 * Who sees a conference: officers who may read campaigns at the organizing org (it or an ancestor),
 * branch committees whose branch has invitees (the commune's conference is held for them too), and
 * the Standing Committee members supervising one of its bridge points — the same people who see its
 * attendance (attendance.access.ts). Those may also comment on its discussion documents. Changing it
 * takes conference.manage on the organizing org. Anyone else gets 404.
 */
export function conferenceReadScope(actor: Actor) {
  return sql`(${orgScopeSql(actor, 'campaign.read', sql`c.org_id`)}
    or exists (select 1 from conference_invitations i where i.tenant_id = c.tenant_id and i.conference_id = c.id
      and ${orgScopeSql(actor, 'attendance.record', sql`i.branch_id`)})
    or exists (select 1 from bridge_points b where b.tenant_id = c.tenant_id and b.conference_id = c.id
      and b.supervisor_user_id = ${actor.userId}::uuid))`;
}

export async function canReadConference(exec: Executor, actor: Actor, conf: ConferenceRow): Promise<boolean> {
  return (await rosterReach(exec, actor, conf)) !== null;
}

export async function readableConference(exec: Executor, actor: Actor, id: string): Promise<ConferenceRow> {
  const conf = await findConference(exec, actor.tenantId, id);
  if (!conf || !(await canReadConference(exec, actor, conf))) throw new NotFoundError('conference.not_found');
  return conf;
}

/** The conference, locked for the rest of the transaction, when the actor may change it; 403 if only readable. */
export async function manageableConference(tx: Executor, actor: Actor, id: string, opts: { scheduledOnly?: boolean } = {}): Promise<ConferenceRow> {
  const conf = await findConference(tx, actor.tenantId, id, { lock: true });
  if (!conf) throw new NotFoundError('conference.not_found');
  if (!(await can(tx, actor, 'conference.manage', conf.orgId))) {
    if (await canReadConference(tx, actor, conf)) throw new ForbiddenError('auth.forbidden', `conference.manage denied on ${id}`);
    throw new NotFoundError('conference.not_found');
  }
  if ((opts.scheduledOnly ?? true) && conf.status !== 'scheduled') {
    throw new RuleViolationError('conference.state', `conference is ${conf.status}`, { params: { status: conf.status } });
  }
  return conf;
}
