import { sql } from 'drizzle-orm';
import { beforeAll, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { describeEngines } from '../../../test/harness.js';
import { createTenant, insertMember, insertOrg } from '../../../test/factories.js';
import { newId } from '../../kernel/db/columns.js';
import { queryRows } from '../../kernel/db/client.js';
import { byPriority, matchesAudience, matchKey, resolveVersion, type AudienceMember } from './materials.audience.js';
import { audienceSql, matchKeySql, resolvedVersionSql } from './materials.audience-sql.js';
import { DEFAULT_AUDIENCES } from './materials.defaults.js';
import { audiencesArb, memberArb, textArb } from './materials.test-arbitraries.js';

/** The SQL compilation of audience rules must decide exactly as the JS evaluator, on both engines. */
describeEngines('audience rules in SQL agree with the evaluator', (ctx) => {
  let tenantId = '';
  let branchId = '';
  beforeAll(async () => {
    const t = await createTenant(ctx.db);
    tenantId = t.tenantId;
    branchId = await insertOrg(ctx.db, { tenantId, parentId: t.rootId, levelId: t.levels.branch, name: 'Chi bộ Thử', code: `${tenantId.slice(-6)}-B` });
  });

  async function insertMembers(list: AudienceMember[]): Promise<string[]> {
    const ids: string[] = [];
    for (const m of list) {
      const id = await insertMember(ctx.db, tenantId, branchId);
      await ctx.db.execute(sql`update members set ethnicity = ${m.ethnicity ?? null}, work_position = ${m.workPosition ?? null},
        party_position = ${m.partyPosition ?? null}, workplace_kind = ${m.workplaceKind ?? null}, religion = ${m.religion ?? null},
        is_remote_area = ${!!m.isRemoteArea}, is_head_of_unit = ${!!m.isHeadOfUnit}, is_committee_member = ${!!m.isCommitteeMember},
        is_exempt = ${!!m.isExempt} where tenant_id = ${tenantId} and id = ${id}`);
      ids.push(id);
    }
    return ids;
  }

  test.prop([textArb], { numRuns: 60 })('match keys are computed the same way', async (s) => {
    const [row] = await queryRows<{ k: string }>(ctx.db, sql`select ${matchKeySql(sql`${s}::text`)} as k`);
    expect(row.k).toBe(matchKey(s));
  });

  test.prop([fc.array(memberArb, { minLength: 1, maxLength: 8 }), audiencesArb], { numRuns: 15 })(
    'each member fits the same audiences and reads the same version', async (members, randomAudiences) => {
      const ids = await insertMembers(members);
      const audiences = [...DEFAULT_AUDIENCES, ...randomAudiences].sort(byPriority);
      const master = newId();
      const variants = audiences.map((audience) => ({ audience, materialId: newId() }));
      const fitsSql = audiences.map((a, i) => sql`${audienceSql(a, 'm')} as ${sql.raw(`"a${i}"`)}`);
      const rows = await queryRows<Record<string, unknown>>(ctx.db, sql`
        select m.id, ${resolvedVersionSql('m', master, variants)} as version, ${sql.join(fitsSql, sql`, `)}
        from members m where m.tenant_id = ${tenantId} and m.id in (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})`);
      const byId = new Map(rows.map((r) => [r.id as string, r]));
      ids.forEach((id, n) => {
        const row = byId.get(id)!;
        audiences.forEach((a, i) => expect(row[`a${i}`], `${a.code} ${JSON.stringify(a.rule)} on ${JSON.stringify(members[n])}`).toBe(matchesAudience(members[n], a)));
        const expected = resolveVersion(members[n], audiences, master, new Map(variants.map((v) => [v.audience.code, v.materialId])));
        expect(row.version).toBe(expected.material);
      });
    });
});
