import { useState } from 'react';
import { App, Button, Collapse, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { CommentOutlined, PlusOutlined } from '@ant-design/icons';
import { useAddComment, useComments, type CommentView, type ConferenceDetail, type DocumentView } from '../api';
import { DOCUMENT_KIND_LABELS, T } from '../labels';
import { AddDocumentModal } from './AddDocumentModal';
import { formatDayTime } from '../../../shared/lib/format';
import { errorText } from '../../../shared/lib/http';

/** Documents put up for discussion; each section with its comments and a box to add one. */
export function DocumentsTab({ c }: { c: ConferenceDetail }) {
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<string[]>([]);
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      {c.abilities.canManage && c.status === 'scheduled' && (
        <div><Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>{T.addDocument}</Button></div>
      )}
      {c.documents.length === 0 ? <Empty description="Chưa có văn bản đưa ra thảo luận" /> : (
        <Collapse activeKey={open} onChange={(k) => setOpen(k as string[])} items={c.documents.map((d) => ({
          key: d.id,
          label: <><Tag>{DOCUMENT_KIND_LABELS[d.kind]}</Tag>{d.title}</>,
          extra: <Typography.Text type="secondary"><CommentOutlined /> {T.comments(d.commentCount)}</Typography.Text>,
          children: <DocumentBody c={c} d={d} active={open.includes(d.id)} />,
        }))} />
      )}
      {adding && <AddDocumentModal conferenceId={c.id} onClose={() => setAdding(false)} />}
    </div>
  );
}

function DocumentBody({ c, d, active }: { c: ConferenceDetail; d: DocumentView; active: boolean }) {
  const comments = useComments(d.id, active);
  const bySection = (key: string) => (comments.data ?? []).filter((k) => k.sectionKey === key);
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      {d.sections.map((s) => (
        <section key={s.key}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>{s.heading}</Typography.Title>
          {s.text && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{s.text}</Typography.Paragraph>}
          <CommentList items={bySection(s.key)} loading={comments.isPending} />
          {c.abilities.canComment && <CommentBox docId={d.id} conferenceId={c.id} sectionKey={s.key} />}
        </section>
      ))}
    </div>
  );
}

function CommentList({ items, loading }: { items: CommentView[]; loading: boolean }) {
  return (
    <List size="small" loading={loading} dataSource={items} locale={{ emptyText: T.noComments }}
      style={{ background: '#fafafa', borderRadius: 6, padding: '0 12px', marginBottom: 8 }}
      renderItem={(k) => (
        <List.Item>
          <div>
            <Typography.Text strong>{k.authorName}</Typography.Text> <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDayTime(k.createdAt)}</Typography.Text>
            <div style={{ whiteSpace: 'pre-wrap' }}>{k.body}</div>
          </div>
        </List.Item>
      )} />
  );
}

function CommentBox({ docId, conferenceId, sectionKey }: { docId: string; conferenceId: string; sectionKey: string }) {
  const { message } = App.useApp();
  const add = useAddComment(docId, conferenceId);
  const [body, setBody] = useState('');
  const send = () => add.mutate({ sectionKey, body }, { onSuccess: () => setBody(''), onError: (e) => message.error(errorText(e)) });
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input.TextArea value={body} onChange={(e) => setBody(e.target.value)} placeholder={T.commentPlaceholder} autoSize={{ minRows: 1, maxRows: 5 }} maxLength={5000} aria-label={T.comment} />
      <Button type="primary" onClick={send} disabled={!body.trim()} loading={add.isPending}>{T.send}</Button>
    </Space.Compact>
  );
}
