import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { describeApp } from '../../../test/harness.js';
import { buildSmallProvince, createUser, insertOrg, sessionCookie } from '../../../test/factories.js';
import { insertTypedReflection, issuedCampaign } from '../../../test/campaign-factories.js';
import { queryRows } from '../../kernel/db/client.js';
import { newId } from '../../kernel/db/columns.js';
import { startJobWorker } from '../../kernel/jobs/worker.js';
import { recommendationJobHandlers, requestRecommendationRefresh } from './index.js';

/** Re-typings of three recommendations (accents dropped, other words) and one said once. */
const FUNDS = ['Đề nghị cấp trên tăng kinh phí hoạt động cho các chi bộ vùng sâu, vùng xa.', 'Kiến nghị tăng kinh phí hoạt động cho chi bộ ở vùng sâu vùng xa.',
  'De nghi cap tren tang kinh phi hoat dong cho cac chi bo vung sau vung xa.', 'Đề nghị tăng thêm kinh phí hoạt động cho chi bộ vùng sâu.'];
const ROADS = ['Đề nghị đầu tư nâng cấp đường giao thông liên thôn trong năm tới.', 'Kiến nghị Nhà nước đầu tư nâng cấp đường giao thông liên thôn.'];
const TRAINING = 'Cần tổ chức tập huấn chuyển đổi số cho cán bộ cơ sở.';

const essay = (recs: string[]) => `Bài thu hoạch học tập, quán triệt Nghị quyết Đại hội.
I. Những nội dung cơ bản
Nghị quyết xác định mục tiêu phát triển nhanh và bền vững. Tôi nhận thức rõ trách nhiệm của bản thân.
II. Liên hệ thực tiễn
Bản thân tôi cần gương mẫu hơn nữa trong công tác chuyên môn.
IV. Đề xuất, kiến nghị
${recs.map((r, i) => `${i + 1}. ${r}`).join('\n')}
Trên đây là bài thu hoạch của tôi.`;

interface Group { id: string; title: string; status: string; count: number; entries: number; forwardedAt: string | null; reportedAt: string | null; answers: Array<{ orgId: string; answer: string }>; above: Array<{ orgId: string }>; origins: Array<{ orgId: string; count: number }> }
interface Pool { org: { id: string }; groups: Group[]; sentences: number; unassigned: number; extracted: number; canManage: boolean; canAnswer: boolean; children: Array<{ orgId: string; name: string; count: number }> }
interface Detail { group: Group; entries: Array<{ id: string; kind: string; text: string; weight: number; originOrgId: string }> }

describeApp('recommendation pools', (ctx) => {
  const call = async <T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, cookie: string, payload?: unknown) => {
    const res = await ctx.app.inject({ method, url, headers: { cookie }, payload: payload as object });
    return { status: res.statusCode, body: res.json() as T };
  };

  const addReflection = (tenantId: string, campaignId: string, memberId: string, text: string) =>
    insertTypedReflection(ctx.db, tenantId, campaignId, memberId, text);

  async function replaceVersion(tenantId: string, reflectionId: string, text: string | null, recommendations: string | null) {
    const versionId = newId();
    await ctx.db.execute(sql`insert into reflection_versions (tenant_id, id, reflection_id, seq, text, recommendations, source, submitted_by, receipt_number)
      select tenant_id, ${versionId}, id, 2, ${text}, ${recommendations}, 'member', member_id, ${`BTH-K-${versionId.slice(-12)}`} from reflections
      where tenant_id = ${tenantId} and id = ${reflectionId}::uuid`);
    await ctx.db.execute(sql`update reflections set current_version_id = ${versionId} where tenant_id = ${tenantId} and id = ${reflectionId}::uuid`);
  }

  async function runJob(tenantId: string, campaignId: string) {
    await requestRecommendationRefresh(ctx.db, tenantId, campaignId);
    await ctx.db.execute(sql`update jobs set run_after = now() where tenant_id = ${tenantId} and state = 'queued'`);
    const worker = startJobWorker(ctx.db, recommendationJobHandlers, { intervalMs: 60_000 });
    try { expect(await worker.drain()).toBeGreaterThanOrEqual(1); } finally { await worker.stop(); }
  }

  /**
   * Grassroots 0: branch 0 (members 0–2), branch 1 (members 3–5). Funds said four ways (members 0, 1,
   * 3, 4), roads twice (0, 5), training once (2). Grassroots 1 (branches 2, 3): funds once (member 6).
   */
  async function setup() {
    const p = await buildSmallProvince(ctx.db);
    const { campaignId } = await issuedCampaign(ctx.db, p);
    const r = {
      m0: await addReflection(p.tenantId, campaignId, p.members[0], essay([FUNDS[0], ROADS[0]])),
      m1: await addReflection(p.tenantId, campaignId, p.members[1], essay([FUNDS[1]])),
      m2: await addReflection(p.tenantId, campaignId, p.members[2], essay([TRAINING])),
      m3: await addReflection(p.tenantId, campaignId, p.members[3], essay([FUNDS[2]])),
      m4: await addReflection(p.tenantId, campaignId, p.members[4], essay([FUNDS[3]])),
      m5: await addReflection(p.tenantId, campaignId, p.members[5], essay([ROADS[1]])),
      m6: await addReflection(p.tenantId, campaignId, p.members[6], essay([FUNDS[0]])),
    };
    const cookie = async (grants: Parameters<typeof createUser>[2], memberId: string | null = null) =>
      sessionCookie(ctx.db, await createUser(ctx.db, p.tenantId, grants, memberId));
    return {
      p, campaignId, r,
      province: await cookie([{ role: 'propaganda_officer', orgId: p.rootId }]),
      secretary: await cookie([{ role: 'committee_secretary', orgId: p.rootId }]),
      commune: await cookie([{ role: 'propaganda_officer', orgId: p.communes[0] }]),
      board0: await cookie([{ role: 'propaganda_officer', orgId: p.grassroots[0] }]),
      board1: await cookie([{ role: 'propaganda_officer', orgId: p.grassroots[1] }]),
      branch0: await cookie([{ role: 'branch_secretary', orgId: p.branches[0] }]),
      member0: await cookie([], p.members[0]),
    };
  }
  type Setup = Awaited<ReturnType<typeof setup>>;
  const pool = (s: Setup, orgId: string, cookie = s.province) => call<Pool>('GET', `/api/campaigns/${s.campaignId}/recommendations?orgId=${orgId}`, cookie);
  const byTitle = (g: Group[], words: string) => g.find((x) => x.title.toLowerCase().includes(words));

  it('gathers the branches\' recommendations into groups at their committee, counted per branch, re-typings together', async () => {
    const s = await setup();
    await runJob(s.p.tenantId, s.campaignId);
    const { status, body } = await pool(s, s.p.grassroots[0], s.board0);
    expect(status).toBe(200);
    expect(body.sentences).toBe(7);
    expect(body.unassigned).toBe(0);
    expect(body.extracted).toBe(6);
    expect(body.canManage).toBe(true);
    expect(body.groups.map((g) => g.count)).toEqual([4, 2, 1]);
    const funds = byTitle(body.groups, 'kinh phí')!;
    expect(funds.origins).toEqual(expect.arrayContaining([{ orgId: s.p.branches[0], orgName: expect.any(String), count: 2 }, { orgId: s.p.branches[1], orgName: expect.any(String), count: 2 }]));
    expect(byTitle(body.groups, 'giao thông')!.count).toBe(2);
    // Grassroots 1 has its own pool; running again adds nothing.
    expect((await pool(s, s.p.grassroots[1], s.board1)).body.groups.map((g) => g.count)).toEqual([1]);
    await runJob(s.p.tenantId, s.campaignId);
    expect((await pool(s, s.p.grassroots[0], s.board0)).body.sentences).toBe(7);
  });

  it('lets the board merge, split and retitle, then forwards up level by level with counts, and the answer flows back down', async () => {
    const s = await setup();
    await runJob(s.p.tenantId, s.campaignId);
    let groups = (await pool(s, s.p.grassroots[0], s.board0)).body.groups;
    const funds = byTitle(groups, 'kinh phí')!, roads = byTitle(groups, 'giao thông')!, training = byTitle(groups, 'tập huấn')!;
    // Merge roads into funds, then split the road sentences out again under a title of the board's.
    let merged = await call<Detail>('POST', '/api/recommendation-groups/merge', s.board0, { targetId: funds.id, groupIds: [roads.id] });
    expect(merged.status).toBe(200);
    expect(merged.body.group.count).toBe(6);
    const roadEntries = merged.body.entries.filter((e) => e.text.includes('giao thông')).map((e) => e.id);
    const split = await call<{ id: string }>('POST', `/api/recommendation-groups/${funds.id}/split`, s.board0, { entryIds: roadEntries, title: 'Đầu tư nâng cấp đường giao thông liên thôn' });
    expect(split.status).toBe(200);
    groups = (await pool(s, s.p.grassroots[0], s.board0)).body.groups;
    expect(groups.map((g) => [g.title.slice(0, 20), g.count])).toEqual([[funds.title.slice(0, 20), 4], ['Đầu tư nâng cấp đườn', 2], [training.title.slice(0, 20), 1]]);
    // Only what the board marked sensible goes up.
    const notSelected = await call<{ code: string }>('POST', `/api/recommendation-groups/${funds.id}/forward`, s.board0, { upper: true });
    expect([notSelected.status, notSelected.body.code]).toEqual([422, 'recommendation.not_selected']);
    expect((await call('PATCH', `/api/recommendation-groups/${funds.id}`, s.board0, { status: 'selected', title: 'Tăng kinh phí hoạt động cho chi bộ vùng sâu, vùng xa' })).status).toBe(200);
    const forwarded = await call<Detail>('POST', `/api/recommendation-groups/${funds.id}/forward`, s.board0, { upper: true, committee: true });
    expect(forwarded.status).toBe(200);
    expect(forwarded.body.group.forwardedAt).not.toBeNull();
    expect(forwarded.body.group.reportedAt).not.toBeNull();
    // A forwarded group stays selected until withdrawn.
    expect((await call<{ code: string }>('PATCH', `/api/recommendation-groups/${funds.id}`, s.board0, { status: 'dismissed' })).body.code).toBe('recommendation.forwarded_locked');

    // At the commune: one entry carrying 4, from grassroots 0.
    const commune = (await pool(s, s.p.communes[0], s.commune)).body;
    expect(commune.groups).toHaveLength(1);
    expect(commune.groups[0]).toMatchObject({ count: 4, title: 'Tăng kinh phí hoạt động cho chi bộ vùng sâu, vùng xa', origins: [{ orgId: s.p.grassroots[0], count: 4 }] });
    // Its figures count what was forwarded into it: the group's 4 sentences, from 4 members' reflections.
    expect(commune).toMatchObject({ sentences: 4, unassigned: 0, extracted: 4 });
    // The commune selects and forwards to the province, where the Standing Committee answers.
    const cg = commune.groups[0].id;
    await call('PATCH', `/api/recommendation-groups/${cg}`, s.commune, { status: 'selected' });
    expect((await call('POST', `/api/recommendation-groups/${cg}/forward`, s.commune, { upper: true })).status).toBe(200);
    const province = (await pool(s, s.p.rootId, s.province)).body;
    expect(province.groups.map((g) => g.count)).toEqual([4]);
    expect(province).toMatchObject({ sentences: 4, unassigned: 0, extracted: 4 });
    const answer = 'Tỉnh ủy đã giao Ủy ban nhân dân tỉnh bổ sung kinh phí hoạt động cho chi bộ vùng sâu, vùng xa từ năm 2027.';
    const answered = await call<Detail>('PUT', `/api/recommendation-groups/${province.groups[0].id}/answer`, s.secretary, { answer });
    expect(answered.status).toBe(200);
    // The answering level is named on its own group too, so the member's page can say who answered.
    expect(answered.body.group.answers[0]).toMatchObject({ orgId: s.p.rootId, orgName: expect.stringMatching(/\S/) });

    // The answer reaches the grassroots board, the branch and the member who wrote it.
    const down = byTitle((await pool(s, s.p.grassroots[0], s.board0)).body.groups, 'kinh phí')!;
    expect(down.answers.map((a) => [a.orgId, a.answer])).toEqual([[s.p.rootId, answer]]);
    expect(down.above.map((a) => a.orgId)).toEqual([s.p.communes[0], s.p.rootId]);
    const branch = await call<{ groups: Array<Group & { fromOrg: number }> }>('GET', `/api/campaigns/${s.campaignId}/recommendation-answers?orgId=${s.p.branches[0]}`, s.branch0);
    expect(branch.status).toBe(200);
    expect(branch.body.groups.find((g) => g.id === funds.id)).toMatchObject({ fromOrg: 2, count: 4 });
    expect(branch.body.groups.find((g) => g.id === funds.id)!.answers[0].answer).toBe(answer);
    const mine = await call<{ items: Array<{ text: string; group: { answers: Array<{ answer: string }> } | null }> }>('GET', `/api/me/campaigns/${s.campaignId}/recommendations`, s.member0);
    expect(mine.status).toBe(200);
    expect(mine.body.items.find((i) => i.text === FUNDS[0])!.group!.answers[0].answer).toBe(answer);
    expect(mine.body.items.find((i) => i.text === ROADS[0])!.group!.answers).toEqual([]);

    // A member's new version saying it too grows every level's count.
    await replaceVersion(s.p.tenantId, s.r.m5, essay([ROADS[1], 'Kiến nghị cấp trên tăng kinh phí hoạt động cho các chi bộ ở vùng sâu, vùng xa.']), null);
    await runJob(s.p.tenantId, s.campaignId);
    expect(byTitle((await pool(s, s.p.grassroots[0], s.board0)).body.groups, 'kinh phí')!.count).toBe(5);
    expect((await pool(s, s.p.rootId, s.province)).body.groups[0].count).toBe(5);
    expect((await pool(s, s.p.rootId, s.province)).body).toMatchObject({ sentences: 5, extracted: 5 });
    // A member's new version without it lowers them again.
    await replaceVersion(s.p.tenantId, s.r.m1, essay([TRAINING]), null);
    await runJob(s.p.tenantId, s.campaignId);
    expect((await pool(s, s.p.rootId, s.province)).body.groups[0].count).toBe(4);
    // A new version with no recommendation at all (nothing new to gather) lowers them too.
    await replaceVersion(s.p.tenantId, s.r.m4, 'Bài thu hoạch: tôi nhận thức rõ trách nhiệm của bản thân trong công tác.', null);
    await runJob(s.p.tenantId, s.campaignId);
    expect(byTitle((await pool(s, s.p.grassroots[0], s.board0)).body.groups, 'kinh phí')!.count).toBe(3);
    expect((await pool(s, s.p.rootId, s.province)).body.groups[0].count).toBe(3);
    expect((await pool(s, s.p.rootId, s.province)).body).toMatchObject({ sentences: 3, extracted: 3 });
    // Withdrawing at the grassroots takes it out of the pools above.
    expect((await call('POST', `/api/recommendation-groups/${funds.id}/withdraw`, s.board0)).status).toBe(200);
    expect((await pool(s, s.p.communes[0], s.commune)).body).toMatchObject({ groups: [], sentences: 0, extracted: 0 });
  });

  it('keeps each board to its own subtree and each action to its role', async () => {
    const s = await setup();
    await runJob(s.p.tenantId, s.campaignId);
    const g0 = (await pool(s, s.p.grassroots[0], s.board0)).body.groups[0];
    const g1 = (await pool(s, s.p.grassroots[1], s.board1)).body.groups[0];
    // Another grassroots board sees neither the pool nor the group, and cannot touch it.
    expect((await pool(s, s.p.grassroots[0], s.board1)).status).toBe(404);
    expect((await call('GET', `/api/recommendation-groups/${g0.id}`, s.board1)).status).toBe(404);
    expect((await call('PATCH', `/api/recommendation-groups/${g0.id}`, s.board1, { status: 'selected' })).status).toBe(404);
    expect((await call('PUT', `/api/recommendation-groups/${g0.id}/answer`, s.board1, { answer: 'Không' })).status).toBe(404);
    // A branch secretary reads the answers for the branch but does not run the pool above it.
    expect((await call('PATCH', `/api/recommendation-groups/${g0.id}`, s.branch0, { status: 'selected' })).status).toBe(404);
    expect((await call('GET', `/api/campaigns/${s.campaignId}/recommendation-answers?orgId=${s.p.branches[0]}`, s.branch0)).status).toBe(200);
    expect((await call('GET', `/api/campaigns/${s.campaignId}/recommendation-answers?orgId=${s.p.branches[2]}`, s.branch0)).status).toBe(404);
    // A branch has no pool of its own; groups of two pools do not merge.
    expect((await pool(s, s.p.branches[0], s.province)).body).toMatchObject({ code: 'recommendation.not_pool' });
    expect((await call<{ code: string }>('POST', '/api/recommendation-groups/merge', s.province, { targetId: g0.id, groupIds: [g1.id] })).body.code).toBe('recommendation.other_pool');
    // An empty answer is refused in Vietnamese; a member sees only their own.
    const empty = await call<{ code: string; title: string }>('PUT', `/api/recommendation-groups/${g0.id}/answer`, s.secretary, { answer: '   ' });
    expect([empty.status, empty.body.code]).toEqual([422, 'recommendation.answer_empty']);
    expect(empty.body.title).toContain('không được để trống');
    expect((await pool(s, s.p.grassroots[0], s.member0)).status).toBe(404);
    // Every write is audited.
    await call('PATCH', `/api/recommendation-groups/${g0.id}`, s.board0, { status: 'selected' });
    const audit = await queryRows(ctx.db, sql`select 1 from audit_log where tenant_id = ${s.p.tenantId} and action = 'recommendation.update' and entity_id = ${g0.id}`);
    expect(audit).toHaveLength(1);
  });

  it('lists the committees below in Vietnamese name order, capitals and lower case alike', async () => {
    const s = await setup();
    for (const [i, name] of ['Đảng bộ Quân sự tỉnh', 'Đảng bộ các cơ quan Đảng tỉnh'].entries()) {
      const committee = await insertOrg(ctx.db, { tenantId: s.p.tenantId, parentId: s.p.rootId, levelId: s.p.levels.upper, name, code: `${s.p.tenantId.slice(-6)}-K${i}`, kind: 'commune_committee' });
      await insertOrg(ctx.db, { tenantId: s.p.tenantId, parentId: committee, levelId: s.p.levels.branch, name: `Chi bộ ${i + 1}`, code: `${s.p.tenantId.slice(-6)}-K${i}-B` });
    }
    const { body } = await pool(s, s.p.rootId, s.province);
    expect(body.children.map((c) => c.name)).toEqual(['Đảng bộ các cơ quan Đảng tỉnh', 'Đảng bộ Quân sự tỉnh', 'Đảng bộ xã Thử 1', 'Đảng bộ xã Thử 2']);
  });

  describe('at once', () => {
    it('forwarding twice at once and gathering twice at once each have one effect', async () => {
      const s = await setup();
      await Promise.all([
        call('POST', `/api/campaigns/${s.campaignId}/recommendations/refresh`, s.board0, { orgId: s.p.grassroots[0] }),
        call('POST', `/api/campaigns/${s.campaignId}/recommendations/refresh`, s.board0, { orgId: s.p.grassroots[0] }),
      ]);
      const groups = (await pool(s, s.p.grassroots[0], s.board0)).body.groups;
      expect(groups.map((g) => g.count)).toEqual([4, 2, 1]);
      const [rows] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from recommendation_groups where tenant_id = ${s.p.tenantId} and org_id = ${s.p.grassroots[0]}::uuid`);
      expect(rows.n).toBe(3);
      await call('PATCH', `/api/recommendation-groups/${groups[0].id}`, s.board0, { status: 'selected' });
      const both = await Promise.all([1, 2].map(() => call('POST', `/api/recommendation-groups/${groups[0].id}/forward`, s.board0, { upper: true })));
      expect(both.map((b) => b.status)).toEqual([200, 200]);
      const commune = (await pool(s, s.p.communes[0], s.commune)).body;
      expect(commune.groups.map((g) => g.count)).toEqual([4]);
      expect(commune.groups[0].entries).toBe(1);
    });
  });
});
