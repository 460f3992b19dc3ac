import { z } from 'zod';
import { GENDERS, MEMBER_STATUSES, THEORY_LEVELS, WORKPLACE_KINDS } from './members.fields.js';

const text = (max = 300) => z.string().trim().max(max).nullable();
const isoDate = z.iso.date().nullable();

export const MemberAttributesBody = z.object({
  fullName: z.string().trim().min(2).max(200),
  gender: z.enum(GENDERS).nullable(),
  birthDate: isoDate,
  birthYearOnly: z.boolean().default(false),
  homeTown: text(), ethnicity: text(100), religion: text(100),
  cardNumber: z.string().regex(/^\d{8}$/, 'Số thẻ đảng viên gồm 8 chữ số').nullable(),
  recordNumber: text(30),
  status: z.enum(MEMBER_STATUSES),
  admissionDate: isoDate, officialDate: isoDate,
  qualification: text(), theoryLevel: z.enum(THEORY_LEVELS).nullable(),
  partyPosition: text(), workPosition: text(),
  personalId: z.string().regex(/^\d{12}$/, 'Số CCCD gồm 12 chữ số').nullable(),
  workplaceKind: z.enum(WORKPLACE_KINDS).nullable(),
  isRemoteArea: z.boolean().default(false), isExempt: z.boolean().default(false),
  isHeadOfUnit: z.boolean().default(false), isCommitteeMember: z.boolean().default(false),
  phone: z.string().trim().regex(/^[0-9+ .()-]{6,20}$/).nullable(),
  email: z.email().nullable(),
});

export const CreateMemberBody = MemberAttributesBody.extend({ branchId: z.uuid() });
export const UpdateMemberBody = MemberAttributesBody.partial().extend({ branchId: z.uuid().optional() });

const flag = z.enum(['true', 'false']).transform((v) => v === 'true').optional();
export const ListMembersQuery = z.object({
  orgId: z.uuid(),
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  gender: z.enum(GENDERS).optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
  theoryLevel: z.enum(THEORY_LEVELS).optional(),
  workplaceKind: z.enum(WORKPLACE_KINDS).optional(),
  ethnicity: z.string().max(100).optional(),
  isExempt: flag, isRemoteArea: flag, isHeadOfUnit: flag, isCommitteeMember: flag,
});

export const MemberListItem = z.object({
  id: z.string(), fullName: z.string(), gender: z.string().nullable(), birthDate: z.string().nullable(), birthYearOnly: z.boolean(),
  status: z.string(), cardNumber: z.string().nullable(), partyPosition: z.string().nullable(), branchId: z.string(),
  branchName: z.string(), isExempt: z.boolean(),
});

export const MemberPage = z.object({ items: z.array(MemberListItem), total: z.number(), page: z.number(), pageSize: z.number() });

export const MemberDetail = MemberAttributesBody.extend({
  id: z.string(), branchId: z.string(),
  gender: z.string().nullable(), status: z.string(), theoryLevel: z.string().nullable(), workplaceKind: z.string().nullable(),
  email: z.string().nullable(), phone: z.string().nullable(), personalId: z.string().nullable(), cardNumber: z.string().nullable(),
  createdAt: z.string(), updatedAt: z.string(), leftAt: z.string().nullable(),
  branch: z.object({ id: z.string(), name: z.string(), code: z.string(), path: z.string() }).nullable(),
  abilities: z.object({ canEdit: z.boolean(), canSeePersonalId: z.boolean() }),
});

export const MemberIdParams = z.object({ id: z.uuid() });
export const MemberRef = z.object({ id: z.string(), fullName: z.string(), branchId: z.string() });
