import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness.js';
import { buildSmallProvince, createUser } from '../../../test/factories.js';
import { queryRows } from '../../kernel/db/client.js';
import { ensureDefaultAudiences, materialsForMember, seedMaterial } from './index.js';
import { insertCampaign } from './materials.test-fixtures.js';

describeEngines('materials for the demo seeder and the member page', (ctx) => {
  it('seeds a published master and variant that members then read in their version', async () => {
    const p = await buildSmallProvince(ctx.db);
    const campaignId = await insertCampaign(ctx.db, p.tenantId, p.rootId);
    const officer = await createUser(ctx.db, p.tenantId, [{ role: 'propaganda_officer', orgId: p.rootId }]);
    await ctx.db.execute(sql`update members set ethnicity = 'Cơ Tu' where id = ${p.members[1]}`);
    const { master, variant } = await ctx.db.transaction(async (tx) => {
      await ensureDefaultAudiences(tx, p.tenantId);
      await ensureDefaultAudiences(tx, p.tenantId);
      const master = await seedMaterial(tx, p.tenantId, officer.userId, { campaignId, orgId: p.rootId, kind: 'qa', title: 'Hỏi – đáp Nghị quyết', qa: [{ question: 'Hỏi?', answer: 'Đáp.' }] });
      const variant = await seedMaterial(tx, p.tenantId, officer, { masterId: master.id, audienceCode: 'dan_toc_thieu_so', title: 'Hỏi – đáp (bản dân tộc thiểu số)', qa: [{ question: 'Hỏi?', answer: 'Đáp ngắn.' }] });
      return { master, variant };
    });
    expect([master.status, variant.status, variant.kind]).toEqual(['published', 'published', 'qa']);
    expect((await materialsForMember(ctx.db, p.tenantId, p.members[0], campaignId)).map((m) => m.id)).toEqual([master.id]);
    expect((await materialsForMember(ctx.db, p.tenantId, p.members[1], campaignId)).map((m) => m.id)).toEqual([variant.id]);
    const audit = await queryRows<{ action: string }>(ctx.db, sql`select action from audit_log where tenant_id = ${p.tenantId} order by at, action`);
    expect(audit.map((a) => a.action)).toEqual(['material.create', 'material.create', 'material.publish', 'material.publish', 'material_audience.create_defaults']);
  });
});
