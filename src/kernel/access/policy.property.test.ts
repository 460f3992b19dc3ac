import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { describeApp } from '../../../test/harness.js';
import { createTenant, createUser, insertMember, insertOrg, sessionCookie } from '../../../test/factories.js';
import { queryRows } from '../db/client.js';
import { ROLES, roleAllows, type Role } from './permissions.js';

/**
 * Random org trees, users and roles; an oracle computed from the generated tree in plain JS says what
 * each user may see and change. No read or list route may return anything outside, no write may land.
 */
const treeArb = fc.array(fc.nat(), { minLength: 1, maxLength: 14 }); // parent index of each new org, mod its position
const grantsArb = fc.array(fc.array(fc.record({ role: fc.constantFrom(...ROLES), at: fc.nat() }), { minLength: 0, maxLength: 3 }), { minLength: 1, maxLength: 4 });

describeApp('authorization over random trees', (ctx) => {
  test.prop([treeArb, grantsArb, fc.nat()], { numRuns: 25 })('no route crosses an actor\'s subtree', async (parents, userGrants, pick) => {
    const t = await createTenant(ctx.db);
    const ids = [t.rootId];
    const parentOf = new Map<string, string | null>([[t.rootId, null]]);
    for (let i = 0; i < parents.length; i++) {
      const parent = ids[parents[i] % ids.length];
      const id = await insertOrg(ctx.db, { tenantId: t.tenantId, parentId: parent, levelId: t.levels.branch, name: `Tổ chức ${i}`, code: `${t.tenantId.slice(-8)}-${i}` });
      ids.push(id);
      parentOf.set(id, parent);
    }
    const leaves = ids.filter((id) => ![...parentOf.values()].includes(id));
    const memberBranch = new Map<string, string>();
    for (const leaf of leaves) memberBranch.set(await insertMember(ctx.db, t.tenantId, leaf, { fullName: 'Nguyễn Văn An', personalId: '001234567890' }), leaf);
    const memberIds = [...memberBranch.keys()];
    const inSubtree = (root: string, id: string | null): boolean => id !== null && (id === root || inSubtree(root, parentOf.get(id) ?? null));

    for (const grants of userGrants) {
      const roleGrants = grants.map((g) => ({ role: g.role as Role, orgId: ids[g.at % ids.length] }));
      const self = roleGrants.some((g) => g.role === 'member') ? memberIds[pick % memberIds.length] : null;
      const actor = await createUser(ctx.db, t.tenantId, roleGrants, self);
      const cookie = await sessionCookie(ctx.db, actor);
      const may = (action: Parameters<typeof roleAllows>[1], orgId: string) => roleGrants.some((g) => roleAllows(g.role, action) && inSubtree(g.orgId, orgId));
      const get = (url: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie } });

      for (const id of ids) {
        const org = await get(`/api/orgs/${id}`);
        expect(org.statusCode).toBe(may('org.read', id) ? 200 : 404);
        const kids = await get(`/api/orgs/${id}/children`);
        if (kids.statusCode === 200) for (const k of kids.json()) expect(may('org.read', k.id)).toBe(true);
        const list = await get(`/api/members?orgId=${id}&pageSize=200`);
        expect(list.statusCode).toBe(may('org.read', id) ? 200 : 404);
        if (list.statusCode === 200) {
          for (const m of list.json().items) expect(may('member.read', m.branchId)).toBe(true);
        }
      }
      for (const [memberId, branch] of memberBranch) {
        const res = await get(`/api/members/${memberId}`);
        const visible = may('member.read', branch) || memberId === self;
        expect(res.statusCode).toBe(visible ? 200 : 404);
        if (visible) expect(res.json().personalId).toBe(may('member.read_sensitive', branch) || memberId === self ? '001234567890' : null);
      }
      const hits = (await get('/api/orgs/search?q=to%20chuc&limit=100')).json();
      for (const h of hits) expect(may('org.read', h.id)).toBe(true);

      // Writes: renaming an org and a member lands exactly where the actor may manage.
      const target = ids[(pick + 1) % ids.length];
      const rename = await ctx.app.inject({ method: 'PATCH', url: `/api/orgs/${target}`, headers: { cookie }, payload: { name: `Đổi tên ${actor.userId.slice(-4)}` } });
      const [after] = await queryRows<{ name: string }>(ctx.db, sql`select name from orgs where id = ${target}`);
      expect(after.name === `Đổi tên ${actor.userId.slice(-4)}`).toBe(may('org.manage', target));
      expect(rename.statusCode).toBe(may('org.manage', target) ? 200 : may('org.read', target) ? 403 : 404);
      const victim = memberIds[(pick + 2) % memberIds.length];
      const edit = await ctx.app.inject({ method: 'PATCH', url: `/api/members/${victim}`, headers: { cookie }, payload: { phone: '0912345678' } });
      const [m] = await queryRows<{ phone: string | null }>(ctx.db, sql`select phone from members where id = ${victim}`);
      const allowed = may('member.manage', memberBranch.get(victim)!);
      expect(edit.statusCode).toBe(allowed ? 200 : (may('member.read', memberBranch.get(victim)!) || victim === self) ? 403 : 404);
      if (allowed) expect(m.phone).toBe('0912345678');
      if (allowed) await ctx.db.execute(sql`update members set phone = null where id = ${victim}`);
      else expect(m.phone).toBeNull();
    }
  });
});
