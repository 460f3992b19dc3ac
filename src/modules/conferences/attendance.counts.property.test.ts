import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness.js';
import { buildSmallProvince, createUser } from '../../../test/factories.js';
import { issuedCampaign, scheduledConference } from '../../../test/campaign-factories.js';
import { queryRows } from '../../kernel/db/client.js';
import { newId } from '../../kernel/db/columns.js';
import { recountCampaign, refreshParticipants } from './attendance.repository.js';
import { checkIn } from './attendance.service.js';

/** What happens to one member before and during the scans. */
const memberStory = fc.record({
  exempt: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  /** Studied at a confirmed make-up of an earlier conference before being scanned at this one. */
  madeUpEarlier: fc.boolean(),
  /** 0 = never scanned; 1–3 = scanned that many times (a phone reading the code again). */
  scans: fc.integer({ min: 0, max: 3 }),
});

describeEngines('branch counts after check-ins', (ctx) => {
  // A check-in changes the counts by increment (recordFirstAttendance), not by a recount: whatever the
  // mix of exempt members, members who had made up, repeated and concurrent scans, the counts it
  // leaves must be those a full recount gives.
  it('equal a full recount, whatever the scans', async () => {
    const p = await buildSmallProvince(ctx.db);
    const officer = await createUser(ctx.db, p.tenantId, [{ role: 'propaganda_officer', orgId: p.rootId }]);
    const members = p.members;
    await fc.assert(fc.asyncProperty(fc.array(memberStory, { minLength: members.length, maxLength: members.length }), fc.boolean(), async (stories, withExempt) => {
      const { campaignId } = await issuedCampaign(ctx.db, p);
      await ctx.db.execute(sql`update campaign_plans set include_exempt = ${withExempt} where campaign_id = ${campaignId} and parent_plan_id is null`);
      await ctx.db.execute(sql`update members set is_exempt = false where tenant_id = ${p.tenantId}`);
      for (const [i, s] of stories.entries()) if (s.exempt) await ctx.db.execute(sql`update members set is_exempt = true where id = ${members[i]}`);
      // An earlier conference, everyone absent; some made up since.
      const earlier = await scheduledConference(ctx.db, p.tenantId, campaignId, p.rootId, { includeExempt: true });
      await ctx.db.execute(sql`update conference_invitations set status = 'absent' where conference_id = ${earlier}`);
      for (const [i, s] of stories.entries()) {
        if (!s.madeUpEarlier) continue;
        await ctx.db.execute(sql`insert into makeups (tenant_id, id, campaign_id, conference_id, invitation_id, member_id, branch_id, status, confirmed_at, mode)
          select tenant_id, ${newId()}, campaign_id, conference_id, id, member_id, branch_id, 'completed', now(), 'self_study'
          from conference_invitations where conference_id = ${earlier} and member_id = ${members[i]}`);
      }
      await refreshParticipants(ctx.db, p.tenantId, campaignId, members);
      const conference = await scheduledConference(ctx.db, p.tenantId, campaignId, p.rootId, { includeExempt: true });
      const codes = await queryRows<{ member_id: string; qr_token: string }>(ctx.db, sql`select member_id, qr_token from conference_invitations where conference_id = ${conference}`);
      const codeOf = new Map(codes.map((c) => [c.member_id, `QT1:${c.qr_token}`]));
      // Scans of different members run concurrently; a member's repeated scans race each other too.
      const scans = stories.flatMap((s, i) => Array.from({ length: s.scans }, () => codeOf.get(members[i])!));
      const results = await Promise.all(scans.map((code) => checkIn(ctx.db, officer, conference, code)));
      expect(results.filter((r) => r.outcome === 'checked_in')).toHaveLength(stories.filter((s) => s.scans > 0).length);

      const read = () => queryRows<{ branch_id: string; invited: number; attended: number; made_up: number }>(ctx.db, sql`select branch_id, invited, attended, made_up
        from campaign_branch_counts where campaign_id = ${campaignId} and (invited > 0 or attended > 0 or made_up > 0) order by branch_id`);
      const incremental = await read();
      await recountCampaign(ctx.db, p.tenantId, campaignId);
      expect(incremental).toEqual(await read());
      // And the recount is what the stories say: attended = scanned and counted; made up = made up and never scanned.
      const counted = stories.filter((s) => withExempt || !s.exempt);
      const total = (await read()).reduce((a, r) => ({ attended: a.attended + r.attended, madeUp: a.madeUp + r.made_up }), { attended: 0, madeUp: 0 });
      expect(total).toEqual({
        attended: counted.filter((s) => s.scans > 0).length,
        madeUp: counted.filter((s) => s.scans === 0 && s.madeUpEarlier).length,
      });
    }), { numRuns: 10 });
  });
});
