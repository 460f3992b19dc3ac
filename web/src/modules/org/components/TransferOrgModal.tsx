import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useOrgAction, type OrgDetail } from '../api';
import { OrgSearchSelect } from './OrgSearchSelect';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import { formatNumber } from '../../../shared/lib/format';

const T = {
  move: { title: 'Chuyển tổ chức', target: 'Chuyển sang trực thuộc', ok: 'Chuyển', help: 'Tổ chức cùng toàn bộ tổ chức trực thuộc và đảng viên sẽ chuyển sang tổ chức mới.' },
  merge: { title: 'Sáp nhập vào tổ chức khác', target: 'Sáp nhập vào', ok: 'Sáp nhập', help: 'Các tổ chức trực thuộc và đảng viên sẽ chuyển sang tổ chức nhận sáp nhập; tổ chức này thôi hoạt động.' },
  note: 'Ghi chú (căn cứ quyết định, nếu có)', needTarget: 'Chọn tổ chức',
  moved: 'Đã chuyển tổ chức',
  merged: (children: number, members: number) => `Đã sáp nhập: chuyển ${formatNumber(children)} tổ chức trực thuộc và ${formatNumber(members)} đảng viên`,
};

interface Props { mode: 'move' | 'merge'; org: OrgDetail; onClose: () => void; onDone: (targetId: string) => void }

/** "Chuyển" and "Sáp nhập vào...": both pick another org by search, with an optional note. */
export function TransferOrgModal({ mode, org, onClose, onDone }: Props) {
  const text = T[mode];
  const { message } = App.useApp();
  const action = useOrgAction();
  const [targetId, setTargetId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);

  const submit = () => {
    setTouched(true);
    if (!targetId) return;
    const payload = mode === 'move'
      ? { kind: 'move' as const, id: org.id, body: { newParentId: targetId, note: note || undefined } }
      : { kind: 'merge' as const, id: org.id, body: { targetId, note: note || undefined } };
    action.mutate(payload, {
      onSuccess: (result) => {
        const r = result as { movedChildren?: number; movedMembers?: number };
        message.success(mode === 'move' ? T.moved : T.merged(r.movedChildren ?? 0, r.movedMembers ?? 0));
        onDone(targetId);
      },
    });
  };

  return (
    <Modal open title={`${text.title}: ${org.name}`} okText={text.ok} okButtonProps={{ danger: mode === 'merge' }}
      onCancel={onClose} onOk={submit} confirmLoading={action.isPending} destroyOnHidden>
      <Alert type="info" showIcon title={text.help} style={{ marginBottom: 16 }} />
      <ProblemAlert error={action.error} />
      <Form layout="vertical">
        <Form.Item label={text.target} required validateStatus={touched && !targetId ? 'error' : undefined} help={touched && !targetId ? T.needTarget : undefined}>
          <OrgSearchSelect id="transfer-target" value={targetId} onChange={(id) => setTargetId(id)} excludeIds={[org.id]} />
        </Form.Item>
        <Form.Item label={T.note}>
          <Input.TextArea rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
