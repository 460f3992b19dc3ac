import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { can, requireAccess, scopeRoots } from '../../kernel/access/policy.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import { queryRows, type Db, type Executor } from '../../kernel/db/client.js';
import { RuleViolationError, ValidationError } from '../../kernel/errors/app-error.js';
import { conferenceDeadlineFor, conferenceDeadlinesFor, getCampaignBrief, includeExempt, requireCampaignAccess } from '../campaigns/index.js';
import { syncInvitations } from './attendance.invitations.js';
import { refreshConferenceParticipants, refreshParticipants } from './attendance.repository.js';
import { conferenceReadScope, manageableConference, readableConference } from './conferences.access.js';
import * as points from './conferences.bridge-points.repository.js';
import * as docs from './conferences.documents.repository.js';
import * as repo from './conferences.repository.js';
import { checkSchedule, formatDay, type RuleIssue } from './conferences.rules.js';
import type { CreateConferenceInput, UpdateConferenceInput } from './conferences.schema.js';

/** The conference deadline for the org's level from the governing issued plan; refuses when no plan governs. */
export async function governingDeadline(exec: Executor, tenantId: string, campaignId: string, orgId: string): Promise<string | null> {
  const found = await conferenceDeadlineFor(exec, tenantId, campaignId, orgId);
  if (!found) throw new RuleViolationError('conference.no_plan', `no issued plan governs org ${orgId} in campaign ${campaignId}`);
  return found.deadline;
}

/** Throws the first kind of problem found: times out of order (400), then dates after the deadline (422). */
export function throwIssues(issues: RuleIssue[], deadline: string | null) {
  const strip = (list: RuleIssue[]) => list.map(({ path, message }) => ({ path, message }));
  const order = issues.filter((i) => i.rule === 'time_order');
  if (order.length) throw new ValidationError('validation.failed', 'times out of order', { errors: strip(order) });
  const late = issues.filter((i) => i.rule === 'after_deadline');
  if (late.length) {
    throw new RuleViolationError('conference.after_deadline', `after the plan's deadline ${deadline}`, {
      params: { deadline: deadline && formatDay(deadline) }, errors: strip(late),
    });
  }
  const split = issues.filter((i) => i.rule === 'split');
  if (split.length) throw new RuleViolationError('conference.split_invalid', 'sessions do not cover the invitee branches', { errors: strip(split) });
}

export async function createConference(db: Db, actor: Actor, input: CreateConferenceInput) {
  return db.transaction(async (tx) => {
    await requireCampaignAccess(tx, actor, input.campaignId);
    await requireAccess(tx, actor, 'conference.manage', input.orgId);
    const exempt = input.includeExempt ?? (await includeExempt(tx, actor.tenantId, input.campaignId));
    const deadline = await governingDeadline(tx, actor.tenantId, input.campaignId, input.orgId);
    const startsAt = new Date(input.startsAt);
    const endsAt = input.endsAt ? new Date(input.endsAt) : null;
    throwIssues(checkSchedule({ startsAt, endsAt }, deadline), deadline);
    const conf = await repo.insertConference(tx, actor.tenantId, {
      campaignId: input.campaignId, orgId: input.orgId, title: input.title, audienceKind: input.audienceKind, audienceNote: input.audienceNote,
      format: input.format, venue: input.venue, capacity: input.capacity ?? null, startsAt, endsAt, includeExempt: exempt,
      createdBy: actor.userId,
    });
    await repo.replaceSessions(tx, actor.tenantId, conf.id, [{ seq: 1, venue: conf.venue, capacity: conf.capacity, startsAt, branchIds: [] }]);
    const invited = await syncInvitations(tx, actor.tenantId, conf.id);
    await recordAudit(tx, actor, actor.tenantId, { action: 'conference.create', entityType: 'conference', entityId: conf.id, after: { ...conf, invited: invited.added } });
    return conf;
  });
}

export async function listConferences(db: Db, actor: Actor, filter: { campaignId?: string; orgId?: string }) {
  if (filter.campaignId) await requireCampaignAccess(db, actor, filter.campaignId);
  if (filter.orgId) await requireAccess(db, actor, 'campaign.read', filter.orgId);
  return repo.listConferences(db, { tenantId: actor.tenantId, scope: conferenceReadScope(actor), ...filter });
}

export async function getConferenceDetail(db: Db, actor: Actor, id: string) {
  const conf = await readableConference(db, actor, id);
  const t = actor.tenantId;
  const [summary] = await repo.listConferences(db, { tenantId: t, scope: sql`true`, ids: [id] });
  const campaign = await getCampaignBrief(db, t, conf.campaignId);
  const governing = await conferenceDeadlineFor(db, t, conf.campaignId, conf.orgId);
  return {
    ...summary,
    campaignTitle: campaign?.title ?? null,
    deadline: governing?.deadline ?? null,
    counts: await repo.invitationCounts(db, t, id),
    sessions: await repo.listSessions(db, t, id),
    agenda: await repo.listAgenda(db, t, id),
    bridgePoints: await points.listBridgePoints(db, t, points.byConference(id)),
    documents: await docs.listDocuments(db, t, id),
    abilities: { canManage: await can(db, actor, 'conference.manage', conf.orgId), canComment: conf.status !== 'cancelled' },
  };
}

export async function updateConference(db: Db, actor: Actor, id: string, patch: UpdateConferenceInput) {
  return db.transaction(async (tx) => {
    const before = await manageableConference(tx, actor, id);
    const startsAt = patch.startsAt ? new Date(patch.startsAt) : before.startsAt;
    const endsAt = patch.endsAt === undefined ? before.endsAt : patch.endsAt ? new Date(patch.endsAt) : null;
    if (patch.startsAt !== undefined || patch.endsAt !== undefined) {
      const deadline = await governingDeadline(tx, actor.tenantId, before.campaignId, before.orgId);
      throwIssues(checkSchedule({ startsAt, endsAt }, deadline), deadline);
    }
    if (patch.format === 'in_person' && before.format === 'online') {
      const existing = await points.listBridgePoints(tx, actor.tenantId, points.byConference(id));
      if (existing.length) throw new RuleViolationError('conference.online_only', 'remove the bridge points before holding it in person');
    }
    const after = await repo.updateConference(tx, actor.tenantId, id, { ...patch, startsAt, endsAt });
    await mirrorSingleSession(tx, actor.tenantId, after);
    const dropped = COMPUTED.includes(before.audienceKind) && !COMPUTED.includes(after.audienceKind)
      ? await dropUntouchedMemberInvitations(tx, after) : [];
    if (patch.audienceKind !== undefined || patch.includeExempt !== undefined) await syncInvitations(tx, actor.tenantId, id);
    await refreshParticipants(tx, actor.tenantId, after.campaignId, dropped);
    await recordAudit(tx, actor, actor.tenantId, { action: 'conference.update', entityType: 'conference', entityId: id, before, after: { ...after, uninvited: dropped.length } });
    return after;
  });
}

/** Audiences whose invitees follow from the tree (see attendance.invitations.ts); the others are listed by hand. */
const COMPUTED: readonly string[] = ['all_members', 'key_cadres'];

/**
 * The audience became one listed by hand: the members invited by the computed audience lose the
 * invitations nobody has acted on yet (a recorded presence or absence, or a make-up, is evidence and
 * stays). Returns whose invitation went, so their campaign participation can be recomputed.
 */
async function dropUntouchedMemberInvitations(tx: Executor, conf: repo.ConferenceRow): Promise<string[]> {
  const rows = await queryRows<{ member_id: string }>(tx, sql`delete from conference_invitations i
    where i.tenant_id = ${conf.tenantId} and i.conference_id = ${conf.id} and i.member_id is not null and i.status = 'invited'
      and not exists (select 1 from makeups k where k.tenant_id = i.tenant_id and k.invitation_id = i.id)
    returning i.member_id`);
  return rows.map((r) => r.member_id);
}

/** With one session, the conference's place and time are the session's. */
async function mirrorSingleSession(tx: Executor, tenantId: string, conf: repo.ConferenceRow) {
  const sessions = await repo.sessionRows(tx, tenantId, conf.id);
  if (sessions.length !== 1) return;
  await repo.replaceSessions(tx, tenantId, conf.id, [{ seq: 1, venue: conf.venue, capacity: conf.capacity, startsAt: conf.startsAt, branchIds: sessions[0].branchIds }]);
}

export async function cancelConference(db: Db, actor: Actor, id: string, reason: string | undefined) {
  return db.transaction(async (tx) => {
    const before = await manageableConference(tx, actor, id);
    const after = await repo.updateConference(tx, actor.tenantId, id, { status: 'cancelled' });
    // Invitations to a cancelled conference no longer count as invited in the campaign's coverage.
    await refreshConferenceParticipants(tx, actor.tenantId, id);
    await recordAudit(tx, actor, actor.tenantId, {
      action: 'conference.cancel', entityType: 'conference', entityId: id, before: { status: before.status }, after: { status: after.status, reason: reason ?? null },
    });
    return after;
  });
}

/**
 * Where the actor may hold a conference in this campaign: the orgs they manage conferences for and
 * their direct sub-orgs, each with the deadline its level must meet (null: no limit) or no plan yet.
 */
export async function organizerOrgs(db: Db, actor: Actor, campaignId: string) {
  await requireCampaignAccess(db, actor, campaignId);
  const rows = await repo.orgsWithChildren(db, actor.tenantId, scopeRoots(actor, 'conference.manage'));
  const deadlines = await conferenceDeadlinesFor(db, actor.tenantId, campaignId, rows.map((o) => o.id));
  return rows.map((o) => {
    const governing = deadlines.get(o.id) ?? null;
    return { id: o.id, name: o.name, levelName: o.level_name, depth: Number(o.depth), hasPlan: !!governing, deadline: governing?.deadline ?? null };
  });
}

