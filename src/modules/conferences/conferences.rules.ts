import type { FieldIssue } from '../../kernel/errors/app-error.js';

/**
 * Scheduling rules as pure functions. Times are instants; a plan's deadline is a calendar day
 * (`yyyy-mm-dd`) in Vietnam (UTC+7 all year), so an instant is compared by the Vietnamese day it falls on.
 */

export type RuleIssue = FieldIssue & { rule: 'after_deadline' | 'time_order' | 'split' };

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The day an instant falls on in Vietnam, `yyyy-mm-dd`. */
export function vnDay(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** `2020-12-10` → `10/12/2020`. */
export function formatDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** An instant as Vietnamese readers write it: `08:00 10/12/2020`. */
export function formatDayTime(at: Date): string {
  const local = new Date(at.getTime() + VN_OFFSET_MS).toISOString();
  return `${local.slice(11, 16)} ${formatDay(local.slice(0, 10))}`;
}

/** The issue when `at` falls after the deadline day, naming both dates. */
export function deadlineIssue(path: string, label: string, at: Date, deadline: string | null): RuleIssue | null {
  if (!deadline || vnDay(at) <= deadline) return null;
  return {
    rule: 'after_deadline', path,
    message: `${label} (${formatDay(vnDay(at))}) muộn hơn thời hạn tổ chức hội nghị của kế hoạch (${formatDay(deadline)})`,
  };
}

export interface ScheduleInput { startsAt: Date; endsAt: Date | null }

/** A conference's own times: it ends after it starts, and both fall on or before the deadline. */
export function checkSchedule(input: ScheduleInput, deadline: string | null): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (input.endsAt && input.endsAt.getTime() <= input.startsAt.getTime()) {
    issues.push({ rule: 'time_order', path: 'endsAt', message: `Giờ kết thúc (${formatDayTime(input.endsAt)}) phải sau giờ bắt đầu (${formatDayTime(input.startsAt)})` });
  }
  const start = deadlineIssue('startsAt', 'Ngày hội nghị', input.startsAt, deadline);
  if (start) issues.push(start);
  const end = input.endsAt && vnDay(input.endsAt) !== vnDay(input.startsAt) ? deadlineIssue('endsAt', 'Ngày kết thúc hội nghị', input.endsAt, deadline) : null;
  if (end) issues.push(end);
  return issues;
}

export interface SessionInput { seq: number; startsAt: Date; branchIds: string[] }

/**
 * A split applied by the officer: sessions numbered 1..n, each on or before the deadline, and every
 * branch with invitees in exactly one session (with one session, listing none means everyone).
 */
export function checkSessions(
  sessions: readonly SessionInput[], inviteeBranches: ReadonlyMap<string, string>, deadline: string | null,
  /** Names of other listed branches (those without invitees), for the message. */
  otherNames: ReadonlyMap<string, string> = new Map(),
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const seqs = sessions.map((s) => s.seq);
  if ([...seqs].sort((a, b) => a - b).some((s, i) => s !== i + 1)) {
    issues.push({ rule: 'split', path: 'sessions', message: `Các phiên phải được đánh số liên tục từ 1 đến ${sessions.length}` });
  }
  sessions.forEach((s, i) => {
    const late = deadlineIssue(`sessions.${i}.startsAt`, `Ngày họp phiên ${s.seq}`, s.startsAt, deadline);
    if (late) issues.push(late);
  });
  if (sessions.length === 1 && sessions[0].branchIds.length === 0) return issues;
  return issues.concat(checkBranchCover(sessions, inviteeBranches, otherNames));
}

function checkBranchCover(sessions: readonly SessionInput[], inviteeBranches: ReadonlyMap<string, string>, otherNames: ReadonlyMap<string, string>): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const seen = new Map<string, number[]>();
  sessions.forEach((s, i) => {
    for (const b of s.branchIds) {
      seen.set(b, [...(seen.get(b) ?? []), s.seq]);
      if (!inviteeBranches.has(b)) {
        const name = otherNames.get(b);
        const message = name ? `Phiên ${s.seq} xếp ${name}, nhưng chi bộ này không có người được mời dự hội nghị` : `Phiên ${s.seq} xếp một chi bộ không có người được mời dự hội nghị`;
        issues.push({ rule: 'split', path: `sessions.${i}.branchIds`, message });
      }
    }
  });
  for (const [id, name] of inviteeBranches) {
    const at = seen.get(id) ?? [];
    if (at.length === 0) issues.push({ rule: 'split', path: 'sessions', message: `${name} chưa được xếp vào phiên nào` });
    if (at.length > 1) issues.push({ rule: 'split', path: 'sessions', message: `${name} được xếp vào nhiều phiên (${at.join(', ')}); mỗi chi bộ chỉ dự một phiên` });
  }
  return issues;
}

/** Units already attending at another bridge point of the same conference. */
export function takenUnits(unitOrgIds: readonly string[], otherPoints: ReadonlyArray<{ name: string; unitOrgIds: readonly string[] }>): Array<{ orgId: string; pointName: string }> {
  const out: Array<{ orgId: string; pointName: string }> = [];
  for (const orgId of unitOrgIds) {
    const other = otherPoints.find((p) => p.unitOrgIds.includes(orgId));
    if (other) out.push({ orgId, pointName: other.name });
  }
  return out;
}
