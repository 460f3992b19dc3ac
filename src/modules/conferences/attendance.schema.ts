import { z } from 'zod';

export const ConferenceIdParams = z.object({ id: z.uuid() });
export const CampaignIdParams = z.object({ id: z.uuid() });

export const RosterQuery = z.object({
  branchId: z.uuid().optional(),
  status: z.enum(['invited', 'present', 'absent']).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

export const RosterItem = z.object({
  id: z.uuid(), memberId: z.uuid().nullable(), fullName: z.string(), branchId: z.uuid().nullable(), branchName: z.string().nullable(),
  guestTitle: z.string().nullable(), guestOrg: z.string().nullable(), status: z.string(), absenceReason: z.string().nullable(),
  checkedInAt: z.string().nullable(), checkInMethod: z.string().nullable(), sessionSeq: z.number().nullable(),
  bridgePointName: z.string().nullable(), qrCode: z.string().nullable(),
});

export const Roster = z.object({
  items: z.array(RosterItem),
  total: z.number(),
  counts: z.object({ all: z.number(), invited: z.number(), present: z.number(), absent: z.number() }),
  branches: z.array(z.object({ id: z.uuid(), name: z.string(), count: z.number() })),
});

export const CheckInBody = z.object({ code: z.string().trim().min(1, 'Chưa có mã QR').max(200) });
export const CheckInResult = z.object({
  outcome: z.enum(['checked_in', 'already_present']),
  invitationId: z.uuid(), memberId: z.uuid().nullable(), checkedInAt: z.string(),
  fullName: z.string(), branchName: z.string().nullable(),
});

export const CheckInsBody = z.object({
  codes: z.array(z.object({
    code: z.string().trim().min(1, 'Chưa có mã QR').max(200),
    /** When the phone read the code (kept offline); the server's time when absent. */
    scannedAt: z.iso.datetime({ offset: true }).nullish(),
  })).min(1, 'Chưa có lượt quét nào').max(2000, 'Tối đa 2.000 lượt quét mỗi lần gửi'),
});
export const CheckInsResult = z.object({
  checkedIn: z.number(), alreadyPresent: z.number(), failed: z.number(),
  results: z.array(z.discriminatedUnion('ok', [
    CheckInResult.extend({ code: z.string(), ok: z.literal(true) }),
    z.object({ code: z.string(), ok: z.literal(false), error: z.object({ status: z.number(), code: z.string(), title: z.string() }) }),
  ])),
});

export const AttendanceBody = z.object({
  marks: z.array(z.object({
    invitationId: z.uuid(),
    status: z.enum(['present', 'absent', 'invited']),
    reason: z.string().trim().max(300).nullable().optional(),
  })).min(1).max(1000),
});

export const Counts = z.object({ invited: z.number(), present: z.number(), absent: z.number(), makeups: z.number() });

export const GuestsBody = z.object({
  guests: z.array(z.object({
    name: z.string().trim().min(2, 'Họ và tên khách mời quá ngắn').max(200),
    title: z.string().trim().max(200).optional(),
    org: z.string().trim().max(300).optional(),
  })).min(1).max(2000),
});
export const MembersBody = z.object({ memberIds: z.array(z.uuid()).min(1).max(5000) });

const MakeupMode = z.enum(['session', 'self_study']);
export const MakeupItem = z.object({
  id: z.uuid(), memberId: z.uuid(), fullName: z.string(), branchId: z.uuid(), branchName: z.string(),
  conferenceId: z.uuid(), conferenceTitle: z.string(), conferenceStartsAt: z.string(), absenceReason: z.string().nullable(),
  mode: MakeupMode.nullable(), scheduledAt: z.string().nullable(), place: z.string().nullable(),
  status: z.enum(['pending', 'completed']), confirmedAt: z.string().nullable(), note: z.string().nullable(),
});
export const MakeupQuery = z.object({ orgId: z.uuid().optional(), status: z.enum(['pending', 'completed']).optional() });
export const MakeupPlanBody = z.object({
  mode: MakeupMode, scheduledAt: z.iso.datetime({ offset: true }).nullable().optional(),
  place: z.string().trim().max(300).nullable().optional(), note: z.string().trim().max(1000).nullable().optional(),
});
export const MakeupConfirmBody = z.object({ mode: MakeupMode, note: z.string().trim().max(1000).nullable().optional() });

const CoverageCounts = { covered: z.number(), invited: z.number(), attended: z.number(), madeUp: z.number() };
export const Coverage = z.object({
  campaignId: z.uuid(), orgId: z.uuid(), orgName: z.string(),
  total: z.object(CoverageCounts),
  children: z.array(z.object({
    orgId: z.uuid(), orgName: z.string(), orgCode: z.string(), isLeaf: z.boolean(), ...CoverageCounts,
    planRequired: z.boolean(), planIssued: z.boolean(), planIssuedOn: z.string().nullable(), planDueBy: z.string().nullable(), planLate: z.boolean(),
  })),
});

export const MyCampaign = z.object({
  id: z.uuid(), title: z.string(), resolutionTitle: z.string(), orgName: z.string(),
  conferences: z.array(z.object({
    invitationId: z.uuid(), conferenceId: z.uuid(), campaignId: z.uuid(), title: z.string(), orgName: z.string(),
    format: z.string(), conferenceStatus: z.string(), startsAt: z.string(), endsAt: z.string().nullable(), venue: z.string(),
    sessionSeq: z.number().nullable(), bridgePoint: z.object({ name: z.string(), place: z.string() }).nullable(),
    status: z.string(), checkedInAt: z.string().nullable(), absenceReason: z.string().nullable(), qrCode: z.string(),
    agenda: z.array(z.object({ conferenceId: z.uuid(), seq: z.number(), topic: z.string(), speakerName: z.string(), speakerTitle: z.string(), inPerson: z.boolean() })),
  })),
  makeups: z.array(z.object({
    id: z.uuid(), conferenceId: z.uuid(), mode: z.string().nullable(), scheduledAt: z.string().nullable(),
    place: z.string().nullable(), status: z.string(), confirmedAt: z.string().nullable(),
  })),
});
