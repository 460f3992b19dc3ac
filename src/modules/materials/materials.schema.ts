import { z } from 'zod';
import { AUDIENCE_OPS } from './materials.audience.js';
import { MATERIAL_KINDS, MATERIAL_STATUSES } from './materials.content.js';

export const MaterialIdParams = z.object({ id: z.uuid() });

export const AudienceClauseSchema = z.object({
  field: z.string().trim().min(1).max(200),
  op: z.enum(AUDIENCE_OPS),
  values: z.array(z.string().max(200)).max(50).optional(),
});

export const AudienceView = z.object({
  id: z.string(), code: z.string(), name: z.string(), rule: z.array(AudienceClauseSchema), priority: z.number(), isPublic: z.boolean(),
});

export const CreateAudienceBody = z.object({
  code: z.string().trim().regex(/^[a-z0-9_]{2,40}$/),
  name: z.string().trim().min(3).max(200),
  rule: z.array(AudienceClauseSchema).max(10),
  priority: z.number().int().min(0).max(1000).default(100),
  isPublic: z.boolean().default(false),
});

const QaItemSchema = z.object({ question: z.string().max(4000), answer: z.string().max(40_000) });
const title = z.string().trim().min(3).max(300);
const summary = z.string().max(4000);
const body = z.string().max(1_000_000);
const qa = z.array(QaItemSchema).max(500);

export const CreateMaterialBody = z.object({
  campaignId: z.uuid().optional(),
  orgId: z.uuid().optional(),
  kind: z.enum(MATERIAL_KINDS).optional(),
  title, summary: summary.default(''), body: body.default(''), qa: qa.default([]),
  masterId: z.uuid().optional(),
  audienceCode: z.string().trim().min(1).max(40).optional(),
});

export const UpdateMaterialBody = z.object({ title: title.optional(), summary: summary.optional(), body: body.optional(), qa: qa.optional() });

export const ListMaterialsQuery = z.object({ campaignId: z.uuid(), orgId: z.uuid().optional() });
export const MyMaterialsQuery = z.object({ campaignId: z.uuid() });
export const ReadersQuery = z.object({ orgId: z.uuid().optional(), branchId: z.uuid().optional() });

const status = z.enum(MATERIAL_STATUSES);
const kind = z.enum(MATERIAL_KINDS);

const MaterialListBase = z.object({
  id: z.string(), masterId: z.string().nullable(), audienceCode: z.string().nullable(), audienceName: z.string().nullable(),
  kind, title: z.string(), summary: z.string(), status, orgId: z.string(), orgName: z.string(), fileName: z.string().nullable(),
  publishedAt: z.string().nullable(), createdAt: z.string(), canManage: z.boolean(),
  readers: z.number().describe('Số đảng viên (trong phạm vi) đã mở tài liệu'), opens: z.number().describe('Tổng số lượt mở'),
});
export const MaterialListItem = MaterialListBase.extend({ variants: z.array(MaterialListBase) });
export const MaterialList = z.object({ orgId: z.string().nullable().describe('Tổ chức dùng để đếm người đã đọc'), items: z.array(MaterialListItem), abilities: z.object({ canCreate: z.boolean() }) });

export const MaterialDetail = z.object({
  id: z.string(), campaignId: z.string(), orgId: z.string(), orgName: z.string(), masterId: z.string().nullable(),
  audienceCode: z.string().nullable(), audienceName: z.string().nullable(), kind, title: z.string(), summary: z.string(),
  body: z.string(), qa: z.array(QaItemSchema), status,
  file: z.object({ name: z.string(), mime: z.string(), size: z.number() }).nullable(),
  publishedAt: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
  abilities: z.object({ canManage: z.boolean() }),
});

export const MaterialRecord = MaterialDetail.omit({ orgName: true, audienceName: true, abilities: true });

export const MyMaterial = z.object({
  id: z.string().describe('Phiên bản dành cho đảng viên (bản gốc hoặc phiên bản theo đối tượng)'), masterId: z.string(),
  kind, title: z.string(), summary: z.string(), audienceCode: z.string().nullable(), audienceName: z.string().nullable(),
  orgName: z.string(), hasFile: z.boolean(), publishedAt: z.string().nullable(), opened: z.boolean(), lastOpenedAt: z.string().nullable(),
});

const Counts = z.object({ targeted: z.number(), opened: z.number(), percent: z.number() });
export const MaterialReaders = z.object({
  materialId: z.string(), orgId: z.string().nullable(), branchId: z.string().nullable(),
  total: Counts,
  orgs: z.array(Counts.extend({ orgId: z.string(), name: z.string(), code: z.string(), isLeaf: z.boolean() })),
  members: z.array(z.object({
    memberId: z.string(), fullName: z.string(), partyPosition: z.string().nullable(), version: z.string().describe('Bản gốc hoặc tên đối tượng'),
    opened: z.boolean(), firstOpenedAt: z.string().nullable(), lastOpenedAt: z.string().nullable(), openCount: z.number(),
  })),
});
