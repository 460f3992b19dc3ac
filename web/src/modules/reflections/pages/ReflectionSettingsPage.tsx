import { useEffect, type ReactNode } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Skeleton, Space, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import type { Dayjs } from 'dayjs';
import { CampaignNav } from '../../campaigns/components/CampaignNav';
import { useReflectionSettings, useSaveReflectionSettings, type SettingsDetail } from '../settings-api';
import type { Rubric } from '../grading-api';
import { fromIso, toVnIso } from '../../conferences/labels';
import { searchKey } from '../../../shared/lib/fold';
import { formatIsoDate } from '../../../shared/lib/format';
import { errorText } from '../../../shared/lib/http';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';

interface Values {
  dueAt: Dayjs | null; cutoffAt: Dayjs | null; writers: 'studied' | 'covered'; mustHandwrite: boolean; maxPages: number;
  secondMarker: boolean; anonymousMarking: boolean; rubric: Rubric;
}

const DAY_TIME = 'DD/MM/YYYY HH:mm';

/** A day later than the plan's deadline for reflections (`yyyy-mm-dd`), when it sets one. */
const afterPlan = (d: Dayjs, planDay: string | null | undefined) => !!planDay && d.format('YYYY-MM-DD') > planDay;

/** A key for a new rubric entry, from its Vietnamese label ("Xuất sắc" → "xuat_sac"), unique in its list. */
function keyFor(label: string, taken: Set<string>): string {
  const base = searchKey(label).replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 16) || 'muc';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  return key;
}

/** Entries added on this screen have no key yet: they get one from their label before saving. */
function withKeys<T extends { key?: string; label: string }>(items: T[]): Array<T & { key: string }> {
  const taken = new Set(items.flatMap((i) => (i.key ? [i.key] : [])));
  return items.map((i) => {
    if (i.key) return i as T & { key: string };
    const key = keyFor(i.label, taken);
    taken.add(key);
    return { ...i, key };
  });
}

/**
 * How the campaign collects and grades its reflections: due date and cut-off (within the plan's
 * deadline), who must write, hand-written or not, pages, second and anonymous marking, and the rubric
 * (criteria, levels, overall grades) until grading begins. Only who manages the campaign sees this page.
 */
export default function ReflectionSettingsPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const settings = useReflectionSettings(id);
  const save = useSaveReflectionSettings(id);
  const [form] = Form.useForm<Values>();
  const data = settings.data;
  const rubricLocked = !!data?.gradingStarted;

  useEffect(() => {
    if (!data) return;
    form.setFieldsValue({
      dueAt: data.dueAt ? fromIso(data.dueAt) : null, cutoffAt: data.cutoffAt ? fromIso(data.cutoffAt) : null, writers: data.writers,
      mustHandwrite: data.mustHandwrite, maxPages: data.maxPages, secondMarker: data.secondMarker, anonymousMarking: data.anonymousMarking, rubric: data.rubric,
    });
  }, [data, form]);

  const submit = (v: Values) => {
    const rubric = { criteria: withKeys(v.rubric.criteria), levels: withKeys(v.rubric.levels), grades: withKeys(v.rubric.grades) };
    const unchanged = JSON.stringify(rubric) === JSON.stringify(data!.rubric);
    // Typed as Vietnamese wall-clock time, whatever time zone the browser is set to.
    save.mutate({
      dueAt: v.dueAt ? toVnIso(v.dueAt) : null, cutoffAt: v.cutoffAt ? toVnIso(v.cutoffAt) : null,
      writers: v.writers, mustHandwrite: v.mustHandwrite, maxPages: v.maxPages, secondMarker: v.secondMarker, anonymousMarking: v.anonymousMarking,
      // An untouched rubric is not sent, so the campaign keeps following the default one.
      ...(rubricLocked || unchanged ? {} : { rubric }),
    }, {
      onSuccess: () => message.success('Đã lưu cách thu và chấm bài thu hoạch'),
      onError: (e) => message.error(errorText(e)),
    });
  };
  // Back to the default rubric, keeping the rest as saved (not the form's unsaved edits).
  const resetRubric = () => save.mutate({ ...savedBody(data!), rubric: null }, {
    onSuccess: () => message.success('Đã dùng lại thang đánh giá mặc định'), onError: (e) => message.error(errorText(e)),
  });

  const planLine = data?.plan?.reflectionsBy
    ? `Kế hoạch${data.plan.number ? ` ${data.plan.number}` : ''}: nộp bài thu hoạch chậm nhất ngày ${formatIsoDate(data.plan.reflectionsBy)}`
    : null;

  return (
    <div data-testid="reflection-settings-page">
      <CampaignNav campaignId={id} active="reflection-settings" />
      {settings.isError && <ProblemAlert error={settings.error} />}
      {!data ? (!settings.isError && <Skeleton active />) : (
        <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 860 }} requiredMark={false}>
          <Card title="Thời hạn nộp bài" style={{ marginBottom: 16 }}>
            {planLine && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={planLine} />}
            <Space wrap size="large" align="start">
              <Form.Item name="dueAt" label="Hạn nộp" extra="Bài nộp sau thời điểm này được ghi là nộp muộn"
                rules={[{ validator: (_, v: Dayjs | null) => (v && afterPlan(v, data.plan?.reflectionsBy)
                  ? Promise.reject(new Error(`Không được muộn hơn ngày ${formatIsoDate(data.plan!.reflectionsBy!)} của kế hoạch`)) : Promise.resolve()) }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format={DAY_TIME} placeholder="Chọn ngày giờ" style={{ width: 220 }} data-testid="settings-due" />
              </Form.Item>
              <Form.Item name="cutoffAt" label="Hạn chót nhận bài" extra="Sau hạn chót, chỉ nhận bài của đảng viên được chi bộ gia hạn" dependencies={['dueAt']}
                rules={[({ getFieldValue }) => ({ validator: (_, v: Dayjs | null) => {
                  const due = getFieldValue('dueAt') as Dayjs | null;
                  return v && due && v.isBefore(due) ? Promise.reject(new Error('Hạn chót không được sớm hơn hạn nộp')) : Promise.resolve();
                } })]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format={DAY_TIME} placeholder="Chọn ngày giờ" style={{ width: 220 }} data-testid="settings-cutoff" />
              </Form.Item>
            </Space>
          </Card>

          <Card title="Người viết và hình thức bài" style={{ marginBottom: 16 }}>
            <Form.Item name="writers" label="Ai phải viết bài thu hoạch">
              <Radio.Group style={{ display: 'grid', gap: 6 }} options={[
                { value: 'studied', label: 'Đảng viên đã học tập Nghị quyết (dự hội nghị hoặc đã học bù)' },
                { value: 'covered', label: 'Mọi đảng viên thuộc diện kế hoạch' },
              ]} />
            </Form.Item>
            <Space wrap size="large" align="start">
              <Form.Item name="mustHandwrite" label="Bắt buộc viết tay" valuePropName="checked" extra="Đảng viên nộp ảnh chụp hoặc bản quét bài viết tay">
                <Switch />
              </Form.Item>
              <Form.Item name="maxPages" label="Số trang tối đa mỗi bài" rules={[{ required: true, message: 'Cần ghi số trang tối đa' }]}>
                <InputNumber min={1} max={30} style={{ width: 120 }} />
              </Form.Item>
            </Space>
          </Card>

          <Card title="Chấm bài" style={{ marginBottom: 16 }}>
            <Space wrap size="large" align="start">
              <Form.Item name="secondMarker" label="Chấm hai vòng" valuePropName="checked" extra="Mỗi bài do hai đồng chí chấm độc lập, Bí thư chi bộ duyệt">
                <Switch />
              </Form.Item>
              <Form.Item name="anonymousMarking" label="Chấm ẩn danh" valuePropName="checked" extra="Người chấm thấy số biên nhận, không thấy tên người viết">
                <Switch />
              </Form.Item>
            </Space>
          </Card>

          <Card title="Thang đánh giá" style={{ marginBottom: 16 }}
            extra={data.customRubric && !rubricLocked && <Button icon={<UndoOutlined />} onClick={resetRubric} loading={save.isPending}>Dùng thang mặc định</Button>}>
            {rubricLocked && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="Đã có bài được chấm: thang đánh giá giữ nguyên để các kết quả chấm so sánh được với nhau" />}
            <Typography.Title level={5}>Tiêu chí</Typography.Title>
            <RubricList name="criteria" locked={rubricLocked} add="Thêm tiêu chí" fields={(f) => (
              <>
                <Form.Item name={[f.name, 'label']} rules={[{ required: true, whitespace: true, message: 'Cần ghi tên tiêu chí' }]} style={{ flex: 2, minWidth: 220, marginBottom: 8 }}>
                  <Input placeholder="Tên tiêu chí" disabled={rubricLocked} />
                </Form.Item>
                <Form.Item name={[f.name, 'hint']} style={{ flex: 3, minWidth: 220, marginBottom: 8 }}>
                  <Input placeholder="Gợi ý cho người chấm" disabled={rubricLocked} />
                </Form.Item>
              </>
            )} blank={{ label: '', hint: '' }} />
            <Typography.Title level={5}>Mức đánh giá mỗi tiêu chí (từ cao xuống thấp)</Typography.Title>
            <RubricList name="levels" locked={rubricLocked} add="Thêm mức" fields={(f) => (
              <>
                <Form.Item name={[f.name, 'label']} rules={[{ required: true, whitespace: true, message: 'Cần ghi tên mức' }]} style={{ flex: 2, minWidth: 160, marginBottom: 8 }}>
                  <Input placeholder="Tên mức" disabled={rubricLocked} />
                </Form.Item>
                <Form.Item name={[f.name, 'points']} rules={[{ required: true, message: 'Cần ghi số điểm' }]} style={{ marginBottom: 8 }}>
                  <InputNumber min={0} max={100} step={0.5} addonAfter="điểm" style={{ width: 140 }} disabled={rubricLocked} />
                </Form.Item>
              </>
            )} blank={{ label: '', points: 0 }} />
            <Typography.Title level={5}>Xếp loại chung (theo điểm trung bình các tiêu chí)</Typography.Title>
            <RubricList name="grades" locked={rubricLocked} add="Thêm mức xếp loại" fields={(f) => (
              <>
                <Form.Item name={[f.name, 'label']} rules={[{ required: true, whitespace: true, message: 'Cần ghi tên xếp loại' }]} style={{ flex: 2, minWidth: 160, marginBottom: 8 }}>
                  <Input placeholder="Tên xếp loại" disabled={rubricLocked} />
                </Form.Item>
                <Form.Item name={[f.name, 'minAverage']} rules={[{ required: true, message: 'Cần ghi điểm trung bình tối thiểu' }]} style={{ marginBottom: 8 }}>
                  <InputNumber min={0} max={100} step={0.25} addonBefore="từ" addonAfter="điểm" style={{ width: 180 }} disabled={rubricLocked} />
                </Form.Item>
              </>
            )} blank={{ label: '', minAverage: 0 }} />
          </Card>

          <Button type="primary" htmlType="submit" size="large" loading={save.isPending} data-testid="settings-save">Lưu</Button>
        </Form>
      )}
    </div>
  );
}

/** The saved settings as a body for saving again. */
function savedBody(d: SettingsDetail) {
  const { dueAt, cutoffAt, writers, mustHandwrite, maxPages, secondMarker, anonymousMarking } = d;
  return { dueAt, cutoffAt, writers, mustHandwrite, maxPages, secondMarker, anonymousMarking };
}

type FieldRow = { key: number; name: number };

/** One editable list of the rubric: a row per entry, with remove and add buttons unless grading has begun. */
function RubricList({ name, locked, add, fields, blank }: {
  name: keyof Rubric; locked: boolean; add: string; fields: (f: FieldRow) => ReactNode; blank: Record<string, unknown>;
}) {
  return (
    <Form.List name={['rubric', name]}>
      {(rows, { add: addRow, remove }) => (
        <div style={{ marginBottom: 16 }}>
          {rows.map((f) => (
            <div key={f.key} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'flex-start' }}>
              {fields(f)}
              {!locked && rows.length > 1 && <Button aria-label="Xóa dòng" icon={<DeleteOutlined />} onClick={() => remove(f.name)} />}
            </div>
          ))}
          {!locked && rows.length < 10 && <Button type="dashed" icon={<PlusOutlined />} onClick={() => addRow(blank)}>{add}</Button>}
        </div>
      )}
    </Form.List>
  );
}

