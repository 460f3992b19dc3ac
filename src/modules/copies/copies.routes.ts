import type { App, AppDeps } from '../../server/app.js';
import { copyCheck, possibleCopies } from './copies.service.js';
import { CopyCheck, IdParams, PossibleCopies, PossibleCopiesQuery } from './copies.schema.js';

const tags = ['copies'];

export async function registerCopyRoutes(app: App, { database }: AppDeps) {
  const db = database.db;
  app.get('/api/campaigns/:id/possible-copies', {
    schema: {
      tags, params: IdParams, querystring: PossibleCopiesQuery, response: { 200: PossibleCopies },
      summary: 'Các cặp bài thu hoạch có thể sao chép nhau có ít nhất một bài thuộc tổ chức đang xem, điểm trùng cao trước; người viết bài ở đơn vị ngoài phạm vi được ẩn',
    },
  }, async (req) => possibleCopies(db, req.actor!, req.params.id, req.query));
  app.get('/api/reflections/:id/copy-check', {
    schema: {
      tags, params: IdParams, response: { 200: CopyCheck },
      summary: 'Kiểm tra trùng lặp một bài thu hoạch: tỷ lệ lấy từ Nghị quyết, các bài trùng với các đoạn giống nhau đặt cạnh nhau, các đoạn trích Nghị quyết',
    },
  }, async (req) => copyCheck(db, req.actor!, req.params.id));
}
