import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness.js';
import { buildSmallProvince, createUser, insertMember } from '../../../test/factories.js';
import { issuedCampaign } from '../../../test/campaign-factories.js';
import { newId } from '../../kernel/db/columns.js';
import { recountCampaign } from '../conferences/index.js';
import { reflectionStats, type StatsCounts } from './reflections.stats.js';

const DUE = '2027-01-15T10:00:00.000Z';
const GRADES = ['tot', 'kha', 'dat', 'chua_dat'] as const;

/** What happened to one member in the campaign, as a generator draws it. */
const memberFate = fc.record({
  exempt: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
  left: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  study: fc.constantFrom('none', 'invited', 'attended', 'made_up'),
  reflection: fc.option(fc.record({
    paper: fc.boolean(),
    late: fc.boolean(),
    gradeStatus: fc.constantFrom('ungraded', 'draft', 'submitted', 'approved'),
    grade: fc.constantFrom(...GRADES),
    // Handed in at a branch that is not (or no longer) the member's: counted where it was handed in.
    elsewhere: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
  }), { freq: 3 }),
});
const campaignDraw = fc.record({ writers: fc.constantFrom('studied', 'covered'), withDue: fc.boolean(), includeExempt: fc.boolean() });

describeEngines('reflection stats arithmetic', (ctx) => {
  it('equals plain counts of members and reflections, at every org of the tree, whatever the mix', async () => {
    const p = await buildSmallProvince(ctx.db);
    const officer = await createUser(ctx.db, p.tenantId, [{ role: 'propaganda_officer', orgId: p.rootId }]);
    const extra: Array<{ id: string; branch: string }> = [];
    for (const [i, branch] of p.branches.entries()) for (let k = 0; k < i % 3; k++) extra.push({ id: await insertMember(ctx.db, p.tenantId, branch), branch });
    const all = [...p.members.map((id, i) => ({ id, branch: p.branches[Math.floor(i / 3)] })), ...extra];

    await fc.assert(fc.asyncProperty(campaignDraw, fc.array(memberFate, { minLength: all.length, maxLength: all.length }), async (draw, fates) => {
      await ctx.db.execute(sql`update members set is_exempt = false, left_at = null where tenant_id = ${p.tenantId}`);
      for (const [i, f] of fates.entries()) {
        if (f.exempt) await ctx.db.execute(sql`update members set is_exempt = true where tenant_id = ${p.tenantId} and id = ${all[i].id}`);
        if (f.left) await ctx.db.execute(sql`update members set left_at = now() where tenant_id = ${p.tenantId} and id = ${all[i].id}`);
      }
      const { campaignId } = await issuedCampaign(ctx.db, p, { includeExempt: draw.includeExempt });
      // The due date is set only after the reflections are in, and grades are given after hand-in: the
      // counts kept by triggers must follow updates and a change of due date, not just inserts.
      await ctx.db.execute(sql`insert into reflection_settings (tenant_id, campaign_id, writers, due_at, updated_by)
        values (${p.tenantId}, ${campaignId}, ${draw.writers}, null, ${officer.userId})`);
      const handedAt = (i: number) => (fates[i].reflection?.elsewhere ? p.branches[(p.branches.indexOf(all[i].branch) + 3) % p.branches.length] : all[i].branch);
      for (const [i, f] of fates.entries()) {
        if (f.study !== 'none') {
          await ctx.db.execute(sql`insert into campaign_participants (tenant_id, campaign_id, member_id, branch_id, invited_at, attended_at, made_up_at)
            values (${p.tenantId}, ${campaignId}, ${all[i].id}, ${all[i].branch}, now(), ${f.study === 'attended' ? sql`now()` : null}, ${f.study === 'made_up' ? sql`now()` : null})`);
        }
        const r = f.reflection;
        if (!r) continue;
        const at = r.late ? '2027-01-20T03:00:00Z' : '2027-01-10T03:00:00Z';
        const reflectionId = newId();
        await ctx.db.execute(sql`insert into reflections (tenant_id, id, campaign_id, member_id, branch_id, status, submitted_at, grade_status, final_grade)
          values (${p.tenantId}, ${reflectionId}, ${campaignId}, ${all[i].id}, ${handedAt(i)}, ${r.paper ? 'paper' : 'submitted'}, ${at}, 'ungraded', null)`);
        await ctx.db.execute(sql`update reflections set grade_status = ${r.gradeStatus}, final_grade = ${r.gradeStatus === 'approved' ? r.grade : null}
          where tenant_id = ${p.tenantId} and id = ${reflectionId}`);
      }
      if (draw.withDue) await ctx.db.execute(sql`update reflection_settings set due_at = ${DUE} where tenant_id = ${p.tenantId} and campaign_id = ${campaignId}`);
      await recountCampaign(ctx.db, p.tenantId, campaignId);

      const expectedIn = (branch: string) => all.filter((m, i) => m.branch === branch && !fates[i].left && (!fates[i].exempt || draw.includeExempt)
        && (draw.writers === 'covered' || ['attended', 'made_up'].includes(fates[i].study))).length;
      const plain = (branches: string[]): StatsCounts => {
        const handed = fates.map((f, i) => ({ r: f.reflection, at: handedAt(i) })).filter((x) => x.r && branches.includes(x.at)).map((x) => x.r!);
        const approved = handed.filter((r) => r.gradeStatus === 'approved');
        const perGrade: Record<string, number> = {};
        for (const r of approved) perGrade[r.grade] = (perGrade[r.grade] ?? 0) + 1;
        const submittedIn = (b: string) => fates.filter((f, i) => f.reflection && handedAt(i) === b).length;
        return {
          expected: branches.reduce((n, b) => n + expectedIn(b), 0),
          submitted: handed.length,
          onTime: handed.filter((r) => !draw.withDue || !r.late).length,
          graded: approved.length,
          missing: branches.reduce((n, b) => n + Math.max(0, expectedIn(b) - submittedIn(b)), 0),
          perGrade,
        };
      };
      const countsOf = (c: StatsCounts) => ({ expected: c.expected, submitted: c.submitted, onTime: c.onTime, graded: c.graded, missing: c.missing, perGrade: c.perGrade });

      const province = await reflectionStats(ctx.db, officer, campaignId);
      expect(countsOf(province.total)).toEqual(plain(p.branches));
      expect(province.children.map(countsOf)).toEqual([plain(p.branches.slice(0, 4)), plain(p.branches.slice(4))]);
      const grassroots = await reflectionStats(ctx.db, officer, campaignId, p.grassroots[1]);
      expect(countsOf(grassroots.total)).toEqual(plain(p.branches.slice(2, 4)));
      expect(grassroots.children.map(countsOf)).toEqual([plain([p.branches[2]]), plain([p.branches[3]])]);
      // The parts add up to the whole, and nothing is graded or on time without being handed in.
      const sum = (k: 'expected' | 'submitted' | 'graded' | 'missing') => province.children.reduce((n, c) => n + c[k], 0);
      expect([sum('expected'), sum('submitted'), sum('graded'), sum('missing')])
        .toEqual([province.total.expected, province.total.submitted, province.total.graded, province.total.missing]);
      expect(province.total.onTime).toBeLessThanOrEqual(province.total.submitted);
      expect(Object.values(province.total.perGrade).reduce((a, b) => a + b, 0)).toBe(province.total.graded);
    }), { numRuns: 10 });
  });
});
