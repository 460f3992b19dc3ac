import { z } from 'zod';
import type { App, AppDeps } from '../../server/app.js';
import { ValidationError } from '../../kernel/errors/app-error.js';
import * as imports from './imports.service.js';

const tags = ['member-imports'];
const Issue = z.object({ row: z.number(), column: z.string(), message: z.string() });
const ImportView = z.object({
  id: z.string(), status: z.enum(['parsing', 'ready', 'rejected', 'committing', 'committed', 'failed']), fileName: z.string(), targetOrgId: z.string(),
  totalRows: z.number(), processedRows: z.number(), phase: z.enum(['parsing', 'committing']).nullable(), createdAt: z.string(),
  summary: z.object({
    rows: z.number(), created: z.number(), updated: z.number(), errors: z.array(Issue), errorCount: z.number().optional(), warnings: z.array(Issue),
    title: z.string().nullable().optional(), issuingOrg: z.string().nullable().optional(), sample: z.array(z.unknown()).optional(),
  }).nullable(),
});
const Params = z.object({ id: z.uuid() });

export async function registerImportRoutes(app: App, { database, files }: AppDeps) {
  const db = database.db;
  app.addHook('onClose', async () => { await imports.drainImports(); });
  app.post('/api/member-imports', {
    schema: { tags, summary: 'Tải lên danh sách đảng viên (Excel) để xem trước', consumes: ['multipart/form-data'], response: { 202: ImportView } },
  }, async (req, reply) => {
    let targetOrgId: string | undefined;
    let file: { name: string; bytes: Buffer } | undefined;
    for await (const part of req.parts()) {
      if (part.type === 'file') file = { name: part.filename, bytes: await part.toBuffer() };
      else if (part.fieldname === 'targetOrgId') targetOrgId = String(part.value);
    }
    if (!file) throw new ValidationError('validation.failed', 'file missing', { errors: [{ path: 'file', message: 'Chưa chọn tệp Excel' }] });
    const parsedTarget = z.uuid().safeParse(targetOrgId);
    if (!parsedTarget.success) throw new ValidationError('validation.failed', 'targetOrgId missing', { errors: [{ path: 'targetOrgId', message: 'Chưa chọn tổ chức nhận danh sách' }] });
    const view = await imports.startImport(db, files, req.actor!, { targetOrgId: parsedTarget.data, fileName: file.name, bytes: file.bytes });
    return reply.status(202).send(view as never);
  });
  app.get('/api/member-imports/:id', { schema: { tags, params: Params, response: { 200: ImportView } } },
    async (req) => imports.getImport(db, req.actor!, req.params.id) as never);
  app.post('/api/member-imports/:id/commit', { schema: { tags, summary: 'Ghi danh sách vào cơ sở dữ liệu (tất cả hoặc không dòng nào)', params: Params, response: { 200: ImportView } } },
    async (req) => imports.commitImport(db, files, req.actor!, req.params.id) as never);
}
