import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness.js';
import { buildSmallProvince } from '../../../test/factories.js';
import { insertTypedReflection, issuedCampaign } from '../../../test/campaign-factories.js';
import { queryRows, type Db } from '../../kernel/db/client.js';
import { poolCompute, type PoolCompute } from './recommendations.compute.js';
import { extractCampaign, gatherPool } from './recommendations.pool.js';

const FUNDS = ['Đề nghị cấp trên tăng kinh phí hoạt động cho các chi bộ vùng sâu, vùng xa.', 'Kiến nghị tăng kinh phí hoạt động cho chi bộ ở vùng sâu vùng xa.',
  'De nghi cap tren tang kinh phi hoat dong cho cac chi bo vung sau vung xa.'];
const ROADS = ['Đề nghị đầu tư nâng cấp đường giao thông liên thôn trong năm tới.', 'Kiến nghị Nhà nước đầu tư nâng cấp đường giao thông liên thôn.'];
const TRAINING = ['Đề nghị tổ chức tập huấn chuyển đổi số cho cán bộ cơ sở.', 'Kiến nghị mở lớp tập huấn chuyển đổi số cho cán bộ cơ sở.'];
const essay = (recs: string[]) => `Bài thu hoạch học tập, quán triệt Nghị quyết Đại hội.
I. Những nội dung cơ bản
Nghị quyết xác định mục tiêu phát triển nhanh và bền vững.
IV. Đề xuất, kiến nghị
${recs.map((r, i) => `${i + 1}. ${r}`).join('\n')}
Trên đây là bài thu hoạch của tôi.`;

interface GroupView { id: string; title: string; entries: string[] }

async function poolGroups(db: Db, tenantId: string, campaignId: string): Promise<GroupView[]> {
  const rows = await queryRows<{ id: string; title: string; entries: string[] | null }>(db, sql`select g.id, g.title,
      (select array_agg(e.text order by e.text) from recommendation_entries e where e.tenant_id = g.tenant_id and e.group_id = g.id) as entries
    from recommendation_groups g where g.tenant_id = ${tenantId} and g.campaign_id = ${campaignId}::uuid order by g.title`);
  return rows.map((r) => ({ ...r, entries: r.entries ?? [] }));
}

async function unassigned(db: Db, tenantId: string, campaignId: string): Promise<string[]> {
  return (await queryRows<{ text: string }>(db, sql`select text from recommendation_entries
    where tenant_id = ${tenantId} and campaign_id = ${campaignId}::uuid and group_id is null order by text`)).map((r) => r.text);
}

/** A province whose first branch's members wrote `texts`, one reflection each; its pool org. */
async function provinceWith(db: Db, texts: string[][]) {
  const p = await buildSmallProvince(db);
  const { campaignId } = await issuedCampaign(db, p);
  for (const [i, recs] of texts.entries()) await insertTypedReflection(db, p.tenantId, campaignId, p.members[i], essay(recs));
  return { tenantId: p.tenantId, campaignId, members: p.members };
}

async function refresh(db: Db, tenantId: string, campaignId: string, compute: PoolCompute) {
  const { pools } = await extractCampaign(db, tenantId, campaignId, compute);
  for (const pool of pools) await gatherPool(db, tenantId, campaignId, pool, compute);
  return pools;
}

describeEngines('gathering recommendations', (ctx) => {
  it('forms the same groups on its own thread as in place', async () => {
    const texts = [[FUNDS[0], ROADS[0]], [FUNDS[1]], [TRAINING[0]], [FUNDS[2], TRAINING[1]], [ROADS[1]]];
    const inPlace = await provinceWith(ctx.db, texts);
    const onThread = await provinceWith(ctx.db, texts);
    await refresh(ctx.db, inPlace.tenantId, inPlace.campaignId, poolCompute({ inlineVersions: 1000, inlineTexts: 1000 }));
    const thread = poolCompute({ inlineVersions: 0, inlineTexts: 0 });
    try { await refresh(ctx.db, onThread.tenantId, onThread.campaignId, thread); } finally { await thread.close(); }
    // The same partition of the sentences (a tie between equally central titles may go either way).
    const partition = (gs: GroupView[]) => gs.map((g) => g.entries.join(' | ')).sort();
    const groups = await poolGroups(ctx.db, inPlace.tenantId, inPlace.campaignId);
    const threaded = await poolGroups(ctx.db, onThread.tenantId, onThread.campaignId);
    expect(groups.length).toBe(3); // funds, roads, training
    expect(partition(threaded)).toEqual(partition(groups));
    for (const g of threaded) expect(g.entries).toContain(g.title);
  });

  it('applies only what still holds when the board changed the pool while the gathering computed', async () => {
    const { tenantId, campaignId, members } = await provinceWith(ctx.db, [[FUNDS[0]], [ROADS[0]]]);
    const inPlace = poolCompute();
    await refresh(ctx.db, tenantId, campaignId, inPlace);
    const before = await poolGroups(ctx.db, tenantId, campaignId);
    const fundsGroup = before.find((g) => g.title.includes('kinh phí'))!;
    const roadsGroup = before.find((g) => g.title.includes('giao thông'))!;
    // New texts: a funds re-typing, a roads re-typing, and training said twice (a new group).
    for (const [i, recs] of [[FUNDS[1]], [ROADS[1]], [TRAINING[0]], [TRAINING[1]]].entries()) {
      await insertTypedReflection(ctx.db, tenantId, campaignId, members[2 + i], essay(recs));
    }
    const { pools } = await extractCampaign(ctx.db, tenantId, campaignId, inPlace);
    // While the plan is computed, the board puts the funds re-typing by hand into the roads group (its
    // choice stands), and merges the roads group into the funds group (the roads group is gone).
    const meddling: PoolCompute = {
      ...inPlace,
      async plan(entries, groups) {
        const plan = await inPlace.plan(entries, groups);
        await ctx.db.execute(sql`update recommendation_entries set group_id = ${roadsGroup.id}::uuid
          where tenant_id = ${tenantId} and text = ${FUNDS[1]}`);
        await ctx.db.execute(sql`update recommendation_entries set group_id = ${fundsGroup.id}::uuid
          where tenant_id = ${tenantId} and group_id = ${roadsGroup.id}::uuid`);
        await ctx.db.execute(sql`delete from recommendation_groups where tenant_id = ${tenantId} and id = ${roadsGroup.id}::uuid`);
        return plan;
      },
    };
    for (const pool of pools) await gatherPool(ctx.db, tenantId, campaignId, pool, meddling);
    const after = await poolGroups(ctx.db, tenantId, campaignId);
    // The board's hand work stands: the funds group holds both funds texts and the first roads text.
    expect(after.find((g) => g.id === fundsGroup.id)!.entries).toEqual([FUNDS[0], FUNDS[1], ROADS[0]].sort());
    // The roads re-typing was meant for the group merged away: it waits for the next gathering.
    expect(await unassigned(ctx.db, tenantId, campaignId)).toEqual([ROADS[1]]);
    // Training became a group of its own, and no group is left empty.
    expect(after.find((g) => g.entries.includes(TRAINING[0]))!.entries).toEqual([...TRAINING].sort());
    expect(after.every((g) => g.entries.length > 0)).toBe(true);
    // The next gathering places the waiting text.
    for (const pool of pools) await gatherPool(ctx.db, tenantId, campaignId, pool, inPlace);
    expect(await unassigned(ctx.db, tenantId, campaignId)).toEqual([]);
  });
});
