import { z } from 'zod';

export const IdParams = z.object({ id: z.uuid({ error: 'Mã không hợp lệ' }) });

export const PossibleCopiesQuery = z.object({
  orgId: z.uuid({ error: 'Mã tổ chức không hợp lệ' }).optional(),
  page: z.coerce.number({ error: 'Số trang không hợp lệ' }).int('Số trang không hợp lệ').min(1, 'Số trang không hợp lệ').max(100_000, 'Số trang không hợp lệ').default(1),
});

/** When the campaign's copy index was last rebuilt. */
const Run = z.object({ ranAt: z.string(), documents: z.number(), pairs: z.number(), seconds: z.number() });

/** One side of a flagged pair: the writer only for who may read that branch, else "Một bài ở đơn vị khác". */
const Side = z.object({
  visible: z.boolean(),
  reflectionId: z.uuid().nullable(),
  /** What to show: the writer's name, "Bài số …" under anonymous marking, or "Một bài ở đơn vị khác". */
  label: z.string(),
  writerName: z.string().nullable(),
  branchId: z.uuid().nullable(),
  branchName: z.string().nullable(),
  /** The org the branch belongs to (branch names such as "Chi bộ Đội 1" repeat from commune to commune). */
  unitName: z.string().nullable(),
  /** Share (0..1) of the text found in the Resolution, as of the last rebuild. */
  sourceShare: z.number().nullable(),
});

export const PossibleCopies = z.object({
  campaignId: z.uuid(), orgId: z.uuid(), orgName: z.string(),
  page: z.number(), pageSize: z.number(), total: z.number(),
  lastRun: Run.nullable(),
  /** A rebuild is waiting or running: the list will change shortly. */
  pending: z.boolean(),
  /** Score 0..1: the larger of the two texts' overlap and the share of the smaller one found in the other. */
  pairs: z.array(z.object({ score: z.number(), a: Side, b: Side })),
});

/** A passage with a few words of context either side. */
const Excerpt = z.object({ before: z.string(), match: z.string(), after: z.string() });

export const CopyCheck = z.object({
  reflectionId: z.uuid(), campaignId: z.uuid(),
  /** The current version has typed text (scans alone are not compared). */
  typed: z.boolean(),
  /** Share (0..1) of the current text found in the Resolution's documents. */
  sourceShare: z.number().nullable(),
  /** The current version came after the last rebuild: its matches are not known yet. */
  stale: z.boolean(),
  pending: z.boolean(),
  lastRun: Run.nullable(),
  matches: z.array(z.object({
    score: z.number(),
    other: Side,
    /** Side by side, only when the other reflection is readable. */
    passages: z.array(z.object({ mine: Excerpt, theirs: Excerpt, syllables: z.number() })),
  })),
  resolution: z.array(z.object({ documentTitle: z.string(), mine: Excerpt, source: Excerpt, syllables: z.number() })),
});
