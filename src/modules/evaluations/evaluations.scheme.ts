import { and, asc, desc, eq, lte } from 'drizzle-orm';
import type { Actor } from '../../kernel/access/actor.js';
import { recordAudit } from '../../kernel/audit/record-audit.js';
import type { Executor } from '../../kernel/db/client.js';
import { newId } from '../../kernel/db/columns.js';
import { evaluationSchemes } from './evaluations.table.js';
import type { Criterion, Grade, SchemeRules } from './evaluations.rules.js';

export { checkScheme, checkScores, gradeFor, isComplete, totalOf } from './evaluations.rules.js';

/**
 * The evaluation rules as data. Today QĐ 366-QĐ/TW (30/8/2025) with HD 43-HD/BTCTW: 100 points, 30 for
 * general criteria and 70 for task results. A new rule is a new scheme with its own first year.
 */
export interface Scheme extends SchemeRules { id: string; code: string; name: string; fromYear: number; createdAt: string }

export const DEFAULT_SCHEME_CODE = 'qd366-2025';

const DEFAULT_CRITERIA: Criterion[] = [
  { key: 'chinh_tri_tu_tuong', group: 'general', label: 'Chính trị, tư tưởng: trung thành, chấp hành đường lối của Đảng, pháp luật của Nhà nước', maxPoints: 8 },
  { key: 'dao_duc_loi_song', group: 'general', label: 'Phẩm chất đạo đức, lối sống; không suy thoái, “tự diễn biến”, “tự chuyển hóa”', maxPoints: 8 },
  { key: 'to_chuc_ky_luat', group: 'general', label: 'Ý thức tổ chức kỷ luật, tác phong, lề lối làm việc; sinh hoạt đảng, tự phê bình và phê bình', maxPoints: 7 },
  { key: 'hoc_tap_nghi_quyet', group: 'general', label: 'Học tập, quán triệt nghị quyết (dự hội nghị, bài thu hoạch) và tự học tập, rèn luyện', maxPoints: 7 },
  { key: 'nhiem_vu_duoc_giao', group: 'tasks', label: 'Kết quả thực hiện chức trách, nhiệm vụ được giao (khối lượng, chất lượng, tiến độ)', maxPoints: 40 },
  { key: 'chuong_trinh_hanh_dong', group: 'tasks', label: 'Kết quả thực hiện chương trình, kế hoạch hành động và cam kết tu dưỡng, rèn luyện của cá nhân', maxPoints: 15 },
  { key: 'nhiem_vu_chi_bo', group: 'tasks', label: 'Thực hiện nhiệm vụ chi bộ phân công và nghĩa vụ đảng viên nơi cư trú', maxPoints: 15 },
];

const DEFAULT_GRADES: Grade[] = [
  {
    key: 'xuat_sac', label: 'Hoàn thành xuất sắc nhiệm vụ', minScore: 90,
    requires: [{ key: 'vuot_muc_30', label: 'Hoàn thành 100% nhiệm vụ được giao, trong đó ít nhất 30% vượt mức' }],
  },
  { key: 'tot', label: 'Hoàn thành tốt nhiệm vụ', minScore: 70 },
  { key: 'hoan_thanh', label: 'Hoàn thành nhiệm vụ', minScore: 50 },
  { key: 'khong', label: 'Không hoàn thành nhiệm vụ', minScore: 0 },
];

export const DEFAULT_SCHEME = {
  code: DEFAULT_SCHEME_CODE,
  name: 'Quy định 366-QĐ/TW (2025): 30 điểm tiêu chí chung, 70 điểm kết quả thực hiện nhiệm vụ',
  fromYear: 2025,
  criteria: DEFAULT_CRITERIA,
  grades: DEFAULT_GRADES,
} satisfies Omit<Scheme, 'id' | 'createdAt'>;

type SchemeRow = typeof evaluationSchemes.$inferSelect;

export function toScheme(row: SchemeRow): Scheme {
  return {
    id: row.id, code: row.code, name: row.name, fromYear: row.fromYear,
    criteria: row.criteria as Criterion[], grades: row.grades as Grade[], createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Creates the QĐ 366 scheme for the tenant when it has none by that code. Idempotent and safe when two
 * requests race (ON CONFLICT DO NOTHING on the code); audited only when it inserted something.
 */
export async function ensureDefaultScheme(exec: Executor, tenantId: string, actor: Actor | null = null): Promise<void> {
  const [existing] = await exec.select({ id: evaluationSchemes.id }).from(evaluationSchemes)
    .where(and(eq(evaluationSchemes.tenantId, tenantId), eq(evaluationSchemes.code, DEFAULT_SCHEME_CODE)));
  if (existing) return;
  await exec.transaction(async (tx) => {
    const inserted = await insertScheme(tx, tenantId, DEFAULT_SCHEME);
    if (!inserted) return;
    await recordAudit(tx, actor, tenantId, { action: 'evaluation_scheme.create_default', entityType: 'evaluation_scheme', entityId: inserted.id, after: inserted });
  });
}

/** Inserts a scheme; null when its code is taken. */
export async function insertScheme(exec: Executor, tenantId: string, s: Omit<Scheme, 'id' | 'createdAt'>): Promise<Scheme | null> {
  const [row] = await exec.insert(evaluationSchemes)
    .values({ tenantId, id: newId(), code: s.code, name: s.name, fromYear: s.fromYear, criteria: s.criteria, grades: s.grades })
    .onConflictDoNothing().returning();
  return row ? toScheme(row) : null;
}

/** The scheme a year is evaluated under: the newest one whose first year is not after it; null if none. */
export async function schemeForYear(exec: Executor, tenantId: string, year: number): Promise<Scheme | null> {
  const [row] = await exec.select().from(evaluationSchemes)
    .where(and(eq(evaluationSchemes.tenantId, tenantId), lte(evaluationSchemes.fromYear, year)))
    .orderBy(desc(evaluationSchemes.fromYear), desc(evaluationSchemes.createdAt)).limit(1);
  return row ? toScheme(row) : null;
}

export async function listSchemes(exec: Executor, tenantId: string): Promise<Scheme[]> {
  const rows = await exec.select().from(evaluationSchemes).where(eq(evaluationSchemes.tenantId, tenantId))
    .orderBy(asc(evaluationSchemes.fromYear), asc(evaluationSchemes.createdAt));
  return rows.map(toScheme);
}

export async function findScheme(exec: Executor, tenantId: string, id: string): Promise<Scheme | null> {
  const [row] = await exec.select().from(evaluationSchemes).where(and(eq(evaluationSchemes.tenantId, tenantId), eq(evaluationSchemes.id, id)));
  return row ? toScheme(row) : null;
}
