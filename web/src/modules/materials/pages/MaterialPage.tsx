import { useEffect } from 'react';
import { Button, Collapse, ConfigProvider, Result, Skeleton, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { isMemberOnly, useMe } from '../../auth/api';
import { fileUrl, useMaterial, type MaterialDetail } from '../api';
import { KIND, STATUS, T } from '../labels';
import { largeTheme } from '../../../app/theme';
import { formatDay } from '../../../shared/lib/format';
import { isNotFound } from '../../../shared/lib/http';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import '../materials.css';

/** Reading a material on a phone: large text, questions and answers one by one, the attached file. */
export default function MaterialPage() {
  const id = useParams().id!;
  const material = useMaterial(id);
  const me = useMe().data!;
  const qc = useQueryClient();
  // The open was just recorded: the member's list should show "Đã đọc" when they go back.
  useEffect(() => { if (material.data) void qc.invalidateQueries({ queryKey: ['materials', 'mine'] }); }, [material.data, qc]);

  if (material.isPending) return <Skeleton active />;
  if (material.isError) {
    return isNotFound(material.error) ? <Result status="404" title={T.notFound} extra={<Link to="/">{T.back}</Link>} /> : <ProblemAlert error={material.error} />;
  }
  const m = material.data;
  const back = isMemberOnly(me) ? '/my-campaign' : `/campaigns/${m.campaignId}/materials`;
  return (
    <ConfigProvider theme={largeTheme}>
      <article className="qt-reader" data-testid="material-reader">
        <Link to={back}><Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>{T.back}</Button></Link>
        <Typography.Title level={1} className="qt-reader-title">{m.title}</Typography.Title>
        <div className="qt-reader-meta">
          <Tag color={KIND[m.kind].color}>{KIND[m.kind].label}</Tag>
          {m.audienceName && <Tag color="purple">{T.forAudience} {m.audienceName.charAt(0).toLowerCase() + m.audienceName.slice(1)}</Tag>}
          {m.status !== 'published' && <Tag color={STATUS[m.status].color}>{STATUS[m.status].label}</Tag>}
          <span>{m.orgName}{m.publishedAt ? ` · ${T.publishedOn} ${formatDay(m.publishedAt)}` : ''}</span>
        </div>
        {m.summary && <p className="qt-reader-summary">{m.summary}</p>}
        {m.file && (
          <Button className="qt-reader-file" type="primary" size="large" block icon={<DownloadOutlined />} href={fileUrl(m.id)} target="_blank" rel="noopener" data-testid="material-file">
            {T.download} ({m.file.name})
          </Button>
        )}
        <Body m={m} />
      </article>
    </ConfigProvider>
  );
}

function Body({ m }: { m: MaterialDetail }) {
  if (m.kind === 'qa') {
    return (
      <>
        <Typography.Paragraph type="secondary" style={{ fontSize: 17 }}>{T.qaCount(m.qa.length)}</Typography.Paragraph>
        <Collapse className="qt-reader-qa" size="large" defaultActiveKey={m.qa.length ? ['0'] : []} data-testid="material-qa"
          items={m.qa.map((p, i) => ({ key: String(i), label: `${i + 1}. ${p.question}`, children: p.answer }))} />
      </>
    );
  }
  const paragraphs = m.body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return <div className="qt-reader-body">{paragraphs.map((p, i) => <p key={i}>{p}</p>)}</div>;
}
