import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useOrgAction, type OrgDetail } from '../api';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';

const T = {
  title: 'Giải thể tổ chức', ok: 'Giải thể', note: 'Ghi chú (căn cứ quyết định, nếu có)', done: 'Đã giải thể tổ chức',
  confirm: (name: string) => `Xác nhận giải thể ${name}?`,
  help: 'Chỉ giải thể được tổ chức không còn đảng viên và không còn tổ chức trực thuộc. Lịch sử của tổ chức vẫn được lưu giữ.',
};

export function DissolveOrgModal({ org, onClose, onDone }: { org: OrgDetail; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const action = useOrgAction();
  const [note, setNote] = useState('');
  const submit = () =>
    action.mutate({ kind: 'dissolve', id: org.id, body: { note: note || undefined } }, { onSuccess: () => { message.success(T.done); onDone(); } });
  return (
    <Modal open title={T.title} okText={T.ok} okButtonProps={{ danger: true }} onCancel={onClose} onOk={submit} confirmLoading={action.isPending} destroyOnHidden>
      <Alert type="warning" showIcon title={T.confirm(org.name)} description={T.help} style={{ marginBottom: 16 }} />
      <ProblemAlert error={action.error} />
      <Form layout="vertical">
        <Form.Item label={T.note}>
          <Input.TextArea rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
