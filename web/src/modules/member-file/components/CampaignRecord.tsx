import dayjs from 'dayjs';
import { Tag } from 'antd';
import type { FileCampaign, FileGrade } from '../api';
import { CHECK_IN_METHOD, F, GRADE_STATUS, STUDIED } from '../labels';
import { ATTENDANCE_STATUS, MAKEUP_MODE, MAKEUP_STATUS } from '../../attendance/labels';
import { SOURCE } from '../../reflections/labels';
import { formatDay, formatDayTime } from '../../../shared/lib/format';

/** One campaign of the member's file: study (conferences, make-up), reflection versions, grading. */
export function CampaignRecord({ c, n }: { c: FileCampaign; n: number }) {
  return (
    <section className="qt-file-campaign" data-testid="file-campaign">
      <h3>{n}. {c.title}</h3>
      <p className="qt-file-meta"><em>{F.resolution}: {c.resolutionTitle}. {F.heldBy}: {c.orgName}.</em></p>
      <h4>a) {F.study} <Tag color={STUDIED[c.studied].color} className="qt-file-tag">{STUDIED[c.studied].label}</Tag></h4>
      {c.conferences.length === 0 ? <p>{F.noInvitation}</p> : (
        <div className="qt-file-scroll">
          <table className="qt-file-table">
            <thead><tr><th>{F.conference}</th><th>{F.time}</th><th>{F.attendance}</th></tr></thead>
            <tbody>
              {c.conferences.map((x) => (
                <tr key={x.invitationId}>
                  <td>{x.title}<br /><small>{x.orgName} — {x.venue}</small></td>
                  <td>{formatDayTime(x.startsAt)}</td>
                  <td>{attendance(x)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {c.makeups.map((k) => (
        <p key={k.id}>
          {F.makeup}{k.conferenceTitle ? ` (${k.conferenceTitle})` : ''}: {k.mode ? MAKEUP_MODE[k.mode] ?? k.mode : 'chưa bố trí'}
          {k.scheduledAt ? `, ${formatDayTime(k.scheduledAt)}` : ''}{k.place ? `, ${k.place}` : ''} — {MAKEUP_STATUS[k.status]?.label ?? k.status}
          {k.confirmedAt ? `, chi ủy xác nhận ngày ${formatDay(k.confirmedAt)}` : ''}{k.note ? `. ${k.note}` : ''}
        </p>
      ))}
      <h4>b) {F.reflection}{c.dueAt ? <span className="qt-file-due"> ({F.dueAt}: {formatDayTime(c.dueAt)})</span> : null}</h4>
      {!c.reflection ? <p>{F.noReflection}</p> : (
        <div className="qt-file-scroll">
          <table className="qt-file-table">
            <thead><tr><th>{F.version}</th><th>{F.submittedAt}</th><th>{F.source}</th><th>{F.pages}</th><th>{F.receipt}</th></tr></thead>
            <tbody>
              {c.reflection.versions.map((v) => (
                <tr key={v.seq}>
                  <td>{v.seq}</td>
                  <td>{formatDayTime(v.submittedAt)}</td>
                  <td>{SOURCE[v.source] ?? v.source}</td>
                  <td>{v.hasPdf ? 'PDF' : v.pages ? v.pages : v.hasText ? 'Bản gõ' : '—'}</td>
                  <td className="qt-file-mono">{v.receiptNumber}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {c.reflection && (
        <>
          <h4>c) {F.grading}</h4>
          {c.reflection.grades.length === 0 ? <p>{F.notGraded}</p> : c.reflection.grades.map((g) => <GradeBlock key={`${g.marker}-${g.revision}`} g={g} many={c.reflection!.grades.length > 1} />)}
        </>
      )}
    </section>
  );
}

function attendance(x: FileCampaign['conferences'][number]) {
  if (x.status === 'present') return `${ATTENDANCE_STATUS.present.label}${x.checkedInAt ? ` lúc ${formatDayTime(x.checkedInAt)}` : ''}${x.checkInMethod ? ` (${CHECK_IN_METHOD[x.checkInMethod] ?? x.checkInMethod})` : ''}`;
  if (x.status === 'absent') return `${ATTENDANCE_STATUS.absent.label}${x.absenceReason ? ` — lý do: ${x.absenceReason}` : ''}`;
  if (x.conferenceStatus === 'scheduled' && dayjs().isBefore(x.startsAt)) return 'Hội nghị chưa diễn ra';
  return x.conferenceStatus === 'scheduled' ? `${ATTENDANCE_STATUS.invited.label} (hội nghị chưa chốt điểm danh)` : ATTENDANCE_STATUS.invited.label;
}

function GradeBlock({ g, many }: { g: FileGrade; many: boolean }) {
  return (
    <div className="qt-file-grade" data-testid="file-grade">
      {(many || g.status !== 'approved') && <p><strong>{F.marker(g.marker)}</strong>{g.gradedByName ? `: ${g.gradedByName}` : ''} — {GRADE_STATUS[g.status] ?? g.status}</p>}
      {g.levels.length > 0 && (
        <div className="qt-file-scroll">
          <table className="qt-file-table qt-file-levels">
            <thead><tr><th>{F.criterion}</th><th>{F.level}</th><th>{F.remark}</th></tr></thead>
            <tbody>{g.levels.map((l) => <tr key={l.criterion}><td>{l.criterionLabel}</td><td>{l.levelLabel || '—'}</td><td>{l.comment ?? ''}</td></tr>)}</tbody>
          </table>
        </div>
      )}
      {g.comment && <p>{F.generalRemark}: {g.comment}</p>}
      <p>
        {F.overall}: <strong>{g.gradeLabel ?? '—'}</strong>
        {g.status === 'approved' && g.approvedByName ? `. ${F.approvedBy}: ${g.approvedByName}${g.approvedAt ? `, ngày ${formatDay(g.approvedAt)}` : ''}` : ''}.
      </p>
      {g.correctionReason && <p><em>{F.correction}: {g.correctionReason}</em></p>}
    </div>
  );
}
