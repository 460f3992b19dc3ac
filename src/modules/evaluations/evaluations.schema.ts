import { z } from 'zod';

const yearMsg = { error: 'Năm đánh giá không hợp lệ' };
const year = z.number(yearMsg).int(yearMsg).min(2000, yearMsg).max(2100, yearMsg);
const yearParam = z.coerce.number(yearMsg).int(yearMsg).min(2000, yearMsg).max(2100, yearMsg);
const key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Mã chỉ gồm chữ thường không dấu, số và dấu gạch dưới (tối đa 40 ký tự)');
const label = z.string().trim().min(1, 'Cần ghi tên').max(300, 'Tên dài quá 300 ký tự');

export const SchemesQuery = z.object({ year: yearParam.optional() });
export const YearQuery = z.object({ year: yearParam });
export const SheetQuery = z.object({ branchId: z.uuid({ error: 'Thiếu hoặc sai mã chi bộ' }), year: yearParam });
export const SaveParams = z.object({ memberId: z.uuid({ error: 'Sai mã đảng viên' }), year: yearParam });

export const Criterion = z.object({ key, group: z.enum(['general', 'tasks']), label, maxPoints: z.number().positive('Điểm tối đa phải lớn hơn 0').max(100) });
export const Grade = z.object({
  key, label, minScore: z.number().min(0).max(100),
  requires: z.array(z.object({ key, label })).max(5).optional(),
});
export const SchemeBody = z.object({
  code: z.string().trim().regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, 'Mã quy định chỉ gồm chữ thường không dấu, số, dấu chấm, gạch nối (2–40 ký tự)'),
  name: label,
  fromYear: year,
  criteria: z.array(Criterion).min(2).max(40),
  grades: z.array(Grade).min(2).max(10),
});
export const Scheme = SchemeBody.extend({ id: z.uuid(), createdAt: z.string() });

const EvidenceKind = z.enum(['attendance', 'reflection', 'makeup', 'action_plan']);
export const EvidenceLink = z.object({ kind: EvidenceKind, id: z.uuid({ error: 'Sai mã minh chứng' }), campaignId: z.uuid().optional() });

export const SaveBody = z.object({
  scores: z.record(z.string().max(60), z.number()),
  /** Conditions of a grade the branch confirms (QĐ 366: "≥ 30% of tasks beyond target" for Hoàn thành xuất sắc). */
  confirmations: z.array(z.string().max(60)).max(20).default([]),
  reasons: z.string().trim().max(5000, 'Lý do dài quá 5.000 ký tự').nullable().default(null),
  evidence: z.array(EvidenceLink).max(300).default([]),
  /** Optional: the grade the client expects; refused when it is not the one the scores give. */
  grade: z.string().max(60).optional(),
});

export const Evaluation = z.object({
  id: z.uuid(), memberId: z.uuid(), year: z.number(), schemeId: z.uuid(), branchId: z.uuid(),
  scores: z.record(z.string(), z.number()), confirmations: z.array(z.string()), total: z.number(),
  grade: z.string().nullable(), gradeLabel: z.string().nullable(), reasons: z.string().nullable(),
  evidence: z.array(EvidenceLink), status: z.enum(['draft', 'approved']),
  evaluatedBy: z.uuid(), approvedBy: z.uuid().nullable(), approvedAt: z.string().nullable(), updatedAt: z.string(),
});

export const Evidence = z.object({
  attendance: z.array(z.object({
    id: z.uuid(), campaignId: z.uuid(), campaignTitle: z.string(), conferenceId: z.uuid(), conferenceTitle: z.string(), startsAt: z.string(),
    status: z.enum(['invited', 'present', 'absent']), absenceReason: z.string().nullable(),
    makeup: z.object({ id: z.uuid(), status: z.enum(['pending', 'completed']), confirmedAt: z.string().nullable() }).nullable(),
  })),
  reflections: z.array(z.object({
    id: z.uuid(), campaignId: z.uuid(), campaignTitle: z.string(), status: z.string(), submittedAt: z.string().nullable(),
    gradeStatus: z.string(), finalGrade: z.string().nullable(), finalGradeLabel: z.string().nullable(),
  })),
  missingReflections: z.array(z.object({ campaignId: z.uuid(), campaignTitle: z.string() })),
  /** Personal action plans are not tracked yet: always null. */
  actionPlan: z.null(),
});

export const SheetMember = z.object({
  id: z.uuid(), fullName: z.string(), cardNumber: z.string().nullable(), partyPosition: z.string().nullable(), status: z.string(),
  isExempt: z.boolean(), isHeadOfUnit: z.boolean(), isCommitteeMember: z.boolean(),
});
export const Sheet = z.object({
  branch: z.object({ id: z.uuid(), name: z.string() }),
  year: z.number(),
  scheme: Scheme,
  canManage: z.boolean(),
  canApprove: z.boolean(),
  /** Whether personal action plans feed the evidence (not yet: the module does not exist). */
  actionPlansTracked: z.boolean(),
  rows: z.array(z.object({ member: SheetMember, evaluation: Evaluation.nullable(), evidence: Evidence })),
});

export const ApproveBody = z.object({ branchId: z.uuid({ error: 'Thiếu hoặc sai mã chi bộ' }), year, memberIds: z.array(z.uuid()).min(1).max(2000).optional() });
export const ApproveResult = z.object({
  approved: z.number(), alreadyApproved: z.number(),
  skipped: z.array(z.object({ memberId: z.uuid(), fullName: z.string(), reason: z.string() })),
});

export const Mine = z.object({
  year: z.number(),
  scheme: Scheme.nullable(),
  member: z.object({ id: z.uuid(), fullName: z.string() }),
  /** none: not evaluated yet; draft: the branch is still evaluating (scores not shown); approved. */
  status: z.enum(['none', 'draft', 'approved']),
  evaluation: Evaluation.nullable(),
  evidence: Evidence,
});
