/**
 * The pure work of the pools, shared by the job, the board's "gather now" and their computing thread
 * (recommendations.compute.worker.ts): the recommendation sentences of a typed version, and where new
 * entries of a pool go.
 */
import { newId } from '../../kernel/ids.js';
import { clusterTexts, extractRecommendations, foldAccents } from '../../text/index.js';

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

