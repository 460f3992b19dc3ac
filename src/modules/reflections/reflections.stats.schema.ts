import { z } from 'zod';

export const StatsQuery = z.object({ orgId: z.uuid({ error: 'Mã tổ chức không hợp lệ' }).optional() });

const Counts = {
  expected: z.number(), submitted: z.number(), onTime: z.number(), graded: z.number(), missing: z.number(),
  perGrade: z.record(z.string(), z.number()),
};
export const ReflectionStats = z.object({
  campaignId: z.uuid(), orgId: z.uuid(), orgName: z.string(),
  writers: z.enum(['studied', 'covered']), dueAt: z.string().nullable(),
  grades: z.array(z.object({ key: z.string(), label: z.string() })),
  abilities: z.object({ remind: z.boolean() }),
  total: z.object(Counts),
  children: z.array(z.object({
    orgId: z.uuid(), orgName: z.string(), orgCode: z.string(), isLeaf: z.boolean(), ...Counts,
    lastReminderAt: z.string().nullable(), reminderCount: z.number(),
  })),
});

export const ReminderBody = z.object({
  orgIds: z.array(z.uuid({ error: 'Mã tổ chức không hợp lệ' })).min(1, 'Chọn ít nhất một tổ chức để nhắc').max(500, 'Mỗi lần nhắc tối đa 500 tổ chức'),
  message: z.string().trim().min(1, 'Cần nhập nội dung nhắc nhở').max(1000, 'Nội dung nhắc nhở dài quá 1.000 ký tự'),
  /** The org the reminder is sent from; by default the actor's deepest org above every target. */
  fromOrgId: z.uuid({ error: 'Mã tổ chức không hợp lệ' }).optional(),
});
export const Reminder = z.object({
  id: z.uuid(), campaignId: z.uuid(), campaignTitle: z.string(), orgId: z.uuid(), orgName: z.string(),
  fromOrgId: z.uuid(), fromOrgName: z.string(), message: z.string(), sentAt: z.string(),
});
export const ReminderResult = z.object({ sent: z.number(), fromOrgId: z.uuid(), reminders: z.array(Reminder) });
export const ReminderQuery = z.object({ campaignId: z.uuid({ error: 'Mã đợt học tập không hợp lệ' }).optional() });
