import { expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { client, loginAs, materialsWorld } from './materials.test-fixtures.js';

/** Reviewer's probe: an outsider learns nothing about a material id outside their scope. */
describeApp('review: materials existence', (ctx) => {
  it('answers 404 for another commune\'s material whatever else the variant request gets wrong', async () => {
    const w = await materialsWorld(ctx.db, ctx.app);
    const own = client(ctx.app, (await loginAs(ctx.db, ctx.app, w.p.tenantId, [{ role: 'propaganda_officer', orgId: w.p.communes[0] }])).cookie);
    const draft = (await own.post('/api/materials', { campaignId: w.campaignId, orgId: w.p.communes[0], kind: 'study', title: 'Bản nháp của xã 1', body: 'Nội dung.' })).json();
    const outsider = client(ctx.app, (await loginAs(ctx.db, ctx.app, w.p.tenantId, [{ role: 'propaganda_officer', orgId: w.p.communes[1] }])).cookie);
    const probe = await outsider.post('/api/materials', { masterId: draft.id, kind: 'qa', title: 'Dò tìm' });
    const missing = await outsider.post('/api/materials', { masterId: '00000000-0000-7000-8000-000000000000', kind: 'qa', title: 'Dò tìm' });
    expect(missing.statusCode).toBe(404);
    expect(probe.statusCode).toBe(missing.statusCode);
  });
});
