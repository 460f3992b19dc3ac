import type { App, AppDeps } from '../../server/app.js';
import { MemberFile, MemberIdParams } from './member-file.schema.js';
import { getMemberFile } from './member-file.service.js';

export async function registerMemberFileRoutes(app: App, { database }: AppDeps) {
  const db = database.db;
  app.get('/api/members/:id/file', {
    schema: {
      tags: ['members'], params: MemberIdParams, response: { 200: MemberFile },
      summary: 'Hồ sơ đảng viên: dự hội nghị, học bù, bài thu hoạch (mọi lần nộp), kết quả chấm và đánh giá cuối năm theo từng đợt học tập',
    },
  }, async (req) => getMemberFile(db, req.actor!, req.params.id));
}
