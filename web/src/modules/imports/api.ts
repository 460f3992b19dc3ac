import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, problemFromText } from '../../shared/lib/http';

export interface ImportIssue { row: number; column: string; message: string }
export interface ImportSampleRow { row: number; fullName: string; birthDate: string | null; gender: string | null; cardNumber: string | null; branch: string | null }
export type ImportStatus = 'parsing' | 'ready' | 'rejected' | 'committing' | 'committed' | 'failed';
export interface ImportView {
  id: string; status: ImportStatus; fileName: string; targetOrgId: string;
  totalRows: number; processedRows: number; phase: 'parsing' | 'committing' | null; createdAt: string;
  summary: {
    rows: number; created: number; updated: number; errors: ImportIssue[]; errorCount?: number; warnings: ImportIssue[];
    title?: string | null; issuingOrg?: string | null; sample?: ImportSampleRow[];
  } | null;
}

export const isWorking = (s: ImportStatus | undefined) => s === 'parsing' || s === 'committing';
export const importKey = (id: string) => ['member-imports', id] as const;

/**
 * Uploads the sheet with XMLHttpRequest, the one browser API that reports upload progress.
 * Fields go in this order: `targetOrgId`, then the file (the server reads the parts as they stream).
 */
export function uploadImport(targetOrgId: string, file: File, onProgress: (percent: number) => void): Promise<ImportView> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('targetOrgId', targetOrgId);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/member-imports');
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100)); };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try { resolve(JSON.parse(xhr.responseText) as ImportView); } catch { reject(problemFromText(xhr.status, '')); }
      } else reject(problemFromText(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError({ code: 'network', title: 'Không tải được tệp lên máy chủ, vui lòng thử lại', status: 0 }));
    xhr.send(form);
  });
}

/** The import, polled every half second while the server is reading or writing it. */
export function useImport(id: string | null, polling: boolean) {
  return useQuery({
    queryKey: importKey(id ?? ''),
    queryFn: () => api<ImportView>(`/api/member-imports/${id}`),
    enabled: !!id,
    refetchInterval: (q) => (polling || isWorking(q.state.data?.status) ? 500 : false),
    staleTime: 0,
  });
}

export function useCommitImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<ImportView>(`/api/member-imports/${id}/commit`, { method: 'POST' }),
    onSuccess: (view) => {
      qc.setQueryData(importKey(view.id), view);
      void qc.invalidateQueries({ queryKey: ['members'] });
      void qc.invalidateQueries({ queryKey: ['orgs'] });
    },
  });
}
