import { api, ApiError, problemFromText } from '../../shared/lib/http';
import { newIdempotencyKey, type ReflectionPage } from './api';

/**
 * Resumable page uploads for a poor connection: each page is sent alone under a key (the SHA-256 of
 * the compressed photo); before sending, the client asks which keys the server already has, and on a
 * network error it waits and tries again, so no page is sent twice and none is lost.
 */

export interface PageToSend { key: string; blob: Blob; name: string }
export type PageStatus = 'waiting' | 'sending' | 'done';
export interface PageProgress { status: PageStatus; percent: number }
/** What the screen tells the user while pages go up. */
export interface UploadState { done: number; total: number; current: number | null; percent: number; retrying: boolean; retryIn: number }

/** SHA-256 of the bytes in hex; where crypto.subtle is missing (plain http) a random key does the same job. */
export async function pageKey(blob: Blob): Promise<string> {
  if (!globalThis.crypto?.subtle) return newIdempotencyKey();
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A failure worth trying again: no answer at all, a timeout, the server busy or restarting. */
export function isRetryable(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 0 || err.status === 408 || err.status === 429 || err.status >= 500);
}

const DELAYS = [1, 2, 4, 8, 15, 30];
const MAX_ATTEMPTS = 12;

/** Runs `fn` until it succeeds, waiting 1, 2, 4, 8, 15, then 30 s between tries; gives up after 12 tries. */
export async function withRetry<T>(fn: () => Promise<T>, onWait: (seconds: number) => void): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!isRetryable(err) || attempt + 1 >= MAX_ATTEMPTS) throw err;
      const seconds = DELAYS[Math.min(attempt, DELAYS.length - 1)];
      for (let left = seconds; left > 0; left--) {
        onWait(left);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }
}

/** Sends one page with upload progress (fetch has none); a page the server had answers at once. */
function sendPage(page: PageToSend, onProgress: (percent: number) => void): Promise<ReflectionPage> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/reflections/uploads');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-client-key', page.key);
    xhr.timeout = 120_000;
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100)); };
    xhr.onload = () => (xhr.status === 200 || xhr.status === 201
      ? resolve((JSON.parse(xhr.responseText) as { page: ReflectionPage }).page)
      : reject(problemFromText(xhr.status, xhr.responseText)));
    const lost = () => reject(new ApiError({ code: 'network', title: 'Mất kết nối khi gửi ảnh trang viết', status: 0 }));
    xhr.onerror = lost;
    xhr.ontimeout = lost;
    const form = new FormData();
    form.append('clientKey', page.key);
    form.append('file', page.blob, page.name);
    xhr.send(form);
  });
}

/** Which of the keys the server already holds for the signed-in user. */
export async function knownKeys(keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const res = await api<{ keys: string[] }>('/api/reflections/uploads', { query: { keys: keys.join(',') } });
  return new Set(res.keys);
}

/**
 * Sends every page the server does not have yet, one after another, reporting progress per page and
 * overall; network errors are retried with back-off. Resolves when the server holds every page.
 */
export async function uploadPages(pages: PageToSend[], report: {
  page: (key: string, progress: PageProgress) => void; overall: (state: UploadState) => void;
}): Promise<void> {
  const total = pages.length;
  let done = 0;
  const overall = (s: Partial<UploadState>) => report.overall({ done, total, current: null, percent: 0, retrying: false, retryIn: 0, ...s });
  const have = await withRetry(() => knownKeys(pages.map((p) => p.key)), (retryIn) => overall({ retrying: true, retryIn }));
  for (const p of pages) {
    if (!have.has(p.key)) continue;
    done++;
    report.page(p.key, { status: 'done', percent: 100 });
  }
  for (const [i, p] of pages.entries()) {
    if (have.has(p.key)) continue;
    const progress = (percent: number) => {
      report.page(p.key, { status: 'sending', percent });
      overall({ current: i, percent });
    };
    await withRetry(() => { progress(0); return sendPage(p, progress); }, (retryIn) => {
      report.page(p.key, { status: 'sending', percent: 0 });
      overall({ current: i, retrying: true, retryIn });
    });
    done++;
    report.page(p.key, { status: 'done', percent: 100 });
    overall({});
  }
}

/** How far the pages are, 0–100, counting the page being sent by its own progress. */
export function overallPercent(s: UploadState): number {
  const current = s.current !== null && !s.retrying ? s.percent / 100 : 0;
  return Math.round(((s.done + current) / Math.max(s.total, 1)) * 100);
}

/** "Đã gửi 2/3 trang — mất kết nối, đang thử lại sau 4 giây…" and the like. */
export function uploadStatusText(s: UploadState): string {
  const sent = `Đã gửi ${s.done}/${s.total} trang`;
  if (s.retrying) return `${sent} — mất kết nối, đang thử lại${s.retryIn ? ` sau ${s.retryIn} giây` : ''}…`;
  if (s.current !== null) return `${sent} — đang gửi trang ${s.current + 1} (${s.percent}%)`;
  return s.done === s.total ? `Đã gửi đủ ${s.total} trang` : sent;
}
