import type { Actor } from '../../kernel/access/actor.js';
import type { Action } from '../../kernel/access/permissions.js';
import { requireAccess } from '../../kernel/access/policy.js';
import type { Db, Executor } from '../../kernel/db/client.js';
import { NotFoundError, RuleViolationError } from '../../kernel/errors/app-error.js';
import { getOrgBrief, hasActiveChildren } from '../org/index.js';
import { ensureDefaultScheme, listSchemes, schemeForYear, type Scheme } from './evaluations.scheme.js';

/** The scheme a year is evaluated under (QĐ 366 is created on first use), else 422. */
export async function requireScheme(exec: Executor, actor: Actor, year: number): Promise<Scheme> {
  await ensureDefaultScheme(exec, actor.tenantId, actor);
  const scheme = await schemeForYear(exec, actor.tenantId, year);
  if (!scheme) throw new RuleViolationError('evaluation.no_scheme', `no scheme for ${year}`, { params: { year } });
  return scheme;
}

export async function schemesById(exec: Executor, tenantId: string): Promise<Map<string, Scheme>> {
  return new Map((await listSchemes(exec, tenantId)).map((s) => [s.id, s]));
}

/** A branch (an org without active sub-orgs) where the actor may perform `action`. */
export async function requireBranch(db: Db, actor: Actor, action: Action, branchId: string) {
  await requireAccess(db, actor, action, branchId);
  const org = await getOrgBrief(db, actor.tenantId, branchId);
  if (!org) throw new NotFoundError('org.not_found', `org ${branchId}`);
  if (await hasActiveChildren(db, actor.tenantId, branchId)) throw new RuleViolationError('evaluation.not_branch', `org ${branchId} is not a branch`);
  return org;
}

