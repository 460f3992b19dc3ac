import { z } from 'zod';

export const AUDIENCE_KINDS = ['all_members', 'key_cadres', 'retired_leaders', 'enterprise_leaders', 'custom'] as const;
export const FORMATS = ['in_person', 'online'] as const;
export const DOCUMENT_KINDS = ['thematic_resolution', 'plan', 'project'] as const;

const instant = z.iso.datetime({ offset: true });
const name = (max = 300) => z.string().trim().min(1, 'Không được để trống').max(max, `Dài quá ${max.toLocaleString('vi-VN')} ký tự`);
const capacity = z.number({ error: 'Sức chứa phải là một số' }).int('Sức chứa phải là số nguyên')
  .min(1, 'Sức chứa ít nhất là 1 chỗ').max(100_000, 'Sức chứa tối đa là 100.000 chỗ');
const audienceNote = z.string().trim().max(2000, 'Ghi chú về đối tượng dài quá 2.000 ký tự');

export const ConferenceIdParams = z.object({ id: z.uuid() });
export const DocumentIdParams = z.object({ docId: z.uuid() });

export const CreateConferenceBody = z.object({
  campaignId: z.uuid(),
  orgId: z.uuid(),
  title: name(300),
  audienceKind: z.enum(AUDIENCE_KINDS),
  audienceNote: audienceNote.default(''),
  format: z.enum(FORMATS),
  venue: name(300),
  capacity: capacity.nullable().optional(),
  startsAt: instant,
  endsAt: instant.nullable().optional(),
  /** Absent: the campaign root plan's setting applies. */
  includeExempt: z.boolean().optional(),
});

export const UpdateConferenceBody = z.object({
  title: name(300), audienceKind: z.enum(AUDIENCE_KINDS), audienceNote, format: z.enum(FORMATS),
  venue: name(300), capacity: capacity.nullable(), startsAt: instant, endsAt: instant.nullable(), includeExempt: z.boolean(),
}).partial();

export const CancelConferenceBody = z.object({ reason: z.string().trim().max(1000).optional() });

export const ListConferencesQuery = z.object({ campaignId: z.uuid().optional(), orgId: z.uuid().optional() });

export const ConferenceSummary = z.object({
  id: z.string(), campaignId: z.string(), orgId: z.string(), orgName: z.string(), title: z.string(),
  audienceKind: z.string(), audienceNote: z.string(), format: z.string(), venue: z.string(), capacity: z.number().nullable(),
  startsAt: z.string(), endsAt: z.string().nullable(), includeExempt: z.boolean(), status: z.string(), isMakeup: z.boolean(),
  sessionCount: z.number(), invited: z.number(), present: z.number(),
});

export const SessionView = z.object({
  id: z.string(), seq: z.number(), venue: z.string(), capacity: z.number().nullable(), startsAt: z.string(),
  branchIds: z.array(z.string()), branches: z.array(z.object({ id: z.string(), name: z.string() })), invited: z.number(), present: z.number(),
});

export const AgendaItem = z.object({
  topic: name(500), speakerName: name(200), speakerTitle: z.string().trim().max(300).default(''),
  durationMinutes: z.number().int().min(1).max(24 * 60).nullable().optional(), inPerson: z.boolean().default(true),
});
export const AgendaBody = z.array(AgendaItem).max(100);
export const AgendaView = z.object({
  id: z.string(), seq: z.number(), topic: z.string(), speakerName: z.string(), speakerTitle: z.string(),
  durationMinutes: z.number().nullable(), inPerson: z.boolean(),
});

export const DocumentSection = z.object({ key: z.string(), heading: z.string(), text: z.string() });
export const CreateDocumentBody = z.object({
  kind: z.enum(DOCUMENT_KINDS), title: name(500),
  sections: z.array(z.object({ heading: name(500), text: z.string().trim().max(50_000).default('') })).min(1).max(200),
});
export const DocumentView = z.object({
  id: z.string(), kind: z.string(), title: z.string(), sections: z.array(DocumentSection), commentCount: z.number(), createdAt: z.string(),
});
export const CommentBody = z.object({ sectionKey: z.string().trim().min(1).max(20), body: z.string().trim().min(1).max(5000) });
export const CommentView = z.object({
  id: z.string(), documentId: z.string(), sectionKey: z.string(), authorName: z.string(), body: z.string(), createdAt: z.string(),
});

export const BridgePointBody = z.object({
  name: name(300), place: name(500), capacity: z.number().int().min(1).max(100_000).nullable().optional(),
  unitOrgIds: z.array(z.uuid()).max(500).default([]), supervisorUserId: z.uuid().nullable().optional(),
});
export const UpdateBridgePointBody = z.object({
  name: name(300), place: name(500), capacity: z.number().int().min(1).max(100_000).nullable(),
  unitOrgIds: z.array(z.uuid()).max(500), supervisorUserId: z.uuid().nullable(),
}).partial();
export const BridgePointIdParams = z.object({ id: z.uuid() });
export const ReportBody = z.object({ present: z.number().int().min(0).max(1_000_000), remarks: z.string().trim().max(5000).default('') });

const BridgeReport = z.object({
  present: z.number(), expected: z.number(), remarks: z.string(), reportedAt: z.string(), reportedByName: z.string().nullable(),
}).nullable();

export const BridgePointView = z.object({
  id: z.string(), conferenceId: z.string(), name: z.string(), place: z.string(), capacity: z.number().nullable(),
  supervisor: z.object({ userId: z.string(), displayName: z.string() }).nullable(),
  units: z.array(z.object({ orgId: z.string(), name: z.string() })),
  expected: z.number(), present: z.number(), report: BridgeReport,
});

export const MyBridgePoint = BridgePointView.extend({
  conference: z.object({ id: z.string(), title: z.string(), orgName: z.string(), startsAt: z.string(), endsAt: z.string().nullable(), status: z.string(), venue: z.string() }),
});

/** An org a bridge point may seat: one of the organizing org's subtree (depth below it; the root has no parent). */
export const UnitOption = z.object({ id: z.string(), parentId: z.string().nullable(), name: z.string(), levelName: z.string(), depth: z.number() });
export const SupervisorCandidate = z.object({ userId: z.string(), displayName: z.string(), orgId: z.string(), orgName: z.string() });

export const ConferenceDetail = ConferenceSummary.extend({
  campaignTitle: z.string().nullable(),
  deadline: z.string().nullable(),
  counts: z.object({ invited: z.number(), present: z.number(), absent: z.number(), guests: z.number() }),
  sessions: z.array(SessionView),
  agenda: z.array(AgendaView),
  bridgePoints: z.array(BridgePointView),
  documents: z.array(DocumentView),
  abilities: z.object({ canManage: z.boolean(), canComment: z.boolean() }),
});

export const SessionsBody = z.array(z.object({
  seq: z.number().int().min(1).max(100), venue: name(300), capacity: z.number().int().min(1).max(100_000).nullable().optional(),
  startsAt: instant, branchIds: z.array(z.uuid()).max(5000).default([]),
})).min(1).max(100);

export const SplitQuery = z.object({ capacity: z.coerce.number().int().min(1).max(100_000) });
const SplitBranch = z.object({ branchId: z.string(), branchName: z.string(), count: z.number() });
export const SplitProposalView = z.object({
  capacity: z.number(), total: z.number(), guests: z.number(),
  sessions: z.array(z.object({ seq: z.number(), load: z.number(), guests: z.number(), oversized: z.boolean(), branches: z.array(SplitBranch) })),
  warnings: z.array(z.object({ code: z.string(), branchId: z.string().nullable(), branchName: z.string().nullable(), count: z.number(), message: z.string() })),
});

export const OrganizerQuery = z.object({ campaignId: z.uuid() });
export const OrganizerOrg = z.object({
  id: z.string(), name: z.string(), levelName: z.string(), depth: z.number(), hasPlan: z.boolean(), deadline: z.string().nullable(),
});

export type CreateConferenceInput = z.infer<typeof CreateConferenceBody>;
export type UpdateConferenceInput = z.infer<typeof UpdateConferenceBody>;
export type AgendaInput = z.infer<typeof AgendaBody>;
export type SessionsInput = z.infer<typeof SessionsBody>;
export type BridgePointInput = z.infer<typeof BridgePointBody>;
export type CreateDocumentInput = z.infer<typeof CreateDocumentBody>;
