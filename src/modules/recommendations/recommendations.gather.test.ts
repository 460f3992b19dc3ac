import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/harness.js';
import { buildSmallProvince } from '../../../test/factories.js';
import { insertTypedReflection, issuedCampaign } from '../../../test/campaign-factories.js';
import { queryRows, type Db } from '../../kernel/db/client.js';
import { newId } from '../../kernel/ids.js';
import { poolCompute, type PoolCompute } from './recommendations.compute.js';
import { extractCampaign, gatherPool, refreshCampaign } from './recommendations.pool.js';

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
    // The roads group is gone, so the plan was made again: nothing went to the deleted group, every
    // text is placed, training became a group of its own, and no group is left empty.
    expect(after.some((g) => g.id === roadsGroup.id)).toBe(false);
    expect(await unassigned(ctx.db, tenantId, campaignId)).toEqual([]);
    expect(after.find((g) => g.entries.includes(TRAINING[0]))!.entries).toEqual([...TRAINING].sort());
    expect(after.every((g) => g.entries.length > 0)).toBe(true);
  });

  it('applies its last plan for what still holds when the pool keeps changing, and the next run places the rest', async () => {
    const { tenantId, campaignId, members } = await provinceWith(ctx.db, [[FUNDS[0]], [ROADS[0]]]);
    const inPlace = poolCompute();
    await refresh(ctx.db, tenantId, campaignId, inPlace);
    const roadsGroup = (await poolGroups(ctx.db, tenantId, campaignId)).find((g) => g.title.includes('giao thông'))!;
    const fundsGroup = (await poolGroups(ctx.db, tenantId, campaignId)).find((g) => g.title.includes('kinh phí'))!;
    await insertTypedReflection(ctx.db, tenantId, campaignId, members[2], essay([ROADS[1]]));
    const { pools } = await extractCampaign(ctx.db, tenantId, campaignId, inPlace);
    // Each time a plan is made the board changes the pool again; the third time it merges the roads
    // group (the plan's target for the re-typing) into the funds group.
    let calls = 0;
    const busyBoard: PoolCompute = {
      ...inPlace,
      async plan(entries, groups) {
        const plan = await inPlace.plan(entries, groups);
        calls++;
        if (calls < 3) {
          await ctx.db.execute(sql`insert into recommendation_groups (tenant_id, id, campaign_id, org_id, title)
            values (${tenantId}, ${newId()}, ${campaignId}::uuid, ${pools[0]}::uuid, ${`Nhóm tạm ${calls}`})`);
        } else {
          await ctx.db.execute(sql`update recommendation_entries set group_id = ${fundsGroup.id}::uuid where tenant_id = ${tenantId} and group_id = ${roadsGroup.id}::uuid`);
          await ctx.db.execute(sql`delete from recommendation_groups where tenant_id = ${tenantId} and id = ${roadsGroup.id}::uuid`);
        }
        return plan;
      },
    };
    expect(await gatherPool(ctx.db, tenantId, campaignId, pools[0], busyBoard)).toEqual({ assigned: 0, newGroups: 0 });
    expect(calls).toBe(3);
    // Its target merged away, the re-typing waits; the background job's next run places it, though no
    // new text came to that pool.
    expect(await unassigned(ctx.db, tenantId, campaignId)).toEqual([ROADS[1]]);
    await refreshCampaign(ctx.db, tenantId, campaignId);
    expect(await unassigned(ctx.db, tenantId, campaignId)).toEqual([]);
  });

  it('makes one set of groups when two gatherings of a pool run at once', async () => {
    const { tenantId, campaignId } = await provinceWith(ctx.db, [[FUNDS[0]], [FUNDS[1], ROADS[0]], [ROADS[1]], [TRAINING[0]], [TRAINING[1]]]);
    const inPlace = poolCompute();
    const { pools } = await extractCampaign(ctx.db, tenantId, campaignId, inPlace);
    expect(pools).toHaveLength(1);
    // While the first gathering computes, a second (an officer's "gather now") runs to the end.
    let overtaken = false;
    const slow: PoolCompute = {
      ...inPlace,
      async plan(entries, groups) {
        const plan = await inPlace.plan(entries, groups);
        if (!overtaken) { overtaken = true; await gatherPool(ctx.db, tenantId, campaignId, pools[0], inPlace); }
        return plan;
      },
    };
    const first = await gatherPool(ctx.db, tenantId, campaignId, pools[0], slow);
    expect(first).toEqual({ assigned: 0, newGroups: 0 }); // it planned again and found everything placed
    const groups = await poolGroups(ctx.db, tenantId, campaignId);
    expect(groups.map((g) => g.entries.length).sort()).toEqual([2, 2, 2]);
    expect(await unassigned(ctx.db, tenantId, campaignId)).toEqual([]);
  });
});
