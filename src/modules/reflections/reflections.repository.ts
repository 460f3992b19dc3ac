import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gte, sql } from 'drizzle-orm';
import type { Executor } from '../../kernel/db/client.js';
import { newId } from '../../kernel/db/columns.js';
import {
  reflectionExtensions, reflectionFiles, reflections, reflectionSettings, reflectionVersions, type ReflectionPage, type Rubric,
} from './reflections.table.js';

export type Writers = 'studied' | 'covered';
export interface SettingsView {
  campaignId: string; mustHandwrite: boolean; dueAt: string | null; cutoffAt: string | null; maxPages: number;
  writers: Writers;
  /** The campaign's own rubric, or null for DEFAULT_RUBRIC (the view of the settings shows the effective one). */
  rubric: Rubric | null;
  secondMarker: boolean; anonymousMarking: boolean;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What a campaign without a settings row uses. */
export const defaultSettings = (campaignId: string): SettingsView => ({
  campaignId, mustHandwrite: false, dueAt: null, cutoffAt: null, maxPages: 10, writers: 'studied', rubric: null, secondMarker: false, anonymousMarking: false,
});

export async function findSettings(exec: Executor, tenantId: string, campaignId: string): Promise<SettingsView> {
  const [row] = await exec.select().from(reflectionSettings)
    .where(and(eq(reflectionSettings.tenantId, tenantId), eq(reflectionSettings.campaignId, campaignId)));
  if (!row) return defaultSettings(campaignId);
  return {
    campaignId, mustHandwrite: row.mustHandwrite, dueAt: iso(row.dueAt), cutoffAt: iso(row.cutoffAt), maxPages: row.maxPages,
    writers: row.writers === 'covered' ? 'covered' : 'studied', rubric: row.rubric ?? null, secondMarker: row.secondMarker, anonymousMarking: row.anonymousMarking,
  };
}

export async function upsertSettings(exec: Executor, tenantId: string, userId: string, s: SettingsView) {
  const values = {
    mustHandwrite: s.mustHandwrite, dueAt: s.dueAt ? new Date(s.dueAt) : null, cutoffAt: s.cutoffAt ? new Date(s.cutoffAt) : null, maxPages: s.maxPages,
    writers: s.writers, rubric: s.rubric, secondMarker: s.secondMarker, anonymousMarking: s.anonymousMarking, updatedBy: userId, updatedAt: new Date(),
  };
  await exec.insert(reflectionSettings).values({ tenantId, campaignId: s.campaignId, ...values })
    .onConflictDoUpdate({ target: [reflectionSettings.tenantId, reflectionSettings.campaignId], set: values });
}

/** The latest extension still running at `at`, if any. */
export async function activeExtension(exec: Executor, tenantId: string, campaignId: string, memberId: string, at: Date): Promise<Date | null> {
  const [row] = await exec.select({ until: reflectionExtensions.until }).from(reflectionExtensions).where(and(
    eq(reflectionExtensions.tenantId, tenantId), eq(reflectionExtensions.campaignId, campaignId),
    eq(reflectionExtensions.memberId, memberId), gte(reflectionExtensions.until, at),
  )).orderBy(desc(reflectionExtensions.until)).limit(1);
  return row?.until ?? null;
}

export async function insertExtension(exec: Executor, e: typeof reflectionExtensions.$inferInsert) {
  const [row] = await exec.insert(reflectionExtensions).values(e).returning();
  return row;
}

/**
 * The member's reflection row, created if missing, locked for the rest of the transaction: concurrent
 * submits of one member queue here, so the idempotency check and the version number are race-free.
 */
export async function lockReflection(exec: Executor, r: { tenantId: string; campaignId: string; memberId: string; branchId: string }) {
  await exec.insert(reflections).values({ ...r, id: newId() }).onConflictDoNothing();
  const [row] = await exec.select().from(reflections).where(and(
    eq(reflections.tenantId, r.tenantId), eq(reflections.campaignId, r.campaignId), eq(reflections.memberId, r.memberId),
  )).for('update');
  return row;
}

/** The member's reflection locked for the rest of the transaction, if it exists (no insert). */
export async function lockExistingReflection(exec: Executor, tenantId: string, campaignId: string, memberId: string) {
  const [row] = await exec.select().from(reflections).where(and(
    eq(reflections.tenantId, tenantId), eq(reflections.campaignId, campaignId), eq(reflections.memberId, memberId),
  )).for('update');
  return row ?? null;
}

export async function findReflection(exec: Executor, tenantId: string, campaignId: string, memberId: string) {
  const [row] = await exec.select().from(reflections).where(and(
    eq(reflections.tenantId, tenantId), eq(reflections.campaignId, campaignId), eq(reflections.memberId, memberId)));
  return row ?? null;
}

export async function versionByKey(exec: Executor, tenantId: string, reflectionId: string, key: string) {
  const [row] = await exec.select().from(reflectionVersions).where(and(
    eq(reflectionVersions.tenantId, tenantId), eq(reflectionVersions.reflectionId, reflectionId), eq(reflectionVersions.idempotencyKey, key)));
  return row ?? null;
}

export async function versionsOf(exec: Executor, tenantId: string, reflectionId: string) {
  return exec.select().from(reflectionVersions)
    .where(and(eq(reflectionVersions.tenantId, tenantId), eq(reflectionVersions.reflectionId, reflectionId)))
    .orderBy(asc(reflectionVersions.seq));
}

export interface NewVersion {
  text: string | null; recommendations: string | null; pages: ReflectionPage[]; pdf: { fileHash: string; bytes: number } | null;
  source: 'member' | 'branch' | 'paper'; submittedBy: string; idempotencyKey: string | null;
}

/**
 * Appends a version, makes it current and records which files it uses. Nothing earlier is touched.
 * `seq`: the next number when the caller, holding the reflection's lock, has read the versions already.
 */
export async function appendVersion(exec: Executor, tenantId: string, reflectionId: string, v: NewVersion, seq?: number) {
  const next = seq ?? (await exec.select({ next: sql<number>`coalesce(max(${reflectionVersions.seq}), 0)::int + 1` }).from(reflectionVersions)
    .where(and(eq(reflectionVersions.tenantId, tenantId), eq(reflectionVersions.reflectionId, reflectionId))))[0].next;
  const [row] = await exec.insert(reflectionVersions).values({
    tenantId, id: newId(), reflectionId, seq: next, text: v.text, recommendations: v.recommendations, pages: v.pages,
    pdfHash: v.pdf?.fileHash ?? null, pdfBytes: v.pdf?.bytes ?? null, source: v.source, submittedBy: v.submittedBy,
    submittedAt: new Date(), receiptNumber: receiptNumber(), idempotencyKey: v.idempotencyKey,
  }).returning();
  await exec.update(reflections).set({ currentVersionId: row.id, status: v.source === 'paper' ? 'paper' : 'submitted', submittedAt: row.submittedAt, updatedAt: new Date() })
    .where(and(eq(reflections.tenantId, tenantId), eq(reflections.id, reflectionId)));
  const fileRows = [
    ...v.pages.flatMap((p) => [{ fileHash: p.fileHash, mime: p.mime }, { fileHash: p.thumbHash, mime: 'image/jpeg' }]),
    ...(v.pdf ? [{ fileHash: v.pdf.fileHash, mime: 'application/pdf' }] : []),
  ];
  if (fileRows.length) await exec.insert(reflectionFiles).values(fileRows.map((f) => ({ tenantId, reflectionId, ...f }))).onConflictDoNothing();
  return row;
}

/** Receipt number: date (Vietnam time) and 8 random hex digits, e.g. BTH-20261123-3FA9C21B. */
export function receiptNumber(now = new Date()): string {
  const day = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  return `BTH-${day}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** Every reflection a stored file belongs to, with the member and branch that decide who may see it. */
export async function ownersOfFile(exec: Executor, tenantId: string, hash: string) {
  return exec.select({ memberId: reflections.memberId, branchId: reflections.branchId, mime: reflectionFiles.mime })
    .from(reflectionFiles)
    .innerJoin(reflections, and(eq(reflections.tenantId, reflectionFiles.tenantId), eq(reflections.id, reflectionFiles.reflectionId)))
    .where(and(eq(reflectionFiles.tenantId, tenantId), eq(reflectionFiles.fileHash, hash)));
}
