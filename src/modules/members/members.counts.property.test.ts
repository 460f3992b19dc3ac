import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness.js';
import { buildSmallProvince, insertMember } from '../../../test/factories.js';
import { queryRows } from '../../kernel/db/client.js';

/** One change to the member list, as a user or an import makes it. */
const change = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), branch: fc.nat(), exempt: fc.boolean() }),
  fc.record({ kind: fc.constant('move' as const), member: fc.nat(), branch: fc.nat() }),
  fc.record({ kind: fc.constant('leave' as const), member: fc.nat() }),
  fc.record({ kind: fc.constant('return' as const), member: fc.nat() }),
  fc.record({ kind: fc.constant('exempt' as const), member: fc.nat(), exempt: fc.boolean() }),
  fc.record({ kind: fc.constant('move_all' as const), from: fc.nat(), to: fc.nat() }),
);

describeEngines('branch member counts', (ctx) => {
  // Coverage and roll-ups read branch_member_counts instead of counting members: after any sequence of
  // additions, moves (one or many rows per statement), departures and exemptions it must equal a count.
  it('equal a plain count of the members after any changes', async () => {
    const p = await buildSmallProvince(ctx.db);
    const plain = () => queryRows<{ branch_id: string; active: number; active_not_exempt: number }>(ctx.db, sql`select branch_id,
        count(*) filter (where left_at is null)::int as active, count(*) filter (where left_at is null and not is_exempt)::int as active_not_exempt
      from members where tenant_id = ${p.tenantId} group by branch_id having count(*) filter (where left_at is null) > 0 order by branch_id`);
    const kept = () => queryRows<{ branch_id: string; active: number; active_not_exempt: number }>(ctx.db, sql`select branch_id, active, active_not_exempt
      from branch_member_counts where tenant_id = ${p.tenantId} and active <> 0 order by branch_id`);
    await fc.assert(fc.asyncProperty(fc.array(change, { maxLength: 12 }), async (changes) => {
      for (const c of changes) {
        const ids = (await queryRows<{ id: string }>(ctx.db, sql`select id from members where tenant_id = ${p.tenantId} order by id`)).map((r) => r.id);
        const member = 'member' in c ? ids[c.member % ids.length] : '';
        const branch = (n: number) => p.branches[n % p.branches.length];
        if (c.kind === 'add') {
          const id = await insertMember(ctx.db, p.tenantId, branch(c.branch));
          if (c.exempt) await ctx.db.execute(sql`update members set is_exempt = true where id = ${id}`);
        } else if (c.kind === 'move') await ctx.db.execute(sql`update members set branch_id = ${branch(c.branch)} where id = ${member}`);
        else if (c.kind === 'leave') await ctx.db.execute(sql`update members set left_at = now() where id = ${member}`);
        else if (c.kind === 'return') await ctx.db.execute(sql`update members set left_at = null where id = ${member}`);
        else if (c.kind === 'exempt') await ctx.db.execute(sql`update members set is_exempt = ${c.exempt} where id = ${member}`);
        else await ctx.db.execute(sql`update members set branch_id = ${branch(c.to)} where tenant_id = ${p.tenantId} and branch_id = ${branch(c.from)}`);
      }
      expect(await kept()).toEqual(await plain());
    }), { numRuns: 15 });
  });
});
