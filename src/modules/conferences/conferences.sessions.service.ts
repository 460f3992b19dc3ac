import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { can, orgScopeSql } from '../../kernel/access/policy.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import type { Db } from '../../kernel/db/client.js';
import { ForbiddenError } from '../../kernel/errors/app-error.js';
import { syncInvitations } from './attendance.invitations.js';
import { manageableConference, readableConference } from './conferences.access.js';
import * as repo from './conferences.repository.js';
import { checkSessions } from './conferences.rules.js';
import type { AgendaInput, SessionsInput } from './conferences.schema.js';
import { governingDeadline, throwIssues } from './conferences.service.js';
import { proposeSplit } from './conferences.split.js';

/**
 * The split the app proposes for a hall of `capacity` seats: member invitees grouped by branch,
 * guests in session 1. Read-only, for those who may change the conference.
 */
export async function splitProposal(db: Db, actor: Actor, id: string, capacity: number) {
  const conf = await readableConference(db, actor, id);
  if (!(await can(db, actor, 'conference.manage', conf.orgId))) throw new ForbiddenError('auth.forbidden', `conference.manage denied on ${id}`);
  const { groups, guests } = await repo.inviteeGroups(db, actor.tenantId, id);
  return proposeSplit(groups, capacity, { guests });
}

/**
 * Applies a split (possibly adjusted by the officer): every branch with invitees in exactly one
 * session, every session on or before the deadline. Sessions are replaced, then every invitee is
 * seated again in the session of their branch.
 */
export async function applySessions(db: Db, actor: Actor, id: string, input: SessionsInput) {
  return db.transaction(async (tx) => {
    const conf = await manageableConference(tx, actor, id);
    const deadline = await governingDeadline(tx, actor.tenantId, conf.campaignId, conf.orgId);
    const { groups } = await repo.inviteeGroups(tx, actor.tenantId, id);
    const branchNames = new Map(groups.map((g) => [g.branchId, g.branchName]));
    const sessions = [...input].sort((a, b) => a.seq - b.seq).map((s) => ({
      seq: s.seq, venue: s.venue, capacity: s.capacity ?? null, startsAt: new Date(s.startsAt), branchIds: [...new Set(s.branchIds)],
    }));
    const listed = [...new Set(input.flatMap((s) => s.branchIds))].filter((b) => !branchNames.has(b));
    const others = await repo.orgNames(tx, actor.tenantId, listed, orgScopeSql(actor, 'org.read', sql`o.id`));
    const issues = checkSessions(input.map((s) => ({ seq: s.seq, startsAt: new Date(s.startsAt), branchIds: s.branchIds })), branchNames, deadline, others);
    throwIssues(issues, deadline);
    const before = await repo.sessionRows(tx, actor.tenantId, id);
    await repo.replaceSessions(tx, actor.tenantId, id, sessions);
    await syncInvitations(tx, actor.tenantId, id);
    await recordAudit(tx, actor, actor.tenantId, {
      action: 'conference.sessions', entityType: 'conference', entityId: id,
      before: before.map(({ seq, venue, capacity, startsAt, branchIds }) => ({ seq, venue, capacity, startsAt, branchIds })), after: sessions,
    });
    return repo.listSessions(tx, actor.tenantId, id);
  });
}

/** Replaces the agenda; the order given is the order of the day. */
export async function setAgenda(db: Db, actor: Actor, id: string, items: AgendaInput) {
  return db.transaction(async (tx) => {
    await manageableConference(tx, actor, id);
    const before = await repo.listAgenda(tx, actor.tenantId, id);
    const values = items.map((it) => ({
      topic: it.topic, speakerName: it.speakerName, speakerTitle: it.speakerTitle, durationMinutes: it.durationMinutes ?? null, inPerson: it.inPerson,
    }));
    await repo.replaceAgenda(tx, actor.tenantId, id, values);
    const after = await repo.listAgenda(tx, actor.tenantId, id);
    await recordAudit(tx, actor, actor.tenantId, { action: 'conference.agenda', entityType: 'conference', entityId: id, before, after });
    return after;
  });
}
