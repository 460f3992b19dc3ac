import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors/app-error.js';
import { ERROR_TITLES } from '../errors/codes.js';

const FIELD_MESSAGES: Record<string, string> = {
  invalid_type: 'Thiếu giá trị hoặc sai kiểu dữ liệu',
  too_small: 'Giá trị quá ngắn hoặc quá nhỏ',
  too_big: 'Giá trị quá dài hoặc quá lớn',
  invalid_format: 'Sai định dạng',
  invalid_value: 'Giá trị không nằm trong danh sách cho phép',
  unrecognized_keys: 'Có trường không được hỗ trợ',
};

/** The single exit for errors: RFC 9457 problem+json, Vietnamese title, stable code, no stack traces. */
export function problemHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const send = (status: number, body: Record<string, unknown>) =>
    reply.status(status).type('application/problem+json').send({ type: `/problems/${body.code}`, status, instance: request.id, ...body });

  if (error instanceof AppError) {
    return send(error.status, {
      code: error.code, title: error.title, detail: error.detail,
      ...(error.options.params ? { params: error.options.params } : {}),
      ...(error.options.errors ? { errors: error.options.errors } : {}),
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((v) => {
      const where = (error as { validationContext?: string }).validationContext ?? '';
      const path = [where, ...(v.instancePath ?? '').split('/').filter(Boolean)].filter(Boolean).join('.');
      const issue = (v.params as { issue?: { code?: string; message?: string } })?.issue;
      // A schema's own message is written in Vietnamese for people ("Sức chứa phải từ 1 đến 100.000"):
      // it is shown as it is. zod's defaults are English: the field's path and a generic wording instead.
      const own = issue?.message ?? v.message;
      if (own && /[^\x00-\x7F]/.test(own)) return { path, message: own };
      return { path, message: `${path || 'Dữ liệu'}: ${FIELD_MESSAGES[issue?.code ?? v.keyword] ?? 'Giá trị không hợp lệ'}` };
    });
    return send(400, { code: 'validation.failed', title: ERROR_TITLES['validation.failed'], errors });
  }
  const fe = error as FastifyError;
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Framework-level client errors: malformed JSON, body too large, unsupported media type.
    return send(fe.statusCode, { code: 'validation.failed', title: ERROR_TITLES['validation.failed'], detail: fe.message });
  }
  // A concurrent writer got there first (unique key, serialization): a retryable conflict, not a 500.
  const pgCode = (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
  if (pgCode === '23505' || pgCode === '40001' || pgCode === '40P01') {
    return send(409, { code: 'resource.conflict', title: ERROR_TITLES['resource.conflict'] });
  }
  request.log.error({ err: error }, 'unhandled error');
  return send(500, { code: 'internal', title: ERROR_TITLES.internal });
}
