import type { Executor } from '../../kernel/db/client.js';
import * as repo from './org.repository.js';

export * as orgService from './org.service.js';
export { resolveOrgRef } from './org.service.js';
export type { OrgRow } from './org.repository.js';

export async function getOrgBrief(exec: Executor, tenantId: string, id: string) {
  const org = await repo.findOrg(exec, tenantId, id);
  return org ? { id: org.id, name: org.name, code: org.code, path: org.path } : null;
}

export { lockTree } from './org.repository.js';

/** True when the org exists, is active and has no active sub-orgs: a place members can belong. */
export async function isActiveLeaf(exec: Executor, tenantId: string, id: string): Promise<boolean> {
  const org = await repo.findOrg(exec, tenantId, id);
  return !!org && org.status === 'active' && (await repo.listActiveChildren(exec, tenantId, id)).length === 0;
}

export async function hasActiveChildren(exec: Executor, tenantId: string, id: string): Promise<boolean> {
  return (await repo.listActiveChildren(exec, tenantId, id)).length > 0;
}

/** Leaf orgs (those that can hold members) in a subtree, for resolving branch names on import. */
export { listLeavesUnder } from './org.repository.js';
