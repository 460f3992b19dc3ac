import type { FastifyRequest } from 'fastify';
import { RuleViolationError, ValidationError } from '../../kernel/errors/app-error.js';
import type { Upload } from './reflections.files.js';

const uploads = new WeakMap<FastifyRequest, Upload[]>();

/**
 * A preValidation hook reading every file of a multipart request into memory beside it (limits per
 * route); text fields become the body the route's zod schema validates. A JSON request passes as is.
 */
export function multipartReader(limits: { files: number; fileSize: number }) {
  return async (req: FastifyRequest) => {
    if (!req.isMultipart()) return;
    const fields: Record<string, string> = {};
    const list: Upload[] = [];
    try {
      for await (const part of req.parts({ limits })) {
        if (part.type === 'file') list.push(await received(part.filename || `tệp ${list.length + 1}`, part.file));
        else fields[part.fieldname] = String(part.value);
      }
    } catch (err) {
      throw uploadError(err as { code?: string }, list.length, limits.fileSize);
    }
    uploads.set(req, list);
    req.body = fields;
  };
}

export const uploadsOf = (req: FastifyRequest): Upload[] => uploads.get(req) ?? [];

/**
 * A file part kept as the chunks it arrived in (no megabyte-sized copy per page); `bytes` joins them
 * on first use. Over the size limit the stream is cut (`truncated`), which is refused as before.
 */
async function received(name: string, file: AsyncIterable<Buffer> & { truncated?: boolean }): Promise<Upload> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of file) { chunks.push(chunk); size += chunk.length; }
  if (file.truncated) throw Object.assign(new Error('file too large'), { code: 'FST_REQ_FILE_TOO_LARGE' });
  let joined: Buffer | null = null;
  return {
    name, chunks, size,
    get bytes() { return (joined ??= chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)); },
  };
}

function uploadError(err: { code?: string }, count: number, fileSize: number) {
  if (err.code === 'FST_REQ_FILE_TOO_LARGE') {
    return new ValidationError('file.too_large', 'file over limit', { title: `Tệp thứ ${count + 1} vượt quá ${Math.round(fileSize / 1024 / 1024)} MB` });
  }
  if (err.code === 'FST_FILES_LIMIT') return new RuleViolationError('reflection.too_many_pages', 'too many files');
  return err as Error;
}

/** A JSON array of client keys sent as a multipart text field, or already an array in a JSON body. */
export function parseKeyList(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return [];
  try { return JSON.parse(value); } catch { return value; }
}
