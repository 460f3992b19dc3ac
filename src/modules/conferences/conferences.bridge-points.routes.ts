import { z } from 'zod';
import type { App, AppDeps } from '../../server/app.js';
import * as bridgePoints from './conferences.bridge-points.service.js';
import {
  BridgePointBody, BridgePointIdParams, BridgePointView, ConferenceIdParams, MyBridgePoint, ReportBody, SupervisorCandidate, UnitOption, UpdateBridgePointBody,
} from './conferences.schema.js';

const tags = ['bridge-points'];

export async function registerBridgePointRoutes(app: App, { database }: AppDeps) {
  const db = database.db;
  app.get('/api/conferences/:id/supervisor-candidates', {
    schema: { tags, summary: 'Ủy viên Ban Thường vụ có thể được phân công giám sát điểm cầu', params: ConferenceIdParams, response: { 200: z.array(SupervisorCandidate) } },
  }, async (req) => bridgePoints.supervisorCandidates(db, req.actor!, req.params.id));
  app.get('/api/conferences/:id/unit-options', {
    schema: { tags, summary: 'Các tổ chức trong phạm vi tổ chức hội nghị (mọi cấp) có thể được xếp vào một điểm cầu', params: ConferenceIdParams, response: { 200: z.array(UnitOption) } },
  }, async (req) => bridgePoints.unitOptions(db, req.actor!, req.params.id));
  app.post('/api/conferences/:id/bridge-points', {
    schema: { tags, summary: 'Thêm điểm cầu cho hội nghị trực tuyến', params: ConferenceIdParams, body: BridgePointBody, response: { 201: BridgePointView } },
  }, async (req, reply) => reply.status(201).send(await bridgePoints.createBridgePoint(db, req.actor!, req.params.id, req.body)));
  app.patch('/api/bridge-points/:id', {
    schema: { tags, summary: 'Sửa điểm cầu (địa điểm, đơn vị, người giám sát)', params: BridgePointIdParams, body: UpdateBridgePointBody, response: { 200: BridgePointView } },
  }, async (req) => bridgePoints.updateBridgePoint(db, req.actor!, req.params.id, req.body));
  app.delete('/api/bridge-points/:id', { schema: { tags, summary: 'Xóa điểm cầu chưa có báo cáo giám sát', params: BridgePointIdParams } },
    async (req, reply) => { await bridgePoints.deleteBridgePoint(db, req.actor!, req.params.id); return reply.status(204).send(); });
  app.get('/api/bridge-points/mine', {
    schema: { tags, summary: 'Các điểm cầu tôi được phân công giám sát', response: { 200: z.array(MyBridgePoint) } },
  }, async (req) => bridgePoints.myBridgePoints(db, req.actor!));
  app.post('/api/bridge-points/:id/report', {
    schema: { tags, summary: 'Gửi báo cáo giám sát điểm cầu (có mặt / dự kiến, nhận xét)', params: BridgePointIdParams, body: ReportBody, response: { 200: BridgePointView } },
  }, async (req) => bridgePoints.fileReport(db, req.actor!, req.params.id, req.body));
}
