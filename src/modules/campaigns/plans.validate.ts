import type { Executor } from '../../kernel/db/client.js';
import { RuleViolationError, ValidationError, type FieldIssue } from '../../kernel/errors/app-error.js';
import type { ErrorCode } from '../../kernel/errors/codes.js';
import {
  checkAgainstLimits, checkDeadlineOrder, checkInheritedContents, checkIssueDate, inheritContents, inheritDeadlines, withLevelFallback, type PlanDeadlines,
} from './campaigns.deadlines.js';
import { levelInfo } from './campaigns.repository.js';
import { todayInVietnam } from './campaigns.service.js';
import type { LevelDeadline, PlanContentItem } from './campaigns.table.js';
import * as repo from './plans.repository.js';
import { limitsOf } from './plans.view.js';

export interface PlanPatch {
  title?: string; purpose?: string; contents?: PlanContentItem[]; attendees?: string; reflectionWriters?: string;
  includeExempt?: boolean; levelDeadlines?: LevelDeadline[];
  reflectionsBy?: string | null; reportBy?: string | null; actionProgramBy?: string | null;
}

/** A rule broken: the message names the field; alone, it becomes the problem's title. */
function fail(code: ErrorCode, issues: FieldIssue[]): never {
  const Err = code === 'validation.failed' ? ValidationError : RuleViolationError;
  throw new Err(code, issues.map((i) => i.path).join(', '), { errors: issues, ...(issues.length === 1 ? { title: issues[0].message } : {}) });
}

/**
 * The values a draft plan takes after `patch`, once the cascade's rules hold: deadlines within the
 * plans above (a field left open takes theirs), in a sensible order, inherited contents intact.
 */
export async function validatePlanPatch(exec: Executor, plan: repo.PlanRow, patch: PlanPatch): Promise<Partial<repo.PlanRow>> {
  const { names, ranks } = await levelInfo(exec, plan.tenantId);
  const submitted: PlanDeadlines = {
    levelDeadlines: patch.levelDeadlines ?? plan.levelDeadlines,
    reflectionsBy: patch.reflectionsBy !== undefined ? patch.reflectionsBy : plan.reflectionsBy,
    reportBy: patch.reportBy !== undefined ? patch.reportBy : plan.reportBy,
    actionProgramBy: patch.actionProgramBy !== undefined ? patch.actionProgramBy : plan.actionProgramBy,
  };
  checkLevels(submitted.levelDeadlines, names);
  const contents = (patch.contents ?? plan.contents).map((c) => ({ text: c.text.trim(), fromPlanId: c.fromPlanId }));
  const limits = await limitsOf(exec, plan);
  let deadlines = submitted;
  if (limits && plan.parentPlanId) {
    const parent = (await repo.findPlan(exec, plan.tenantId, plan.parentPlanId))!;
    if (patch.includeExempt !== undefined && patch.includeExempt !== parent.includeExempt) {
      fail('validation.failed', [{ path: 'includeExempt', message: 'Việc mời đảng viên miễn sinh hoạt do kế hoạch của cấp phát động quyết định' }]);
    }
    const inherited = checkInheritedContents(inheritContents(parent.id, parent.contents), contents);
    if (inherited.length) fail('plan.inherited_content', inherited);
    deadlines = inheritDeadlines(submitted, limits);
    const late = checkAgainstLimits(deadlines, withLevelFallback(limits, ranks), names);
    if (late.length) fail('plan.deadline_late', late);
  } else if (contents.some((c) => c.fromPlanId !== null)) {
    fail('plan.inherited_content', [{ path: 'contents', message: 'Kế hoạch của cấp phát động không có nội dung kế thừa' }]);
  }
  const order = checkDeadlineOrder(deadlines, names);
  if (order.length) fail('plan.deadline_order', order);
  return {
    ...(patch.title !== undefined ? { title: patch.title } : {}),
    ...(patch.purpose !== undefined ? { purpose: patch.purpose } : {}),
    ...(patch.attendees !== undefined ? { attendees: patch.attendees } : {}),
    ...(patch.reflectionWriters !== undefined ? { reflectionWriters: patch.reflectionWriters } : {}),
    ...(patch.includeExempt !== undefined && !plan.parentPlanId ? { includeExempt: patch.includeExempt } : {}),
    contents,
    levelDeadlines: deadlines.levelDeadlines.filter((d) => d.planBy !== null || d.conferencesBy !== null),
    reflectionsBy: deadlines.reflectionsBy, reportBy: deadlines.reportBy, actionProgramBy: deadlines.actionProgramBy,
  };
}

function checkLevels(list: LevelDeadline[], names: Record<string, string>) {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  list.forEach((d, i) => {
    if (!names[d.levelId]) issues.push({ path: `levelDeadlines.${i}.levelId`, message: 'Cấp tổ chức không có trong danh mục cấp của đảng bộ' });
    else if (seen.has(d.levelId)) issues.push({ path: `levelDeadlines.${i}.levelId`, message: `Cấp ${names[d.levelId]} được ghi thời hạn hai lần` });
    seen.add(d.levelId);
  });
  if (issues.length) fail('validation.failed', issues);
}

/** Number and issue date given, the date one the plan could have been signed on (see checkIssueDate). */
export async function validateIssue(exec: Executor, plan: repo.PlanRow, input: { number?: string | null; issuedOn?: string | null }, today = todayInVietnam()) {
  const missing = [
    ...(input.number?.trim() ? [] : [{ path: 'number', message: 'Chưa ghi số, ký hiệu kế hoạch (ví dụ 03-KH/TU)' }]),
    ...(input.issuedOn ? [] : [{ path: 'issuedOn', message: 'Chưa ghi ngày ban hành' }]),
  ];
  if (missing.length) throw new RuleViolationError('plan.number_required', 'number or date missing', { errors: missing });
  const parent = plan.parentPlanId ? await repo.findPlan(exec, plan.tenantId, plan.parentPlanId) : null;
  const issues = checkIssueDate({
    issuedOn: input.issuedOn!, today, parentIssuedOn: parent?.issuedOn ?? null,
    approvedOn: plan.approvedAt ? todayInVietnam(plan.approvedAt) : null,
  });
  if (issues.length) fail('plan.issue_date', issues);
}
