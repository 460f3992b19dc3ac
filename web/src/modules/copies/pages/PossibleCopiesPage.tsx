import { useState } from 'react';
import { Alert, Button, Card, Drawer, Empty, Grid, Pagination, Progress, Skeleton, Tag, Typography } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useParams, useSearchParams } from 'react-router';
import { CampaignNav } from '../../campaigns/components/CampaignNav';
import { useCopyCheck, usePossibleCopies, type CopyPair, type CopySide } from '../api';
import { C, placeOf, scoreColor } from '../labels';
import { CopyDetails } from '../components/CopyDetails';
import { formatDayTime, formatNumber } from '../../../shared/lib/format';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import '../copies.css';

/**
 * The officers' list of possible copies among a campaign's typed reflections under their org: pairs
 * with the higher score first, each side named only when the officer may read that unit; a drawer
 * shows the passages side by side.
 */
export default function PossibleCopiesPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const orgId = params.get('org') ?? undefined;
  const list = usePossibleCopies(id, page, orgId);
  const [open, setOpen] = useState<CopyPair | null>(null);
  const data = list.data;
  const setPage = (p: number) => setParams((prev) => { const next = new URLSearchParams(prev); next.set('page', String(p)); return next; });

  return (
    <div data-testid="possible-copies-page">
      <CampaignNav campaignId={id} active="copies" />
      {list.isError && <ProblemAlert error={list.error} />}
      {!data ? (!list.isError && <Skeleton active />) : (
        <>
          <Card size="small" style={{ marginBottom: 12 }}>
            <div className="qt-copies-summary">
              <Typography.Text strong>{C.scope(data.orgName)}</Typography.Text>
              <Tag>{C.pairs(formatNumber(data.total))}</Tag>
              {data.pending && <Tag color="processing">{C.pending}</Tag>}
            </div>
            <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
              {data.lastRun ? C.lastRun(formatDayTime(data.lastRun.ranAt), formatNumber(data.lastRun.documents), formatNumber(data.lastRun.pairs)) : C.neverRun}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" className="qt-copies-explain">{C.explain}</Typography.Paragraph>
          </Card>
          {data.pairs.length === 0 ? <Card><Empty description={C.emptyList} /></Card> : (
            <div className="qt-copies-list" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              {data.pairs.map((p, i) => <PairCard key={`${data.page}-${i}`} pair={p} onOpen={() => setOpen(p)} />)}
            </div>
          )}
          {data.total > data.pageSize && (
            <Pagination style={{ marginTop: 16, textAlign: 'center' }} current={data.page} pageSize={data.pageSize} total={data.total}
              showSizeChanger={false} onChange={setPage} />
          )}
          <PairDrawer pair={open} onClose={() => setOpen(null)} />
        </>
      )}
    </div>
  );
}

function SideView({ side }: { side: CopySide }) {
  return (
    <div className="qt-copy-side">
      <div className={side.visible ? 'qt-copy-side-name' : 'qt-copy-hidden'}>{side.label}</div>
      {side.branchName && <div className="qt-copy-side-meta">{placeOf(side)}</div>}
      {side.sourceShare !== null && side.sourceShare >= 0.05 && <div className="qt-copy-side-meta">{C.sourceShareShort(side.sourceShare)}</div>}
    </div>
  );
}

function PairCard({ pair, onOpen }: { pair: CopyPair; onOpen: () => void }) {
  const color = scoreColor(pair.score);
  return (
    <Card className="qt-copy-card" size="small">
      <div className="qt-copy-card-grid">
        <div className="qt-copy-score">
          <span className="qt-copy-score-value" style={{ color }}>{C.percent(pair.score)}</span>
          <Progress percent={Math.round(pair.score * 100)} showInfo={false} strokeColor={color} size="small" aria-label={C.similar(pair.score)} />
        </div>
        <SideView side={pair.a} />
        <SwapOutlined className="qt-copy-vs" aria-hidden />
        <SideView side={pair.b} />
        <Button onClick={onOpen} disabled={!pair.a.reflectionId} data-testid="open-pair">{C.viewPassages}</Button>
      </div>
    </Card>
  );
}

/** The copy check of the readable side, with this pair's match first. */
function PairDrawer({ pair, onClose }: { pair: CopyPair | null; onClose: () => void }) {
  const isPhone = !Grid.useBreakpoint().md;
  const check = useCopyCheck(pair?.a.reflectionId);
  const other = pair?.b;
  const isThisPair = (m: { score: number; other: CopySide }) =>
    other?.reflectionId ? m.other.reflectionId === other.reflectionId : !m.other.visible && Math.abs(m.score - (pair?.score ?? 0)) < 1e-6;
  return (
    <Drawer open={!!pair} onClose={onClose} size={isPhone ? '100%' : 1080}
      title={pair ? `${C.drawerTitle}: ${pair.a.label} – ${pair.b.label}` : C.drawerTitle} destroyOnHidden>
      {check.isError && <ProblemAlert error={check.error} />}
      {!check.data ? (!check.isError && <Skeleton active />) : (
        <>
          {check.data.sourceShare !== null && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`${pair?.a.label}: ${C.fromResolution(check.data.sourceShare)}`} />
          )}
          <CopyDetails check={check.data} first={isThisPair} />
        </>
      )}
    </Drawer>
  );
}
