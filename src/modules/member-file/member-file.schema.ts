import { z } from 'zod';

export const MemberIdParams = z.object({ id: z.uuid({ error: 'Mã đảng viên không hợp lệ' }) });

const Conference = z.object({
  invitationId: z.uuid(), conferenceId: z.uuid(), title: z.string(), orgName: z.string(), format: z.string(), conferenceStatus: z.string(),
  startsAt: z.string(), venue: z.string(), status: z.enum(['invited', 'present', 'absent']), checkedInAt: z.string().nullable(),
  checkInMethod: z.string().nullable(), absenceReason: z.string().nullable(),
});
const Makeup = z.object({
  id: z.uuid(), conferenceId: z.uuid(), conferenceTitle: z.string().nullable(), mode: z.string().nullable(), scheduledAt: z.string().nullable(),
  place: z.string().nullable(), status: z.enum(['pending', 'completed']), confirmedAt: z.string().nullable(), note: z.string().nullable(),
});
const Grade = z.object({
  marker: z.number(), revision: z.number(), status: z.enum(['draft', 'submitted', 'approved']),
  levels: z.array(z.object({ criterion: z.string(), criterionLabel: z.string(), level: z.string(), levelLabel: z.string(), comment: z.string().nullable() })),
  comment: z.string().nullable(), grade: z.string().nullable(), gradeLabel: z.string().nullable(),
  gradedByName: z.string().nullable(), approvedByName: z.string().nullable(), approvedAt: z.string().nullable(), correctionReason: z.string().nullable(),
});
const Reflection = z.object({
  id: z.uuid(), campaignId: z.uuid(), branchName: z.string(), status: z.enum(['submitted', 'paper']), submittedAt: z.string().nullable(),
  gradeStatus: z.string(), finalGrade: z.string().nullable(), finalGradeLabel: z.string().nullable(),
  versions: z.array(z.object({
    seq: z.number(), submittedAt: z.string(), source: z.enum(['member', 'branch', 'paper']), pages: z.number(), hasPdf: z.boolean(),
    hasText: z.boolean(), receiptNumber: z.string(),
  })),
  grades: z.array(Grade),
});

export const MemberFile = z.object({
  member: z.object({
    id: z.uuid(), fullName: z.string(), cardNumber: z.string().nullable(), gender: z.string().nullable(), birthDate: z.string().nullable(),
    birthYearOnly: z.boolean(), status: z.string(), admissionDate: z.string().nullable(), officialDate: z.string().nullable(),
    partyPosition: z.string().nullable(), leftAt: z.string().nullable(),
    branch: z.object({ id: z.uuid(), name: z.string(), parentName: z.string().nullable() }).nullable(),
  }),
  campaigns: z.array(z.object({
    id: z.uuid(), title: z.string(), resolutionTitle: z.string(), orgName: z.string(), status: z.string(), createdAt: z.string(),
    dueAt: z.string().nullable(), writers: z.enum(['studied', 'covered']),
    studied: z.enum(['attended', 'made_up', 'absent', 'invited', 'not_invited']),
    conferences: z.array(Conference), makeups: z.array(Makeup), reflection: Reflection.nullable(),
  })),
  evaluations: z.array(z.object({
    year: z.number(), schemeName: z.string(), total: z.number(), general: z.number(), tasks: z.number(), grade: z.string().nullable(),
    gradeLabel: z.string().nullable(), reasons: z.string().nullable(), status: z.enum(['draft', 'approved']),
    approvedByName: z.string().nullable(), approvedAt: z.string().nullable(),
  })),
  abilities: z.object({ seeGrading: z.boolean(), seeDraftEvaluations: z.boolean(), isSelf: z.boolean() }),
  printedAt: z.string(),
});
