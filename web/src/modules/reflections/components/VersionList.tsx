import { Card, Empty, Image, Tag, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { fileUrl, type Reflection } from '../api';
import { R, SOURCE } from '../labels';
import { formatDayTime } from '../../../shared/lib/format';

/** Every version handed in, newest first; none is ever deleted. */
export function VersionList({ reflection }: { reflection: Reflection | null }) {
  if (!reflection || reflection.versions.length === 0) return <Empty description={R.noVersion} />;
  return (
    <>
      {reflection.versions.map((v) => (
        <Card key={v.id} size="small" style={{ marginBottom: 12 }} data-testid="reflection-version"
          title={R.version(v.seq)}
          extra={<>{v.id === reflection.currentVersionId && <Tag color="success">{R.current}</Tag>}<Tag>{SOURCE[v.source] ?? v.source}</Tag></>}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{R.receivedAt}: <b>{formatDayTime(v.submittedAt)}</b><br />{R.receiptNumber}: <b>{v.receiptNumber}</b></Typography.Paragraph>
          {v.pages.length > 0 && (
            <Image.PreviewGroup>
              <div className="qt-refl-thumbs">
                {v.pages.map((p, i) => (
                  <Image key={p.fileHash + i} width={72} src={fileUrl(p.thumbHash)} preview={{ src: fileUrl(p.fileHash) }} alt={R.page(i + 1)} />
                ))}
              </div>
            </Image.PreviewGroup>
          )}
          {v.pdf && <a href={fileUrl(v.pdf.fileHash)} target="_blank" rel="noreferrer"><FilePdfOutlined /> {R.openPdf}</a>}
          {v.text && <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ whiteSpace: 'pre-wrap' }}>{v.text}</Typography.Paragraph>}
          {v.recommendations && <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ whiteSpace: 'pre-wrap' }}><b>{R.recommendations}:</b> {v.recommendations}</Typography.Paragraph>}
        </Card>
      ))}
    </>
  );
}
