import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Popconfirm } from 'antd';
import { CheckOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { usePlanCommand, type PlanCommand, type PlanView } from '../api';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import { L } from '../labels';

/** Approve, return and issue, shown only when the server says the actor may. */
export function PlanActions({ plan }: { plan: PlanView }) {
  const { message } = App.useApp();
  const command = usePlanCommand(plan.id);
  const [dialog, setDialog] = useState<'issue' | 'return' | null>(null);
  const run = (c: PlanCommand, after?: () => void) => command.mutate(c, { onSuccess: () => { message.success(L.done[c.kind]); after?.(); } });
  const a = plan.abilities;
  if (!a.approve && !a.issue && !a.return) return null;
  return (
    <>
      {!dialog && <ProblemAlert error={command.error} />}
      <div className="qt-plan-actions">
        {a.approve && (
          <Popconfirm title={L.confirmApprove} okText={L.approve} cancelText="Hủy" onConfirm={() => run({ kind: 'approve' })}>
            <Button type="primary" icon={<CheckOutlined />} loading={command.isPending}>{L.approve}</Button>
          </Popconfirm>
        )}
        {a.issue && <Button type="primary" icon={<SendOutlined />} onClick={() => { command.reset(); setDialog('issue'); }}>{L.issue}</Button>}
        {a.return && <Button icon={<RollbackOutlined />} onClick={() => { command.reset(); setDialog('return'); }}>{L.return}</Button>}
      </div>
      {dialog === 'issue' && <IssueDialog plan={plan} pending={command.isPending} error={command.error} onCancel={() => setDialog(null)}
        onOk={(number, issuedOn) => run({ kind: 'issue', number, issuedOn }, () => setDialog(null))} />}
      {dialog === 'return' && <ReturnDialog pending={command.isPending} error={command.error} onCancel={() => setDialog(null)}
        onOk={(note) => run({ kind: 'return', note }, () => setDialog(null))} />}
    </>
  );
}

function IssueDialog({ plan, pending, error, onOk, onCancel }: { plan: PlanView; pending: boolean; error: unknown; onOk: (n: string, d: string) => void; onCancel: () => void }) {
  const [form] = Form.useForm<{ number: string; issuedOn: Dayjs }>();
  return (
    <Modal open title={L.issueTitle} okText={L.issue} cancelText="Hủy" onCancel={onCancel} onOk={() => form.submit()} confirmLoading={pending} destroyOnHidden>
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ number: plan.number ?? '', issuedOn: dayjs() }}
        onFinish={(v) => onOk(v.number.trim(), v.issuedOn.format('YYYY-MM-DD'))}>
        <Form.Item name="number" label={L.number} extra={L.issueNumberHint} rules={[{ required: true, whitespace: true, message: L.required }]}>
          <Input maxLength={60} autoFocus />
        </Form.Item>
        <Form.Item name="issuedOn" label={L.issuedOn} rules={[{ required: true, message: L.required }]}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReturnDialog({ pending, error, onOk, onCancel }: { pending: boolean; error: unknown; onOk: (note: string) => void; onCancel: () => void }) {
  const [note, setNote] = useState('');
  return (
    <Modal open title={L.return} okText={L.return} cancelText="Hủy" onCancel={onCancel} onOk={() => onOk(note.trim())} confirmLoading={pending} destroyOnHidden>
      <ProblemAlert error={error} />
      <label className="qt-field-label" htmlFor="return-note">{L.returnNote}</label>
      <Input.TextArea id="return-note" autoSize={{ minRows: 3, maxRows: 8 }} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
    </Modal>
  );
}
