import { useState } from 'react';
import { Button, Card, Form, Progress, Upload } from 'antd';
import { CloudUploadOutlined, InboxOutlined } from '@ant-design/icons';
import { OrgSearchSelect } from '../../org/components/OrgSearchSelect';
import { uploadImport, type ImportView } from '../api';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';

const T = {
  org: 'Tổ chức nhận danh sách', orgHelp: 'Chọn chi bộ nếu tệp là danh sách của một chi bộ; chọn đảng bộ nếu tệp có cột "Chi bộ".',
  file: 'Tệp Excel (.xlsx)', drop: 'Bấm để chọn tệp, hoặc kéo tệp vào đây', dropHint: 'Danh sách đảng viên theo mẫu của cấp ủy, định dạng .xlsx',
  upload: 'Tải lên và kiểm tra', uploading: 'Đang tải tệp lên...', needOrg: 'Chọn tổ chức nhận danh sách', needFile: 'Chọn tệp Excel',
};

interface Props { defaultOrgId?: string | null; defaultOrgName?: string; onUploaded: (view: ImportView, orgName: string | undefined) => void }

/** Step 1: where the members go, which file; then the upload with its own progress bar. */
export function ImportForm({ defaultOrgId, defaultOrgName, onUploaded }: Props) {
  const [orgId, setOrgId] = useState<string | null>(defaultOrgId ?? null);
  const [orgName, setOrgName] = useState<string | undefined>(defaultOrgName);
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [touched, setTouched] = useState(false);

  const submit = async () => {
    setTouched(true);
    if (!orgId || !file) return;
    setError(null);
    setPercent(0);
    try { onUploaded(await uploadImport(orgId, file, setPercent), orgName); } catch (err) { setError(err); }
    setPercent(null);
  };

  return (
    <Card>
      <ProblemAlert error={error} />
      <Form layout="vertical">
        <Form.Item label={T.org} required extra={T.orgHelp}
          validateStatus={touched && !orgId ? 'error' : undefined} help={touched && !orgId ? T.needOrg : undefined}>
          <OrgSearchSelect id="import-org" value={orgId} valueLabel={orgName} onChange={(id, hit) => { setOrgId(id); setOrgName(hit?.name); }} />
        </Form.Item>
        <Form.Item label={T.file} required validateStatus={touched && !file ? 'error' : undefined} help={touched && !file ? T.needFile : undefined}>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            multiple={false}
            beforeUpload={(f) => { setFile(f); setError(null); return false; }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{T.drop}</p>
            <p className="ant-upload-hint">{T.dropHint}</p>
          </Upload.Dragger>
        </Form.Item>
        {percent !== null && (
          <div style={{ marginBottom: 16 }} data-testid="upload-progress">
            <div>{T.uploading}</div>
            <Progress percent={percent} status="active" />
          </div>
        )}
        <Button type="primary" size="large" icon={<CloudUploadOutlined />} onClick={submit} loading={percent !== null}>{T.upload}</Button>
      </Form>
    </Card>
  );
}
