import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { orgScopeSql, requireAccess, scopeRoots } from '../../kernel/access/policy.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import { newId } from '../../kernel/db/columns.js';
import type { Db, Executor } from '../../kernel/db/client.js';
import { ConflictError, NotFoundError, RuleViolationError } from '../../kernel/errors/app-error.js';
import { countActiveMembers, reassignBranch } from '../members/index.js';
import * as repo from './org.repository.js';
import { orgLevels } from './org.table.js';

export type { OrgSummary, OrgVersionView } from './org.repository.js';
export type OrgRecordLike = repo.OrgRow;

export async function getOrg(db: Db, actor: Actor, id: string) {
  await requireAccess(db, actor, 'org.read', id);
  const [summary] = await repo.summarizeOrgs(db, actor.tenantId, { ids: [id] });
  if (!summary) throw new NotFoundError('org.not_found');
  // Breadcrumbs show only what the actor may open; a branch secretary's trail starts at the branch.
  const ancestors = await repo.listAncestors(db, actor.tenantId, id, orgScopeSql(actor, 'org.read', sql`o.id`));
  return { ...summary, ancestors };
}

export async function listChildren(db: Db, actor: Actor, id: string) {
  await requireAccess(db, actor, 'org.read', id);
  return repo.summarizeOrgs(db, actor.tenantId, { parentId: id });
}

/** The orgs an actor starts browsing from: the top of each subtree their roles cover. */
export async function listScopeRoots(db: Db, actor: Actor) {
  const ids = scopeRoots(actor, 'org.read');
  // Roots that lie inside another root of the same actor are reached through that one.
  const outermost = await repo.outermostOf(db, actor.tenantId, ids);
  return repo.summarizeOrgs(db, actor.tenantId, { ids: outermost });
}

export async function searchOrgs(db: Db, actor: Actor, q: string, limit = 20) {
  return repo.searchOrgs(db, actor.tenantId, q, orgScopeSql(actor, 'org.read', sql`o.id`), limit);
}

export async function listLevels(db: Db, actor: Actor) {
  return repo.listLevels(db, actor.tenantId);
}

/** Adds a level to the tenant's table of levels (e.g. "Xã, phường và tương đương" when a legacy
 * province is reorganized). Only those who may restructure the whole tenant, from its root, may. */
export async function createLevel(db: Db, actor: Actor, input: { code: string; name: string; rank: number }) {
  const root = await repo.findRootOrg(db, actor.tenantId);
  if (!root) throw new NotFoundError('org.not_found');
  await requireAccess(db, actor, 'org.manage', root.id);
  return db.transaction(async (tx) => {
    const levels = await repo.listLevels(tx, actor.tenantId);
    if (levels.some((l) => l.code === input.code)) throw new ConflictError('org.level_taken', `level ${input.code}`);
    const [level] = await tx.insert(orgLevels).values({ tenantId: actor.tenantId, id: newId(), code: input.code, name: input.name.trim(), rank: input.rank }).returning();
    await recordAudit(tx, actor, actor.tenantId, { action: 'org_level.create', entityType: 'org_level', entityId: level.id, after: level });
    return level;
  });
}

export interface CreateOrgInput { parentId: string; levelId: string; kind: string; name: string; code: string }

export async function createOrg(db: Db, actor: Actor, input: CreateOrgInput) {
  return db.transaction(async (tx) => {
    await repo.lockTree(tx, actor.tenantId);
    await requireAccess(tx, actor, 'org.manage', input.parentId);
    const parent = await activeOrg(tx, actor.tenantId, input.parentId);
    await assertLevel(tx, actor.tenantId, input.levelId);
    await assertCodeFree(tx, actor.tenantId, input.code);
    const branchMembers = await countMembers(tx, actor.tenantId, parent.id);
    if (branchMembers > 0) {
      throw new RuleViolationError('org.has_members', 'parent holds members directly', { params: { count: branchMembers } });
    }
    const org = await repo.insertOrg(tx, {
      tenantId: actor.tenantId, id: newId(), parentId: parent.id, levelId: input.levelId, kind: input.kind,
      name: input.name.trim(), code: input.code.trim(), parentPath: parent.path, parentDepth: parent.depth,
    });
    await repo.recordVersion(tx, org, 'create', org.createdAt, undefined, actor.userId);
    await recordAudit(tx, actor, actor.tenantId, { action: 'org.create', entityType: 'org', entityId: org.id, after: org });
    return org;
  });
}

export async function renameOrg(db: Db, actor: Actor, id: string, input: { name?: string; code?: string; kind?: string; levelId?: string; note?: string }) {
  return db.transaction(async (tx) => {
    await requireAccess(tx, actor, 'org.manage', id);
    const before = await activeOrg(tx, actor.tenantId, id);
    if (input.code && input.code !== before.code) await assertCodeFree(tx, actor.tenantId, input.code);
    if (input.levelId) await assertLevel(tx, actor.tenantId, input.levelId);
    const after = await repo.updateOrgFields(tx, actor.tenantId, id, {
      name: input.name?.trim() ?? before.name, code: input.code?.trim() ?? before.code,
      kind: input.kind ?? before.kind, levelId: input.levelId ?? before.levelId,
    });
    await repo.recordVersion(tx, after, 'rename', new Date(), input.note, actor.userId);
    await recordAudit(tx, actor, actor.tenantId, { action: 'org.rename', entityType: 'org', entityId: id, before, after });
    return after;
  });
}

/** Re-parents an org with its whole subtree (e.g. a grassroots org folded into a commune in 2025). */
export async function moveOrg(db: Db, actor: Actor, id: string, input: { newParentId: string; note?: string }) {
  return db.transaction(async (tx) => {
    await repo.lockTree(tx, actor.tenantId);
    await requireAccess(tx, actor, 'org.manage', id);
    await requireAccess(tx, actor, 'org.manage', input.newParentId);
    const org = await activeOrg(tx, actor.tenantId, id);
    if (!org.parentId) throw new RuleViolationError('org.root_locked');
    const newParent = await activeOrg(tx, actor.tenantId, input.newParentId);
    if (await repo.isInSubtree(tx, actor.tenantId, org.id, newParent.id)) throw new RuleViolationError('org.cycle');
    if ((await countMembers(tx, actor.tenantId, newParent.id)) > 0) throw new RuleViolationError('org.has_members', 'new parent holds members');
    await repo.moveSubtree(tx, actor.tenantId, org, newParent);
    const after = (await repo.findOrg(tx, actor.tenantId, id))!;
    await repo.recordVersion(tx, after, 'move', new Date(), input.note, actor.userId);
    await recordAudit(tx, actor, actor.tenantId, {
      action: 'org.move', entityType: 'org', entityId: id, before: { parentId: org.parentId, path: org.path }, after: { parentId: after.parentId, path: after.path },
    });
    return after;
  });
}

/**
 * Merges `id` into `targetId`: its sub-orgs move under the target, its members move to the target
 * (which must then be a branch), and it is closed with `mergedIntoId` kept for the record.
 */
export async function mergeOrg(db: Db, actor: Actor, id: string, input: { targetId: string; note?: string }) {
  if (id === input.targetId) throw new RuleViolationError('org.merge_self');
  return db.transaction(async (tx) => {
    await repo.lockTree(tx, actor.tenantId);
    await requireAccess(tx, actor, 'org.manage', id);
    await requireAccess(tx, actor, 'org.manage', input.targetId);
    const source = await activeOrg(tx, actor.tenantId, id);
    if (!source.parentId) throw new RuleViolationError('org.root_locked');
    const target = await activeOrg(tx, actor.tenantId, input.targetId);
    if (await repo.isInSubtree(tx, actor.tenantId, source.id, target.id)) throw new RuleViolationError('org.cycle');
    const children = await repo.listActiveChildren(tx, actor.tenantId, source.id);
    const memberCount = await countMembers(tx, actor.tenantId, source.id);
    if (memberCount > 0 && (await repo.listActiveChildren(tx, actor.tenantId, target.id)).length > 0) {
      throw new RuleViolationError('org.not_leaf', 'target of a branch merge has sub-orgs');
    }
    if (children.length > 0 && (await countMembers(tx, actor.tenantId, target.id)) > 0) {
      throw new RuleViolationError('org.has_members', 'target holds members directly');
    }
    const at = new Date();
    for (const child of children) {
      await repo.moveSubtree(tx, actor.tenantId, child, target);
      await repo.recordVersion(tx, (await repo.findOrg(tx, actor.tenantId, child.id))!, 'move', at, `Sáp nhập từ ${source.name}`, actor.userId);
    }
    await reassignBranch(tx, actor.tenantId, source.id, target.id);
    const closed = await repo.updateOrgFields(tx, actor.tenantId, id, { status: 'merged', dissolvedAt: at, mergedIntoId: target.id });
    await repo.recordVersion(tx, closed, 'merge', at, input.note, actor.userId);
    await recordAudit(tx, actor, actor.tenantId, {
      action: 'org.merge', entityType: 'org', entityId: id, before: source,
      after: { mergedIntoId: target.id, movedChildren: children.map((c) => c.id), movedMembers: memberCount },
    });
    return { merged: closed, target, movedChildren: children.length, movedMembers: memberCount };
  });
}

/** Dissolves an empty org (no active sub-orgs, no members); it stays on record with its history. */
export async function dissolveOrg(db: Db, actor: Actor, id: string, input: { note?: string }) {
  return db.transaction(async (tx) => {
    await repo.lockTree(tx, actor.tenantId);
    await requireAccess(tx, actor, 'org.manage', id);
    const org = await activeOrg(tx, actor.tenantId, id);
    if (!org.parentId) throw new RuleViolationError('org.root_locked');
    if ((await repo.listActiveChildren(tx, actor.tenantId, id)).length > 0) throw new RuleViolationError('org.has_children');
    const count = await countMembers(tx, actor.tenantId, id);
    if (count > 0) throw new RuleViolationError('org.has_members', 'org still has members', { params: { count } });
    const after = await repo.updateOrgFields(tx, actor.tenantId, id, { status: 'dissolved', dissolvedAt: new Date() });
    await repo.recordVersion(tx, after, 'dissolve', after.dissolvedAt!, input.note, actor.userId);
    await recordAudit(tx, actor, actor.tenantId, { action: 'org.dissolve', entityType: 'org', entityId: id, before: org, after });
    return after;
  });
}

export async function childrenOnDate(db: Db, actor: Actor, id: string, date: Date) {
  await requireAccess(db, actor, 'org.read', id);
  return repo.childrenOnDate(db, actor.tenantId, id, date);
}

export async function getOrgHistory(db: Db, actor: Actor, id: string) {
  await requireAccess(db, actor, 'org.read', id);
  return repo.orgHistory(db, actor.tenantId, id);
}

/** Resolves an org given by id or by code, within the actor's tenant. */
export async function resolveOrgRef(db: Executor, tenantId: string, ref: string) {
  const isUuid = /^[0-9a-f-]{36}$/i.test(ref);
  const org = isUuid ? await repo.findOrg(db, tenantId, ref) : await repo.findOrgByCode(db, tenantId, ref);
  if (!org) throw new NotFoundError('org.not_found', `org ${ref}`);
  if (org.status !== 'active') throw new ConflictError('org.dissolved', `org ${ref} is ${org.status}`);
  return org;
}

async function activeOrg(tx: Executor, tenantId: string, id: string) {
  const org = await repo.findOrg(tx, tenantId, id);
  if (!org) throw new NotFoundError('org.not_found');
  if (org.status !== 'active') throw new ConflictError('org.dissolved');
  return org;
}

async function assertCodeFree(tx: Executor, tenantId: string, code: string) {
  if (await repo.findOrgByCode(tx, tenantId, code.trim())) throw new ConflictError('org.code_taken', `code ${code}`);
}

async function assertLevel(tx: Executor, tenantId: string, levelId: string) {
  const [level] = await tx.select().from(orgLevels).where(and(eq(orgLevels.tenantId, tenantId), eq(orgLevels.id, levelId)));
  if (!level) throw new RuleViolationError('org.level_unknown');
}

function countMembers(tx: Executor, tenantId: string, branchId: string): Promise<number> {
  return countActiveMembers(tx, tenantId, branchId);
}
