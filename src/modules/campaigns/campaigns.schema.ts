import { z } from 'zod';

export const IdParams = z.object({ id: z.uuid() });
export const DocumentParams = z.object({ id: z.uuid(), docId: z.uuid() });

const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().max(max);

// ---- Resolutions ----------------------------------------------------------------------------

export const DOCUMENT_KINDS = ['resolution', 'political_report', 'breakthrough_program', 'other'] as const;

export const CreateResolutionBody = z.object({
  orgId: z.uuid(),
  title: text(500).min(3),
  congress: text(200).min(2),
  term: text(40).min(4),
  adoptedOn: isoDate.nullable().optional(),
});

export const ResolutionSummary = z.object({
  id: z.string(), orgId: z.string(), orgName: z.string(), title: z.string(), congress: z.string(), term: z.string(),
  adoptedOn: z.string().nullable(), createdAt: z.string(), documentCount: z.number(),
});

export const ResolutionDocument = z.object({
  id: z.string(), kind: z.enum(DOCUMENT_KINDS), title: z.string(), textLength: z.number(),
  file: z.object({ name: z.string(), mime: z.string(), size: z.number() }).nullable(), createdAt: z.string(),
});

export const ResolutionDetail = ResolutionSummary.extend({
  documents: z.array(ResolutionDocument),
  canManage: z.boolean(),
});

/** As JSON: text only. As multipart/form-data: the same fields plus `file` (PDF or DOCX, ≤ 30 MB). */
export const AddDocumentBody = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  title: text(500).min(2),
  body: z.string().max(2_000_000).optional(),
});

export const DocumentText = ResolutionDocument.extend({ body: z.string().nullable() });

// ---- Campaigns ------------------------------------------------------------------------------

export const CreateCampaignBody = z.object({ resolutionId: z.uuid(), orgId: z.uuid(), title: text(500).min(3) });

export const PlanStatus = z.enum(['draft', 'submitted', 'approved', 'issued']);

const PlanBrief = z.object({ id: z.string(), number: z.string().nullable(), status: PlanStatus, issuedOn: z.string().nullable(), title: z.string() });

export const HomeOrg = z.object({
  orgId: z.string(), orgName: z.string(), levelId: z.string(), levelName: z.string(),
  plan: PlanBrief.nullable(),
  canManage: z.boolean(),
});

export const CampaignSummary = z.object({
  id: z.string(), title: z.string(), status: z.string(), orgId: z.string(), orgName: z.string(), createdAt: z.string(),
  resolution: z.object({ id: z.string(), title: z.string() }),
  myPlan: HomeOrg.nullable(),
});

export const CampaignDetail = CampaignSummary.extend({
  rootPlanId: z.string().nullable(),
  /** Where the actor stands in the campaign: their outermost orgs inside it, each with its own plan. */
  myPlans: z.array(HomeOrg),
  canManage: z.boolean(),
});

// ---- Plans ----------------------------------------------------------------------------------

const nullableDate = isoDate.nullable();
export const LevelDeadlineSchema = z.object({ levelId: z.uuid(), planBy: nullableDate, conferencesBy: nullableDate });
export const ContentItem = z.object({ text: text(2000).min(1), fromPlanId: z.uuid().nullable() });

export const CreatePlanBody = z.object({ orgId: z.uuid() });

export const UpdatePlanBody = z.object({
  title: text(500).min(3).optional(),
  purpose: text(20_000).optional(),
  contents: z.array(ContentItem).max(200).optional(),
  attendees: text(5000).optional(),
  reflectionWriters: text(5000).optional(),
  includeExempt: z.boolean().optional(),
  levelDeadlines: z.array(LevelDeadlineSchema).max(20).optional(),
  reflectionsBy: nullableDate.optional(),
  reportBy: nullableDate.optional(),
  actionProgramBy: nullableDate.optional(),
});

export const IssuePlanBody = z.object({ number: z.string().trim().max(60).nullable().optional(), issuedOn: isoDate.nullable().optional() });
export const ReturnPlanBody = z.object({ note: z.string().trim().max(2000).optional() });

const Deadlines = z.object({
  levelDeadlines: z.array(LevelDeadlineSchema), reflectionsBy: z.string().nullable(), reportBy: z.string().nullable(), actionProgramBy: z.string().nullable(),
});

export const PlanView = Deadlines.extend({
  id: z.string(), campaignId: z.string(), campaignTitle: z.string(),
  orgId: z.string(), orgName: z.string(), levelId: z.string(), levelName: z.string(),
  parentPlan: z.object({ id: z.string(), number: z.string().nullable(), title: z.string(), orgName: z.string() }).nullable(),
  number: z.string().nullable(), issuedOn: z.string().nullable(), title: z.string(), purpose: z.string(),
  contents: z.array(z.object({ text: z.string(), fromPlanId: z.string().nullable() })),
  attendees: z.string(), reflectionWriters: z.string(), includeExempt: z.boolean(),
  status: PlanStatus, approvedAt: z.string().nullable(), issuedAt: z.string().nullable(), updatedAt: z.string(),
  /** What the upper plans allow for each deadline (null for the campaign's root plan). */
  limits: Deadlines.nullable(),
  /** The date this org had to issue its plan by, per the upper plan, and whether it missed it. */
  dueBy: z.string().nullable(), late: z.boolean(),
  abilities: z.object({ edit: z.boolean(), submit: z.boolean(), approve: z.boolean(), issue: z.boolean(), return: z.boolean() }),
});

const Counts = z.object({ required: z.number(), issued: z.number(), late: z.number() });

export const CascadeChild = z.object({
  orgId: z.string(), orgName: z.string(), orgCode: z.string(), levelId: z.string(), levelName: z.string(), childCount: z.number(),
  plan: PlanBrief.nullable(),
  required: z.boolean(), dueBy: z.string().nullable(), late: z.boolean(),
  /** Over the orgs below this child (not the child itself): plans required, of which issued, and late. */
  below: Counts,
});

export const CascadeView = z.object({
  org: z.object({ id: z.string(), name: z.string(), levelId: z.string(), levelName: z.string() }),
  /** From the campaign's org down to `org`, limited to those the actor may open. */
  trail: z.array(z.object({ id: z.string(), name: z.string() })),
  plan: PlanBrief.nullable(),
  /** The issued plan that governs `org`: its own, else the nearest upper one. */
  governingPlanId: z.string().nullable(),
  canCreatePlan: z.boolean(),
  children: z.array(CascadeChild),
  totals: Counts,
});

export const CascadeQuery = z.object({ parentOrgId: z.uuid().optional() });
