/**
 * Use cases of the copy index: asking for a rebuild (debounced), the officers' list of possible copies
 * under an org, and the check shown beside one reflection on the grading screen. A writer on the other
 * side of a pair is named only to who may read that branch; otherwise "a reflection in another unit".
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { can } from '../../kernel/access/policy.js';
import { queryRows, type Db, type Executor } from '../../kernel/db/client.js';
import { NotFoundError } from '../../kernel/errors/app-error.js';
import { enqueue, isPending, type EnqueueInput } from '../../kernel/jobs/queue.js';
import { DEFAULT_BOILERPLATE, sourceShare } from '../../text/index.js';
import { campaignViewOrg, requireCampaignAccess, resolutionTextsOfCampaign } from '../campaigns/index.js';
import { branchViews, type BranchView } from './copies.access.js';
import { COPY_INDEX_JOB } from './copies.job.js';
import { prepareText, sharedPassages } from './copies.passages.js';
import * as repo from './copies.repository.js';

/** A burst of submissions within this many seconds makes one rebuild. */
export const COPY_INDEX_DELAY_SECONDS = 30;
export const PAGE_SIZE = 20;
const HIDDEN_LABEL = 'Một bài ở đơn vị khác';

/**
 * The rebuild job of a campaign's copy index. It waits at least half a minute (a burst makes one
 * rebuild), and five times as long as the last rebuild took: a province's index takes minutes of a
 * core, so during a deadline rush it is rebuilt every quarter of an hour or so, not continuously.
 */
export function copyIndexJob(tenantId: string, campaignId: string): EnqueueInput {
  const delaySeconds = sql`greatest(${COPY_INDEX_DELAY_SECONDS}, coalesce((select r.seconds * 5 from reflection_copy_runs r
    where r.tenant_id = ${tenantId}::uuid and r.campaign_id = ${campaignId}::uuid), 0))`;
  return { tenantId, kind: COPY_INDEX_JOB, key: campaignId, payload: { campaignId }, delaySeconds };
}

/** Asks for the campaign's copy index to be rebuilt shortly (one waiting job per campaign). */
export async function requestCopyIndex(exec: Executor, tenantId: string, campaignId: string) {
  return enqueue(exec, copyIndexJob(tenantId, campaignId));
}

export interface Side {
  visible: boolean; reflectionId: string | null; label: string; writerName: string | null;
  branchId: string | null; branchName: string | null; unitName: string | null; sourceShare: number | null;
}

function sideOf(w: repo.Writer | undefined, view: BranchView | undefined): Side {
  if (!w || !view?.read) {
    return { visible: false, reflectionId: null, label: HIDDEN_LABEL, writerName: null, branchId: null, branchName: null, unitName: null, sourceShare: null };
  }
  const name = view.seeNames ? w.fullName : null;
  return {
    visible: true, reflectionId: w.reflectionId, label: name ?? `Bài số ${w.receiptNumber ?? w.reflectionId.slice(0, 8)}`, writerName: name,
    branchId: w.branchId, branchName: w.branchName, unitName: w.unitName, sourceShare: w.sourceShare,
  };
}

async function orgName(exec: Executor, tenantId: string, orgId: string) {
  const [row] = await queryRows<{ name: string }>(exec, sql`select name from orgs where tenant_id = ${tenantId} and id = ${orgId}::uuid`);
  return row?.name ?? '';
}

/** Flagged pairs with a side under `orgId` (campaign.read there), best score first, a page at a time. */
export async function possibleCopies(db: Db, actor: Actor, campaignId: string, query: { orgId?: string; page?: number }) {
  const campaign = await requireCampaignAccess(db, actor, campaignId);
  const target = await campaignViewOrg(db, actor, campaign, query.orgId);
  const page = Math.max(1, query.page ?? 1);
  const { rows, total } = await repo.pairsUnder(db, { tenantId: actor.tenantId, campaignId, orgId: target, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const writers = await repo.writersOf(db, actor.tenantId, rows.flatMap((p) => [p.a, p.b]));
  const views = await branchViews(db, actor, rows.flatMap((p) => [p.branchA, p.branchB]), await repo.anonymousMarking(db, actor.tenantId, campaignId));
  return {
    campaignId, orgId: target, orgName: await orgName(db, actor.tenantId, target), page, pageSize: PAGE_SIZE, total,
    lastRun: await repo.lastRun(db, actor.tenantId, campaignId), pending: await isPending(db, actor.tenantId, COPY_INDEX_JOB, campaignId),
    pairs: rows.map((p) => {
      const sides = [sideOf(writers.get(p.a), views.get(p.branchA)), sideOf(writers.get(p.b), views.get(p.branchB))];
      const [a, b] = sides[0].visible || !sides[1].visible ? sides : [sides[1], sides[0]]; // the readable side first
      return { score: p.score, a, b };
    }),
  };
}

/** A reflection the actor may look at: their own, or member.read / reflection.grade on its branch; else 404. */
async function requireReadable(db: Db, actor: Actor, reflectionId: string): Promise<repo.Writer> {
  const me = (await repo.writersOf(db, actor.tenantId, [reflectionId], true)).get(reflectionId);
  const ok = me && (me.memberId === actor.memberId || (await can(db, actor, 'member.read', me.branchId)) || (await can(db, actor, 'reflection.grade', me.branchId)));
  if (!me || !ok) throw new NotFoundError('reflection.not_found', `reflection ${reflectionId}`);
  await requireCampaignAccess(db, actor, me.campaignId);
  return me;
}

/**
 * The copy check of one reflection: the share of its text taken from the Resolution, the other
 * reflections it was flagged with (passages side by side, computed now from both current texts, when
 * the actor may read the other one), and the passages it quotes from the Resolution's documents.
 */
export async function copyCheck(db: Db, actor: Actor, reflectionId: string) {
  const me = await requireReadable(db, actor, reflectionId);
  const { tenantId } = actor;
  const sources = await resolutionTextsOfCampaign(db, tenantId, me.campaignId);
  const pairs = await repo.pairsOf(db, tenantId, reflectionId);
  const others = await repo.writersOf(db, tenantId, pairs.map((p) => (p.a === reflectionId ? p.b : p.a)), true);
  const views = await branchViews(db, actor, [...others.values()].map((w) => w.branchId), await repo.anonymousMarking(db, tenantId, me.campaignId));
  const mine = me.text ? prepareText(me.text) : null;
  const boilerplate = [...DEFAULT_BOILERPLATE, ...sources.map((s) => s.body)];
  const matches = pairs.map((p) => {
    const w = others.get(p.a === reflectionId ? p.b : p.a);
    const other = sideOf(w, w && views.get(w.branchId));
    const passages = other.visible && mine && w?.text
      ? sharedPassages(mine, prepareText(w.text), { boilerplate }).map((x) => ({ mine: x.a, theirs: x.b, syllables: x.syllables }))
      : [];
    return { score: p.score, other, passages };
  });
  const resolution = mine ? sources.flatMap((s) => sharedPassages(mine, prepareText(s.body), { boilerplate: DEFAULT_BOILERPLATE, maxPassages: 8 })
    .map((x) => ({ documentTitle: s.title, mine: x.a, source: x.b, syllables: x.syllables }))).slice(0, 12) : [];
  return {
    reflectionId, campaignId: me.campaignId, typed: !!me.text,
    sourceShare: me.text ? Math.round(sourceShare(me.text, sources.map((s) => s.body)) * 10000) / 10000 : null,
    stale: !!me.text && me.indexedVersionId !== me.currentVersionId,
    pending: await isPending(db, tenantId, COPY_INDEX_JOB, me.campaignId),
    lastRun: await repo.lastRun(db, tenantId, me.campaignId),
    matches, resolution,
  };
}
