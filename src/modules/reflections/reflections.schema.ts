import { z } from 'zod';
import { parseKeyList } from './reflections.multipart.js';
import { CLIENT_KEY } from './reflections.uploads.js';

export const CampaignIdParams = z.object({ id: z.uuid() });
export const CampaignQuery = z.object({ campaignId: z.uuid({ error: 'Thiếu hoặc sai mã đợt học tập' }) });
export const FileParams = z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/, 'Mã tệp không hợp lệ') });

const instant = z.iso.datetime({ offset: true, error: 'Thời điểm không hợp lệ' });

const rubricKey = z.string().regex(/^[a-z0-9_]{1,20}$/, 'Mã chỉ gồm chữ thường không dấu, chữ số, dấu gạch dưới (tối đa 20 ký tự)');
const rubricLabel = z.string().trim().min(1, 'Cần ghi tên').max(200, 'Tên dài quá 200 ký tự');
/** A grading rubric (criteria, level scale, overall grades), each list ordered as shown, best first. */
export const RubricSchema = z.object({
  criteria: z.array(z.object({ key: rubricKey, label: rubricLabel, hint: z.string().trim().max(500, 'Gợi ý dài quá 500 ký tự').default('') }))
    .min(1, 'Cần ít nhất một tiêu chí').max(10, 'Tối đa 10 tiêu chí'),
  levels: z.array(z.object({ key: rubricKey, label: rubricLabel, points: z.number().min(0).max(100) }))
    .min(2, 'Cần ít nhất hai mức đánh giá').max(10, 'Tối đa 10 mức đánh giá'),
  grades: z.array(z.object({ key: rubricKey, label: rubricLabel, minAverage: z.number().min(0).max(100) }))
    .min(1, 'Cần ít nhất một mức xếp loại').max(10, 'Tối đa 10 mức xếp loại'),
});

export const SettingsBody = z.object({
  mustHandwrite: z.boolean(),
  dueAt: instant.nullable(),
  cutoffAt: instant.nullable(),
  maxPages: z.number().int().min(1, 'Số trang tối thiểu là 1').max(30, 'Số trang tối đa là 30'),
  // Optional so that callers written before grading keep working: an omitted field keeps its current value.
  /** Who must write: 'studied' (attended or made up) or 'covered' (every member the plan covers). */
  writers: z.enum(['studied', 'covered']).optional(),
  /** The campaign's rubric; null = the default four-criterion rubric (Tốt / Khá / Đạt / Chưa đạt). */
  rubric: RubricSchema.nullable().optional(),
  secondMarker: z.boolean().optional(),
  anonymousMarking: z.boolean().optional(),
});
export const Settings = SettingsBody.extend({
  campaignId: z.uuid(), dueAt: z.string().nullable(), cutoffAt: z.string().nullable(),
  writers: z.enum(['studied', 'covered']),
  /** The rubric in force (the default one when the campaign has none of its own). */
  rubric: RubricSchema,
  customRubric: z.boolean(),
  secondMarker: z.boolean(),
  anonymousMarking: z.boolean(),
});
export const SettingsDetail = Settings.extend({
  /** The plan's deadline for reflections (a day in Vietnam): the due date may not be later. */
  plan: z.object({ number: z.string().nullable(), reflectionsBy: z.string().nullable() }).nullable(),
  /** Grading has begun: the rubric can no longer change. */
  gradingStarted: z.boolean(),
});

export const SubmitFields = z.object({
  text: z.string().trim().max(50_000, 'Nội dung dài quá 50.000 ký tự').optional(),
  recommendations: z.string().trim().max(20_000, 'Phần kiến nghị dài quá 20.000 ký tự').optional(),
  /** Pages sent ahead (POST /api/reflections/uploads), in order: a JSON array of their keys. */
  pageKeys: z.preprocess(parseKeyList, z.array(z.string().regex(CLIENT_KEY, 'Mã trang không hợp lệ'), { error: 'pageKeys phải là một mảng JSON các mã trang' })
    .max(100, 'Quá nhiều trang')).optional(),
});

export const Page = z.object({
  fileHash: z.string(), thumbHash: z.string(), mime: z.string(), width: z.number(), height: z.number(), bytes: z.number(),
});
export const Version = z.object({
  id: z.uuid(), seq: z.number(), text: z.string().nullable(), recommendations: z.string().nullable(), pages: z.array(Page),
  pdf: z.object({ fileHash: z.string(), bytes: z.number() }).nullable(),
  source: z.enum(['member', 'branch', 'paper']), submittedBy: z.uuid(), submittedAt: z.string(), receiptNumber: z.string(),
});
export const Reflection = z.object({
  id: z.uuid(), campaignId: z.uuid(), memberId: z.uuid(), branchId: z.uuid(), status: z.enum(['submitted', 'paper']),
  submittedAt: z.string().nullable(), currentVersionId: z.uuid().nullable(), versions: z.array(Version),
});
export const MyReflection = z.object({
  campaign: z.object({ id: z.uuid(), title: z.string() }),
  settings: Settings,
  extensionUntil: z.string().nullable(),
  open: z.boolean(),
  reflection: Reflection.nullable(),
});
export const SubmitResult = z.object({
  receipt: z.object({ number: z.string(), submittedAt: z.string(), serverTime: z.string() }),
  replayed: z.boolean(),
  reflection: Reflection,
});

export const MemberRef = z.object({ campaignId: z.uuid(), memberId: z.uuid() });
export const ExtensionBody = MemberRef.extend({
  until: instant,
  reason: z.string().trim().min(1, 'Cần ghi lý do gia hạn').max(500, 'Lý do dài quá 500 ký tự'),
});
export const Extension = z.object({
  id: z.uuid(), campaignId: z.uuid(), memberId: z.uuid(), until: z.string(), reason: z.string(), grantedBy: z.uuid(), createdAt: z.string(),
});
