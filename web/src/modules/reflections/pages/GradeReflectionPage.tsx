import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { DownOutlined, LeftOutlined, RightOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useGradingActions, useReflectionForGrading, type ReflectionForGrading } from '../grading-api';
import { G, GRADE_STATUS, liveGrade, markerState } from '../grading-labels';
import { RubricForm, valueOf, type RubricValue } from '../components/RubricForm';
import { ScanViewer } from '../components/ScanViewer';
import { CopyFlag } from '../../copies/components/CopyFlag';
import { GradeActions, GradeHistory } from '../components/GradeActions';
import { errorText } from '../../../shared/lib/http';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import '../grading.css';

/** The fast grading screen: the reflection beside the rubric (below it on a phone), with previous / next. */
export default function GradeReflectionPage() {
  const { id = '' } = useParams();
  const query = useReflectionForGrading(id);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  return <Screen data={query.data} />;
}

function defaultMarker(data: ReflectionForGrading) {
  if (!data.secondMarker) return 1;
  const first = liveGrade(data.grades, 1);
  const second = liveGrade(data.grades, 2);
  // Blind marking: a sealed grading is someone else's, so this viewer is (or becomes) the other marker.
  if (first?.sealed && !second?.sealed) return 2;
  if (second?.sealed) return 1;
  return first && first.status !== 'draft' && (!second || second.status === 'draft') ? 2 : 1;
}

/**
 * Tells the layout how far down the page it starts (as --qt-grade-top), so the sticky rubric panel is
 * exactly as tall as the window below it and its action buttons are on screen without scrolling the page.
 */
function useLayoutTop(page: RefObject<HTMLDivElement | null>, layout: RefObject<HTMLDivElement | null>) {
  useLayoutEffect(() => {
    const root = page.current;
    const grid = layout.current;
    if (!root || !grid) return;
    let last = -1;
    const fit = () => {
      const top = Math.round(grid.getBoundingClientRect().top + window.scrollY);
      if (top !== last) { last = top; grid.style.setProperty('--qt-grade-top', `${top}px`); }
    };
    fit();
    // The breadcrumb and the title above may wrap differently when the width or the content changes.
    const observer = new ResizeObserver(fit);
    observer.observe(root);
    window.addEventListener('resize', fit);
    return () => { observer.disconnect(); window.removeEventListener('resize', fit); };
  }, [page, layout]);
}

function Screen({ data }: { data: ReflectionForGrading }) {
  const navigate = useNavigate();
  const pageRef = useRef<HTMLDivElement>(null);
  const layoutRef = useRef<HTMLDivElement>(null);
  useLayoutTop(pageRef, layoutRef);
  const { reflection: r, queue } = data;
  const [marker, setMarker] = useState(() => defaultMarker(data));
  const live = liveGrade(data.grades, marker);
  const listUrl = `/campaigns/${r.campaignId}/reflections?branch=${r.branchId}`;
  const go = (to: string | null) => to && navigate(`/reflections/${to}/grade`);
  const status = GRADE_STATUS[r.gradeStatus];
  return (
    <div className="qt-grade-page" data-testid="grade-page" ref={pageRef}>
      <Breadcrumb items={[{ title: <Link to={listUrl}>{G.back}</Link> }, { title: r.branchName }]} />
      <div className="qt-grade-head">
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={3} className="qt-grade-title">{r.label}</Typography.Title>
          <Space wrap size={4}>
            <Tag color={status.color}>{status.label}</Tag>
            <Typography.Text type="secondary">{G.position(queue.position, queue.total)}</Typography.Text>
            {data.anonymousMarking && !r.fullName && <Tag>{G.anonymous}</Tag>}
          </Space>
        </div>
        <Space wrap>
          <Button className="qt-to-rubric" icon={<DownOutlined />} onClick={() => document.getElementById('qt-rubric-panel')?.scrollIntoView({ behavior: 'smooth' })}>{G.toRubric}</Button>
          <Space.Compact>
            <Button icon={<LeftOutlined />} disabled={!queue.prev} onClick={() => go(queue.prev)} aria-label={G.prev} data-testid="prev">{G.prev}</Button>
            <Button disabled={!queue.next} onClick={() => go(queue.next)} aria-label={G.next} data-testid="next">{G.next}<RightOutlined /></Button>
          </Space.Compact>
        </Space>
      </div>
      <div className="qt-grade-layout" ref={layoutRef}>
        <Card size="small" className="qt-grade-scan">
          {/* Typed text is compared with the campaign's other reflections and with the Resolution. */}
          {r.versions.some((v) => v.text || v.recommendations) && <CopyFlag key={`copy-${r.id}`} reflectionId={r.id} />}
          <ScanViewer key={`scan-${r.id}`} versions={r.versions} currentVersionId={r.currentVersionId} />
        </Card>
        <Card size="small" className="qt-grade-panel" id="qt-rubric-panel" title={G.rubric}>
          {/* The marker switch sits in the body, full width: in the card's head it did not fit a phone. */}
          {data.secondMarker && (
            <Segmented block value={marker} onChange={(v) => setMarker(Number(v))} className="qt-marker-switch"
              options={[1, 2].map((m) => {
                const state = markerState(liveGrade(data.grades, m)).label;
                return {
                  value: m, title: `${G.marker(m)} · ${state}`,
                  label: <span className="qt-marker-option"><span className="qt-marker-name">{G.marker(m)}</span><span className="qt-marker-state">{state}</span></span>,
                };
              })} />
          )}
          {data.secondMarker && <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{G.blindNote}</Typography.Paragraph>}
          <GradeActions data={data} marker={marker} />
          <GradePanel key={`${r.id}-${marker}-${live?.id ?? 'new'}-${live?.updatedAt ?? ''}`} data={data} marker={marker} onNext={() => go(queue.next)} />
          <GradeHistory grades={data.grades} rubric={data.rubric} />
        </Card>
      </div>
    </div>
  );
}

/** The approver's next step ("Duyệt kết quả") sits at the top of the rubric panel: bring it into view. */
function showPanelTop() {
  const panel = document.getElementById('qt-rubric-panel');
  const body = panel?.querySelector('.ant-card-body');
  if (body && body.scrollHeight > body.clientHeight) body.scrollTo({ top: 0, behavior: 'smooth' });
  else if (panel && panel.getBoundingClientRect().top < 0) panel.scrollIntoView({ behavior: 'smooth' });
}

function GradePanel({ data, marker, onNext }: { data: ReflectionForGrading; marker: number; onNext: () => void }) {
  const { message } = App.useApp();
  const { save, submit } = useGradingActions();
  const live = liveGrade(data.grades, marker);
  const [value, setValue] = useState<RubricValue>(() => valueOf(live));
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const locked = !!live && live.status !== 'draft';
  const sealed = !!live?.sealed;
  const canEdit = data.abilities.grade && !locked && !sealed;
  const id = data.reflection.id;
  const busy = save.isPending || submit.isPending;
  // The secretary grading her own branch sends the grading to herself: the words must not say otherwise.
  const approver = data.abilities.approve;

  const change = (v: RubricValue) => { setValue(v); setDirty(true); setError(null); };
  const body = () => ({
    levels: value.levels, comment: value.comment.trim() || null, grade: value.grade,
    criterionComments: Object.fromEntries(Object.entries(value.criterionComments).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v)),
  });
  async function persist() {
    if (!dirty && live) return true;
    try { await save.mutateAsync({ id, marker, body: body() }); setDirty(false); return true; } catch (e) { setError(e); return false; }
  }
  const saveOnly = async () => { if (await persist()) message.success(G.saved); };
  const saveNext = async () => {
    if (canEdit && !(await persist())) return;
    if (data.queue.next) onNext(); else message.info('Đây là bài cuối của danh sách');
  };
  const send = async () => {
    if (!(await persist())) return;
    try { await submit.mutateAsync({ id, marker }); message.success(G.submitted(approver)); if (approver) showPanelTop(); } catch (e) { setError(e); }
  };

  return (
    <>
      {sealed && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={G.sealedHint(marker)} data-testid="sealed-grade" />}
      {locked && !sealed && live!.status !== 'approved' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={G.lockedSubmitted(approver)} />}
      {live?.correctionReason && live.status !== 'approved' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`${G.correctionReason}: ${live.correctionReason}`} />}
      {!sealed && <RubricForm rubric={data.rubric} value={value} onChange={change} disabled={!canEdit || busy} onEnter={saveNext} />}
      {error ? <ProblemAlert error={error} /> : null}
      {canEdit && (
        <div className="qt-grade-buttons">
          <Button icon={<SaveOutlined />} onClick={saveOnly} loading={save.isPending} data-testid="save-draft">{G.saveDraft}</Button>
          <Button onClick={saveNext} disabled={busy} data-testid="save-next">{G.saveNext}</Button>
          <Button type="primary" icon={<SendOutlined />} onClick={send} loading={submit.isPending} data-testid="submit-grade">{G.submit(approver)}</Button>
        </div>
      )}
      {!canEdit && data.queue.next && <Button block onClick={onNext} style={{ marginTop: 8 }}>{G.next} <RightOutlined /></Button>}
      {save.isError && !error ? <Alert type="error" title={errorText(save.error)} /> : null}
    </>
  );
}
