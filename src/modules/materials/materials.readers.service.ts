import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { requireAccess } from '../../kernel/access/policy.js';
import type { Db } from '../../kernel/db/client.js';
import { NotFoundError } from '../../kernel/errors/app-error.js';
import { materialVisibleSql } from './materials.access.js';
import { byPriority } from './materials.audience.js';
import { resolvedVersionSql } from './materials.audience-sql.js';
import { audienceDefs } from './materials.read.service.js';
import * as queries from './materials.queries.js';
import { readersByChildOrg, readersInBranch, type ReadersScope } from './materials.readers.js';
import * as repo from './materials.repository.js';
import { percent } from './materials.views.js';

/**
 * Who has opened a material. For a master: every member of the publisher's subtree (whichever
 * version they read); for a variant: the members who read that variant. Opening any version counts.
 */
async function readersScope(db: Db, actor: Actor, id: string) {
  const row = await repo.findMaterial(db, actor.tenantId, id);
  const labels = row && (await queries.materialLabels(db, actor.tenantId, id, materialVisibleSql(actor), sql`false`));
  if (!row || !labels?.visible) throw new NotFoundError('material.not_found', `material ${id}`);
  const master = row.masterId ? (await repo.findMaterial(db, actor.tenantId, row.masterId))! : row;
  const variants = (await repo.listVariants(db, actor.tenantId, master.id)).filter((v) => v.status === 'published' || v.id === row.id);
  const audiences = (await audienceDefs(db, actor.tenantId)).sort(byPriority);
  const entries = audiences.flatMap((audience) => {
    const variant = variants.find((v) => v.audienceCode === audience.code);
    return variant ? [{ audience, materialId: variant.id }] : [];
  });
  const versionSql = resolvedVersionSql('m', master.id, entries);
  const scope: ReadersScope = {
    tenantId: actor.tenantId, publisherOrgId: master.orgId, familyIds: [master.id, ...variants.map((v) => v.id)],
    targetSql: row.masterId ? sql`${versionSql} = ${row.id}::uuid` : sql`true`,
  };
  const versionName = (versionId: string) => {
    const code = variants.find((v) => v.id === versionId)?.audienceCode;
    return audiences.find((a) => a.code === code)?.name ?? 'Bản gốc';
  };
  return { row, scope, versionSql, versionName };
}

export async function materialReaders(db: Db, actor: Actor, id: string, q: { orgId?: string; branchId?: string }) {
  const { row, scope, versionSql, versionName } = await readersScope(db, actor, id);
  if (q.branchId) {
    await requireAccess(db, actor, 'member.read', q.branchId);
    const members = await readersInBranch(db, scope, q.branchId, versionSql);
    const opened = members.filter((m) => m.opened).length;
    return {
      materialId: row.id, orgId: null, branchId: q.branchId, orgs: [],
      total: { targeted: members.length, opened, percent: percent(opened, members.length) },
      members: members.map(({ versionId, ...m }) => ({ ...m, version: versionName(versionId) })),
    };
  }
  const orgId = q.orgId ?? row.orgId;
  await requireAccess(db, actor, 'campaign.read', orgId);
  const [self, ...children] = await readersByChildOrg(db, scope, orgId);
  const withPercent = <T extends { targeted: number; opened: number }>(r: T) => ({ ...r, percent: percent(r.opened, r.targeted) });
  return {
    materialId: row.id, orgId, branchId: null, members: [],
    total: withPercent({ targeted: self?.targeted ?? 0, opened: self?.opened ?? 0 }),
    orgs: children.map(withPercent),
  };
}
