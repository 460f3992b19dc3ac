import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, problemFromText } from '../../shared/lib/http';
import type { ReflectionPage } from './api';

/** A branch's batch scan (see src/modules/reflections/reflections.batches.ts). */
export interface BatchBranch { id: string; name: string; memberCount: number }
export interface BatchSummary { id: string; kind: 'pdf' | 'photos'; pageCount: number; createdAt: string; assignedPages: number; assignedMembers: number }
export interface BatchAssignment {
  memberId: string; memberName: string; from: number; to: number; versionId: string; assignedBy: string; assignedAt: string; removedAt: string | null;
}
export interface RosterMember {
  id: string; fullName: string; nameKey: string;
  reflection: { status: string; source: string | null; submittedAt: string | null } | null;
}
export interface BatchDetail {
  id: string; campaignId: string; branchId: string; branchName: string; kind: 'pdf' | 'photos'; pageCount: number;
  pdfHash: string | null; pages: ReflectionPage[]; createdAt: string; uploadedBy: string; assignedPages: number;
  assignments: BatchAssignment[]; members: RosterMember[];
}
export interface AssignResult { created: Array<{ memberId: string; memberName: string; from: number; to: number; versionId: string; receiptNumber: string }>; batch: BatchDetail }

export const batchFileUrl = (batchId: string, hash: string) => `/api/reflections/batches/${batchId}/files/${hash}`;

export const useBatchBranches = (campaignId: string) =>
  useQuery({ queryKey: ['batch-branches', campaignId], queryFn: () => api<BatchBranch[]>('/api/reflections/batch-branches', { query: { campaignId } }) });

export const useBatches = (campaignId: string, branchId: string | null) =>
  useQuery({
    queryKey: ['batches', campaignId, branchId], enabled: !!branchId,
    queryFn: () => api<BatchSummary[]>('/api/reflections/batches', { query: { campaignId, branchId } }),
  });

export const useBatch = (batchId: string | null) =>
  useQuery({ queryKey: ['batch', batchId], enabled: !!batchId, queryFn: () => api<BatchDetail>(`/api/reflections/batches/${batchId}`) });

/** Assigning, undoing and "handed in on paper" all refresh the batch and its list. */
export function useBatchActions(batch: BatchDetail) {
  const qc = useQueryClient();
  const refresh = (next?: BatchDetail) => {
    if (next) qc.setQueryData(['batch', batch.id], next);
    else void qc.invalidateQueries({ queryKey: ['batch', batch.id] });
    void qc.invalidateQueries({ queryKey: ['batches', batch.campaignId, batch.branchId] });
  };
  return {
    assign: useMutation({
      mutationFn: (body: Array<{ memberId: string; from: number; to: number }>) => api<AssignResult>(`/api/reflections/batches/${batch.id}/assignments`, { method: 'POST', body }),
      onSuccess: (res) => refresh(res.batch),
    }),
    unassign: useMutation({
      mutationFn: (versionId: string) => api<BatchDetail>(`/api/reflections/batches/${batch.id}/assignments/${versionId}`, { method: 'DELETE' }),
      onSuccess: (res) => refresh(res),
    }),
    paper: useMutation({
      mutationFn: (memberId: string) => api<unknown>('/api/reflections/paper', { method: 'POST', body: { campaignId: batch.campaignId, memberId } }),
      onSuccess: () => refresh(),
    }),
  };
}

/** Uploads one PDF or sends staged page keys as a new batch, with upload progress for the PDF. */
export function createBatch(campaignId: string, branchId: string, content: { pdf: File } | { pageKeys: string[] }, onProgress: (percent: number) => void): Promise<BatchDetail> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/reflections/batches?campaignId=${encodeURIComponent(campaignId)}&branchId=${encodeURIComponent(branchId)}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100)); };
    xhr.onload = () => (xhr.status === 201 ? resolve(JSON.parse(xhr.responseText) as BatchDetail) : reject(problemFromText(xhr.status, xhr.responseText)));
    xhr.onerror = () => reject(new ApiError({ code: 'network', title: 'Mất kết nối khi tải lên tập bài quét, vui lòng thử lại', status: 0 }));
    const form = new FormData();
    if ('pdf' in content) form.append('files', content.pdf, content.pdf.name);
    else form.append('pageKeys', JSON.stringify(content.pageKeys));
    xhr.send(form);
  });
}
