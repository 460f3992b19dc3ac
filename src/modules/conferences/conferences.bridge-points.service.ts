import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { can, orgScopeSql } from '../../kernel/access/policy.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import type { Db, Executor } from '../../kernel/db/client.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../../kernel/errors/app-error.js';
import { syncInvitations } from './attendance.invitations.js';
import { canReadConference, manageableConference, readableConference } from './conferences.access.js';
import * as points from './conferences.bridge-points.repository.js';
import { findConference, orgName, orgNames, orgsInSubtree, subtreeOrgs, type ConferenceRow } from './conferences.repository.js';
import { takenUnits } from './conferences.rules.js';
import type { BridgePointInput } from './conferences.schema.js';

/**
 * Bridge points (điểm cầu) of an online conference: a place, the units attending there, and a
 * member of the organizing level's Standing Committee (committee_secretary on the conference's org
 * or above) who attends, supervises and files a short report. Changing the points re-seats invitees.
 */

export async function supervisorCandidates(db: Db, actor: Actor, conferenceId: string) {
  const conf = await readableConference(db, actor, conferenceId);
  const rows = await points.supervisorCandidates(db, actor.tenantId, conf.orgId);
  return rows.map((r) => ({ userId: r.user_id, displayName: r.display_name, orgId: r.org_id, orgName: r.org_name }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'vi'));
}

/**
 * The units a bridge point of the conference may seat: every active org in the organizing org's subtree
 * (the org itself included), for the managers of the conference. The root's parent is left out.
 */
export async function unitOptions(db: Db, actor: Actor, conferenceId: string) {
  const conf = await readableConference(db, actor, conferenceId);
  if (!(await can(db, actor, 'conference.manage', conf.orgId))) throw new ForbiddenError('auth.forbidden', `conference.manage denied on ${conferenceId}`);
  const rows = await subtreeOrgs(db, actor.tenantId, conf.orgId);
  return rows.map((r) => ({ id: r.id, parentId: r.depth === 0 ? null : r.parent_id, name: r.name, levelName: r.level_name, depth: Number(r.depth) }));
}

async function assertPointInput(tx: Executor, actor: Actor, conf: ConferenceRow, input: Partial<BridgePointInput>, pointId: string | null) {
  if (conf.format !== 'online') throw new RuleViolationError('conference.online_only', `conference ${conf.id} is ${conf.format}`);
  if (input.supervisorUserId) {
    const found = await points.supervisorCandidates(tx, conf.tenantId, conf.orgId, input.supervisorUserId);
    if (found.length === 0) throw new RuleViolationError('bridge_point.supervisor_invalid', `user ${input.supervisorUserId} is not on the standing committee`);
  }
  if (!input.unitOrgIds) return;
  const units = [...new Set(input.unitOrgIds)];
  const inside = new Set((await orgsInSubtree(tx, conf.tenantId, conf.orgId, units)).map((o) => o.id));
  const outside = units.filter((u) => !inside.has(u));
  if (outside.length) await refuseOutsideUnits(tx, actor, conf, outside);
  const taken = takenUnits(units, await points.otherPointsUnits(tx, conf.tenantId, conf.id, pointId));
  if (taken.length) {
    const names = new Map((await orgsInSubtree(tx, conf.tenantId, conf.orgId, taken.map((t) => t.orgId))).map((o) => [o.id, o.name]));
    throw new ConflictError('bridge_point.unit_taken', 'unit already at another bridge point', {
      errors: taken.map((t) => ({ path: 'unitOrgIds', message: `${names.get(t.orgId) ?? t.orgId} đã thuộc điểm cầu "${t.pointName}"` })),
    });
  }
}

/** Names each unit outside the organizing org (or says it does not exist), never its id. */
async function refuseOutsideUnits(tx: Executor, actor: Actor, conf: ConferenceRow, outside: string[]): Promise<never> {
  const organizer = await orgName(tx, conf.tenantId, conf.orgId);
  const names = await orgNames(tx, conf.tenantId, outside, orgScopeSql(actor, 'org.read', sql`o.id`));
  throw new ValidationError('validation.failed', 'units outside the conference org', {
    errors: outside.map((u) => {
      const name = names.get(u);
      return { path: 'unitOrgIds', message: `${name ?? 'Có đơn vị được chọn'} không thuộc ${organizer}, nơi tổ chức hội nghị` };
    }),
  });
}

export async function createBridgePoint(db: Db, actor: Actor, conferenceId: string, input: BridgePointInput) {
  return db.transaction(async (tx) => {
    const conf = await manageableConference(tx, actor, conferenceId);
    await assertPointInput(tx, actor, conf, input, null);
    const row = await points.insertBridgePoint(tx, actor.tenantId, conf.id, {
      name: input.name, place: input.place, capacity: input.capacity ?? null, supervisorUserId: input.supervisorUserId ?? null,
    });
    await points.setUnits(tx, actor.tenantId, row.id, input.unitOrgIds);
    await syncInvitations(tx, actor.tenantId, conf.id);
    await recordAudit(tx, actor, actor.tenantId, { action: 'bridge_point.create', entityType: 'bridge_point', entityId: row.id, after: { ...row, unitOrgIds: input.unitOrgIds } });
    return (await points.listBridgePoints(tx, actor.tenantId, points.byId(row.id)))[0];
  });
}

/** The point and its conference, locked, for someone who may change the conference. */
async function manageablePoint(tx: Executor, actor: Actor, id: string) {
  const point = await points.findBridgePoint(tx, actor.tenantId, id, { lock: true });
  if (!point) throw new NotFoundError('bridge_point.not_found');
  try {
    return { point, conf: await manageableConference(tx, actor, point.conferenceId) };
  } catch (err) {
    if (err instanceof NotFoundError) throw new NotFoundError('bridge_point.not_found');
    throw err;
  }
}

export async function updateBridgePoint(db: Db, actor: Actor, id: string, input: Partial<BridgePointInput>) {
  return db.transaction(async (tx) => {
    const { point, conf } = await manageablePoint(tx, actor, id);
    await assertPointInput(tx, actor, conf, input, id);
    const beforeUnits = await points.unitsOf(tx, actor.tenantId, id);
    const { unitOrgIds, ...fields } = input;
    const after = Object.keys(fields).length ? await points.updateBridgePoint(tx, actor.tenantId, id, fields) : point;
    if (unitOrgIds) {
      await points.setUnits(tx, actor.tenantId, id, unitOrgIds);
      await syncInvitations(tx, actor.tenantId, conf.id);
    }
    await recordAudit(tx, actor, actor.tenantId, {
      action: 'bridge_point.update', entityType: 'bridge_point', entityId: id,
      before: { ...point, unitOrgIds: beforeUnits }, after: { ...after, unitOrgIds: unitOrgIds ?? beforeUnits },
    });
    return (await points.listBridgePoints(tx, actor.tenantId, points.byId(id)))[0];
  });
}

/** A point whose supervisor has filed a report stays: the report is evidence. */
export async function deleteBridgePoint(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const { point, conf } = await manageablePoint(tx, actor, id);
    if (point.reportedAt) throw new RuleViolationError('conference.state', 'bridge point already reported on', { params: { reported: true } });
    const units = await points.unitsOf(tx, actor.tenantId, id);
    await points.deleteBridgePoint(tx, actor.tenantId, id);
    await syncInvitations(tx, actor.tenantId, conf.id);
    await recordAudit(tx, actor, actor.tenantId, { action: 'bridge_point.delete', entityType: 'bridge_point', entityId: id, before: { ...point, unitOrgIds: units } });
  });
}

/** The points the actor is assigned to supervise, with their conference. */
export async function myBridgePoints(db: Db, actor: Actor) {
  const rows = await points.listBridgePoints(db, actor.tenantId, points.bySupervisor(actor.userId));
  const out = [];
  for (const p of rows) {
    const c = (await findConference(db, actor.tenantId, p.conferenceId))!;
    out.push({
      ...p,
      conference: { id: c.id, title: c.title, orgName: await orgName(db, actor.tenantId, c.orgId), startsAt: c.startsAt.toISOString(), endsAt: c.endsAt?.toISOString() ?? null, status: c.status, venue: c.venue },
    });
  }
  return out.sort((a, b) => b.conference.startsAt.localeCompare(a.conference.startsAt) || a.name.localeCompare(b.name, 'vi'));
}

/**
 * The supervision report: present as counted by the supervisor, expected from the invitations at
 * the point. Only the assigned supervisor files it; filing again overwrites, audited before/after.
 */
export async function fileReport(db: Db, actor: Actor, id: string, input: { present: number; remarks: string }) {
  return db.transaction(async (tx) => {
    const point = await points.findBridgePoint(tx, actor.tenantId, id, { lock: true });
    if (!point) throw new NotFoundError('bridge_point.not_found');
    const conf = (await findConference(tx, actor.tenantId, point.conferenceId))!;
    if (point.supervisorUserId !== actor.userId) {
      if (await canReadConference(tx, actor, conf)) throw new ForbiddenError('bridge_point.not_supervisor', `user ${actor.userId} does not supervise ${id}`);
      throw new NotFoundError('bridge_point.not_found');
    }
    if (conf.status === 'cancelled') throw new RuleViolationError('conference.state', 'conference cancelled', { params: { status: conf.status } });
    const before = { present: point.reportPresent, expected: point.reportExpected, remarks: point.reportRemarks, reportedAt: point.reportedAt };
    const expected = await points.expectedAt(tx, actor.tenantId, id);
    const after = await points.updateBridgePoint(tx, actor.tenantId, id, {
      reportPresent: input.present, reportExpected: expected, reportRemarks: input.remarks, reportedAt: new Date(), reportedBy: actor.userId,
    });
    await recordAudit(tx, actor, actor.tenantId, {
      action: 'bridge_point.report', entityType: 'bridge_point', entityId: id, before,
      after: { present: after.reportPresent, expected: after.reportExpected, remarks: after.reportRemarks, reportedAt: after.reportedAt },
    });
    return (await points.listBridgePoints(tx, actor.tenantId, points.byId(id)))[0];
  });
}

