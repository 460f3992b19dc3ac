import { z } from 'zod';

const uuid = (what: string) => z.uuid({ error: `Mã ${what} không hợp lệ` });

export const IdParams = z.object({ id: uuid('') });
export const PoolQuery = z.object({ orgId: uuid('tổ chức').optional() });
export const RefreshBody = z.object({ orgId: uuid('tổ chức') });

const Status = z.enum(['open', 'selected', 'dismissed'], { error: 'Trạng thái nhóm kiến nghị không hợp lệ' });

export const UpdateGroupBody = z.object({
  title: z.string().max(1000, 'Tiêu đề nhóm kiến nghị dài quá 1.000 ký tự').optional(),
  status: Status.optional(),
  note: z.string().max(4000, 'Ghi chú dài quá 4.000 ký tự').nullable().optional(),
});
export const MergeBody = z.object({
  targetId: uuid('nhóm'),
  groupIds: z.array(uuid('nhóm')).min(1, 'Chọn ít nhất hai nhóm để gộp').max(500, 'Gộp tối đa 500 nhóm một lần'),
});
export const SplitBody = z.object({
  entryIds: z.array(uuid('ý kiến')).min(1, 'Chọn ít nhất một ý kiến để tách').max(10_000, 'Quá nhiều ý kiến'),
  title: z.string().max(1000, 'Tiêu đề nhóm kiến nghị dài quá 1.000 ký tự').optional(),
});
export const ForwardBody = z.object({ upper: z.boolean().optional(), committee: z.boolean().optional() })
  .refine((b) => b.upper || b.committee, { message: 'Chọn chuyển lên cấp trên hoặc trình Thường vụ' });
export const AnswerBody = z.object({ answer: z.string().max(8000, 'Nội dung trả lời dài quá 8.000 ký tự') });

const Answer = z.object({
  orgId: z.uuid(), orgName: z.string(), groupId: z.uuid(), title: z.string(), answer: z.string(),
  answeredAt: z.string().nullable(), answeredByName: z.string().nullable(),
});
const Above = z.object({ orgId: z.uuid(), orgName: z.string(), groupId: z.uuid(), title: z.string(), status: z.string(), reportedAt: z.string().nullable() });

export const GroupView = z.object({
  id: z.uuid(), orgId: z.uuid(), title: z.string(), titleEdited: z.boolean(), status: Status, note: z.string().nullable(),
  /** Members' recommendations it stands for: sentences, plus the counts of groups forwarded from below. */
  count: z.number(), entries: z.number(),
  forwardedAt: z.string().nullable(), reportedAt: z.string().nullable(), updatedAt: z.string(),
  /** Answers given about it at this level and every level above, nearest first. */
  answers: z.array(Answer),
  /** Where it went above: the group of each upper pool holding it. */
  above: z.array(Above),
  origins: z.array(z.object({ orgId: z.uuid(), orgName: z.string(), count: z.number() })),
});

export const PoolView = z.object({
  campaign: z.object({ id: z.uuid(), title: z.string() }),
  org: z.object({ id: z.uuid(), name: z.string() }),
  parent: z.object({ id: z.uuid(), name: z.string(), readable: z.boolean() }).nullable(),
  canManage: z.boolean(), canAnswer: z.boolean(), pending: z.boolean(),
  /**
   * Members' recommendation sentences the pool holds (its branches' own plus the counts of the groups
   * forwarded into it), those of them not yet in a group, and the reflections they come from.
   */
  sentences: z.number(), unassigned: z.number(), extracted: z.number(),
  groups: z.array(GroupView),
  children: z.array(z.object({ orgId: z.uuid(), name: z.string(), groups: z.number(), selected: z.number(), forwarded: z.number(), count: z.number() })),
});

export const GroupDetail = z.object({
  group: GroupView,
  canManage: z.boolean(),
  entries: z.array(z.object({
    id: z.uuid(), kind: z.enum(['sentence', 'forwarded']), text: z.string(), weight: z.number(),
    originOrgId: z.uuid(), originName: z.string(), sourceGroupId: z.uuid().nullable(),
  })),
});

export const OrgAnswers = z.object({
  campaign: z.object({ id: z.uuid(), title: z.string() }),
  org: z.object({ id: z.uuid(), name: z.string() }),
  pool: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  groups: z.array(GroupView.extend({ fromOrg: z.number() })),
});

export const MyRecommendations = z.object({
  campaign: z.object({ id: z.uuid(), title: z.string() }),
  items: z.array(z.object({
    text: z.string(),
    group: z.object({
      title: z.string(), count: z.number(), status: Status, forwarded: z.array(z.string()), reported: z.boolean(), answers: z.array(Answer),
    }).nullable(),
  })),
});

export const RefreshResult = z.object({ versions: z.number(), sentences: z.number(), assigned: z.number(), newGroups: z.number() });
export const SplitResult = z.object({ id: z.uuid() });
