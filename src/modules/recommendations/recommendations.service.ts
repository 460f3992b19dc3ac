/**
 * Reading the recommendation pools: a committee's board sees its pool (groups with counts and where
 * they come from, what was forwarded, reported, answered above) and drills down to the pools of the
 * committees below; a branch sees its members' recommendations as grouped above and the answers that
 * came back down; a member sees their own.
 */
import type { Actor } from '../../kernel/access/actor.js';
import { can } from '../../kernel/access/policy.js';
import type { Db, Executor } from '../../kernel/db/client.js';
import { NotFoundError, RuleViolationError } from '../../kernel/errors/app-error.js';
import { enqueue, isPending, type EnqueueInput } from '../../kernel/jobs/queue.js';
import { campaignViewOrg, requireCampaignAccess, type CampaignBrief } from '../campaigns/index.js';
import * as repo from './recommendations.repository.js';

export const RECOMMENDATION_JOB = 'recommendation-pools';
/** A burst of submissions within this many seconds makes one refresh. */
export const RECOMMENDATION_DELAY_SECONDS = 30;

/** The job that takes a campaign's new typed texts into its pools (extraction is incremental: cheap). */
export function recommendationJob(tenantId: string, campaignId: string): EnqueueInput {
  return { tenantId, kind: RECOMMENDATION_JOB, key: campaignId, payload: { campaignId }, delaySeconds: RECOMMENDATION_DELAY_SECONDS };
}

/** Asks for the campaign's pools to take in new typed texts shortly (one waiting job per campaign). */
export async function requestRecommendationRefresh(exec: Executor, tenantId: string, campaignId: string) {
  return enqueue(exec, recommendationJob(tenantId, campaignId));
}

export interface Answer { orgId: string; orgName: string; groupId: string; title: string; answer: string; answeredAt: string | null; answeredByName: string | null }
export interface Above { orgId: string; orgName: string; groupId: string; title: string; status: string; reportedAt: string | null }

function present(g: repo.GroupRow, chain: repo.ChainLink[], origins: repo.OriginCount[] = []) {
  const answers: Answer[] = [];
  if (g.answer) answers.push({ orgId: g.orgId, orgName: g.orgName, groupId: g.id, title: g.title, answer: g.answer, answeredAt: g.answeredAt, answeredByName: g.answeredByName });
  for (const l of chain) if (l.answer) answers.push({ orgId: l.orgId, orgName: l.orgName, groupId: l.groupId, title: l.title, answer: l.answer, answeredAt: l.answeredAt, answeredByName: l.answeredByName });
  return {
    id: g.id, orgId: g.orgId, title: g.title, titleEdited: g.titleEdited, status: g.status as 'open' | 'selected' | 'dismissed', note: g.note,
    count: g.count, entries: g.entries, forwardedAt: g.forwardedAt, reportedAt: g.reportedAt, updatedAt: g.updatedAt,
    answers,
    above: chain.map((l): Above => ({ orgId: l.orgId, orgName: l.orgName, groupId: l.groupId, title: l.title, status: l.status, reportedAt: l.reportedAt })),
    origins: origins.filter((o) => o.groupId === g.id).sort((a, b) => b.count - a.count || a.orgName.localeCompare(b.orgName, 'vi'))
      .map((o) => ({ orgId: o.orgId, orgName: o.orgName, count: o.count })),
  };
}
export type GroupView = ReturnType<typeof present>;

function chainsByStart(links: repo.ChainLink[]) {
  const by = new Map<string, repo.ChainLink[]>();
  for (const l of links) by.set(l.startId, [...(by.get(l.startId) ?? []), l]);
  return by;
}

/** A committee's pool; `orgId` defaults to the reader's highest org in the campaign. */
export async function poolView(db: Db, actor: Actor, campaignId: string, query: { orgId?: string }) {
  const campaign = await requireCampaignAccess(db, actor, campaignId);
  const orgId = await campaignViewOrg(db, actor, campaign, query.orgId);
  const org = await requirePoolOrg(db, actor.tenantId, campaign, orgId);
  const [groups, origins, counts, children, pending, parent] = await Promise.all([
    repo.poolGroups(db, actor.tenantId, campaignId, orgId),
    repo.originsOfPool(db, actor.tenantId, campaignId, orgId),
    repo.poolCounts(db, actor.tenantId, campaignId, orgId),
    repo.childPools(db, actor.tenantId, campaignId, orgId),
    isPending(db, actor.tenantId, RECOMMENDATION_JOB, campaignId),
    org.id !== campaign.orgId && org.parentId ? repo.orgInfo(db, actor.tenantId, org.parentId) : null,
  ]);
  const chains = chainsByStart(await repo.chainsAbove(db, actor.tenantId, groups.map((g) => g.id)));
  return {
    campaign: { id: campaign.id, title: campaign.title },
    org: { id: org.id, name: org.name },
    parent: parent ? { id: parent.id, name: parent.name, readable: await can(db, actor, 'campaign.read', parent.id) } : null,
    canManage: await can(db, actor, 'recommendation.manage', orgId),
    canAnswer: await can(db, actor, 'recommendation.answer', orgId),
    pending, ...counts,
    groups: groups.map((g) => present(g, chains.get(g.id) ?? [], origins)),
    children,
  };
}

/**
 * The org, already known to lie in the campaign (campaignViewOrg, isInCampaign), must be a committee (it
 * has orgs under it) or the campaign's own org: branches have no pool.
 */
export async function requirePoolOrg(exec: Executor, tenantId: string, campaign: CampaignBrief, orgId: string): Promise<repo.OrgInfo> {
  const org = await repo.orgInfo(exec, tenantId, orgId);
  if (!org) throw new NotFoundError('org.not_found', `org ${orgId}`);
  if (!org.isCommittee && org.id !== campaign.orgId) throw new RuleViolationError('recommendation.not_pool', `org ${orgId} is a branch`);
  return org;
}

/** One group with every entry (sentences with their branch; forwarded groups with their committee and count). */
export async function groupDetail(db: Db, actor: Actor, groupId: string) {
  const group = await repo.findGroup(db, actor.tenantId, groupId);
  if (!group || !(await can(db, actor, 'campaign.read', group.orgId))) throw new NotFoundError('recommendation.group_not_found', `group ${groupId}`);
  const [entries, chain, origins] = await Promise.all([
    repo.entriesOfGroup(db, actor.tenantId, groupId),
    repo.chainsAbove(db, actor.tenantId, [groupId]),
    repo.originsOfPool(db, actor.tenantId, group.campaignId, group.orgId),
  ]);
  return {
    group: present(group, chain, origins),
    canManage: await can(db, actor, 'recommendation.manage', group.orgId),
    entries: entries.map((e) => ({ id: e.id, kind: e.kind, text: e.text, weight: e.weight, originOrgId: e.originOrgId, originName: e.originName, sourceGroupId: e.sourceGroupId })),
  };
}

/**
 * What became of the recommendations of an org (a branch, or a committee's own forwarded groups): the
 * groups of the pool above that hold them, with how many came from this org, and every answer given.
 */
export async function answersForOrg(db: Db, actor: Actor, campaignId: string, query: { orgId?: string }) {
  const campaign = await requireCampaignAccess(db, actor, campaignId);
  const orgId = await campaignViewOrg(db, actor, campaign, query.orgId);
  const org = (await repo.orgInfo(db, actor.tenantId, orgId))!;
  // A branch's sentences sit in its committee's pool; a committee's forwarded groups in the pool above.
  const poolOrgId = org.isCommittee ? org.parentId : (org.parentId ?? org.id);
  const groups = poolOrgId ? await repo.groupsWithOrigin(db, actor.tenantId, campaignId, poolOrgId, orgId) : [];
  const chains = chainsByStart(await repo.chainsAbove(db, actor.tenantId, groups.map((g) => g.id)));
  const pool = poolOrgId ? await repo.orgInfo(db, actor.tenantId, poolOrgId) : null;
  return {
    campaign: { id: campaign.id, title: campaign.title },
    org: { id: org.id, name: org.name },
    pool: pool ? { id: pool.id, name: pool.name } : null,
    groups: groups.map((g) => ({ ...present(g, chains.get(g.id) ?? []), fromOrg: g.fromOrigin })),
  };
}

/** A member's own recommendations in a campaign, each with what became of it. */
export async function myRecommendations(db: Db, actor: Actor, campaignId: string) {
  if (!actor.memberId) throw new NotFoundError('member.not_found', 'the account is not a member');
  const campaign = await requireCampaignAccess(db, actor, campaignId);
  const sentences = await repo.sentencesOfMember(db, actor.tenantId, campaignId, actor.memberId);
  const groupIds = [...new Set(sentences.flatMap((s) => (s.groupId ? [s.groupId] : [])))];
  const [groups, links] = await Promise.all([repo.groupsByIds(db, actor.tenantId, groupIds), repo.chainsAbove(db, actor.tenantId, groupIds)]);
  const chains = chainsByStart(links);
  const byId = new Map(groups.map((g) => [g.id, g]));
  return {
    campaign: { id: campaign.id, title: campaign.title },
    items: sentences.map((s) => {
      const g = s.groupId ? byId.get(s.groupId) : undefined;
      const view = g ? present(g, chains.get(g.id) ?? []) : null;
      return {
        text: s.text,
        group: view ? { title: view.title, count: view.count, status: view.status, forwarded: view.above.map((a) => a.orgName), reported: !!view.reportedAt || view.above.some((a) => a.reportedAt), answers: view.answers } : null,
      };
    }),
  };
}
