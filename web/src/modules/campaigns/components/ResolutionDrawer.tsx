import { useState } from 'react';
import { App, Button, Drawer, Empty, Form, Input, List, Select, Skeleton, Space, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { useAddDocument, useResolution } from '../api';
import { downloadFile } from '../../../shared/lib/download';
import { formatIsoDate } from '../../../shared/lib/format';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import { DOCUMENT_KINDS, L } from '../labels';

/** The resolution's documents (resolution, political report, breakthrough programs…), and adding one. */
export function ResolutionDrawer({ resolutionId, onClose }: { resolutionId: string; onClose: () => void }) {
  const resolution = useResolution(resolutionId);
  const [adding, setAdding] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const r = resolution.data;
  const download = (docId: string, name: string) =>
    downloadFile(`/api/resolutions/${resolutionId}/documents/${docId}/file`, name).then(() => setDownloadError(null), setDownloadError);
  return (
    <Drawer open onClose={onClose} title={L.documentsTitle} size={560}>
      <ProblemAlert error={resolution.error ?? downloadError} />
      {!r ? <Skeleton active /> : (
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }}>{r.title}</Typography.Title>
          <Typography.Paragraph type="secondary">
            {r.congress} · {L.term} {r.term}{r.adoptedOn ? ` · ${formatIsoDate(r.adoptedOn)}` : ''} · {r.orgName}
          </Typography.Paragraph>
          {r.documents.length === 0 ? <Empty description={L.noDocuments} /> : (
            <List dataSource={r.documents} renderItem={(d) => (
              <List.Item actions={d.file ? [<Button key="dl" icon={<DownloadOutlined />} onClick={() => download(d.id, d.file!.name)}>{L.download}</Button>] : []}>
                <List.Item.Meta
                  title={<Space wrap><Tag>{DOCUMENT_KINDS[d.kind] ?? d.kind}</Tag>{d.title}</Space>}
                  description={<Space wrap split="·">
                    {d.file && <span><PaperClipOutlined /> {d.file.name} ({fileSize(d.file.size)})</span>}
                    {d.textLength > 0 && <span>{L.chars(d.textLength)}</span>}
                  </Space>}
                />
              </List.Item>
            )} />
          )}
          {r.canManage && (adding
            ? <AddDocumentForm resolutionId={resolutionId} onDone={() => setAdding(false)} />
            : <Button icon={<PlusOutlined />} style={{ marginTop: 12 }} onClick={() => setAdding(true)}>{L.addDocument}</Button>)}
        </>
      )}
    </Drawer>
  );
}

const fileSize = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

interface DocValues { kind: string; title: string; body?: string }

function AddDocumentForm({ resolutionId, onDone }: { resolutionId: string; onDone: () => void }) {
  const [form] = Form.useForm<DocValues>();
  const { message } = App.useApp();
  const add = useAddDocument(resolutionId);
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const submit = (v: DocValues) => {
    if (!file && !v.body?.trim()) { setMissing(true); return; }
    add.mutate({ ...v, file: file ?? undefined }, { onSuccess: () => { message.success(L.added); onDone(); } });
  };
  return (
    <Form<DocValues> form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'resolution' }} style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{L.addDocument}</Typography.Title>
      <ProblemAlert error={add.error} />
      <Form.Item name="kind" label={L.kind}><Select options={Object.entries(DOCUMENT_KINDS).map(([value, label]) => ({ value, label }))} /></Form.Item>
      <Form.Item name="title" label={L.docTitle} rules={[{ required: true, whitespace: true, min: 2, message: L.required }]}><Input maxLength={500} /></Form.Item>
      <Form.Item label={L.docFile} validateStatus={missing ? 'error' : undefined} help={missing ? L.needTextOrFile : undefined}>
        <Upload accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document" maxCount={1}
          beforeUpload={(f) => { setFile(f); setMissing(false); return false; }} onRemove={() => setFile(null)}
          fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}>
          <Button icon={<PaperClipOutlined />}>{L.chooseFile}</Button>
        </Upload>
      </Form.Item>
      <Form.Item name="body" label={L.docText} extra={L.docTextHint}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} onChange={() => setMissing(false)} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={add.isPending}>{L.save}</Button>
        <Button onClick={onDone}>Hủy</Button>
      </Space>
    </Form>
  );
}
