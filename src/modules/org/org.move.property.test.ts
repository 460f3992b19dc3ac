import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { describeEngines } from '../../../test/harness.js';
import { createTenant, createUser, insertOrg } from '../../../test/factories.js';
import { queryRows } from '../../kernel/db/client.js';
import { AppError } from '../../kernel/errors/app-error.js';
import * as orgs from './org.service.js';

/**
 * Whatever sequence of moves is attempted, the tree stays a tree: no cycles, and the closure table
 * and materialized paths always agree with the parent pointers.
 */
describeEngines('org moves', (ctx) => {
  async function assertConsistent(tenantId: string) {
    const rows = await queryRows<{ id: string; parentId: string | null; path: string; depth: number }>(ctx.db,
      sql`select id, parent_id as "parentId", path, depth from orgs where tenant_id = ${tenantId}`);
    const parent = new Map(rows.map((r) => [r.id, r.parentId]));
    const expectedPairs = new Set<string>();
    for (const r of rows) {
      const chain: string[] = [];
      for (let at: string | null = r.id, guard = 0; at; at = parent.get(at) ?? null, guard++) {
        expect(guard).toBeLessThan(rows.length + 1); // a cycle would never reach the root
        chain.unshift(at);
      }
      expect(r.path).toBe(chain.map((c) => `${c}.`).join(''));
      expect(r.depth).toBe(chain.length - 1);
      chain.forEach((a, i) => expectedPairs.add(`${a}>${r.id}>${chain.length - 1 - i}`));
    }
    const closure = await queryRows<{ a: string; d: string; n: number }>(ctx.db,
      sql`select ancestor_id as a, descendant_id as d, depth as n from org_closure where tenant_id = ${tenantId}`);
    expect(new Set(closure.map((c) => `${c.a}>${c.d}>${c.n}`))).toEqual(expectedPairs);
  }

  test.prop([fc.array(fc.nat(), { minLength: 2, maxLength: 10 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 })], { numRuns: 15 })(
    'random moves keep closure, paths and acyclicity', async (parents, moves) => {
      const t = await createTenant(ctx.db);
      const ids = [t.rootId];
      for (let i = 0; i < parents.length; i++) {
        ids.push(await insertOrg(ctx.db, { tenantId: t.tenantId, parentId: ids[parents[i] % ids.length], levelId: t.levels.upper, name: `Đơn vị ${i}`, code: `${t.tenantId.slice(-8)}-${i}`, kind: 'commune_committee' }));
      }
      const actor = await createUser(ctx.db, t.tenantId, [{ role: 'organization_officer', orgId: t.rootId }]);
      for (const [a, b] of moves) {
        const org = ids[1 + (a % (ids.length - 1))];
        const target = ids[b % ids.length];
        await orgs.moveOrg(ctx.db, actor, org, { newParentId: target }).catch((err) => {
          expect(err).toBeInstanceOf(AppError);
          expect(['org.cycle', 'org.has_members']).toContain((err as AppError).code);
        });
        await assertConsistent(t.tenantId);
      }
    });

  it('two opposite moves at the same time: one wins, the other is refused, no loop forms', async () => {
    const t = await createTenant(ctx.db);
    const a = await insertOrg(ctx.db, { tenantId: t.tenantId, parentId: t.rootId, levelId: t.levels.upper, name: 'Đơn vị A', code: `${t.tenantId.slice(-8)}-A` });
    const b = await insertOrg(ctx.db, { tenantId: t.tenantId, parentId: t.rootId, levelId: t.levels.upper, name: 'Đơn vị B', code: `${t.tenantId.slice(-8)}-B` });
    const actor = await createUser(ctx.db, t.tenantId, [{ role: 'organization_officer', orgId: t.rootId }]);
    const results = await Promise.allSettled([
      orgs.moveOrg(ctx.db, actor, a, { newParentId: b }),
      orgs.moveOrg(ctx.db, actor, b, { newParentId: a }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as AppError).code).toBe('org.cycle');
    await assertConsistent(t.tenantId);
  });
});
