import { useState } from 'react';
import {
  App, Breadcrumb, Button, Card, Grid, Input, Popconfirm, Result, Segmented, Select, Skeleton, Space, Statistic, Table, Tag, Typography,
} from 'antd';
import { CheckOutlined, CloseOutlined, PrinterOutlined, QrcodeOutlined, UndoOutlined, UserAddOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useCloseConference, useConferenceHead, useMarkAttendance, useRoster, type Mark, type RosterItem } from '../api';
import { ATTENDANCE_STATUS, T } from '../labels';
import { ConferenceStatusTag } from '../../conferences/components/ConferenceStatusTag';
import { AbsenceModal } from '../components/AbsenceModal';
import { GuestsModal } from '../components/GuestsModal';
import { QrCanvas } from '../components/QrCanvas';
import { errorText, isNotFound } from '../../../shared/lib/http';
import { formatDayTime } from '../../../shared/lib/format';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import '../attendance.css';

const PAGE_SIZE = 50;

/** The roster of a conference: tick present or absent (with a reason), close the conference, print codes. */
export default function AttendancePage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const isPhone = !Grid.useBreakpoint().md;
  const conference = useConferenceHead(id);
  const [branchId, setBranchId] = useState<string>();
  const [status, setStatus] = useState<string>('all');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const [absent, setAbsent] = useState<RosterItem | null>(null);
  const [printing, setPrinting] = useState(false);
  const [guestsOpen, setGuestsOpen] = useState(false);
  const roster = useRoster(id, { branchId, status: status === 'all' ? undefined : status, q: q || undefined, page, pageSize: printing ? 500 : PAGE_SIZE });
  const mark = useMarkAttendance(id);
  const close = useCloseConference(id);

  const send = (marks: Mark[]) => mark.mutate(marks, { onError: (e) => message.error(errorText(e)), onSuccess: () => setSelected([]) });

  if (conference.isPending) return <Skeleton active />;
  if (conference.isError) return isNotFound(conference.error) ? <Result status="404" title="Không tìm thấy hội nghị" /> : <ProblemAlert error={conference.error} />;
  const c = conference.data;
  const counts = roster.data?.counts;
  const actions = (r: RosterItem) => <RowActions item={r} disabled={c.status === 'cancelled' || mark.isPending} onMark={send} onAbsent={() => setAbsent(r)} />;

  return (
    <div data-testid="attendance-page">
      <Breadcrumb className="qt-no-print" items={[{ title: <Link to={`/campaigns/${c.campaignId}/conferences`}>Hội nghị</Link> }, { title: <Link to={`/conferences/${id}`}>{c.title}</Link> }, { title: T.attendanceTitle }]} />
      <Typography.Title level={3} style={{ marginTop: 8 }}>{c.title} <ConferenceStatusTag c={c} /></Typography.Title>
      <Typography.Paragraph type="secondary">{formatDayTime(c.startsAt)} — {c.venue}</Typography.Paragraph>
      {counts && (
        <div className="qt-counter" style={{ marginBottom: 12 }}>
          <Statistic title="Được mời" value={counts.all} />
          <Statistic title="Có mặt" value={counts.present} styles={{ content: { color: '#2e7d32' } }} />
          <Statistic title="Vắng" value={counts.absent} styles={{ content: { color: '#c62828' } }} />
          <Statistic title="Chưa điểm danh" value={counts.invited} />
        </div>
      )}
      <Space wrap className="qt-no-print" style={{ marginBottom: 12 }}>
        {c.status === 'scheduled' && <Link to={`/conferences/${id}/check-in`}><Button type="primary" size="large" icon={<QrcodeOutlined />}>{T.openScanner}</Button></Link>}
        <Button icon={<PrinterOutlined />} onClick={() => setPrinting((p) => !p)}>{printing ? 'Về danh sách' : T.printCodes}</Button>
        {c.status === 'scheduled' && <Button icon={<UserAddOutlined />} onClick={() => setGuestsOpen(true)}>Thêm khách mời</Button>}
        {c.status === 'scheduled' && (
          <Popconfirm title={T.closeConfirm} okText={T.closeConference} cancelText="Hủy" onConfirm={() => close.mutate(undefined, {
            onSuccess: (r) => message.success(T.closed(r.present, r.absent)), onError: (e) => message.error(errorText(e)),
          })}>
            <Button danger loading={close.isPending} data-testid="close-conference">{T.closeConference}</Button>
          </Popconfirm>
        )}
      </Space>
      <Space wrap className="qt-no-print" style={{ marginBottom: 12, width: '100%' }}>
        <Select allowClear placeholder={T.allBranches} style={{ minWidth: 240 }} value={branchId} onChange={(v) => { setBranchId(v); setPage(1); }}
          options={roster.data?.branches.map((b) => ({ value: b.id, label: `${b.name} (${b.count})` }))} aria-label="Chi bộ" />
        <Segmented value={status} onChange={(v) => { setStatus(String(v)); setPage(1); }}
          options={[{ value: 'all', label: T.allStatuses }, { value: 'invited', label: 'Chưa điểm danh' }, { value: 'present', label: T.present }, { value: 'absent', label: T.absent }]} />
        <Input.Search allowClear placeholder={T.search} onSearch={(v) => { setQ(v); setPage(1); }} style={{ width: 280 }} />
        {selected.length > 0 && <Button type="primary" icon={<CheckOutlined />} onClick={() => send(selected.map((invitationId) => ({ invitationId, status: 'present' })))}>{T.markPresentSelected} ({selected.length})</Button>}
      </Space>
      {roster.isError && <ProblemAlert error={roster.error} />}
      {printing ? <PrintSheet items={roster.data?.items ?? []} title={c.title} /> : isPhone ? (
        <div>
          {(roster.data?.items ?? []).map((r) => (
            <Card key={r.id} className="qt-roster-card" data-testid="roster-card">
              <div className="qt-roster-name">{r.fullName} <StatusTag r={r} /></div>
              <Typography.Text type="secondary">{r.branchName ?? [T.guest, r.guestTitle, r.guestOrg].filter(Boolean).join(' — ')}</Typography.Text>
              {actions(r)}
            </Card>
          ))}
          <Button block onClick={() => setPage((p) => p + 1)} disabled={(roster.data?.total ?? 0) <= page * PAGE_SIZE}>Trang sau</Button>
        </div>
      ) : (
        <Table<RosterItem> rowKey="id" loading={roster.isFetching} dataSource={roster.data?.items}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (r) => ({ disabled: r.status === 'present' }) }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: roster.data?.total, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: 'Họ và tên', dataIndex: 'fullName', render: (v, r) => <span>{v}{r.memberId ? null : <Tag style={{ marginLeft: 6 }}>{T.guest}</Tag>}</span> },
            { title: 'Chi bộ / đơn vị', render: (_, r) => r.branchName ?? [r.guestTitle, r.guestOrg].filter(Boolean).join(', ') },
            { title: 'Nơi dự', render: (_, r) => [r.sessionSeq ? T.session(r.sessionSeq) : null, r.bridgePointName].filter(Boolean).join(' · ') },
            { title: 'Điểm danh', render: (_, r) => <StatusTag r={r} /> },
            { title: '', width: 300, render: (_, r) => actions(r) },
          ]} />
      )}
      <GuestsModal conferenceId={id} open={guestsOpen} onClose={() => setGuestsOpen(false)} />
      <AbsenceModal open={!!absent} name={absent?.fullName ?? ''} onCancel={() => setAbsent(null)}
        onOk={(reason) => { send([{ invitationId: absent!.id, status: 'absent', reason: reason || null }]); setAbsent(null); }} />
    </div>
  );
}

function StatusTag({ r }: { r: RosterItem }) {
  const s = ATTENDANCE_STATUS[r.status];
  const detail = r.status === 'present' && r.checkedInAt ? ` ${formatDayTime(r.checkedInAt)}` : r.status === 'absent' && r.absenceReason ? `: ${r.absenceReason}` : '';
  return <Tag color={s.color} data-testid="attendance-status">{s.label}{detail}</Tag>;
}

function RowActions({ item, disabled, onMark, onAbsent }: { item: RosterItem; disabled: boolean; onMark: (m: Mark[]) => void; onAbsent: () => void }) {
  return (
    <div className="qt-roster-actions">
      <Button icon={<CheckOutlined />} disabled={disabled || item.status === 'present'} onClick={() => onMark([{ invitationId: item.id, status: 'present' }])}>{T.present}</Button>
      <Button icon={<CloseOutlined />} danger disabled={disabled} onClick={onAbsent}>{T.absent}</Button>
      {item.status !== 'invited' && <Button icon={<UndoOutlined />} disabled={disabled} onClick={() => onMark([{ invitationId: item.id, status: 'invited' }])} aria-label={T.undo} />}
    </div>
  );
}

/** Cards with each invitee's code, to print and hand out where phones are few. */
function PrintSheet({ items, title }: { items: RosterItem[]; title: string }) {
  return (
    <div>
      <Typography.Title level={4}>{title}</Typography.Title>
      <Button className="qt-no-print" icon={<PrinterOutlined />} onClick={() => window.print()} style={{ marginBottom: 12 }}>In</Button>
      <div className="qt-print-sheet">
        {items.filter((r) => r.qrCode).map((r) => (
          <div key={r.id} className="qt-print-card">
            <QrCanvas value={r.qrCode!} size={140} />
            <div><strong>{r.fullName}</strong></div>
            <div>{r.branchName ?? r.guestOrg ?? ''}</div>
          </div>
        ))}
      </div>
    </div>
  );
}
