import { useQuery } from '@tanstack/react-query';
import { api, problemFromText, ApiError } from '../../shared/lib/http';

export interface ReflectionPage { fileHash: string; thumbHash: string; mime: string; width: number; height: number; bytes: number }
export interface ReflectionVersion {
  id: string; seq: number; text: string | null; recommendations: string | null; pages: ReflectionPage[];
  pdf: { fileHash: string; bytes: number } | null; source: 'member' | 'branch' | 'paper'; submittedBy: string; submittedAt: string; receiptNumber: string;
}
export interface Reflection {
  id: string; campaignId: string; memberId: string; branchId: string; status: 'submitted' | 'paper';
  submittedAt: string | null; currentVersionId: string | null; versions: ReflectionVersion[];
}
export interface ReflectionSettings { campaignId: string; mustHandwrite: boolean; dueAt: string | null; cutoffAt: string | null; maxPages: number }
export interface MyReflection {
  campaign: { id: string; title: string }; settings: ReflectionSettings; extensionUntil: string | null; open: boolean; reflection: Reflection | null;
}
export interface SubmitResult { receipt: { number: string; submittedAt: string; serverTime: string }; replayed: boolean; reflection: Reflection }

export const fileUrl = (hash: string) => `/api/reflection-files/${hash}`;

export const useMyReflection = (campaignId: string) =>
  useQuery({ queryKey: ['my-reflection', campaignId], queryFn: () => api<MyReflection>('/api/reflections/mine', { query: { campaignId } }), enabled: !!campaignId });

/**
 * Sends the submission as multipart with upload progress (fetch has none). The same Idempotency-Key
 * is sent again on a retry, so a submission the server already took is not taken twice.
 */
export function submitReflection(campaignId: string, form: FormData, idempotencyKey: string, onProgress: (percent: number) => void): Promise<SubmitResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/reflections/mine?campaignId=${encodeURIComponent(campaignId)}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('idempotency-key', idempotencyKey);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100)); };
    xhr.onload = () => (xhr.status === 201 ? resolve(JSON.parse(xhr.responseText) as SubmitResult) : reject(problemFromText(xhr.status, xhr.responseText)));
    xhr.onerror = () => reject(new ApiError({ code: 'network', title: 'Mất kết nối khi gửi bài, vui lòng gửi lại (bài sẽ không bị nộp trùng)', status: 0 }));
    xhr.send(form);
  });
}

/** A random key, also where crypto.randomUUID is missing (plain http on a LAN). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
