import type { Actor } from '../../kernel/access/actor.js';
import { can, requireMemberAccess } from '../../kernel/access/policy.js';
import type { Db } from '../../kernel/db/client.js';
import { NotFoundError } from '../../kernel/errors/app-error.js';
import { memberStudyRecord, type StudyConference } from '../conferences/index.js';
import { unpackScores } from '../evaluations/index.js';
import { findMember } from '../members/index.js';
import { memberReflectionRecord } from '../reflections/index.js';
import * as repo from './member-file.repository.js';

/** attended > made up > absent > invited (not yet held or not marked) > not invited, per campaign. */
export type Studied = 'attended' | 'made_up' | 'absent' | 'invited' | 'not_invited';

/**
 * A member's file (hồ sơ đảng viên): per campaign, the conferences they were invited to and how they
 * attended, their make-up, every version of their reflection and its grading; then the year-end
 * evaluations. Who may read the member's record (member.read on their branch) or the member themself;
 * anyone else gets 404. Grades and evaluations not yet approved are shown only to those who grade or
 * evaluate in the branch.
 */
export async function getMemberFile(db: Db, actor: Actor, memberId: string) {
  const member = await findMember(db, actor.tenantId, memberId);
  if (!member) throw new NotFoundError('member.not_found', `member ${memberId}`);
  await requireMemberAccess(db, actor, 'member.read', member);
  const [seeGrading, seeDraftEvaluations] = [await can(db, actor, 'reflection.grade', member.branchId), await can(db, actor, 'evaluation.manage', member.branchId)];
  const campaigns = await repo.fileCampaigns(db, actor.tenantId, member);
  const study = await memberStudyRecord(db, actor.tenantId, member.id);
  const record = await memberReflectionRecord(db, actor.tenantId, member.id, { campaignIds: campaigns.map((c) => c.id), withWorkInProgress: seeGrading, viewerId: actor.userId });
  const evaluations = await repo.fileEvaluations(db, actor.tenantId, member.id, seeDraftEvaluations);
  return {
    member: {
      id: member.id, fullName: member.fullName, cardNumber: member.cardNumber, gender: member.gender, birthDate: member.birthDate,
      birthYearOnly: member.birthYearOnly, status: member.status, admissionDate: member.admissionDate, officialDate: member.officialDate,
      partyPosition: member.partyPosition, leftAt: member.leftAt?.toISOString() ?? null,
      branch: await repo.branchHeading(db, actor.tenantId, member.branchId),
    },
    campaigns: campaigns.map((c) => {
      const conferences = study.conferences.filter((x) => x.campaignId === c.id);
      const makeups = study.makeups.filter((x) => x.campaignId === c.id);
      return {
        ...c, dueAt: record.settings[c.id]?.dueAt ?? null, writers: record.settings[c.id]?.writers ?? 'studied',
        studied: studied(conferences, makeups.some((k) => k.status === 'completed')),
        conferences: conferences.map(({ campaignId: _c, ...x }) => x),
        makeups: makeups.map(({ campaignId: _c, ...k }) => ({ ...k, conferenceTitle: conferences.find((x) => x.conferenceId === k.conferenceId)?.title ?? null })),
        reflection: record.reflections.find((r) => r.campaignId === c.id) ?? null,
      };
    }),
    evaluations: evaluations.map(toEvaluation),
    abilities: { seeGrading, seeDraftEvaluations, isSelf: actor.memberId === member.id },
    printedAt: new Date().toISOString(),
  };
}

function studied(conferences: StudyConference[], madeUp: boolean): Studied {
  if (conferences.some((x) => x.status === 'present')) return 'attended';
  if (madeUp) return 'made_up';
  if (conferences.some((x) => x.status === 'absent')) return 'absent';
  return conferences.length ? 'invited' : 'not_invited';
}

function toEvaluation(e: repo.EvaluationRowOfFile) {
  const { scores } = unpackScores(e.scores);
  const sumOf = (group: string) => e.criteria.filter((c) => c.group === group).reduce((n, c) => n + (scores[c.key] ?? 0), 0);
  return {
    year: e.year, schemeName: e.schemeName, total: e.total, general: sumOf('general'), tasks: sumOf('tasks'),
    grade: e.grade, gradeLabel: e.grades.find((g) => g.key === e.grade)?.label ?? e.grade, reasons: e.reasons, status: e.status,
    approvedByName: e.approvedByName, approvedAt: e.approvedAt,
  };
}
