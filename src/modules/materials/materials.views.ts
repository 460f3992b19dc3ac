import { createHash } from 'node:crypto';
import type { MaterialRow } from './materials.repository.js';
import type { MaterialKind } from './materials.content.js';

/** How a material row leaves the service: API records, audit digests, percentages. */

export function toRecord(m: MaterialRow) {
  return {
    id: m.id, campaignId: m.campaignId, orgId: m.orgId, masterId: m.masterId, audienceCode: m.audienceCode,
    kind: m.kind as MaterialKind, title: m.title, summary: m.summary, body: m.body, qa: m.qa,
    status: m.status as 'draft' | 'published' | 'withdrawn',
    file: m.fileHash ? { name: m.fileName ?? 'tai-lieu', mime: m.fileMime ?? 'application/octet-stream', size: m.fileSize ?? 0 } : null,
    publishedAt: m.publishedAt ? m.publishedAt.toISOString() : null,
    createdAt: m.createdAt.toISOString(), updatedAt: m.updatedAt.toISOString(),
  };
}

/**
 * The audit entry keeps the metadata and a fingerprint of the text (length and SHA-256), not the
 * text itself: a long material edited many times while drafting would otherwise fill the log.
 */
export function auditDigest(m: MaterialRow) {
  const digest = (s: string) => ({ length: s.length, sha256: createHash('sha256').update(s).digest('hex').slice(0, 16) });
  const { body, qa, ...rest } = m;
  return { ...rest, body: digest(body), qa: { count: qa.length, ...digest(JSON.stringify(qa)) } };
}

/** Share of `part` in `whole` as a percentage with one decimal; 0 when nobody is targeted. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part * 1000) / whole) / 10 : 0;
}
