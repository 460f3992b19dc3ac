import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness.js';
import { buildSmallProvince, createUser, insertMember } from '../../../test/factories.js';
import { issuedCampaign, scheduledConference } from '../../../test/campaign-factories.js';
import { newId } from '../../kernel/db/columns.js';
import { campaignCoverage } from './attendance.coverage.js';
import { refreshParticipants } from './attendance.repository.js';

/** What happened to one member in the campaign, as a generator draws it. */
const memberFate = fc.record({
  exempt: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
  invited: fc.boolean(),
  outcome: fc.constantFrom('invited', 'present', 'absent'),
  madeUp: fc.boolean(),
});

describeEngines('coverage arithmetic', (ctx) => {
  it('equals a plain count of the members, at every org of the tree, whatever their mix of attendance', async () => {
    const p = await buildSmallProvince(ctx.db);
    const officer = await createUser(ctx.db, p.tenantId, [{ role: 'propaganda_officer', orgId: p.rootId }]);
    // Members in every branch, beyond the 3 of the factory, so sums differ from branch to branch.
    const extra: Array<{ id: string; branch: string }> = [];
    for (const [i, branch] of p.branches.entries()) for (let k = 0; k < i % 3; k++) extra.push({ id: await insertMember(ctx.db, p.tenantId, branch), branch });
    const all = [...p.members.map((id, i) => ({ id, branch: p.branches[Math.floor(i / 3)] })), ...extra];

    await fc.assert(fc.asyncProperty(fc.array(memberFate, { minLength: all.length, maxLength: all.length }), async (fates) => {
      const { campaignId } = await issuedCampaign(ctx.db, p);
      await ctx.db.execute(sql`update members set is_exempt = false where tenant_id = ${p.tenantId}`);
      for (const [i, f] of fates.entries()) if (f.exempt) await ctx.db.execute(sql`update members set is_exempt = true where id = ${all[i].id}`);
      // A custom-audience conference: only the members drawn as invited get an invitation.
      const conferenceId = await scheduledConference(ctx.db, p.tenantId, campaignId, p.rootId, { audienceKind: 'custom', includeExempt: true });
      for (const [i, f] of fates.entries()) {
        if (!f.invited) continue;
        const invitation = newId();
        await ctx.db.execute(sql`insert into conference_invitations (tenant_id, id, conference_id, campaign_id, member_id, branch_id, qr_token, status, checked_in_at)
          values (${p.tenantId}, ${invitation}, ${conferenceId}, ${campaignId}, ${all[i].id}, ${all[i].branch}, ${newId()}, ${f.outcome}, ${f.outcome === 'present' ? sql`now()` : null})`);
        if (f.outcome === 'absent' && f.madeUp) {
          await ctx.db.execute(sql`insert into makeups (tenant_id, id, campaign_id, conference_id, invitation_id, member_id, branch_id, status, confirmed_at, mode)
            values (${p.tenantId}, ${newId()}, ${campaignId}, ${conferenceId}, ${invitation}, ${all[i].id}, ${all[i].branch}, 'completed', now(), 'self_study')`);
        }
      }
      await refreshParticipants(ctx.db, p.tenantId, campaignId, all.map((m) => m.id));

      const expected = (inBranches: string[]) => {
        const counted = all.map((m, i) => ({ m, f: fates[i] })).filter(({ m, f }) => inBranches.includes(m.branch) && !f.exempt);
        return {
          covered: counted.length,
          invited: counted.filter(({ f }) => f.invited).length,
          attended: counted.filter(({ f }) => f.invited && f.outcome === 'present').length,
          madeUp: counted.filter(({ f }) => f.invited && f.outcome === 'absent' && f.madeUp).length,
        };
      };
      const province = await campaignCoverage(ctx.db, officer, campaignId);
      expect(province.total).toEqual(expected(p.branches));
      const counts = (c: { covered: number; invited: number; attended: number; madeUp: number }) => ({ covered: c.covered, invited: c.invited, attended: c.attended, madeUp: c.madeUp });
      expect(province.children.map(counts)).toEqual([expected(p.branches.slice(0, 4)), expected(p.branches.slice(4))]);
      const grassroots = await campaignCoverage(ctx.db, officer, campaignId, p.grassroots[3]);
      expect(grassroots.children.map(counts)).toEqual([expected([p.branches[6]]), expected([p.branches[7]])]);
      // Attended and made up never overlap and never exceed those covered.
      expect(province.total.attended + province.total.madeUp).toBeLessThanOrEqual(province.total.covered);
    }), { numRuns: 12 });
  });
});
