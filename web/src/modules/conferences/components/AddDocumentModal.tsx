import { Button, Card, Form, Input, Modal, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useAddDocument, type DocumentKind } from '../api';
import { DOCUMENT_KIND_LABELS, T } from '../labels';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';

interface Values { kind: DocumentKind; title: string; sections: Array<{ heading: string; text?: string }> }

/** Puts a thematic resolution, plan or project up for discussion, section by section (comments attach to sections). */
export function AddDocumentModal({ conferenceId, onClose }: { conferenceId: string; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const add = useAddDocument(conferenceId);
  const submit = (v: Values) => add.mutate({ kind: v.kind, title: v.title, sections: v.sections.map((s) => ({ heading: s.heading, text: s.text ?? '' })) }, { onSuccess: onClose });
  return (
    <Modal open title={T.addDocument} onCancel={onClose} onOk={() => form.submit()} okText={T.save} cancelText={T.cancelBtn}
      confirmLoading={add.isPending} destroyOnHidden width={720}>
      <ProblemAlert error={add.error} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'thematic_resolution', sections: [{ heading: '', text: '' }] }}>
        <Form.Item name="kind" label={T.docKind}><Select options={Object.entries(DOCUMENT_KIND_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
        <Form.Item name="title" label={T.docTitle} rules={[{ required: true, message: T.required }]}><Input maxLength={500} /></Form.Item>
        <Form.List name="sections">
          {(fields, { add: addRow, remove }) => (
            <>
              {fields.map((f, i) => (
                <Card key={f.key} size="small" style={{ marginBottom: 8 }} title={`Mục ${i + 1}`}
                  extra={fields.length > 1 && <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(i)} aria-label={T.delete} />}>
                  <Form.Item name={[f.name, 'heading']} label={T.heading} rules={[{ required: true, message: T.required }]}><Input maxLength={500} /></Form.Item>
                  <Form.Item name={[f.name, 'text']} label={T.text}><Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} /></Form.Item>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => addRow({ heading: '', text: '' })}>{T.addSection}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
