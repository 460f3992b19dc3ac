/**
 * The demo's recommendation roll-up, done the way the boards would do it: the typed reflections'
 * recommendations are extracted and gathered into each committee's pool; in the commune where the
 * conference was held every grassroots board marks its three largest groups sensible and forwards the
 * two largest, the commune's board does the same to the province, and the province's Standing Committee
 * answers the largest (the answer reaches every branch it came from). The demo commune's pools are left
 * gathered but untouched, for its officer to work on.
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { queryRows, type Db } from '../../kernel/db/client.js';
import { recommendationBoard, refreshRecommendationPools } from '../../modules/recommendations/index.js';

export interface DemoRecommendationsInput {
  tenantId: string; campaignId: string; provinceId: string; heldOrgId: string;
  officer: { userId: string; username: string }; secretary: { userId: string; username: string };
}

const ANSWER = 'Ban Thường vụ Tỉnh ủy tiếp thu. Giao Ủy ban nhân dân tỉnh chủ trì, phối hợp với các sở, ngành bố trí kinh phí '
  + 'và lộ trình thực hiện trong kế hoạch năm 2027; Ban Tuyên giáo và Dân vận Tỉnh ủy theo dõi, báo cáo kết quả vào quý II/2027.';

async function largestGroups(db: Db, tenantId: string, campaignId: string, orgId: string) {
  return queryRows<{ id: string; count: number }>(db, sql`select g.id, sum(e.weight)::int as count
    from recommendation_groups g join recommendation_entries e on e.tenant_id = g.tenant_id and e.group_id = g.id
    where g.tenant_id = ${tenantId} and g.campaign_id = ${campaignId}::uuid and g.org_id = ${orgId}::uuid
    group by g.id order by count desc, g.id limit 3`);
}

/** The board's work on one pool: the three largest marked sensible, the two largest forwarded up. */
async function workPool(db: Db, actor: Actor, input: DemoRecommendationsInput, orgId: string) {
  const groups = await largestGroups(db, input.tenantId, input.campaignId, orgId);
  for (const [i, g] of groups.entries()) {
    await recommendationBoard.updateGroup(db, actor, g.id, { status: 'selected' });
    if (i < 2) await recommendationBoard.forwardGroup(db, actor, g.id, { upper: true, committee: true });
  }
}

export async function seedDemoRecommendations(db: Db, input: DemoRecommendationsInput) {
  const { tenantId, campaignId } = input;
  await refreshRecommendationPools(db, tenantId, campaignId);
  const actor = (u: { userId: string; username: string }, role: 'propaganda_officer' | 'committee_secretary'): Actor => ({
    userId: u.userId, tenantId, username: u.username, displayName: u.username, memberId: null, grants: [{ role, orgId: input.provinceId }],
  });
  const officer = actor(input.officer, 'propaganda_officer');
  const grassroots = await queryRows<{ id: string }>(db, sql`select distinct g.org_id as id from recommendation_groups g
    join orgs o on o.tenant_id = g.tenant_id and o.id = g.org_id
    where g.tenant_id = ${tenantId} and g.campaign_id = ${campaignId}::uuid and o.parent_id = ${input.heldOrgId}::uuid order by 1`);
  for (const g of grassroots) await workPool(db, officer, input, g.id);
  await workPool(db, officer, input, input.heldOrgId);
  const [top] = await largestGroups(db, tenantId, campaignId, input.provinceId);
  if (top) {
    await recommendationBoard.updateGroup(db, officer, top.id, { status: 'selected' });
    await recommendationBoard.forwardGroup(db, officer, top.id, { committee: true });
    await recommendationBoard.answerGroup(db, actor(input.secretary, 'committee_secretary'), top.id, { answer: ANSWER });
  }
}
