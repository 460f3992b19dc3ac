import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/lib/http';

/** When the campaign's copy index was last rebuilt. */
export interface CopyRun { ranAt: string; documents: number; pairs: number; seconds: number }

/** One side of a flagged pair: the writer only when the viewer may read that branch. */
export interface CopySide {
  visible: boolean; reflectionId: string | null; label: string; writerName: string | null;
  branchId: string | null; branchName: string | null; unitName: string | null; sourceShare: number | null;
}
export interface CopyPair { score: number; a: CopySide; b: CopySide }

export interface PossibleCopies {
  campaignId: string; orgId: string; orgName: string; page: number; pageSize: number; total: number;
  lastRun: CopyRun | null; pending: boolean; pairs: CopyPair[];
}

export interface Excerpt { before: string; match: string; after: string }
export interface CopyMatch { score: number; other: CopySide; passages: Array<{ mine: Excerpt; theirs: Excerpt; syllables: number }> }
export interface CopyCheck {
  reflectionId: string; campaignId: string; typed: boolean; sourceShare: number | null; stale: boolean; pending: boolean;
  lastRun: CopyRun | null; matches: CopyMatch[];
  resolution: Array<{ documentTitle: string; mine: Excerpt; source: Excerpt; syllables: number }>;
}

export const usePossibleCopies = (campaignId: string, page: number, orgId?: string) =>
  useQuery({
    queryKey: ['possible-copies', campaignId, orgId ?? null, page],
    queryFn: () => api<PossibleCopies>(`/api/campaigns/${campaignId}/possible-copies`, { query: { orgId, page } }),
    placeholderData: keepPreviousData,
    // While a rebuild waits or runs, look again shortly.
    refetchInterval: (q) => (q.state.data?.pending ? 15_000 : false),
  });

export const useCopyCheck = (reflectionId: string | null | undefined) =>
  useQuery({
    queryKey: ['copy-check', reflectionId],
    queryFn: () => api<CopyCheck>(`/api/reflections/${reflectionId}/copy-check`),
    enabled: !!reflectionId,
    retry: false,
    refetchInterval: (q) => (q.state.data?.pending || q.state.data?.stale ? 20_000 : false),
  });
