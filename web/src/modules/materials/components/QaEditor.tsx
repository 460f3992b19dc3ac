import { Button, Form, Input } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { T } from '../labels';

/** The questions and answers of a Q&A material: a list of pairs the officer can grow and shrink. */
export function QaEditor() {
  return (
    <Form.List
      name="qa"
      rules={[{
        validator: async (_, pairs?: Array<{ question?: string; answer?: string }>) => {
          if (!pairs?.some((p) => p?.question?.trim() && p?.answer?.trim())) throw new Error(T.needQa);
        },
      }]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, i) => (
            <div key={field.key} className="qt-qa-pair" data-testid="qa-pair">
              <Form.Item name={[field.name, 'question']} label={T.question(i + 1)} rules={[{ required: true, whitespace: true, message: `${T.question(i + 1)}: chưa nhập câu hỏi` }]}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} />
              </Form.Item>
              <Form.Item name={[field.name, 'answer']} label={T.answer} rules={[{ required: true, whitespace: true, message: `${T.question(i + 1)}: chưa nhập câu trả lời` }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={40000} />
              </Form.Item>
              {fields.length > 1 && (
                <Button type="link" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} style={{ paddingInline: 0, marginBottom: 8 }}>{T.removeQuestion}</Button>
              )}
            </div>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ question: '', answer: '' })} block data-testid="add-question">{T.addQuestion}</Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}
