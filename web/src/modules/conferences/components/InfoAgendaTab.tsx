import { App, Button, Card, Checkbox, Descriptions, Empty, Form, Input, InputNumber, List, Space, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, UserOutlined } from '@ant-design/icons';
import { useSetAgenda, type AgendaItem, type ConferenceDetail } from '../api';
import { AUDIENCE_LABELS, FORMAT_LABELS, T } from '../labels';
import { formatDayTime } from '../../../shared/lib/format';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';

/** The conference's particulars and its agenda: topics in order, with speakers; the secretary presents in person. */
export function InfoAgendaTab({ c }: { c: ConferenceDetail }) {
  const editable = c.abilities.canManage && c.status === 'scheduled';
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={[
        { key: 'org', label: T.org, children: c.orgName },
        { key: 'aud', label: T.audience, children: <>{AUDIENCE_LABELS[c.audienceKind]}{c.audienceNote && <div>{c.audienceNote}</div>}</> },
        { key: 'format', label: T.format, children: FORMAT_LABELS[c.format].label },
        { key: 'venue', label: T.venue, children: c.venue },
        { key: 'when', label: T.when, children: `${formatDayTime(c.startsAt)}${c.endsAt ? ` – ${formatDayTime(c.endsAt)}` : ''}` },
        { key: 'cap', label: T.capacity, children: c.capacity ?? '—' },
        { key: 'exempt', label: T.includeExempt, children: c.includeExempt ? 'Có' : 'Không' },
      ]} />
      <Card title={T.agenda} size="small">
        {editable ? <AgendaEditor c={c} /> : <AgendaList c={c} />}
      </Card>
    </div>
  );
}

function AgendaList({ c }: { c: ConferenceDetail }) {
  if (c.agenda.length === 0) return <Empty description="Chưa có chương trình" />;
  return (
    <List dataSource={c.agenda} renderItem={(a) => (
      <List.Item>
        <List.Item.Meta title={`${a.seq}. ${a.topic}`}
          description={<>{a.speakerName}{a.speakerTitle && `, ${a.speakerTitle}`}{a.durationMinutes ? ` · ${a.durationMinutes} phút` : ''} {a.inPerson && <Tag icon={<UserOutlined />} color="red">{T.inPerson}</Tag>}</>} />
      </List.Item>
    )} />
  );
}

function AgendaEditor({ c }: { c: ConferenceDetail }) {
  const [form] = Form.useForm<{ items: AgendaItem[] }>();
  const save = useSetAgenda(c.id);
  const { message } = App.useApp();
  const initial = c.agenda.map(({ topic, speakerName, speakerTitle, durationMinutes, inPerson }) => ({ topic, speakerName, speakerTitle, durationMinutes, inPerson }));
  const submit = ({ items }: { items: AgendaItem[] }) => save.mutate(
    (items ?? []).map((it) => ({ ...it, speakerTitle: it.speakerTitle ?? '', durationMinutes: it.durationMinutes ?? null, inPerson: !!it.inPerson })),
    { onSuccess: () => message.success(T.saved) },
  );
  return (
    <Form form={form} initialValues={{ items: initial }} onFinish={submit} layout="vertical">
      <Typography.Paragraph type="secondary">{T.secretaryNote}</Typography.Paragraph>
      <ProblemAlert error={save.error} />
      <Form.List name="items">
        {(fields, { add, remove, move }) => (
          <>
            {fields.map((f, i) => (
              <Card key={f.key} size="small" style={{ marginBottom: 8 }} title={`${i + 1}.`} extra={
                <Space>
                  <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label="Lên" />
                  <Button size="small" icon={<ArrowDownOutlined />} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} aria-label="Xuống" />
                  <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(i)} aria-label={T.delete} />
                </Space>
              }>
                <Form.Item name={[f.name, 'topic']} label={T.topic} rules={[{ required: true, message: T.required }]}><Input maxLength={500} /></Form.Item>
                <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', gap: '0 12px', alignItems: 'end' }}>
                  <Form.Item name={[f.name, 'speakerName']} label={T.speaker} rules={[{ required: true, message: T.required }]}><Input maxLength={200} /></Form.Item>
                  <Form.Item name={[f.name, 'speakerTitle']} label={T.speakerTitle}><Input maxLength={300} /></Form.Item>
                  <Form.Item name={[f.name, 'durationMinutes']} label={T.minutes}><InputNumber min={1} max={1440} style={{ width: '100%' }} /></Form.Item>
                  <Form.Item name={[f.name, 'inPerson']} valuePropName="checked"><Checkbox>{T.inPerson}</Checkbox></Form.Item>
                </div>
              </Card>
            ))}
            <Space wrap>
              <Button icon={<PlusOutlined />} onClick={() => add({ topic: '', speakerName: '', speakerTitle: '', durationMinutes: null, inPerson: true })}>{T.addTopic}</Button>
              <Button type="primary" htmlType="submit" loading={save.isPending}>{T.saveAgenda}</Button>
            </Space>
          </>
        )}
      </Form.List>
    </Form>
  );
}
