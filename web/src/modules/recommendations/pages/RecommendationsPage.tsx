import { useMemo, useState } from 'react';
import { App, Breadcrumb, Button, Card, Collapse, Dropdown, Empty, Grid, Input, Skeleton, Space, Statistic, Table, Tabs, Tag, Typography, type MenuProps } from 'antd';
import {
  CheckOutlined, CloseOutlined, CommentOutlined, DownOutlined, MergeCellsOutlined, RollbackOutlined, SearchOutlined, SendOutlined,
  SyncOutlined, TeamOutlined, UndoOutlined, UpOutlined,
} from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import { CampaignNav } from '../../campaigns/components/CampaignNav';
import { useBoardActions, usePool, type BoardActions, type ChildPool, type Group, type Pool } from '../api';
import { FILTERS, K, STATUS, type FilterKey } from '../labels';
import { AnswerList } from '../components/AnswerList';
import { AnswerModal } from '../components/AnswerModal';
import { GroupEntries } from '../components/GroupEntries';
import { MergeModal } from '../components/MergeModal';
import { searchKey } from '../../../shared/lib/fold';
import { errorText } from '../../../shared/lib/http';
import { compareVi, formatNumber } from '../../../shared/lib/format';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import '../recommendations.css';

/**
 * A committee's recommendations (Kiến nghị, đề xuất): the propaganda board's working list of the groups
 * gathered from its branches' reflections and from what the committees below forwarded; it merges,
 * splits, retitles, marks the sensible ones and forwards them up or to its Standing Committee; the
 * level that decides answers. Drills down to the committees below and up to the parent when readable.
 */
export default function RecommendationsPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const orgId = params.get('org') ?? undefined;
  const pool = usePool(id, orgId);
  const goTo = (org: string) => setParams({ org });
  const data = pool.data;
  return (
    <div className="qt-rec-page" data-testid="recommendations-page">
      <CampaignNav campaignId={id} active="recommendations" />
      {pool.isError && <ProblemAlert error={pool.error} />}
      {pool.isError && <Link to={`/campaigns/${id}/recommendation-answers`}>{K.answersLink}</Link>}
      {!data ? (!pool.isError && <Skeleton active />) : (
        <div style={{ opacity: pool.isPlaceholderData ? 0.6 : 1 }}>
          <PoolHeader pool={data} onGo={goTo} />
          {data.children.length > 0 && <ChildPools rows={data.children} onGo={goTo} startOpen={data.groups.length === 0} />}
          <GroupBoard key={data.org.id} pool={data} />
        </div>
      )}
    </div>
  );
}

function PoolHeader({ pool, onGo }: { pool: Pool; onGo: (org: string) => void }) {
  const { message } = App.useApp();
  const gather = useBoardActions(pool.campaign.id).gather;
  const run = () => gather.mutate(pool.org.id, { onSuccess: (r) => message.success(K.gathered(r)), onError: (e) => message.error(errorText(e)) });
  return (
    <Card size="small" className="qt-rec-head">
      {pool.parent && (
        <Breadcrumb style={{ marginBottom: 6 }} items={[
          { title: pool.parent.readable ? <a onClick={() => onGo(pool.parent!.id)} data-testid="pool-parent"><UpOutlined /> {pool.parent.name}</a> : pool.parent.name },
          { title: pool.org.name },
        ]} />
      )}
      <div className="qt-rec-head-row">
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="pool-title">{K.poolOf(pool.org.name)}</Typography.Title>
        <Space wrap>
          {pool.parent && <Link to={`/campaigns/${pool.campaign.id}/recommendation-answers?org=${pool.org.id}`}><Button>{K.answersLink}</Button></Link>}
          {pool.canManage && <Button type="primary" icon={<SyncOutlined />} loading={gather.isPending} onClick={run} data-testid="gather-now">{K.gather}</Button>}
        </Space>
      </div>
      <div className="qt-rec-stats">
        <Statistic title={K.sentences} value={pool.sentences} formatter={(v) => formatNumber(Number(v))} />
        <Statistic title={K.extracted} value={pool.extracted} formatter={(v) => formatNumber(Number(v))} />
        <Statistic title={K.groups} value={pool.groups.length} formatter={(v) => formatNumber(Number(v))} />
        <Statistic title={K.unassigned} value={pool.unassigned} formatter={(v) => formatNumber(Number(v))} />
      </div>
      {pool.pending && <Typography.Paragraph className="qt-rec-pending" data-testid="pool-pending"><SyncOutlined spin /> {K.pending}</Typography.Paragraph>}
      <Typography.Paragraph type="secondary" className="qt-rec-explain">{pool.canManage ? K.explain : K.readOnly}</Typography.Paragraph>
    </Card>
  );
}

/** The committees one level down with their pools' figures, to drill into. */
function ChildPools({ rows, onGo, startOpen }: { rows: ChildPool[]; onGo: (org: string) => void; startOpen: boolean }) {
  return (
    <Collapse className="qt-rec-children" defaultActiveKey={startOpen ? ['c'] : []} items={[{
      key: 'c', label: <span><TeamOutlined /> {K.children} ({formatNumber(rows.length)})</span>,
      children: (
        <Table<ChildPool> rowKey="orgId" size="small" dataSource={rows} pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          columns={[
            {
              title: K.childOrg, key: 'name', sorter: (a, b) => compareVi(a.name, b.name),
              render: (_, c) => (
                <div>
                  <a onClick={() => onGo(c.orgId)} data-testid="child-pool">{c.name}</a>
                  <div className="qt-rec-meta">{K.childLine(c)}</div>
                </div>
              ),
            },
            { title: K.colCount, dataIndex: 'count', width: 110, align: 'right', sorter: (a, b) => a.count - b.count, render: (n: number) => formatNumber(n) },
          ]} />
      ),
    }]} />
  );
}

function GroupBoard({ pool }: { pool: Pool }) {
  const isPhone = !Grid.useBreakpoint().md;
  const { message } = App.useApp();
  const actions = useBoardActions(pool.campaign.id);
  const [filter, setFilter] = useState<FilterKey>('all');
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [answering, setAnswering] = useState<Group | null>(null);
  const [merging, setMerging] = useState<Group[] | null>(null);
  const [bulkBusy, setBulkBusy] = useState(false);
  const keys = useMemo(() => new Map(pool.groups.map((g) => [g.id, searchKey(g.title)])), [pool.groups]);
  const q = searchKey(query);
  const test = FILTERS.find((f) => f.key === filter)!.test;
  const shown = pool.groups.filter((g) => test(g) && (!q || keys.get(g.id)!.includes(q)));
  const chosen = pool.groups.filter((g) => selected.includes(g.id));

  async function bulk(status: 'selected' | 'dismissed') {
    const targets = chosen.filter((g) => g.status !== status && !(status === 'dismissed' && g.forwardedAt));
    setBulkBusy(true);
    let done = 0;
    try {
      for (const g of targets) { await actions.update.mutateAsync({ id: g.id, status }); done++; }
      message.success(K.done.bulk(done));
      setSelected([]);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBulkBusy(false);
    }
  }

  const title = (g: Group) => (
    <div className="qt-rec-cell" data-testid="rec-group">
      <div className="qt-rec-title">
        {pool.canManage ? (
          <Typography.Text editable={{
            tooltip: K.editTitle, triggerType: ['icon'], maxLength: 1000,
            onChange: (t) => {
              if (!t.trim() || t.trim() === g.title) return;
              actions.update.mutate({ id: g.id, title: t }, { onSuccess: () => message.success(K.done.title), onError: (e) => message.error(errorText(e)) });
            },
          }}>{g.title}</Typography.Text>
        ) : g.title}
      </div>
      <div className="qt-rec-marks">
        {isPhone && <Tag className="qt-rec-count-tag">{K.count(g.count)}</Tag>}
        <Tag color={STATUS[g.status].color} data-testid="rec-status">{STATUS[g.status].label}</Tag>
        {g.forwardedAt && <Tag color="blue" icon={<UpOutlined />}>{K.forwardedMark}</Tag>}
        {g.reportedAt && <Tag color="purple" icon={<SendOutlined />}>{K.reportedMark}</Tag>}
        {g.answers.length > 0 && <Tag color="gold" icon={<CommentOutlined />}>{K.answeredMark}</Tag>}
        {g.titleEdited && <span className="qt-rec-meta">({K.edited})</span>}
      </div>
      <Origins group={g} campaignId={pool.campaign.id} />
      {g.above.length > 0 && <div className="qt-rec-meta">{K.forwardedTo(g.above.map((a) => a.orgName).join(' → '))}</div>}
      <AnswerList answers={g.answers} ownOrgName={pool.org.name} />
      {isPhone && <RowActions group={g} pool={pool} actions={actions} onAnswer={setAnswering} />}
    </div>
  );

  return (
    <Card size="small" className="qt-rec-board">
      <Tabs activeKey={filter} onChange={(k) => setFilter(k as FilterKey)} size="small" data-testid="rec-filters"
        items={FILTERS.map((f) => ({ key: f.key, label: `${f.label} (${formatNumber(pool.groups.filter(f.test).length)})` }))} />
      <div className="qt-rec-toolbar">
        <Input allowClear prefix={<SearchOutlined />} placeholder={K.search} value={query} onChange={(e) => setQuery(e.target.value)}
          className="qt-rec-search" data-testid="rec-search" />
        {pool.canManage && selected.length > 0 && (
          <Space wrap className="qt-rec-bulk">
            <Typography.Text strong>{K.selected(selected.length)}</Typography.Text>
            <Button icon={<MergeCellsOutlined />} disabled={selected.length < 2} onClick={() => setMerging(chosen)} data-testid="merge-button">{K.merge}</Button>
            <Button icon={<CheckOutlined />} loading={bulkBusy} onClick={() => bulk('selected')}>{K.select}</Button>
            <Button icon={<CloseOutlined />} loading={bulkBusy} onClick={() => bulk('dismissed')}>{K.dismiss}</Button>
            <Button type="link" onClick={() => setSelected([])}>{K.clearSelection}</Button>
          </Space>
        )}
      </div>
      <Table<Group>
        rowKey="id"
        size="middle"
        dataSource={shown}
        locale={{ emptyText: <Empty description={pool.groups.length === 0 ? K.empty : K.emptyFilter} /> }}
        rowSelection={pool.canManage ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]), preserveSelectedRowKeys: true } : undefined}
        expandable={{ expandedRowRender: (g) => <GroupEntries campaignId={pool.campaign.id} groupId={g.id} canManage={pool.canManage} /> }}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200], showTotal: (t) => K.total(t), hideOnSinglePage: true }}
        columns={[
          { title: K.colTitle, key: 'title', render: (_, g) => title(g) },
          {
            title: K.colCount, dataIndex: 'count', key: 'count', width: 110, align: 'center', responsive: ['md'],
            sorter: (a, b) => a.count - b.count, defaultSortOrder: 'descend', sortDirections: ['descend', 'ascend'],
            render: (n: number) => <span className="qt-rec-count" data-testid="rec-count">{formatNumber(n)}</span>,
          },
          { title: K.colActions, key: 'actions', width: 150, responsive: ['md'], render: (_, g) => <RowActions group={g} pool={pool} actions={actions} onAnswer={setAnswering} /> },
        ]}
      />
      {answering && <AnswerModal key={answering.id} group={answering} campaignId={pool.campaign.id} onClose={() => setAnswering(null)} />}
      {merging && <MergeModal groups={merging} campaignId={pool.campaign.id} onClose={() => setMerging(null)} onDone={() => { setMerging(null); setSelected([]); }} />}
    </Card>
  );
}

/** "Từ: Chi bộ thôn 12 (2), Chi bộ thôn 15 (2) … và 6 đơn vị khác"; each opens what became of that unit's recommendations. */
function Origins({ group, campaignId }: { group: Group; campaignId: string }) {
  const [all, setAll] = useState(false);
  const max = 4;
  const list = all ? group.origins : group.origins.slice(0, max);
  if (group.origins.length === 0) return null;
  return (
    <div className="qt-rec-origins" data-testid="rec-origins">
      <span className="qt-rec-meta">{K.fromOrigins}: </span>
      {list.map((o, i) => (
        <span key={o.orgId}>
          {i > 0 && ', '}
          <Link to={`/campaigns/${campaignId}/recommendation-answers?org=${o.orgId}`}>{o.orgName}</Link> ({formatNumber(o.count)})
        </span>
      ))}
      {group.origins.length > max && (
        <Button type="link" size="small" onClick={() => setAll(!all)} className="qt-rec-more">
          {all ? K.originsLess : K.originsMore(group.origins.length - max)}
        </Button>
      )}
    </div>
  );
}

/** What the board may do to one group now, in one menu. */
function RowActions({ group: g, pool, actions, onAnswer }: { group: Group; pool: Pool; actions: BoardActions; onAnswer: (g: Group) => void }) {
  const { message, modal } = App.useApp();
  const fail = (e: unknown) => message.error(errorText(e));
  const setStatus = (status: Group['status']) => actions.update.mutate({ id: g.id, status }, { onSuccess: () => message.success(K.done[status]), onError: fail });
  const items: NonNullable<MenuProps['items']> = [];
  if (pool.canManage) {
    if (g.status !== 'selected') items.push({ key: 'select', icon: <CheckOutlined />, label: K.select, onClick: () => setStatus('selected') });
    if (g.status === 'selected' && !g.forwardedAt && pool.parent) {
      items.push({
        key: 'up', icon: <UpOutlined />, label: K.forwardUpper,
        onClick: () => modal.confirm({
          title: K.confirmForward(pool.parent!.name), content: g.title, okText: K.forwardUpper, cancelText: K.cancel,
          onOk: () => actions.forward.mutateAsync({ id: g.id, upper: true }).then(() => { message.success(K.done.forwardUpper); }, fail),
        }),
      });
    }
    if (g.status === 'selected' && !g.reportedAt) {
      items.push({ key: 'report', icon: <SendOutlined />, label: K.report,
        onClick: () => actions.forward.mutate({ id: g.id, committee: true }, { onSuccess: () => message.success(K.done.report), onError: fail }) });
    }
    if (g.forwardedAt) {
      items.push({
        key: 'withdraw', icon: <RollbackOutlined />, label: K.withdraw,
        onClick: () => modal.confirm({
          title: K.withdraw, content: K.confirmWithdraw, okText: K.withdraw, cancelText: K.cancel,
          onOk: () => actions.withdraw.mutateAsync(g.id).then(() => { message.success(K.done.withdraw); }, fail),
        }),
      });
    }
    if (g.status !== 'dismissed' && !g.forwardedAt) items.push({ key: 'dismiss', icon: <CloseOutlined />, label: K.dismiss, onClick: () => setStatus('dismissed') });
    if (g.status !== 'open' && !g.forwardedAt) items.push({ key: 'reopen', icon: <UndoOutlined />, label: K.reopen, onClick: () => setStatus('open') });
  }
  if (pool.canAnswer) {
    if (items.length) items.push({ type: 'divider' });
    items.push({ key: 'answer', icon: <CommentOutlined />, label: K.answer, onClick: () => onAnswer(g) });
  }
  if (items.length === 0) return null;
  return (
    <Dropdown menu={{ items }} trigger={['click']}>
      <Button data-testid="rec-actions" className="qt-rec-actions">{K.actions} <DownOutlined /></Button>
    </Dropdown>
  );
}
