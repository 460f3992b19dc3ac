import { useEffect, useMemo, useState } from 'react';
import { Card, Col, Result, Row, Select, Skeleton, Space, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { CampaignNav } from '../../campaigns/components/CampaignNav';
import { useBatch, useBatchBranches, useBatches, type BatchDetail } from '../batch-api';
import { B } from '../batch-labels';
import { pageOwners, parseRange, rangeText, suggestRange, type Range } from '../batch-range';
import { AssignPanel } from '../components/AssignPanel';
import { BatchPages } from '../components/BatchPages';
import { BatchUploader } from '../components/BatchUploader';
import { formatDayTime } from '../../../shared/lib/format';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import '../reflections.css';

/** The branch committee scans the papers collected at the branch and assigns page ranges to members. */
export default function BatchPage() {
  const { id: campaignId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const branches = useBatchBranches(campaignId);
  const branchId = params.get('branch') ?? (branches.data?.length === 1 ? branches.data[0].id : null);
  const batches = useBatches(campaignId, branchId);
  const batchId = params.get('batch') ?? batches.data?.[0]?.id ?? null;
  const batch = useBatch(batchId);
  const select = (next: { branch?: string; batch?: string | null }) => {
    const p = new URLSearchParams(params);
    if (next.branch) { p.set('branch', next.branch); p.delete('batch'); }
    if (next.batch) p.set('batch', next.batch);
    setParams(p, { replace: true });
  };

  return (
    <div data-testid="batch-page">
      <CampaignNav campaignId={campaignId} active="batches" />
      <Typography.Paragraph type="secondary">{B.intro}</Typography.Paragraph>
      {branches.isError && <ProblemAlert error={branches.error} />}
      {branches.isPending && <Skeleton active />}
      {branches.data?.length === 0 && <Result status="info" title={B.noBranch} />}
      {!!branches.data?.length && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            {branches.data.length > 1 && (
              <Select showSearch optionFilterProp="label" placeholder={B.pickBranch} value={branchId ?? undefined} style={{ width: '100%', maxWidth: 480 }}
                aria-label={B.branch} options={branches.data.map((b) => ({ value: b.id, label: b.name }))} onChange={(v) => select({ branch: v })} />
            )}
            {branchId && <BatchUploader campaignId={campaignId} branchId={branchId} onCreated={(b) => { void batches.refetch(); select({ batch: b.id }); }} />}
            {branchId && batches.data && (batches.data.length === 0 ? <Typography.Text type="secondary">{B.noBatch}</Typography.Text> : (
              <div className="qt-batch-list" role="list" aria-label={B.batches}>
                {batches.data.map((b, i) => (
                  <button key={b.id} type="button" role="listitem" className={`qt-batch-item${b.id === batchId ? ' is-active' : ''}`} onClick={() => select({ batch: b.id })}>
                    <b>{B.batchName(batches.data.length - i, b.kind)}</b> <span>{B.batchInfo(b.pageCount, b.assignedPages)}</span>
                    <Typography.Text type="secondary"> · {formatDayTime(b.createdAt)}</Typography.Text>
                  </button>
                ))}
              </div>
            ))}
          </Space>
        </Card>
      )}
      {batch.isError && <ProblemAlert error={batch.error} />}
      {batch.data && <Workspace key={batch.data.id} batch={batch.data} />}
    </div>
  );
}

/** Thumbnails and the assignment panel of one batch, sharing the range being chosen. */
function Workspace({ batch }: { batch: BatchDetail }) {
  const owners = useMemo(() => pageOwners(batch.pageCount, batch.assignments), [batch.pageCount, batch.assignments]);
  const lastLength = useMemo(() => {
    const last = [...batch.assignments].filter((a) => !a.removedAt).sort((a, b) => a.assignedAt.localeCompare(b.assignedAt)).at(-1);
    return last ? last.to - last.from + 1 : 1;
  }, [batch.assignments]);
  const suggestion = suggestRange(owners, lastLength);
  const [anchor, setAnchor] = useState<number | null>(null);
  // Each change of the assignments offers the next free pages.
  const suggested = suggestion ? rangeText(suggestion) : '';
  const [text, setText] = useState(suggested);
  useEffect(() => { setText(suggested); setAnchor(null); }, [batch.assignments]);
  const parsed = parseRange(text, batch.pageCount);
  const selection: Range | null = typeof parsed === 'string' ? null : parsed;

  // First click: that page alone; second click: the range between the two; a third starts again.
  const onPage = (n: number) => {
    if (anchor === null) { setAnchor(n); setText(`${n}`); return; }
    setText(rangeText({ from: Math.min(anchor, n), to: Math.max(anchor, n) }));
    setAnchor(null);
  };

  return (
    <Row gutter={[16, 16]} className="qt-batch-workspace">
      <Col xs={{ span: 24, order: 2 }} lg={{ span: 14, order: 1 }}>
        <Card size="small" title={`${B.pages} (${batch.pageCount})`}>
          <BatchPages batch={batch} owners={owners} selection={selection} nextFree={suggestion?.from ?? null} onPage={onPage} />
        </Card>
      </Col>
      <Col xs={{ span: 24, order: 1 }} lg={{ span: 10, order: 2 }}>
        <Card size="small" className="qt-assign-card">
          <AssignPanel batch={batch} nextFree={suggestion?.from ?? null} rangeText={text} onRangeText={(t) => { setText(t); setAnchor(null); }} />
        </Card>
      </Col>
    </Row>
  );
}
