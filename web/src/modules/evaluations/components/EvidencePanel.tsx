import { Checkbox, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Evidence, EvidenceLink, SheetMember } from '../api';
import { ATTEND, MAKEUP, REFLECTION_GRADE_STATUS, T } from '../labels';
import { formatDay } from '../../../shared/lib/format';

interface Props {
  member: SheetMember;
  evidence: Evidence;
  links: EvidenceLink[];
  onToggle?: (link: EvidenceLink, on: boolean) => void;
}

const has = (links: EvidenceLink[], kind: EvidenceLink['kind'], id: string) => links.some((l) => l.kind === kind && l.id === id);

/** The member's study of the year, read live from the records; each can be ticked as evidence of the evaluation. */
export function EvidencePanel({ member, evidence, links, onToggle }: Props) {
  const tick = (kind: EvidenceLink['kind'], id: string) => (
    <Checkbox checked={has(links, kind, id)} disabled={!onToggle} onChange={(e) => onToggle?.({ kind, id }, e.target.checked)}>{T.useAsEvidence}</Checkbox>
  );
  return (
    <div className="qt-eval-evidence" data-testid="evaluation-evidence">
      <Typography.Title level={5}>{T.attendance}</Typography.Title>
      {evidence.attendance.length === 0 && <Typography.Text type="secondary">{T.noConference}</Typography.Text>}
      {evidence.attendance.map((a) => (
        <div key={a.id} className="qt-eval-item">
          <div className="qt-eval-item-title"><Link to={`/conferences/${a.conferenceId}`}>{a.conferenceTitle}</Link></div>
          <div className="qt-eval-item-meta">{formatDay(a.startsAt)} · {a.campaignTitle}</div>
          <div className="qt-eval-item-row">
            <span>
              <Tag color={ATTEND[a.status].color}>{ATTEND[a.status].label}</Tag>
              {a.absenceReason && <Typography.Text type="secondary">{a.absenceReason} </Typography.Text>}
              {a.makeup && <Tag color={MAKEUP[a.makeup.status].color}>{MAKEUP[a.makeup.status].label}{a.makeup.confirmedAt ? ` ${formatDay(a.makeup.confirmedAt)}` : ''}</Tag>}
            </span>
            {a.makeup ? tick('makeup', a.makeup.id) : tick('attendance', a.id)}
          </div>
        </div>
      ))}

      <Typography.Title level={5}>{T.reflections}</Typography.Title>
      {evidence.reflections.length === 0 && evidence.missingReflections.length === 0 && <Typography.Text type="secondary">{T.noReflection}</Typography.Text>}
      {evidence.reflections.map((r) => (
        <div key={r.id} className="qt-eval-item">
          <div className="qt-eval-item-title"><Link to={`/campaigns/${r.campaignId}`}>{r.campaignTitle}</Link></div>
          <div className="qt-eval-item-meta">{r.submittedAt ? `${T.submittedOn} ${formatDay(r.submittedAt)}` : ''}{r.status === 'paper' ? ' · nộp bản giấy' : ''}</div>
          <div className="qt-eval-item-row">
            <span>
              {r.finalGradeLabel ? <Tag color="blue" className="qt-eval-grade-tag">{r.finalGradeLabel}</Tag> : null}
              <Typography.Text type="secondary">{REFLECTION_GRADE_STATUS[r.gradeStatus] ?? r.gradeStatus}</Typography.Text>
            </span>
            {tick('reflection', r.id)}
          </div>
        </div>
      ))}
      {evidence.missingReflections.map((m) => (
        <div key={m.campaignId} className="qt-eval-item">
          <div className="qt-eval-item-title">{m.campaignTitle}</div>
          <Tag color="warning">{T.missingReflection}</Tag>
        </div>
      ))}

      <Typography.Title level={5}>{T.actionPlan}</Typography.Title>
      <Typography.Text type="secondary">{member.isHeadOfUnit ? T.actionPlanNone : T.actionPlanNotHead}</Typography.Text>
    </div>
  );
}
