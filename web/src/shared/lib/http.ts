/** The server's RFC 9457 problem document (see src/kernel/http/error-handler.ts). */
export interface Problem {
  code: string;
  title: string;
  status: number;
  detail?: string;
  errors?: Array<{ path?: string; message: string }>;
}

const FALLBACK_TITLE = 'Không kết nối được với máy chủ, vui lòng thử lại';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.title);
    this.status = problem.status;
    this.problem = problem;
  }
}

/** Reads a failed response as a problem document, whatever the server sent. */
export async function problemOf(res: Response): Promise<ApiError> {
  let body: Partial<Problem> = {};
  try { body = (await res.json()) as Partial<Problem>; } catch { /* not JSON */ }
  return new ApiError({ code: body.code ?? 'internal', title: body.title ?? FALLBACK_TITLE, status: res.status, detail: body.detail, errors: body.errors });
}

export function problemFromText(status: number, text: string): ApiError {
  try { return new ApiError({ status, ...(JSON.parse(text) as Omit<Problem, 'status'>) }); } catch {
    return new ApiError({ code: 'internal', title: FALLBACK_TITLE, status });
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** JSON over fetch with the session cookie; throws ApiError with the server's Vietnamese title. */
export async function api<T>(path: string, init: { method?: string; body?: unknown; query?: Query } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(withQuery(path, init.query), {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: init.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError({ code: 'network', title: FALLBACK_TITLE, status: 0 });
  }
  if (!res.ok) throw await problemOf(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** The Vietnamese message to show for any error. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.problem.title;
  return FALLBACK_TITLE;
}

export function isNotFound(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 404 || err.status === 400 || err.status === 403);
}
