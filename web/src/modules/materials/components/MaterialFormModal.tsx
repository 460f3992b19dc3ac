import { useEffect, useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Skeleton, Upload } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { materialKeys, uploadMaterialFile, useAudiences, useMaterial, useMaterialChange, type MaterialInput, type MaterialListItem, type QaItem } from '../api';
import { KIND, KIND_ORDER, T, type MaterialKind } from '../labels';
import { QaEditor } from './QaEditor';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';

export type MaterialFormMode =
  | { mode: 'create'; campaignId: string; orgId: string; orgName?: string }
  | { mode: 'variant'; master: MaterialListItem }
  | { mode: 'edit'; id: string };

interface Values { kind: MaterialKind; audienceCode?: string; title: string; summary?: string; body?: string; qa?: QaItem[] }

const EMPTY_PAIR = [{ question: '', answer: '' }];

/** Add a material, add a variant of a master for an audience, or edit a draft; with its file. */
export function MaterialFormModal({ target, onClose }: { target: MaterialFormMode; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const change = useMaterialChange();
  const [file, setFile] = useState<File | null>(null);
  const [savedId, setSavedId] = useState<string | null>(target.mode === 'edit' ? target.id : null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const existing = useMaterial(target.mode === 'edit' ? target.id : '');
  const audiences = useAudiences(target.mode === 'variant');
  const kind: MaterialKind | undefined = Form.useWatch('kind', form) ?? (target.mode === 'variant' ? target.master.kind : existing.data?.kind);

  useEffect(() => {
    const d = existing.data;
    if (target.mode === 'edit' && d) form.setFieldsValue({ kind: d.kind, title: d.title, summary: d.summary, body: d.body, qa: d.qa.length ? d.qa : EMPTY_PAIR });
  }, [existing.data, form, target.mode]);

  const taken = new Set(target.mode === 'variant' ? target.master.variants.map((v) => v.audienceCode) : []);
  const title = target.mode === 'create' ? T.createTitle : target.mode === 'variant' ? T.addVariant : T.editTitle;

  const submit = async (v: Values) => {
    setError(null);
    setSaving(true);
    try {
      const content = { title: v.title, summary: v.summary ?? '', body: v.body ?? '', qa: kind === 'qa' ? v.qa ?? [] : [] };
      let id = savedId;
      if (id) await change.mutateAsync({ kind: 'update', id, body: content });
      else {
        const body: MaterialInput = target.mode === 'create'
          ? { ...content, campaignId: target.campaignId, orgId: target.orgId, kind: v.kind }
          : { ...content, masterId: target.mode === 'variant' ? target.master.id : undefined, audienceCode: v.audienceCode };
        id = (await change.mutateAsync({ kind: 'create', body })).id;
        setSavedId(id);
      }
      if (file) { await uploadMaterialFile(id, file); setFile(null); await qc.invalidateQueries({ queryKey: materialKeys.all }); }
      message.success(T.saved);
      onClose();
    } catch (err) { setError(err); } finally { setSaving(false); }
  };

  return (
    <Modal open title={title} width={760} onCancel={onClose} destroyOnHidden
      footer={[<Button key="cancel" onClick={onClose}>Hủy</Button>, <Button key="ok" type="primary" loading={saving} onClick={() => form.submit()} data-testid="material-save">{T.save}</Button>]}>
      {target.mode === 'create' && target.orgName && <p>{T.publisher}: <strong>{target.orgName}</strong></p>}
      {target.mode === 'variant' && <p>{T.master}: <strong>{target.master.title}</strong></p>}
      <ProblemAlert error={error} />
      {target.mode === 'edit' && existing.isPending ? <Skeleton active /> : (
        <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ kind: target.mode === 'variant' ? target.master.kind : 'study', qa: EMPTY_PAIR }}>
          {target.mode === 'create' && (
            <Form.Item name="kind" label={T.kind} rules={[{ required: true }]}>
              <Select options={KIND_ORDER.map((k) => ({ value: k, label: KIND[k].label }))} data-testid="material-kind" />
            </Form.Item>
          )}
          {target.mode === 'variant' && (
            <Form.Item name="audienceCode" label={T.audience} rules={[{ required: true, message: T.needAudience }]}>
              <Select loading={audiences.isPending} data-testid="material-audience"
                options={(audiences.data ?? []).map((a) => ({ value: a.code, label: a.name, disabled: taken.has(a.code) }))} />
            </Form.Item>
          )}
          <Form.Item name="title" label={T.title} rules={[{ required: true, min: 3, whitespace: true, message: T.needTitle }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="summary" label={T.summary} extra={T.summaryHelp}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={4000} />
          </Form.Item>
          {kind === 'qa' ? <QaEditor /> : (
            <Form.Item name="body" label={T.body} extra={T.bodyHelp}>
              <Input.TextArea autoSize={{ minRows: 6, maxRows: 18 }} />
            </Form.Item>
          )}
          <Form.Item label={T.file} style={{ marginTop: 16 }} extra={existing.data?.file ? `Tệp hiện có: ${existing.data.file.name}` : undefined}>
            <Upload accept=".pdf,.docx,.jpg,.jpeg,.png" maxCount={1} beforeUpload={(f) => { setFile(f); return false; }} onRemove={() => setFile(null)}
              fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}>
              <Button icon={<PaperClipOutlined />}>{T.chooseFile}</Button>
            </Upload>
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
