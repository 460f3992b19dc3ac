import { useEffect, useMemo } from 'react';
import { App, Button, Card, Checkbox, Form, Grid, Input, Space, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useOrgLevels, type OrgLevel } from '../../org/api';
import { usePlanCommand, type ContentItem, type PlanPatch, type PlanView } from '../api';
import { ApiError } from '../../../shared/lib/http';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import { L } from '../labels';
import { DeadlineField, toDay, toIso } from './DeadlineField';

interface LevelRow { levelId: string; planBy: Dayjs | null; conferencesBy: Dayjs | null }
interface Values {
  title: string; purpose: string; attendees: string; reflectionWriters: string; includeExempt: boolean;
  contents: ContentItem[]; levels: LevelRow[];
  reflectionsBy: Dayjs | null; reportBy: Dayjs | null; actionProgramBy: Dayjs | null;
}

/** Levels the plan may set deadlines for: its own and those below, plus any already set. */
function planLevels(plan: PlanView, levels: OrgLevel[]): OrgLevel[] {
  const own = levels.find((l) => l.id === plan.levelId)?.rank ?? 0;
  const named = new Set([...plan.levelDeadlines, ...(plan.limits?.levelDeadlines ?? [])].map((d) => d.levelId));
  return levels.filter((l) => l.rank >= own || named.has(l.id)).sort((a, b) => a.rank - b.rank);
}

function toValues(plan: PlanView, rows: OrgLevel[]): Values {
  return {
    title: plan.title, purpose: plan.purpose, attendees: plan.attendees, reflectionWriters: plan.reflectionWriters, includeExempt: plan.includeExempt,
    contents: plan.contents,
    levels: rows.map((l) => {
      const d = plan.levelDeadlines.find((x) => x.levelId === l.id);
      return { levelId: l.id, planBy: toDay(d?.planBy), conferencesBy: toDay(d?.conferencesBy) };
    }),
    reflectionsBy: toDay(plan.reflectionsBy), reportBy: toDay(plan.reportBy), actionProgramBy: toDay(plan.actionProgramBy),
  };
}

function toPatch(v: Values): PlanPatch {
  return {
    title: v.title, purpose: v.purpose ?? '', attendees: v.attendees ?? '', reflectionWriters: v.reflectionWriters ?? '', includeExempt: v.includeExempt,
    contents: v.contents.filter((c) => c.fromPlanId || c.text?.trim()).map((c) => ({ text: c.text.trim(), fromPlanId: c.fromPlanId ?? null })),
    levelDeadlines: v.levels.map((r) => ({ levelId: r.levelId, planBy: toIso(r.planBy), conferencesBy: toIso(r.conferencesBy) })),
    reflectionsBy: toIso(v.reflectionsBy), reportBy: toIso(v.reportBy), actionProgramBy: toIso(v.actionProgramBy),
  };
}

/** Server field paths ("levelDeadlines.2.conferencesBy") as this form's field names. */
function fieldOf(path: string): Array<string | number> | null {
  const parts = path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (parts[0] === 'levelDeadlines' && parts.length === 3) return ['levels', parts[1], parts[2]];
  if (parts[0] === 'contents' && parts.length === 2) return ['contents', parts[1], 'text'];
  if (['title', 'purpose', 'attendees', 'reflectionWriters', 'includeExempt', 'reflectionsBy', 'reportBy', 'actionProgramBy'].includes(String(parts[0])) && parts.length === 1) return parts;
  return null;
}

export function PlanEditor({ plan }: { plan: PlanView }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const levels = useOrgLevels();
  const command = usePlanCommand(plan.id);
  const rows = useMemo(() => planLevels(plan, levels.data ?? []), [plan, levels.data]);
  const hasUpper = !!plan.limits;
  const limitOf = (levelId: string, f: 'planBy' | 'conferencesBy') => plan.limits?.levelDeadlines.find((d) => d.levelId === levelId)?.[f] ?? null;

  useEffect(() => { if (levels.data) form.setFieldsValue(toValues(plan, rows)); }, [plan, rows, levels.data, form]);

  const showErrors = (err: unknown) => {
    if (!(err instanceof ApiError)) return;
    const fields = (err.problem.errors ?? []).flatMap((e) => { const name = e.path && fieldOf(e.path); return name ? [{ name, errors: [e.message] }] : []; });
    form.setFields(fields as never);
  };
  const save = async (then?: 'submit') => {
    await form.validateFields();
    // The server's last refusal no longer stands (fields without rules keep set errors otherwise).
    form.setFields(form.getFieldsError().filter((f) => f.errors.length).map((f) => ({ name: f.name, errors: [] })) as never);
    // All values, also those without a field of their own (level ids, inherited marks).
    const v = form.getFieldsValue(true) as Values;
    await command.mutateAsync({ kind: 'update', body: toPatch(v) }).catch((e) => { showErrors(e); throw e; });
    if (then) await command.mutateAsync({ kind: then });
    message.success(then ? L.done[then] : L.saved);
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={() => save().catch(() => undefined)} disabled={command.isPending}>
      <Card title={L.plan} style={{ marginBottom: 16 }}>
        <Form.Item name="title" label={L.title} rules={[{ required: true, min: 3, whitespace: true, message: L.required }]}><Input maxLength={500} /></Form.Item>
        <Form.Item name="purpose" label={L.purpose}><Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} /></Form.Item>
        <ContentsField />
        <Form.Item name="attendees" label={L.attendees}><Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} /></Form.Item>
        <Form.Item name="reflectionWriters" label={L.reflectionWriters}><Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} /></Form.Item>
        <Form.Item name="includeExempt" valuePropName="checked" extra={hasUpper ? L.includeExemptLocked : undefined}>
          <Checkbox disabled={hasUpper}>{L.includeExempt}</Checkbox>
        </Form.Item>
      </Card>
      <Card title={L.levelDeadlines} style={{ marginBottom: 16 }}>
        <div className="qt-deadline-grid">
          <div className="qt-deadline-head">{L.level}</div><div className="qt-deadline-head">{L.planBy}</div><div className="qt-deadline-head">{L.conferencesBy}</div>
          {rows.map((l, i) => (
            <LevelRowFields key={l.id} index={i} level={l} hasUpper={hasUpper} limitOf={limitOf} />
          ))}
        </div>
      </Card>
      <Card title={L.otherDeadlines} style={{ marginBottom: 16 }}>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: '0 16px' }}>
          {(['reflectionsBy', 'reportBy', 'actionProgramBy'] as const).map((f) => (
            <DeadlineField key={f} name={f} label={L[f]} limit={plan.limits?.[f] ?? null} hasUpper={hasUpper} />
          ))}
        </div>
      </Card>
      <ProblemAlert error={command.error} />
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={command.isPending}>{L.saveDraft}</Button>
        {plan.abilities.submit && <Button onClick={() => save('submit').catch(() => undefined)}>{L.submit}</Button>}
      </Space>
    </Form>
  );
}

function LevelRowFields({ index, level, hasUpper, limitOf }: { index: number; level: OrgLevel; hasUpper: boolean; limitOf: (id: string, f: 'planBy' | 'conferencesBy') => string | null }) {
  // On a phone the column heads are hidden: each picker carries its own label.
  const isPhone = !Grid.useBreakpoint().md;
  return (
    <>
      <div className="qt-deadline-level">{level.name}</div>
      <DeadlineField name={['levels', index, 'planBy']} label={isPhone ? L.planBy : undefined} limit={limitOf(level.id, 'planBy')} hasUpper={hasUpper} />
      <DeadlineField name={['levels', index, 'conferencesBy']} label={isPhone ? L.conferencesBy : undefined} limit={limitOf(level.id, 'conferencesBy')} hasUpper={hasUpper} />
    </>
  );
}

/** Contents: inherited lines locked with their tag, own lines editable and removable, in one list. */
function ContentsField() {
  return (
    <Form.Item label={L.contents} required={false}>
      <Form.List name="contents">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => <ContentRow key={f.key} name={f.name} onRemove={() => remove(f.name)} />)}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ text: '', fromPlanId: null })}>{L.addContent}</Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

function ContentRow({ name, onRemove }: { name: number; onRemove: () => void }) {
  const form = Form.useFormInstance();
  const item = Form.useWatch(['contents', name], { form, preserve: true }) as ContentItem | undefined;
  const inherited = !!item?.fromPlanId;
  return (
    <div className="qt-content-row">
      <Typography.Text type="secondary" style={{ marginTop: 5, minWidth: 20 }}>{name + 1}.</Typography.Text>
      {inherited && <Tooltip title="Nội dung của kế hoạch cấp trên, không sửa hoặc bỏ được"><Tag color="geekblue">{L.inherited}</Tag></Tooltip>}
      <Form.Item name={[name, 'text']} style={{ flex: 1, marginBottom: 0 }}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} readOnly={inherited} variant={inherited ? 'borderless' : 'outlined'} placeholder={L.newContent} />
      </Form.Item>
      {!inherited && <Button type="text" danger icon={<DeleteOutlined />} aria-label="Xóa" onClick={onRemove} />}
    </div>
  );
}
