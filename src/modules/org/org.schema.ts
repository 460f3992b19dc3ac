import { z } from 'zod';

export const OrgIdParams = z.object({ id: z.uuid() });

export const OrgSummary = z.object({
  id: z.string(), parentId: z.string().nullable(), name: z.string(), code: z.string(), kind: z.string(),
  levelId: z.string(), levelName: z.string(), levelRank: z.number(), depth: z.number(), status: z.string(),
  memberCount: z.number(), childCount: z.number(),
});

export const OrgDetail = OrgSummary.extend({
  ancestors: z.array(z.object({ id: z.string(), name: z.string(), code: z.string(), depth: z.number() })),
});

export const OrgRecord = z.object({
  id: z.string(), parentId: z.string().nullable(), name: z.string(), code: z.string(), kind: z.string(),
  levelId: z.string(), path: z.string(), depth: z.number(), status: z.string(),
});

const name = z.string().trim().min(2).max(300);
const code = z.string().trim().min(1).max(60).regex(/^[\p{L}\p{N}._\-/]+$/u);
const note = z.string().max(1000).optional();

export const CreateOrgBody = z.object({ parentId: z.uuid(), levelId: z.uuid(), kind: z.string().min(1).max(60), name, code });
export const UpdateOrgBody = z.object({ name: name.optional(), code: code.optional(), kind: z.string().min(1).max(60).optional(), levelId: z.uuid().optional(), note });
export const MoveOrgBody = z.object({ newParentId: z.uuid(), note });
export const MergeOrgBody = z.object({ targetId: z.uuid(), note });
export const DissolveOrgBody = z.object({ note });

export const OrgVersion = z.object({
  orgId: z.string(), parentId: z.string().nullable(), parentName: z.string().nullable(), name: z.string(), code: z.string(), kind: z.string(),
  levelName: z.string(), status: z.string(), change: z.enum(['create', 'rename', 'move', 'merge', 'dissolve']), note: z.string().nullable(),
  changedBy: z.string().nullable(), validFrom: z.string(), validTo: z.string().nullable(),
});

export const OrgLevel = z.object({ id: z.string(), code: z.string(), name: z.string(), rank: z.number() });

export const OrgSearchHit = z.object({
  id: z.string(), name: z.string(), code: z.string(), kind: z.string(), levelName: z.string(), parentName: z.string().nullable(), isLeaf: z.boolean(),
});
