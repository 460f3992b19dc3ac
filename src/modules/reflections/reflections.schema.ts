import { z } from 'zod';

export const CampaignIdParams = z.object({ id: z.uuid() });
export const CampaignQuery = z.object({ campaignId: z.uuid({ error: 'Thiếu hoặc sai mã đợt học tập' }) });
export const FileParams = z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/, 'Mã tệp không hợp lệ') });

const instant = z.iso.datetime({ offset: true, error: 'Thời điểm không hợp lệ' });

export const SettingsBody = z.object({
  mustHandwrite: z.boolean(),
  dueAt: instant.nullable(),
  cutoffAt: instant.nullable(),
  maxPages: z.number().int().min(1, 'Số trang tối thiểu là 1').max(30, 'Số trang tối đa là 30'),
});
export const Settings = SettingsBody.extend({ campaignId: z.uuid(), dueAt: z.string().nullable(), cutoffAt: z.string().nullable() });

export const SubmitFields = z.object({
  text: z.string().trim().max(50_000, 'Nội dung dài quá 50.000 ký tự').optional(),
  recommendations: z.string().trim().max(20_000, 'Phần kiến nghị dài quá 20.000 ký tự').optional(),
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
