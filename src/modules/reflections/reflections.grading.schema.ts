import { z } from 'zod';
import { Page, RubricSchema } from './reflections.schema.js';

export const ReflectionParams = z.object({ id: z.uuid({ error: 'Mã bài thu hoạch không hợp lệ' }) });
export const MarkerParams = ReflectionParams.extend({
  marker: z.coerce.number({ error: 'Người chấm là 1 hoặc 2' }).int().min(1, 'Người chấm là 1 hoặc 2').max(2, 'Người chấm là 1 hoặc 2'),
});
export const BranchQuery = z.object({
  campaignId: z.uuid({ error: 'Thiếu hoặc sai mã đợt học tập' }),
  branchId: z.uuid({ error: 'Thiếu hoặc sai mã chi bộ' }),
});
export const CampaignOnlyQuery = z.object({ campaignId: z.uuid({ error: 'Thiếu hoặc sai mã đợt học tập' }) });
export const GradingBranches = z.array(z.object({ id: z.uuid(), name: z.string(), parentName: z.string().nullable() }));
export const ExportQuery = BranchQuery.extend({ marker: z.coerce.number().int().min(1).max(2).default(1) });
export const ImportQuery = ExportQuery.extend({ commit: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') });

const keyMap = z.record(z.string().max(20), z.string().max(20));
const markerNo = z.union([z.literal(1), z.literal(2)]);

export const GradeBody = z.object({
  /** Criterion key → level key; a draft may leave criteria open. */
  levels: keyMap.default({}),
  criterionComments: z.record(z.string().max(20), z.string().trim().max(2000, 'Nhận xét tiêu chí dài quá 2.000 ký tự')).default({}),
  comment: z.string().trim().max(5000, 'Nhận xét dài quá 5.000 ký tự').nullable().optional(),
  /** Overall grade key; omitted or null = the grade the levels suggest. */
  grade: z.string().max(20).nullable().optional(),
});

export const Grade = z.object({
  id: z.uuid(), marker: z.number(), revision: z.number(), status: z.enum(['draft', 'submitted', 'approved', 'superseded']),
  levels: z.record(z.string(), z.string()), criterionComments: z.record(z.string(), z.string()), comment: z.string().nullable(),
  grade: z.string().nullable(), suggestedGrade: z.string().nullable(), versionId: z.uuid().nullable(),
  gradedBy: z.uuid(), gradedByName: z.string().nullable(), submittedAt: z.string().nullable(),
  approvedBy: z.uuid().nullable(), approvedAt: z.string().nullable(), correctionReason: z.string().nullable(), updatedAt: z.string(),
  /** Blind second marking: the other marker's levels, comments and grade are withheld (empty) until both have submitted. */
  sealed: z.boolean(),
});

const GradeStatusEnum = z.enum(['ungraded', 'draft', 'submitted', 'approved']);

export const GradeResult = z.object({
  replayed: z.boolean(), grade: Grade, gradeStatus: GradeStatusEnum, finalGrade: z.string().nullable(),
});

const Abilities = z.object({ grade: z.boolean(), approve: z.boolean(), seeNames: z.boolean() });

export const QueueRow = z.object({
  reflectionId: z.uuid().nullable(),
  /** Null (with fullName and cardNumber) when marking is anonymous for this viewer. */
  memberId: z.uuid().nullable(), fullName: z.string().nullable(), cardNumber: z.string().nullable(),
  /** What to show: the name, or the receipt number under anonymous marking. */
  label: z.string(),
  status: z.enum(['missing', 'submitted', 'paper']), submittedAt: z.string().nullable(), receiptNumber: z.string().nullable(),
  pages: z.number(), hasPdf: z.boolean(), hasText: z.boolean(), versions: z.number(),
  gradeStatus: GradeStatusEnum, finalGrade: z.string().nullable(), gradedAt: z.string().nullable(),
  readyToApprove: z.boolean(), grades: z.array(Grade),
});

export const Queue = z.object({
  campaignId: z.uuid(), branchId: z.uuid(), branchName: z.string(),
  rubric: RubricSchema, secondMarker: z.boolean(), anonymousMarking: z.boolean(), abilities: Abilities,
  rows: z.array(QueueRow),
});

export const GradingVersion = z.object({
  id: z.uuid(), seq: z.number(), text: z.string().nullable(), recommendations: z.string().nullable(), pages: z.array(Page),
  pdf: z.object({ fileHash: z.string(), bytes: z.number() }).nullable(),
  source: z.enum(['member', 'branch', 'paper']), submittedAt: z.string(), receiptNumber: z.string(),
});

export const ReflectionForGrading = z.object({
  reflection: z.object({
    id: z.uuid(), campaignId: z.uuid(), campaignTitle: z.string(), branchId: z.uuid(), branchName: z.string(),
    memberId: z.uuid().nullable(), fullName: z.string().nullable(), label: z.string(),
    status: z.enum(['submitted', 'paper']), submittedAt: z.string().nullable(), currentVersionId: z.uuid().nullable(),
    gradeStatus: GradeStatusEnum, finalGrade: z.string().nullable(), gradedAt: z.string().nullable(),
    versions: z.array(GradingVersion),
  }),
  grades: z.array(Grade),
  rubric: RubricSchema, secondMarker: z.boolean(), anonymousMarking: z.boolean(), abilities: Abilities,
  readyToApprove: z.boolean(),
  queue: z.object({ prev: z.uuid().nullable(), next: z.uuid().nullable(), position: z.number(), total: z.number() }),
});

export const ApproveBody = z.object({
  /** The final grade; omitted = the first marker's grade. */
  grade: z.string().max(20).optional(),
}).default({});
export const ApproveResult = z.object({
  replayed: z.boolean(), gradeStatus: GradeStatusEnum, finalGrade: z.string().nullable(), gradedAt: z.string().nullable(), grades: z.array(Grade),
});

export const CorrectionBody = z.object({
  marker: markerNo.default(1),
  reason: z.string().trim().min(1, 'Cần ghi lý do đính chính').max(1000, 'Lý do dài quá 1.000 ký tự'),
});

export const BulkRow = z.object({
  memberId: z.uuid({ error: 'Mã đảng viên không hợp lệ' }).optional(),
  reflectionId: z.uuid({ error: 'Mã bài thu hoạch không hợp lệ' }).optional(),
  grade: z.string().max(20).nullable().optional(),
  levels: keyMap.optional(),
  comment: z.string().trim().max(5000, 'Nhận xét dài quá 5.000 ký tự').nullable().optional(),
});
export const BulkBody = BranchQuery.extend({
  marker: markerNo.default(1),
  rows: z.array(BulkRow).min(1, 'Bảng chưa có dòng nào').max(2000, 'Tối đa 2.000 dòng mỗi lần'),
});
export const BulkResult = z.object({ rows: z.number(), saved: z.number(), unchanged: z.number(), paperRecorded: z.number() });

export const ImportIssue = z.object({ row: z.number(), column: z.string(), message: z.string() });
export const ImportResult = z.object({
  committed: z.boolean(), rows: z.number(),
  errors: z.array(ImportIssue),
  items: z.array(z.object({ row: z.number(), label: z.string(), grade: z.string().nullable(), action: z.enum(['save', 'unchanged', 'skip']) })),
  saved: z.number(), unchanged: z.number(), skipped: z.number(), paperRecorded: z.number(),
});
