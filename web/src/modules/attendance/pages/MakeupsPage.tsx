import { useState } from 'react';
import { App, Button, Card, DatePicker, Empty, Form, Grid, Input, Modal, Radio, Segmented, Space, Spin, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import dayjs from 'dayjs';
import { CampaignNav } from '../../campaigns/components/CampaignNav';
import { useMakeupActions, useMakeups, type MakeupItem } from '../api';
import { MAKEUP_MODE, MAKEUP_STATUS, T } from '../labels';
import { errorText } from '../../../shared/lib/http';
import { formatDay, formatDayTime } from '../../../shared/lib/format';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import '../attendance.css';

type Dialog = { kind: 'plan' | 'confirm'; item: MakeupItem } | null;

/** Members absent from a conference, until the branch committee confirms they have studied. */
export default function MakeupsPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const isPhone = !Grid.useBreakpoint().md;
  const [status, setStatus] = useState<string>('pending');
  const list = useMakeups(id, { status: status === 'all' ? undefined : status });
  const { plan, confirm } = useMakeupActions(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();

  const open = (kind: 'plan' | 'confirm', item: MakeupItem) => {
    form.setFieldsValue({ mode: item.mode ?? 'session', scheduledAt: item.scheduledAt ? dayjs(item.scheduledAt) : null, place: item.place, note: item.note });
    setDialog({ kind, item });
  };
  const submit = async () => {
    const v = await form.validateFields();
    const body = { id: dialog!.item.id, mode: v.mode, note: v.note ?? null };
    const done = { onSuccess: () => { setDialog(null); message.success(dialog!.kind === 'plan' ? 'Đã bố trí học bù' : 'Đã xác nhận học bù'); }, onError: (e: unknown) => message.error(errorText(e)) };
    if (dialog!.kind === 'plan') plan.mutate({ ...body, scheduledAt: v.scheduledAt ? v.scheduledAt.toISOString() : null, place: v.place ?? null }, done);
    else confirm.mutate(body, done);
  };
  const arrangement = (k: MakeupItem) => k.mode ? [MAKEUP_MODE[k.mode], k.scheduledAt && formatDayTime(k.scheduledAt), k.place].filter(Boolean).join(' — ') : 'Chưa bố trí';
  const buttons = (k: MakeupItem) => k.status === 'pending' && (
    <Space wrap>
      <Button onClick={() => open('plan', k)}>{T.arrange}</Button>
      <Button type="primary" onClick={() => open('confirm', k)} data-testid="confirm-makeup">{T.confirm}</Button>
    </Space>
  );

  return (
    <div data-testid="makeups-page">
      <CampaignNav campaignId={id} active="makeups" />
      <Segmented value={status} onChange={(v) => setStatus(String(v))} style={{ marginBottom: 12 }}
        options={[{ value: 'pending', label: MAKEUP_STATUS.pending.label }, { value: 'completed', label: MAKEUP_STATUS.completed.label }, { value: 'all', label: 'Tất cả' }]} />
      {list.isError && <ProblemAlert error={list.error} />}
      {isPhone ? (
        list.isPending ? <div style={{ textAlign: 'center', padding: 24 }} data-testid="makeups-loading"><Spin /></div>
        : (list.data ?? []).length === 0 ? <Empty description="Không có ai trong danh sách" /> : (list.data ?? []).map((k) => (
          <Card key={k.id} className="qt-roster-card" data-testid="makeup-card">
            <div className="qt-roster-name">{k.fullName} <Tag color={MAKEUP_STATUS[k.status].color}>{MAKEUP_STATUS[k.status].label}</Tag></div>
            <Typography.Text type="secondary">{k.branchName}</Typography.Text>
            <div>Vắng: {k.conferenceTitle} ({formatDay(k.conferenceStartsAt)}){k.absenceReason ? ` — ${k.absenceReason}` : ''}</div>
            <div>{arrangement(k)}</div>
            <div style={{ marginTop: 8 }}>{buttons(k)}</div>
          </Card>
        ))
      ) : (
        <Table<MakeupItem> rowKey="id" loading={list.isPending} dataSource={list.data} pagination={{ pageSize: 50, showSizeChanger: false }}
          columns={[
            { title: 'Họ và tên', dataIndex: 'fullName' },
            { title: 'Chi bộ', dataIndex: 'branchName' },
            { title: 'Vắng hội nghị', render: (_, k) => <span>{k.conferenceTitle}<br /><Typography.Text type="secondary">{formatDay(k.conferenceStartsAt)}</Typography.Text></span> },
            { title: 'Lý do', dataIndex: 'absenceReason', render: (v) => v ?? 'Không rõ lý do' },
            { title: 'Bố trí', render: (_, k) => arrangement(k) },
            { title: 'Trạng thái', render: (_, k) => <Tag color={MAKEUP_STATUS[k.status].color}>{MAKEUP_STATUS[k.status].label}{k.confirmedAt ? ` ${formatDay(k.confirmedAt)}` : ''}</Tag> },
            { title: '', render: (_, k) => buttons(k) },
          ]} />
      )}
      <Modal open={!!dialog} title={dialog ? `${dialog.kind === 'plan' ? T.arrange : T.confirm}: ${dialog.item.fullName}` : ''} onCancel={() => setDialog(null)}
        onOk={submit} okText={dialog?.kind === 'plan' ? 'Lưu' : T.confirm} cancelText="Hủy" confirmLoading={plan.isPending || confirm.isPending} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="mode" label={T.mode} rules={[{ required: true }]}>
            <Radio.Group options={Object.entries(MAKEUP_MODE).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          {dialog?.kind === 'plan' && (
            <>
              <Form.Item name="scheduledAt" label={T.when}><DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" style={{ width: '100%' }} /></Form.Item>
              <Form.Item name="place" label={T.place}><Input /></Form.Item>
            </>
          )}
          <Form.Item name="note" label={T.note}><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
