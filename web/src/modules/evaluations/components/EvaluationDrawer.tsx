import { useRef, useState } from 'react';
import { Alert, App, Button, Drawer, Grid, Popconfirm, Space, Tag } from 'antd';
import type { Evidence, EvidenceLink, Sheet, SheetRow } from '../api';
import { useApprove, useSaveEvaluation } from '../api';
import { EVAL_STATUS, T } from '../labels';
import { EvidencePanel } from './EvidencePanel';
import { computeScore, ScoreForm, type ScoreState } from './ScoreForm';
import { errorText } from '../../../shared/lib/http';
import { formatDay } from '../../../shared/lib/format';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import { isComplete } from '../../../../../src/modules/evaluations/evaluations.rules';

interface Props { sheet: Sheet; row: SheetRow | null; onClose: () => void }

const initial = (row: SheetRow): ScoreState => ({
  scores: { ...(row.evaluation?.scores ?? {}) }, confirmations: [...(row.evaluation?.confirmations ?? [])], reasons: row.evaluation?.reasons ?? '',
});

/** Links still pointing at a record shown (a link to a record gone from the year is dropped on save). */
const liveLinks = (links: EvidenceLink[], ev: Evidence) => links.filter((l) =>
  (l.kind === 'attendance' && ev.attendance.some((a) => a.id === l.id))
  || (l.kind === 'makeup' && ev.attendance.some((a) => a.makeup?.id === l.id))
  || (l.kind === 'reflection' && ev.reflections.some((r) => r.id === l.id)));

/** A comparable form of what would be saved, to tell whether anything changed. */
function fingerprint(scores: Record<string, number>, confirmations: string[], reasons: string, links: EvidenceLink[]) {
  const sortedScores = Object.keys(scores).sort().map((k) => [k, scores[k]]);
  return JSON.stringify([sortedScores, [...confirmations].sort(), reasons.trim(), links.map((l) => `${l.kind}:${l.id}`).sort()]);
}

/** One member: evidence on the left, criteria scores on the right (stacked on a phone); save, approve. */
export function EvaluationDrawer({ sheet, row: current, onClose }: Props) {
  const isPhone = !Grid.useBreakpoint().md;
  // Keep showing the member while the drawer slides out.
  const last = useRef(current);
  if (current) last.current = current;
  const row = current ?? last.current;
  return (
    <Drawer open={!!current} onClose={onClose} size={isPhone ? '100%' : 1080} destroyOnHidden
      title={row ? <span>{row.member.fullName} <Tag color={EVAL_STATUS[row.evaluation?.status ?? 'none'].color}>{EVAL_STATUS[row.evaluation?.status ?? 'none'].label}</Tag></span> : ''}>
      {row && <DrawerBody key={row.member.id} sheet={sheet} row={row} onClose={onClose} large={isPhone} />}
    </Drawer>
  );
}

function DrawerBody({ sheet, row, onClose, large }: { sheet: Sheet; row: SheetRow; onClose: () => void; large: boolean }) {
  const { message } = App.useApp();
  const [state, setState] = useState<ScoreState>(() => initial(row));
  const [links, setLinks] = useState<EvidenceLink[]>(() => liveLinks(row.evaluation?.evidence ?? [], row.evidence));
  const save = useSaveEvaluation(sheet.branch.id, sheet.year);
  const approve = useApprove(sheet.branch.id, sheet.year);
  const locked = row.evaluation?.status === 'approved';
  const readOnly = locked || !sheet.canManage;
  const { scores, grade, issues } = computeScore(sheet.scheme, state);
  const stored = row.evaluation;
  const dirty = fingerprint(stored?.scores ?? {}, stored?.confirmations ?? [], stored?.reasons ?? '', liveLinks(stored?.evidence ?? [], row.evidence))
    !== fingerprint(scores, state.confirmations, state.reasons, links);

  const toggle = (link: EvidenceLink, on: boolean) =>
    setLinks((ls) => (on ? [...ls, link] : ls.filter((l) => !(l.kind === link.kind && l.id === link.id))));
  const doSave = () => save.mutate(
    { memberId: row.member.id, body: { scores, confirmations: state.confirmations, reasons: state.reasons.trim() || null, evidence: links, grade: grade.key } },
    { onSuccess: () => message.success(T.saved) },
  );
  const canApproveOne = sheet.canApprove && stored?.status === 'draft' && !dirty && isComplete(sheet.scheme, stored.scores);
  const doApprove = () => approve.mutate([row.member.id], {
    onSuccess: (r) => { if (r.approved) { message.success(T.approved(r.approved, 0)); onClose(); } else message.warning(r.skipped[0]?.reason ?? T.incomplete); },
    onError: (e) => message.error(errorText(e)),
  });

  return (
    <div className="qt-eval-grid">
      <EvidencePanel member={row.member} evidence={row.evidence} links={links} onToggle={readOnly ? undefined : toggle} />
      <div>
        {locked && <Alert type="success" showIcon style={{ marginBottom: 12 }} title={T.lockedNote(formatDay(stored!.approvedAt))} />}
        <ProblemAlert error={save.error} />
        <ScoreForm scheme={sheet.scheme} value={state} onChange={setState} readOnly={readOnly} large={large} />
        {!readOnly && (
          <Space wrap className="qt-eval-actions">
            <Button type="primary" size={large ? 'large' : 'middle'} onClick={doSave} loading={save.isPending} disabled={issues.length > 0 || !dirty} data-testid="save-evaluation">{T.save}</Button>
            {sheet.canApprove && (
              <Popconfirm title={T.approveConfirm} okText={T.approveOne} cancelText="Hủy" onConfirm={doApprove} disabled={!canApproveOne}>
                <Button size={large ? 'large' : 'middle'} disabled={!canApproveOne} loading={approve.isPending}>{T.approveOne}</Button>
              </Popconfirm>
            )}
          </Space>
        )}
      </div>
    </div>
  );
}
