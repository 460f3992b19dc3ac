import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { can, orgScopeSql, requireAccess } from '../../kernel/access/policy.js';
import type { Db, Executor } from '../../kernel/db/client.js';
import { NotFoundError } from '../../kernel/errors/app-error.js';
import type { FileStore } from '../../kernel/files/store.js';
import { campaignHomeOrgIds, requireCampaignAccess } from '../campaigns/index.js';
import { findMember } from '../members/index.js';
import { materialVisibleSql, memberLineageSql } from './materials.access.js';
import { resolveVersion, type AudienceDef, type AudienceMember } from './materials.audience.js';
import * as queries from './materials.queries.js';
import * as repo from './materials.repository.js';
import { toRecord } from './materials.views.js';

const manageSql = (actor: Actor) => orgScopeSql(actor, 'material.manage', sql`mt.org_id`);

/**
 * The officer's list: masters with their variants, from the orgs above and below `orgId` (default:
 * where the actor's pages start in this campaign), with open counts inside the actor's scope.
 */
export async function listMaterials(db: Db, actor: Actor, q: { campaignId: string; orgId?: string }) {
  const campaign = await requireCampaignAccess(db, actor, q.campaignId);
  if (q.orgId) await requireAccess(db, actor, 'campaign.read', q.orgId);
  const orgId = q.orgId ?? (await campaignHomeOrgIds(db, actor, campaign.orgId))[0];
  const rows = await queries.listForOfficer(db, {
    tenantId: actor.tenantId, campaignId: campaign.id, orgId, visible: materialVisibleSql(actor), canManage: manageSql(actor),
    countScope: orgScopeSql(actor, 'campaign.read', sql`v.branch_id`),
  });
  const masters = rows.filter((r) => !r.masterId);
  const items = masters.map((m) => ({ ...m, variants: rows.filter((v) => v.masterId === m.id) }));
  const canCreate = !!orgId && (await can(db, actor, 'material.manage', orgId)) && (await repo.isInSubtree(db, actor.tenantId, campaign.orgId, orgId));
  return { orgId: orgId ?? null, items, abilities: { canCreate } };
}

/** Throws 404 unless the actor may read the material; returns it with its labels. */
async function visibleMaterial(db: Executor, actor: Actor, id: string) {
  const row = await repo.findMaterial(db, actor.tenantId, id);
  const labels = row && (await queries.materialLabels(db, actor.tenantId, id, materialVisibleSql(actor), manageSql(actor)));
  if (!row || !labels?.visible) throw new NotFoundError('material.not_found', `material ${id}`);
  return { row, labels };
}

/** The full text or the questions and answers; opening a published material is recorded for its reader. */
export async function getMaterial(db: Db, actor: Actor, id: string) {
  const { row, labels } = await visibleMaterial(db, actor, id);
  if (row.status === 'published') {
    await repo.recordOpen(db, { tenantId: actor.tenantId, materialId: id, userId: actor.userId, memberId: actor.memberId });
  }
  return { ...toRecord(row), orgName: labels.orgName, audienceName: labels.audienceName, abilities: { canManage: labels.canManage } };
}

export async function getMaterialFile(db: Db, files: FileStore, actor: Actor, id: string) {
  const { row } = await visibleMaterial(db, actor, id);
  if (!row.fileHash) throw new NotFoundError('resource.not_found', `material ${id} has no file`);
  return { bytes: await files.get(row.fileHash), name: row.fileName ?? 'tai-lieu', mime: row.fileMime ?? 'application/octet-stream' };
}

export async function myMaterials(db: Db, actor: Actor, campaignId: string) {
  const campaign = await requireCampaignAccess(db, actor, campaignId);
  return actor.memberId ? materialsForMember(db, actor.tenantId, actor.memberId, campaign.id) : [];
}

export async function audienceDefs(exec: Executor, tenantId: string): Promise<AudienceDef[]> {
  return (await repo.listAudiences(exec, tenantId)).map((a) => ({ code: a.code, name: a.name, rule: a.rule, priority: a.priority, isPublic: a.isPublic }));
}

/**
 * Every published master the member may read in the campaign, each resolved to the version meant for
 * them (the variant of their first fitting audience, else the master), and whether they opened it.
 */
export async function materialsForMember(exec: Executor, tenantId: string, memberId: string, campaignId: string) {
  const member = await findMember(exec, tenantId, memberId);
  if (!member || member.leftAt) return [];
  const rows = await queries.listPublishedInLineage(exec, tenantId, campaignId, memberLineageSql(tenantId, memberId, sql`ms.org_id`));
  const audiences = await audienceDefs(exec, tenantId);
  const opens = await queries.memberOpens(exec, tenantId, memberId, rows.map((r) => r.id));
  return rows.filter((r) => !r.masterId).map((master) => {
    const family = rows.filter((r) => r.masterId === master.id);
    const variants = new Map(family.map((v) => [v.audienceCode!, v]));
    const { material, audienceCode } = resolveVersion(member as AudienceMember, audiences, master, variants);
    const openedAt = [master, ...family].map((r) => opens.get(r.id)).filter((a): a is string => !!a).sort().pop() ?? null;
    return {
      id: material.id, masterId: master.id, kind: master.kind as 'study' | 'research' | 'qa', title: material.title, summary: material.summary,
      audienceCode, audienceName: audiences.find((a) => a.code === audienceCode)?.name ?? null, orgName: master.orgName,
      hasFile: !!material.fileName, publishedAt: master.publishedAt, opened: openedAt !== null, lastOpenedAt: openedAt,
    };
  });
}
