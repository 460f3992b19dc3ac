import { useMemo, useState } from 'react';
import { App, Button, Card, Empty, Grid, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useMe } from '../../auth/api';
import { OrgSearchSelect } from '../../org/components/OrgSearchSelect';
import { exportUrl, useApprove, useSheet, type Sheet, type SheetRow } from '../api';
import { EvaluationDrawer } from '../components/EvaluationDrawer';
import { GradeTag } from '../components/ScoreForm';
import { EVAL_STATUS, T } from '../labels';
import { downloadFile } from '../../../shared/lib/download';
import { errorText } from '../../../shared/lib/http';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import { isComplete } from '../../../../../src/modules/evaluations/evaluations.rules';
import '../evaluations.css';

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: thisYear + 2 - Math.min(2025, thisYear) }, (_, i) => Math.min(2025, thisYear) + i).reverse();

/** "Có mặt 2 · Vắng 1 (đã học bù 1) · Thu hoạch: Tốt" — the year's study in one line. */
function studyLine(r: SheetRow): string {
  const a = r.evidence.attendance;
  const n = (f: (x: (typeof a)[number]) => boolean) => a.filter(f).length;
  const absent = n((x) => x.status === 'absent');
  const madeUp = n((x) => x.makeup?.status === 'completed');
  const parts = [
    n((x) => x.status === 'present') && `Có mặt ${n((x) => x.status === 'present')}`,
    absent && `Vắng ${absent}${madeUp ? ` (đã học bù ${madeUp})` : ''}`,
    n((x) => x.status === 'invited') && `Chưa điểm danh ${n((x) => x.status === 'invited')}`,
  ].filter(Boolean) as string[];
  const grades = r.evidence.reflections.map((x) => x.finalGradeLabel).filter(Boolean);
  if (r.evidence.reflections.length) parts.push(`Thu hoạch: ${grades.length ? grades.join(', ') : 'đã nộp, chưa chấm'}`);
  if (r.evidence.missingReflections.length) parts.push('Chưa nộp thu hoạch');
  return parts.join(' · ') || 'Không có hội nghị trong năm';
}

const statusOf = (r: SheetRow) => r.evaluation?.status ?? 'none';
const isApprovable = (sheet: Sheet, r: SheetRow) => r.evaluation?.status === 'draft' && isComplete(sheet.scheme, r.evaluation.scores);
/** A draft scored on some criteria only has a total so far, not a grade (an approved one is always complete). */
const isGraded = (sheet: Sheet, r: SheetRow) => !!r.evaluation?.grade && (r.evaluation.status === 'approved' || isComplete(sheet.scheme, r.evaluation.scores));

export default function EvaluationsPage() {
  const me = useMe().data!;
  const { message, modal } = App.useApp();
  const isPhone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const grant = me.grants.find((g) => g.role === 'branch_secretary' || g.role === 'branch_committee') ?? null;
  const branchId = params.get('branchId') ?? grant?.orgId ?? null;
  const year = Number(params.get('year')) || thisYear;
  const set = (k: string, v: string) => setParams((p) => { p.set(k, v); return p; }, { replace: true });
  const sheet = useSheet(branchId, year);
  const approve = useApprove(branchId, year);
  const [openId, setOpenId] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const data = sheet.data;
  const openRow = data?.rows.find((r) => r.member.id === openId) ?? null;

  const counts = useMemo(() => {
    const rows = data?.rows ?? [];
    const byGrade = new Map<string, number>();
    for (const r of rows) if (data && r.evaluation?.grade && isGraded(data, r)) byGrade.set(r.evaluation.grade, (byGrade.get(r.evaluation.grade) ?? 0) + 1);
    return { all: rows.length, scored: rows.filter((r) => r.evaluation).length, approved: rows.filter((r) => statusOf(r) === 'approved').length, byGrade };
  }, [data]);

  const runApprove = (ids?: string[]) => approve.mutate(ids, {
    onSuccess: (r) => {
      setSelected([]);
      message.success(T.approved(r.approved, r.alreadyApproved));
      if (r.skipped.length) modal.info({ title: T.skipped, content: <ul>{r.skipped.map((s) => <li key={s.memberId}>{s.fullName}: {s.reason}</li>)}</ul> });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const doExport = () => branchId && downloadFile(exportUrl(branchId, year), `xep-loai-dang-vien-${year}.xlsx`).catch((e) => message.error(errorText(e)));

  const gradeTag = (r: SheetRow) => {
    if (!data || !r.evaluation?.grade) return null;
    if (!isGraded(data, r)) return <Typography.Text type="secondary">{T.partly}</Typography.Text>;
    return <GradeTag scheme={data.scheme} grade={{ key: r.evaluation.grade, label: r.evaluation.gradeLabel ?? r.evaluation.grade }} />;
  };
  const statusTag = (r: SheetRow) => <Tag color={EVAL_STATUS[statusOf(r)].color}>{EVAL_STATUS[statusOf(r)].label}</Tag>;
  const flags = (r: SheetRow) => (
    <>
      {r.member.isExempt && <Tag>{T.exempt}</Tag>}
      {r.member.isHeadOfUnit && <Tag color="purple">{T.head}</Tag>}
    </>
  );

  return (
    <div data-testid="evaluations-page">
      <Typography.Title level={2} className="qt-page-title">{T.title}</Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <div className="qt-eval-toolbar">
          <div>
            <label htmlFor="eval-branch" className="qt-field-label">{T.branch}</label>
            <OrgSearchSelect id="eval-branch" value={branchId} valueLabel={data?.branch.name ?? (grant?.orgId === branchId ? grant?.orgName : undefined)}
              placeholder={T.pickBranch}
              onChange={(id, hit) => { if (!id) return; if (hit && !hit.isLeaf) message.warning(T.notLeaf); else set('branchId', id); }} />
          </div>
          <div>
            <label htmlFor="eval-year" className="qt-field-label">{T.year}</label>
            <Select id="eval-year" value={year} onChange={(v) => set('year', String(v))} options={YEARS.map((y) => ({ value: y, label: `Năm ${y}` }))} style={{ width: '100%' }} />
          </div>
          <div className="qt-eval-buttons">
            <Button icon={<DownloadOutlined />} onClick={doExport} disabled={!data}>{T.export}</Button>
            {data?.canApprove && (
              <Popconfirm title={T.approveConfirm} okText="Duyệt" cancelText="Hủy" onConfirm={() => runApprove(selected.length ? selected : undefined)}>
                <Button type="primary" icon={<SafetyCertificateOutlined />} loading={approve.isPending}
                  disabled={!data.rows.some((r) => isApprovable(data, r))}>{selected.length ? T.approveSelected(selected.length) : T.approveAll}</Button>
              </Popconfirm>
            )}
          </div>
        </div>
        {data && (
          <div className="qt-eval-summary">
            <Tag>{T.scored(counts.scored, counts.all)}</Tag>
            <Tag color="success">{T.approvedCount(counts.approved)}</Tag>
            {data.scheme.grades.map((g) => counts.byGrade.get(g.key) ? <span key={g.key}><GradeTag scheme={data.scheme} grade={g} />{counts.byGrade.get(g.key)}</span> : null)}
            <Typography.Text type="secondary" className="qt-eval-scheme">{T.scheme}: {data.scheme.name}</Typography.Text>
          </div>
        )}
      </Card>
      {!branchId && <Empty description={T.pickBranch} />}
      {sheet.isError && <ProblemAlert error={sheet.error} />}
      {data && (isPhone ? (
        data.rows.length === 0 ? <Empty description={T.empty} /> : data.rows.map((r, i) => (
          <Card key={r.member.id} className="qt-eval-card" onClick={() => setOpenId(r.member.id)} data-testid="evaluation-card">
            <div className="qt-eval-card-head"><span className="qt-eval-card-name">{i + 1}. {r.member.fullName}</span>{statusTag(r)}</div>
            <div className="qt-eval-card-meta">{studyLine(r)}</div>
            <div className="qt-eval-card-result">
              <span>{r.evaluation ? <><strong>{r.evaluation.total.toLocaleString('vi-VN')}</strong> điểm</> : T.unscored}</span>
              {gradeTag(r)}
            </div>
            {flags(r)}
          </Card>
        ))
      ) : (
        <Table<SheetRow> rowKey={(r) => r.member.id} dataSource={data.rows} loading={sheet.isFetching} pagination={false} size="middle"
          className="qt-clickable-rows" locale={{ emptyText: T.empty }}
          onRow={(r) => ({ onClick: () => setOpenId(r.member.id) })}
          rowSelection={data.canApprove ? {
            selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]),
            getCheckboxProps: (r) => ({ disabled: !isApprovable(data, r) }),
          } : undefined}
          columns={[
            { title: T.stt, width: 56, render: (_, __, i) => i + 1 },
            { title: T.name, render: (_, r) => <div><div className="qt-eval-name">{r.member.fullName}</div>{flags(r)}</div> },
            { title: T.card, width: 110, render: (_, r) => r.member.cardNumber },
            { title: T.study, render: (_, r) => <Typography.Text type="secondary">{studyLine(r)}</Typography.Text> },
            { title: T.total, width: 110, align: 'right', render: (_, r) => r.evaluation ? <strong>{r.evaluation.total.toLocaleString('vi-VN')}</strong> : '—' },
            { title: T.grade, width: 230, render: (_, r) => gradeTag(r) },
            { title: T.status, width: 130, render: (_, r) => statusTag(r) },
            { title: '', width: 110, render: (_, r) => <Button size="small" onClick={(e) => { e.stopPropagation(); setOpenId(r.member.id); }}>{statusOf(r) === 'approved' ? T.view : T.evaluate}</Button> },
          ]} />
      ))}
      {data && <EvaluationDrawer sheet={data} row={openRow} onClose={() => setOpenId(null)} />}
    </div>
  );
}
