import { useMemo, useState } from 'react';
import { Alert, App, Button, Empty, Grid, Segmented, Select, Skeleton, Space } from 'antd';
import { CheckOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useParams, useSearchParams } from 'react-router';
import { CampaignNav } from '../../campaigns/components/CampaignNav';
import { useMe, type Me } from '../../auth/api';
import { exportUrl, useGradingActions, useGradingBranches, useGradingQueue, type GradingBranch, type QueueRow } from '../grading-api';
import { G, GRADE_STATUS } from '../grading-labels';
import { GradingList } from '../components/GradingList';
import { BulkGradeTable } from '../components/BulkGradeTable';
import { ImportGradesModal } from '../components/ImportGradesModal';
import { downloadFile } from '../../../shared/lib/download';
import { errorText } from '../../../shared/lib/http';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import '../grading.css';

type Filter = 'all' | 'ungraded' | 'submitted' | 'approved' | 'missing';

const filterOptions: Array<{ value: Filter; label: string }> = [
  { value: 'all', label: G.filterAll }, { value: 'ungraded', label: GRADE_STATUS.ungraded.label },
  { value: 'submitted', label: GRADE_STATUS.submitted.label }, { value: 'approved', label: GRADE_STATUS.approved.label }, { value: 'missing', label: G.missing },
];

/** The branch the user holds a grant on, else the first one listed. */
function defaultBranch(branches: GradingBranch[] | undefined, me: Me | null | undefined) {
  if (!branches?.length) return undefined;
  const granted = new Set(me?.grants.map((g) => g.orgId));
  return (branches.find((b) => granted.has(b.id)) ?? branches[0]).id;
}

const matches = (r: QueueRow, f: Filter) => f === 'all'
  || (f === 'missing' && r.status === 'missing')
  || (f === 'ungraded' && r.status !== 'missing' && (r.gradeStatus === 'ungraded' || r.gradeStatus === 'draft'))
  || (f === 'submitted' && r.readyToApprove)
  || (f === 'approved' && r.gradeStatus === 'approved' && !r.readyToApprove);

/** A branch committee grades its members' reflections: list, table entry, Excel, approval by the secretary. */
export default function GradingQueuePage() {
  const { id = '' } = useParams();
  const { message, modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const me = useMe().data;
  const branches = useGradingBranches(id);
  const branchId = params.get('branch') ?? defaultBranch(branches.data, me);
  const queue = useGradingQueue(id, branchId);
  const { approve } = useGradingActions();
  const [mode, setMode] = useState<'list' | 'table'>('list');
  const [filter, setFilter] = useState<Filter>('all');
  // Five filters do not fit a phone's width in one row: there they are a drop-down list.
  const narrow = !Grid.useBreakpoint().sm;
  const [marker, setMarker] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const [importing, setImporting] = useState(false);
  const [approving, setApproving] = useState(false);
  const q = queue.data && queue.data.branchId === branchId ? queue.data : undefined;
  const rows = useMemo(() => (q?.rows ?? []).filter((r) => matches(r, filter)), [q, filter]);
  const ready = (q?.rows ?? []).filter((r) => r.readyToApprove).map((r) => r.reflectionId!);

  const counts = useMemo(() => {
    const all = q?.rows ?? [];
    return {
      total: all.length, handedIn: all.filter((r) => r.status !== 'missing').length,
      ungraded: all.filter((r) => matches(r, 'ungraded')).length, waiting: ready.length, approved: all.filter((r) => r.gradeStatus === 'approved').length,
    };
  }, [q, ready.length]);

  async function approveMany(ids: string[]) {
    setApproving(true);
    let ok = 0; const failed: string[] = [];
    for (const reflectionId of ids) {
      try { await approve.mutateAsync({ id: reflectionId }); ok++; } catch (e) {
        failed.push(`${q?.rows.find((r) => r.reflectionId === reflectionId)?.label}: ${errorText(e)}`);
      }
    }
    setApproving(false); setSelected([]);
    if (ok) message.success(G.approved(ok));
    if (failed.length) modal.error({ title: G.approveFailed(failed.length), content: <ul>{failed.map((f) => <li key={f}>{f}</li>)}</ul> });
  }
  const confirmApprove = (ids: string[], title: string) => modal.confirm({
    title, content: 'Kết quả được duyệt sẽ khóa; muốn sửa phải lập phiếu đính chính.', okText: 'Duyệt', cancelText: 'Hủy',
    onOk: () => approveMany(ids),
  });
  const exportXlsx = () => downloadFile(exportUrl(id, branchId!, marker), 'ket-qua-cham.xlsx').catch((e) => message.error(errorText(e)));

  return (
    <div data-testid="grading-page">
      <CampaignNav campaignId={id} active="reflections" />
      {branches.isError && <ProblemAlert error={branches.error} />}
      {branches.data && branches.data.length === 0 && <Empty description={G.noBranch} />}
      {branchId && (
        <>
          <div className="qt-grading-toolbar">
            {(branches.data?.length ?? 0) > 1 && (
              <Select showSearch optionFilterProp="label" value={branchId} style={{ minWidth: 240, maxWidth: '100%' }} aria-label={G.pickBranch}
                onChange={(v) => { setParams({ branch: v }); setSelected([]); }}
                options={branches.data!.map((b) => ({ value: b.id, label: b.parentName ? `${b.name} — ${b.parentName}` : b.name }))} />
            )}
            <Segmented value={mode} onChange={(v) => setMode(v as 'list' | 'table')} options={[{ value: 'list', label: G.modeList }, { value: 'table', label: G.modeTable }]} />
            {q?.secondMarker && (
              <Segmented value={marker} onChange={(v) => setMarker(Number(v))} options={[1, 2].map((m) => ({ value: m, label: G.marker(m) }))} />
            )}
            <Space wrap>
              <Button icon={<DownloadOutlined />} onClick={exportXlsx} data-testid="export-xlsx">{G.exportXlsx}</Button>
              {q?.abilities.grade && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-xlsx">{G.importXlsx}</Button>}
            </Space>
          </div>
          {queue.isError && <ProblemAlert error={queue.error} />}
          {!q && queue.isPending && <Skeleton active />}
          {q && (
            <>
              {q.anonymousMarking && !q.abilities.seeNames && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={G.anonymous} />}
              <div className="qt-grading-stats">
                <span>{q.branchName}</span>
                <span>Đã nộp: <b>{counts.handedIn}/{counts.total}</b></span>
                <span>Chưa chấm: <b>{counts.ungraded}</b></span>
                <span>Chờ duyệt: <b>{counts.waiting}</b></span>
                <span>Đã duyệt: <b>{counts.approved}</b></span>
              </div>
              {mode === 'list' ? (
                <>
                  <div className="qt-grading-toolbar">
                    {narrow ? (
                      <Select value={filter} onChange={(v) => setFilter(v)} options={filterOptions} aria-label={G.filterBy} size="large" prefix={`${G.status}:`}
                        style={{ width: '100%' }} data-testid="grading-filter" />
                    ) : (
                      <Segmented value={filter} onChange={(v) => setFilter(v as Filter)} options={filterOptions} data-testid="grading-filter" />
                    )}
                    {q.abilities.approve && (
                      <Space wrap>
                        {selected.length > 0 && <Button icon={<CheckOutlined />} loading={approving} onClick={() => confirmApprove(selected, G.approveSelected(selected.length))}>{G.approveSelected(selected.length)}</Button>}
                        <Button type="primary" icon={<CheckOutlined />} disabled={ready.length === 0} loading={approving} onClick={() => confirmApprove(ready, G.approveAll(ready.length))} data-testid="approve-all">
                          {G.approveAll(ready.length)}
                        </Button>
                      </Space>
                    )}
                  </div>
                  <GradingList queue={q} rows={rows} selected={selected} onSelect={setSelected} />
                </>
              ) : <BulkGradeTable key={`${q.branchId}-${marker}`} queue={q} marker={marker} />}
              <ImportGradesModal open={importing} onClose={() => setImporting(false)} campaignId={id} branchId={q.branchId} marker={marker} />
            </>
          )}
        </>
      )}
    </div>
  );
}
