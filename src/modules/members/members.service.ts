import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { canOnMember, memberScopeSql, requireAccess, requireMemberAccess } from '../../kernel/access/policy.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import { newId } from '../../kernel/db/columns.js';
import type { Db, Executor } from '../../kernel/db/client.js';
import { ConflictError, NotFoundError, RuleViolationError } from '../../kernel/errors/app-error.js';
import { searchKey } from '../../text/index.js';
import { getOrgBrief, isActiveLeaf, lockTree } from '../org/index.js';
import type { MemberAttributes } from './members.fields.js';
import * as repo from './members.repository.js';
import { members } from './members.table.js';

export type { MemberListFilters, MemberListItem } from './members.repository.js';

export async function listMembers(db: Db, actor: Actor, opts: { orgId: string; filters: repo.MemberListFilters; page: number; pageSize: number }) {
  await requireAccess(db, actor, 'org.read', opts.orgId);
  const filters = { ...opts.filters };
  if (filters.q) {
    const raw = filters.q.trim();
    if (/^\d{8}$/.test(raw)) { filters.cardNumber = raw; delete filters.q; } else filters.q = searchKey(raw);
  }
  const result = await repo.listMembers(db, {
    tenantId: actor.tenantId, underOrgId: opts.orgId, scope: memberScopeSql(actor, 'member.read'), filters,
    page: opts.page, pageSize: opts.pageSize,
  });
  return { ...result, page: opts.page, pageSize: opts.pageSize };
}

/** A member's page. CCCD is shown only to organization officers of the member's scope and the member. */
export async function getMember(db: Db, actor: Actor, id: string) {
  const member = await visibleMember(db, actor, id);
  const canSeePersonalId = await canOnMember(db, actor, 'member.read_sensitive', member);
  const canEdit = await canOnMember(db, actor, 'member.manage', member);
  const branch = await getOrgBrief(db, actor.tenantId, member.branchId);
  const { nameKey: _k, tenantId: _t, ...fields } = member;
  return {
    ...fields,
    personalId: canSeePersonalId ? member.personalId : null,
    createdAt: member.createdAt.toISOString(),
    updatedAt: member.updatedAt.toISOString(),
    leftAt: member.leftAt ? member.leftAt.toISOString() : null,
    branch,
    abilities: { canEdit, canSeePersonalId },
  };
}

async function visibleMember(db: Executor, actor: Actor, id: string) {
  const member = await repo.findMember(db, actor.tenantId, id);
  if (!member) throw new NotFoundError('member.not_found');
  await requireMemberAccess(db, actor, 'member.read', member);
  return member;
}

export async function createMember(db: Db, actor: Actor, input: MemberAttributes & { branchId: string }) {
  return db.transaction(async (tx) => {
    await lockTree(tx, actor.tenantId); // the branch cannot be dissolved or merged under us
    await requireAccess(tx, actor, 'member.manage', input.branchId);
    await assertBranch(tx, actor.tenantId, input.branchId);
    await assertCardFree(tx, actor.tenantId, input.cardNumber, null);
    const [row] = await tx.insert(members).values({ ...input, id: newId(), tenantId: actor.tenantId, nameKey: searchKey(input.fullName) }).returning();
    await recordAudit(tx, actor, actor.tenantId, { action: 'member.create', entityType: 'member', entityId: row.id, after: redactMember(row) });
    return row;
  });
}

export async function updateMember(db: Db, actor: Actor, id: string, patch: Partial<MemberAttributes> & { branchId?: string }) {
  return db.transaction(async (tx) => {
    if (patch.branchId) await lockTree(tx, actor.tenantId);
    const [member] = await tx.select().from(members).where(and(eq(members.tenantId, actor.tenantId), eq(members.id, id))).for('update');
    if (!member) throw new NotFoundError('member.not_found');
    await requireMemberAccess(tx, actor, 'member.read', member);
    await requireMemberAccess(tx, actor, 'member.manage', member);
    if (patch.branchId && patch.branchId !== member.branchId) {
      await requireAccess(tx, actor, 'member.manage', patch.branchId);
      await assertBranch(tx, actor.tenantId, patch.branchId);
    }
    if (patch.cardNumber) await assertCardFree(tx, actor.tenantId, patch.cardNumber, id);
    const values = { ...patch, updatedAt: new Date(), ...(patch.fullName ? { nameKey: searchKey(patch.fullName) } : {}) };
    const [row] = await tx.update(members).set(values).where(and(eq(members.tenantId, actor.tenantId), eq(members.id, id))).returning();
    await recordAudit(tx, actor, actor.tenantId, { action: 'member.update', entityType: 'member', entityId: id, before: redactMember(member), after: redactMember(row) });
    return row;
  });
}

/**
 * Audit rows are read by roles that may not see CCCD numbers: keep only whether it was set, and a
 * short hash so a change is still visible.
 */
export function redactMember<T extends { personalId?: string | null }>(row: T): T {
  if (!row.personalId) return row;
  return { ...row, personalId: `sha256:${createHash('sha256').update(row.personalId).digest('hex').slice(0, 12)}` };
}

async function assertBranch(tx: Executor, tenantId: string, branchId: string) {
  if (!(await isActiveLeaf(tx, tenantId, branchId))) throw new RuleViolationError('org.not_leaf');
}

async function assertCardFree(tx: Executor, tenantId: string, cardNumber: string | null | undefined, selfId: string | null) {
  if (!cardNumber) return;
  const [other] = await tx.select({ id: members.id }).from(members).where(and(eq(members.tenantId, tenantId), eq(members.cardNumber, cardNumber)));
  if (other && other.id !== selfId) throw new ConflictError('member.card_taken', `card ${cardNumber}`);
}
