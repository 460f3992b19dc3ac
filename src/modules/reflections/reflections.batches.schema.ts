import { z } from 'zod';
import { parseKeyList } from './reflections.multipart.js';
import { Page } from './reflections.schema.js';
import { CLIENT_KEY } from './reflections.uploads.js';

const uuid = (error: string) => z.uuid({ error });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'Mã tệp không hợp lệ');
export const ClientKey = z.string().regex(CLIENT_KEY, 'Mã trang không hợp lệ (8–128 ký tự chữ, số, "-" hoặc "_")');

/** A JSON array of staged page keys (a multipart text field) or an array (a JSON body). */
export const PageKeys = z.preprocess(parseKeyList, z.array(ClientKey, { error: 'pageKeys phải là một mảng JSON các mã trang' })
  .max(500, 'Tối đa 500 trang'));

export const BatchQuery = z.object({ campaignId: uuid('Thiếu hoặc sai mã đợt học tập'), branchId: uuid('Thiếu hoặc sai mã chi bộ') });
export const BatchIdParams = z.object({ id: uuid('Mã tập bài quét không hợp lệ') });
export const BatchFileParams = BatchIdParams.extend({ hash: sha256 });
export const AssignmentParams = BatchIdParams.extend({ versionId: uuid('Mã phiên bản không hợp lệ') });
export const BatchFields = z.object({ pageKeys: PageKeys.optional() });

export const BatchSummary = z.object({
  id: z.uuid(), kind: z.enum(['pdf', 'photos']), pageCount: z.number(), createdAt: z.string(), assignedPages: z.number(), assignedMembers: z.number(),
});
export const Assignment = z.object({
  memberId: z.uuid(), memberName: z.string(), from: z.number(), to: z.number(), versionId: z.uuid(),
  assignedBy: z.uuid(), assignedAt: z.string(), removedAt: z.string().nullable(),
});
export const RosterMember = z.object({
  id: z.uuid(), fullName: z.string(), nameKey: z.string(),
  reflection: z.object({ status: z.string(), source: z.string().nullable(), submittedAt: z.string().nullable() }).nullable(),
});
export const BatchDetail = z.object({
  id: z.uuid(), campaignId: z.uuid(), branchId: z.uuid(), branchName: z.string(), kind: z.enum(['pdf', 'photos']),
  pageCount: z.number(), pdfHash: z.string().nullable(), pages: z.array(Page), createdAt: z.string(), uploadedBy: z.uuid(),
  assignedPages: z.number(), assignments: z.array(Assignment), members: z.array(RosterMember),
});

const pageNo = (label: string) => z.number({ error: `${label} phải là số` }).int(`${label} phải là số nguyên`).min(1, `${label} nhỏ nhất là 1`);
export const AssignBody = z.array(z.object({
  memberId: uuid('Mã đảng viên không hợp lệ'), from: pageNo('Trang đầu'), to: pageNo('Trang cuối'),
})).min(1, 'Chưa có khoảng trang nào để gán').max(200, 'Tối đa 200 khoảng trang mỗi lần');
export const AssignResult = z.object({
  created: z.array(z.object({ memberId: z.uuid(), memberName: z.string(), from: z.number(), to: z.number(), versionId: z.uuid(), receiptNumber: z.string() })),
  batch: BatchDetail,
});

export const BranchList = z.array(z.object({ id: z.uuid(), name: z.string(), memberCount: z.number() }));

export const UploadFields = z.object({ clientKey: ClientKey.optional() });
export const UploadResult = z.object({ clientKey: z.string(), page: Page, replayed: z.boolean() });
export const KeysQuery = z.object({ keys: z.string().max(20_000).default('') });
export const KeysResult = z.object({ keys: z.array(z.string()) });
