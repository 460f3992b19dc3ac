import { App, Form, Input, Modal } from 'antd';
import { useOrgAction, type OrgDetail } from '../api';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';

const T = {
  title: 'Đổi tên tổ chức', name: 'Tên mới', code: 'Mã tổ chức', note: 'Ghi chú (căn cứ quyết định, nếu có)',
  needName: 'Nhập tên tổ chức (ít nhất 2 ký tự)', needCode: 'Nhập mã tổ chức', badCode: 'Mã chỉ gồm chữ, số và các dấu . _ - /',
  ok: 'Lưu', done: 'Đã đổi tên tổ chức',
};

interface Values { name: string; code: string; note?: string }

export function RenameOrgModal({ org, onClose }: { org: OrgDetail; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const action = useOrgAction();
  const submit = (v: Values) => {
    const body = { name: v.name.trim() !== org.name ? v.name.trim() : undefined, code: v.code.trim() !== org.code ? v.code.trim() : undefined, note: v.note || undefined };
    if (!body.name && !body.code) return onClose();
    action.mutate({ kind: 'rename', id: org.id, body }, { onSuccess: () => { message.success(T.done); onClose(); } });
  };
  return (
    <Modal open title={T.title} okText={T.ok} onCancel={onClose} onOk={() => form.submit()} confirmLoading={action.isPending} destroyOnHidden>
      <ProblemAlert error={action.error} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ name: org.name, code: org.code }}>
        <Form.Item name="name" label={T.name} rules={[{ required: true, min: 2, whitespace: true, message: T.needName }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="code" label={T.code} rules={[{ required: true, message: T.needCode }, { pattern: /^[\p{L}\p{N}._\-/]+$/u, message: T.badCode }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="note" label={T.note}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
