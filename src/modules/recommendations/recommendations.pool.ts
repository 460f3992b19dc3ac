/**
 * Filling the pools: recommendation sentences are extracted from each current typed version once
 * (src/text extractRecommendations over the text, and every sentence of the typed recommendations part,
 * which is criterion (d) of the rubric), and new entries of a pool are gathered into groups.
 *
 * Gathering never undoes a board's hand work: only unassigned entries move. New entries are clustered
 * together with one representative per existing group (its title); a cluster that holds existing groups
 * sends its new entries to the largest of them, a cluster with none becomes a new group titled with its
 * most central sentence. Runs outside long transactions: reads, computes (on a thread of its own when
 * large, recommendations.compute.ts), then writes in one short one.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/client.js';
import { withPoolCompute, type PoolCompute } from './recommendations.compute.js';
import * as repo from './recommendations.repository.js';

const PAGE = 500;
export interface ExtractResult { versions: number; sentences: number; pools: string[] }

/**
 * Extracts every not yet extracted current version of the campaign (of one pool with `poolOrgId`);
 * drops sentences of replaced versions.
 */
export async function extractCampaign(db: Db, tenantId: string, campaignId: string, compute: PoolCompute, signal?: AbortSignal, poolOrgId?: string): Promise<ExtractResult> {
  // Groups that lost a replaced version's sentences count less, and so do their forwarded copies above:
  // in the same transaction, since a later run no longer finds what this one dropped.
  const dropped = await db.transaction(async (tx) => {
    const d = await repo.dropStaleSentences(tx, tenantId, campaignId);
    if (d.groups.length > 0) await repo.syncForwardedWeights(tx, tenantId, d.groups);
    return d;
  });
  const pools = new Set(dropped.pools);
  let versions = 0, sentences = 0;
  for (let after: string | null = null; ;) {
    const page = await repo.pendingTexts(db, tenantId, campaignId, after, PAGE, poolOrgId);
    const rows: repo.SentenceRow[] = [];
    const sentencesOf = await compute.sentences(page);
    signal?.throwIfAborted();
    const done = page.map((p, i) => {
      const found = sentencesOf[i];
      found.forEach((text, index) => rows.push({ reflectionId: p.reflectionId, versionId: p.versionId, branchId: p.branchId, poolOrgId: p.poolOrgId, index, text }));
      if (found.length > 0) pools.add(p.poolOrgId);
      return { versionId: p.versionId, reflectionId: p.reflectionId, sentences: found.length };
    });
    await db.transaction((tx) => repo.insertSentences(tx, tenantId, campaignId, done, rows));
    versions += page.length;
    sentences += rows.length;
    if (page.length < PAGE) break;
    after = page[page.length - 1].versionId;
  }
  return { versions, sentences, pools: [...pools] };
}

export interface GatherResult { assigned: number; newGroups: number }

/**
 * Gathers the pool's unassigned entries into groups (existing ones first); see the file comment. The
 * plan is computed outside any transaction (a large pool takes seconds; PGlite's one connection must not
 * wait for it), then applied in one short transaction under the pool's advisory lock. When the pool's
 * groups changed meanwhile (another gathering, a merge), the plan is made again, up to three times;
 * the last one applies for what still holds: entries another gathering or the board placed stay where
 * they are, a group merged away receives nothing (its entries wait for the next gathering), and a new
 * group left without entries is not kept.
 */
export async function gatherPool(db: Db, tenantId: string, campaignId: string, poolOrgId: string, compute: PoolCompute): Promise<GatherResult> {
  for (let attempt = 1; ; attempt++) {
    const entries = await repo.unassignedEntries(db, tenantId, campaignId, poolOrgId);
    if (entries.length === 0) return { assigned: 0, newGroups: 0 };
    const groups = await repo.poolGroupBriefs(db, tenantId, campaignId, poolOrgId);
    const plan = await compute.plan(entries.map((e) => ({ id: e.id, text: e.text })), groups);
    const applied = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`recommendation-pool:${campaignId}:${poolOrgId}`}))`);
      const now = await repo.poolGroupIds(tx, tenantId, campaignId, poolOrgId);
      if (attempt < 3 && !sameIds(now, groups.map((g) => g.id))) return null;
      await repo.insertGroups(tx, tenantId, campaignId, poolOrgId, plan.newGroups);
      const moved = await repo.assignEntries(tx, tenantId, plan.assignments);
      const kept = await repo.dropEmptyGroups(tx, tenantId, plan.newGroups.map((g) => g.id));
      await repo.syncForwardedWeights(tx, tenantId, moved.map((m) => m.groupId));
      return { assigned: moved.length, newGroups: kept };
    });
    if (applied) return applied;
  }
}

const sameIds = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * Extraction and gathering of every pool the campaign's new texts touched, and of any pool with entries
 * still waiting (one a merge left behind during a gathering): the background job's work.
 */
export async function refreshCampaign(db: Db, tenantId: string, campaignId: string, signal?: AbortSignal) {
  return withPoolCompute({ signal }, async (compute) => {
    const extracted = await extractCampaign(db, tenantId, campaignId, compute, signal);
    const pools = new Set([...extracted.pools, ...await repo.poolsWithUnassigned(db, tenantId, campaignId)]);
    let assigned = 0, newGroups = 0;
    for (const pool of pools) {
      const r = await gatherPool(db, tenantId, campaignId, pool, compute);
      assigned += r.assigned;
      newGroups += r.newGroups;
      signal?.throwIfAborted();
    }
    return { ...extracted, assigned, newGroups };
  });
}
