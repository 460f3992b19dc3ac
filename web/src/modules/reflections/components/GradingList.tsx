import { Button, Card, Empty, Grid, Space, Table, Tag, Typography } from 'antd';
import { FilePdfOutlined, FileTextOutlined, PictureOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { Queue, QueueRow } from '../grading-api';
import { G, gradeColor, gradeLabel, liveGrade, markerState, rowState } from '../grading-labels';
import { formatDay } from '../../../shared/lib/format';

function Submission({ r }: { r: QueueRow }) {
  if (r.status === 'missing') return <Tag>{G.missing}</Tag>;
  return (
    <Space size={4} wrap>
      {r.pages > 0 && <Tag icon={<PictureOutlined />}>{G.pages(r.pages)}</Tag>}
      {r.hasPdf && <Tag icon={<FilePdfOutlined />}>{G.pdf}</Tag>}
      {r.hasText && <Tag icon={<FileTextOutlined />}>{G.text}</Tag>}
      {r.status === 'paper' && <Tag>{G.paper}</Tag>}
      <Typography.Text type="secondary">{formatDay(r.submittedAt)}</Typography.Text>
    </Space>
  );
}

function MarkerCell({ q, r, marker }: { q: Queue; r: QueueRow; marker: number }) {
  if (r.status === 'missing') return null;
  const g = liveGrade(r.grades, marker);
  const state = markerState(g);
  return (
    <Space size={4} wrap>
      {g?.grade && <Tag color={gradeColor(q.rubric, g.grade)}>{gradeLabel(q.rubric, g.grade)}</Tag>}
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>{state.label}</Typography.Text>
    </Space>
  );
}

/** The branch's reflections: a table on a computer, cards on a phone; selection for the approving secretary. */
export function GradingList({ queue, rows, selected, onSelect }: {
  queue: Queue; rows: QueueRow[]; selected: string[]; onSelect: (ids: string[]) => void;
}) {
  const navigate = useNavigate();
  const isPhone = !Grid.useBreakpoint().md;
  const open = (r: QueueRow) => r.reflectionId && navigate(`/reflections/${r.reflectionId}/grade`);
  const action = (r: QueueRow) => {
    if (!r.reflectionId) return null;
    const toGrade = queue.abilities.grade && (r.gradeStatus === 'ungraded' || r.gradeStatus === 'draft' || r.grades.some((g) => g.status === 'draft'));
    const toApprove = queue.abilities.approve && r.readyToApprove;
    return (
      <Button type={toGrade || toApprove ? 'primary' : 'default'} onClick={() => open(r)} data-testid="open-grading">
        {toGrade ? G.grade : toApprove ? G.approveShort : G.view}
      </Button>
    );
  };
  const finalTag = (r: QueueRow) => r.finalGrade && <Tag color={gradeColor(queue.rubric, r.finalGrade)}>{gradeLabel(queue.rubric, r.finalGrade)}</Tag>;
  const stateTag = (r: QueueRow) => { const s = rowState(r); return <Tag color={s.color}>{s.label}</Tag>; };
  const markers = queue.secondMarker ? [1, 2] : [1];

  if (isPhone) {
    if (rows.length === 0) return <Empty description={G.empty} />;
    return (
      <>
        {rows.map((r) => (
          <Card key={r.reflectionId ?? r.memberId} className="qt-grading-card" data-testid="grading-card">
            <div className="qt-grading-card-name">{r.label} {stateTag(r)} {finalTag(r)}</div>
            {r.cardNumber && <Typography.Text type="secondary">Số thẻ {r.cardNumber}</Typography.Text>}
            <div style={{ margin: '6px 0' }}><Submission r={r} /></div>
            {r.status !== 'missing' && (!r.finalGrade || queue.secondMarker) && markers.map((m) => (
              <div key={m}>{queue.secondMarker ? `${G.marker(m)}: ` : ''}<MarkerCell q={queue} r={r} marker={m} /></div>
            ))}
            {r.reflectionId && <div style={{ marginTop: 8 }}>{action(r)}</div>}
          </Card>
        ))}
      </>
    );
  }
  return (
    <Table<QueueRow>
      rowKey={(r) => r.reflectionId ?? r.memberId!} dataSource={rows} pagination={false} size="middle" className="qt-clickable-rows"
      onRow={(r) => ({ onDoubleClick: () => open(r) })}
      rowSelection={queue.abilities.approve ? {
        selectedRowKeys: selected, onChange: (keys) => onSelect(keys.map(String)),
        getCheckboxProps: (r) => ({ disabled: !r.readyToApprove }),
      } : undefined}
      locale={{ emptyText: <Empty description={G.empty} /> }}
      columns={[
        { title: 'STT', width: 56, render: (_v, _r, i) => i + 1 },
        {
          title: G.name, render: (_v, r) => (
            <span><b>{r.label}</b>{r.cardNumber && <><br /><Typography.Text type="secondary">Số thẻ {r.cardNumber}</Typography.Text></>}</span>
          ),
        },
        { title: G.submission, render: (_v, r) => <Submission r={r} /> },
        ...markers.map((m) => ({ title: queue.secondMarker ? G.marker(m) : 'Kết quả chấm', key: `m${m}`, render: (_v: unknown, r: QueueRow) => <MarkerCell q={queue} r={r} marker={m} /> })),
        { title: G.finalGrade, width: 100, render: (_v, r) => finalTag(r) },
        { title: G.status, width: 130, render: (_v, r) => stateTag(r) },
        { title: '', width: 90, render: (_v, r) => action(r) },
      ]}
    />
  );
}
