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
        if (part.type === 'file') list.push({ name: part.filename || `tệp ${list.length + 1}`, bytes: await part.toBuffer() });
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
