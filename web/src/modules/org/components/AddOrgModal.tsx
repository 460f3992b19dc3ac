import { useEffect, useMemo } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { useOrgAction, useOrgLevels, type OrgDetail, type OrgLevel } from '../api';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import { ORG_KINDS } from '../../../shared/i18n/vi';

const T = {
  title: 'Thêm tổ chức trực thuộc', under: 'Trực thuộc', name: 'Tên tổ chức', code: 'Mã tổ chức', level: 'Cấp', kind: 'Loại hình',
  needName: 'Nhập tên tổ chức (ít nhất 2 ký tự)', needCode: 'Nhập mã tổ chức', badCode: 'Mã chỉ gồm chữ, số và các dấu . _ - /',
  needLevel: 'Chọn cấp', needKind: 'Chọn loại hình', ok: 'Thành lập', done: (n: string) => `Đã thành lập ${n}`,
  codeHelp: 'Ví dụ: MS.X01.CB12',
};

/** The usual kind for a new org of a level. */
function defaultKind(level: OrgLevel | undefined): string {
  switch (level?.code) {
    case 'branch': return 'branch';
    case 'grassroots': return 'grassroots_committee';
    case 'sub_grassroots': return 'sub_committee';
    case 'upper_grassroots': return 'commune_committee';
    case 'district': return 'district_committee';
    default: return 'branch';
  }
}

interface Values { name: string; code: string; levelId: string; kind: string }

export function AddOrgModal({ parent, onClose }: { parent: OrgDetail; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const levels = useOrgLevels();
  const action = useOrgAction();
  const below = useMemo(() => (levels.data ?? []).filter((l) => l.rank > parent.levelRank).sort((a, b) => a.rank - b.rank), [levels.data, parent.levelRank]);

  // Levels arrive after the form mounts: preselect the level just below the parent.
  useEffect(() => {
    if (below[0] && !form.getFieldValue('levelId')) form.setFieldsValue({ levelId: below[0].id, kind: defaultKind(below[0]) });
  }, [below, form]);

  const submit = (v: Values) =>
    action.mutate({ kind: 'create', body: { parentId: parent.id, ...v } }, {
      onSuccess: () => { message.success(T.done(v.name)); onClose(); },
    });

  return (
    <Modal open title={T.title} okText={T.ok} onCancel={onClose} onOk={() => form.submit()} confirmLoading={action.isPending} destroyOnHidden>
      <p>{T.under}: <strong>{parent.name}</strong></p>
      <ProblemAlert error={action.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ code: `${parent.code}.` }}
        onValuesChange={(changed) => {
          if (changed.levelId) form.setFieldValue('kind', defaultKind(below.find((l) => l.id === changed.levelId)));
        }}
      >
        <Form.Item name="name" label={T.name} rules={[{ required: true, min: 2, whitespace: true, message: T.needName }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="code" label={T.code} extra={T.codeHelp}
          rules={[{ required: true, message: T.needCode }, { pattern: /^[\p{L}\p{N}._\-/]+$/u, message: T.badCode }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="levelId" label={T.level} rules={[{ required: true, message: T.needLevel }]}>
          <Select loading={levels.isPending} options={below.map((l) => ({ value: l.id, label: l.name }))} />
        </Form.Item>
        <Form.Item name="kind" label={T.kind} rules={[{ required: true, message: T.needKind }]}>
          <Select options={Object.entries(ORG_KINDS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
