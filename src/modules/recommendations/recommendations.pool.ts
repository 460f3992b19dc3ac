/**
 * Filling the pools: recommendation sentences are extracted from each current typed version once
 * (src/text extractRecommendations over the text, and every sentence of the typed recommendations part,
 * which is criterion (d) of the rubric), and new entries of a pool are gathered into groups.
 *
 * Gathering never undoes a board's hand work: only unassigned entries move. New entries are clustered
 * together with one representative per existing group (its title); a cluster that holds existing groups
 * sends its new entries to the largest of them, a cluster with none becomes a new group titled with its
 * most central sentence. Runs outside long transactions: reads, computes, then writes in one short one.
 */
import { sql } from 'drizzle-orm';
import { newId } from '../../kernel/db/columns.js';
import type { Db } from '../../kernel/db/client.js';
import { clusterTexts, extractRecommendations, foldAccents } from '../../text/index.js';
import * as repo from './recommendations.repository.js';

const PAGE = 500;
/** Heading put before the typed recommendations part so each of its sentences counts (criterion d). */
const RECOMMENDATIONS_HEADING = 'IV. Đề xuất, kiến nghị';
/** A sentence this long is a paragraph pasted without punctuation: keep its start. */
const MAX_SENTENCE = 600;

/** The recommendation sentences of one version, each once (re-typed repeats folded together). */
export function sentencesOfVersion(text: string | null, recommendations: string | null): string[] {
  const found = [
    ...(text ? extractRecommendations(text) : []),
    ...(recommendations ? extractRecommendations(`${RECOMMENDATIONS_HEADING}\n${recommendations}`) : []),
  ];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { sentence } of found) {
    const key = foldAccents(sentence).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(sentence.length > MAX_SENTENCE ? `${sentence.slice(0, MAX_SENTENCE - 1)}…` : sentence);
  }
  return out;
}

export interface ExtractResult { versions: number; sentences: number; pools: string[] }

/** Extracts every not yet extracted current version of the campaign; drops sentences of replaced versions. */
export async function extractCampaign(db: Db, tenantId: string, campaignId: string, signal?: AbortSignal, poolOrgId?: string): Promise<ExtractResult> {
  const dropped = await repo.dropStaleSentences(db, tenantId, campaignId);
  // Groups that lost a replaced version's sentences count less, and so do their forwarded copies above.
  if (dropped.groups.length > 0) await db.transaction((tx) => repo.syncForwardedWeights(tx, tenantId, dropped.groups));
  const pools = new Set(dropped.pools);
  let versions = 0, sentences = 0;
  for (let after: string | null = null; ;) {
    const page = await repo.pendingTexts(db, tenantId, campaignId, after, PAGE, poolOrgId);
    const rows: repo.SentenceRow[] = [];
    const done = page.map((p) => {
      const found = sentencesOfVersion(p.text, p.recommendations);
      found.forEach((text, index) => rows.push({ reflectionId: p.reflectionId, versionId: p.versionId, branchId: p.branchId, poolOrgId: p.poolOrgId, index, text }));
      if (found.length > 0) pools.add(p.poolOrgId);
      return { versionId: p.versionId, reflectionId: p.reflectionId, sentences: found.length };
    });
    await db.transaction((tx) => repo.insertSentences(tx, tenantId, campaignId, done, rows));
    versions += page.length;
    sentences += rows.length;
    signal?.throwIfAborted();
    if (page.length < PAGE) break;
    after = page[page.length - 1].versionId;
  }
  return { versions, sentences, pools: [...pools] };
}

export interface GatherResult { assigned: number; newGroups: number }

/**
 * Gathers the pool's unassigned entries into groups (existing ones first); see the file comment. One
 * gathering per pool at a time (a transaction-scoped advisory lock): the job and a board's "gather now"
 * never both create groups for the same entries. Clustering a pool takes milliseconds to a second.
 */
export async function gatherPool(db: Db, tenantId: string, campaignId: string, poolOrgId: string): Promise<GatherResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`recommendation-pool:${campaignId}:${poolOrgId}`}))`);
    const entries = await repo.unassignedEntries(tx, tenantId, campaignId, poolOrgId);
    if (entries.length === 0) return { assigned: 0, newGroups: 0 };
    const groups = await repo.poolGroupBriefs(tx, tenantId, campaignId, poolOrgId);
    const plan = planGathering(entries, groups);
    await repo.insertGroups(tx, tenantId, campaignId, poolOrgId, plan.newGroups);
    const assigned = await repo.assignEntries(tx, tenantId, plan.assignments);
    await repo.syncForwardedWeights(tx, tenantId, plan.assignments.map((a) => a.groupId));
    return { assigned, newGroups: plan.newGroups.length };
  });
}

export interface GatheringPlan { newGroups: Array<{ id: string; title: string }>; assignments: Array<{ entryId: string; groupId: string }> }

/** Pure: where each new entry goes (exported for tests). Existing groups are never merged here. */
export function planGathering(entries: Array<{ id: string; text: string }>, groups: Array<{ id: string; title: string; count: number }>): GatheringPlan {
  const texts = [...groups.map((g) => g.title), ...entries.map((e) => e.text)];
  const plan: GatheringPlan = { newGroups: [], assignments: [] };
  for (const cluster of clusterTexts(texts)) {
    const existing = cluster.members.filter((m) => m < groups.length).map((m) => groups[m]);
    const fresh = cluster.members.filter((m) => m >= groups.length).map((m) => entries[m - groups.length]);
    if (fresh.length === 0) continue;
    let target: string;
    if (existing.length > 0) {
      target = existing.reduce((best, g) => (g.count > best.count ? g : best)).id;
    } else {
      target = newId();
      plan.newGroups.push({ id: target, title: texts[cluster.representative] });
    }
    for (const e of fresh) plan.assignments.push({ entryId: e.id, groupId: target });
  }
  return plan;
}

/** Extraction and gathering of every pool the campaign's new texts touched (the background job's work). */
export async function refreshCampaign(db: Db, tenantId: string, campaignId: string, signal?: AbortSignal) {
  const extracted = await extractCampaign(db, tenantId, campaignId, signal);
  let assigned = 0, newGroups = 0;
  for (const pool of extracted.pools) {
    const r = await gatherPool(db, tenantId, campaignId, pool);
    assigned += r.assigned;
    newGroups += r.newGroups;
    signal?.throwIfAborted();
  }
  return { ...extracted, assigned, newGroups };
}

