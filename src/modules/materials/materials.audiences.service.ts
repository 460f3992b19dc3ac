import type { Actor } from '../../kernel/access/actor.js';
import { requireAccess } from '../../kernel/access/policy.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import type { Db, Executor } from '../../kernel/db/client.js';
import { ConflictError, NotFoundError, ValidationError } from '../../kernel/errors/app-error.js';
import { normalizeText } from '../../text/index.js';
import { checkRule, type AudienceDef } from './materials.audience.js';
import { DEFAULT_AUDIENCES } from './materials.defaults.js';
import * as repo from './materials.repository.js';

/**
 * Creates the default audiences (seed 001) the tenant does not have yet. Idempotent and safe when two
 * requests race (ON CONFLICT DO NOTHING on the code); audited only when something was inserted.
 */
export async function ensureDefaultAudiences(exec: Executor, tenantId: string, actor: Actor | null = null): Promise<void> {
  const existing = new Set((await repo.listAudiences(exec, tenantId)).map((a) => a.code));
  const missing = DEFAULT_AUDIENCES.filter((a) => !existing.has(a.code));
  if (missing.length === 0) return;
  await exec.transaction(async (tx) => {
    const inserted = await repo.insertAudiences(tx, tenantId, missing);
    if (inserted.length === 0) return;
    await recordAudit(tx, actor, tenantId, {
      action: 'material_audience.create_defaults', entityType: 'material_audience', entityId: null, after: inserted.map((a) => a.code),
    });
  });
}

export async function listAudiences(db: Db, actor: Actor) {
  await ensureDefaultAudiences(db, actor.tenantId, actor);
  return (await repo.listAudiences(db, actor.tenantId)).map(view);
}

/** Adds an audience to the tenant's list; only those who manage materials for the whole province may. */
export async function createAudience(db: Db, actor: Actor, input: AudienceDef) {
  const rootId = await repo.findRootOrgId(db, actor.tenantId);
  if (!rootId) throw new NotFoundError('org.not_found');
  await requireAccess(db, actor, 'material.manage', rootId);
  const def = { ...input, name: normalizeText(input.name) };
  const errors = checkRule(def.rule, def.isPublic);
  if (errors.length) throw new ValidationError('validation.failed', 'invalid audience rule', { errors, title: errors[0].message });
  await ensureDefaultAudiences(db, actor.tenantId, actor);
  return db.transaction(async (tx) => {
    const [row] = await repo.insertAudiences(tx, actor.tenantId, [def]);
    if (!row) throw new ConflictError('material.audience_exists', `audience ${def.code}`);
    await recordAudit(tx, actor, actor.tenantId, { action: 'material_audience.create', entityType: 'material_audience', entityId: row.id, after: row });
    return view(row);
  });
}

function view(a: repo.AudienceRow) {
  return { id: a.id, code: a.code, name: a.name, rule: a.rule, priority: a.priority, isPublic: a.isPublic };
}
