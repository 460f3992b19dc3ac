import { useState } from 'react';
import { Alert, App, Button, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { CheckOutlined, EditOutlined } from '@ant-design/icons';
import { useGradingActions, type Grade, type ReflectionForGrading } from '../grading-api';
import { G, gradeColor, gradeLabel, levelLabel, liveGrade, markerState } from '../grading-labels';
import { errorText } from '../../../shared/lib/http';
import { formatDayTime } from '../../../shared/lib/format';

/** The secretary's approval (with the final grade) and the marker's correction of an approved grading. */
export function GradeActions({ data, marker }: { data: ReflectionForGrading; marker: number }) {
  const { message } = App.useApp();
  const { approve, correct } = useGradingActions();
  const [dialog, setDialog] = useState<'approve' | 'correct' | null>(null);
  const [finalGrade, setFinalGrade] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const { rubric, abilities, reflection } = data;
  const live = liveGrade(data.grades, marker);
  const first = liveGrade(data.grades, 1);
  const id = reflection.id;

  const doApprove = () => approve.mutate({ id, grade: finalGrade }, {
    onSuccess: () => { setDialog(null); message.success(G.approvedOne); }, onError: (e) => message.error(errorText(e)),
  });
  const doCorrect = () => correct.mutate({ id, marker, reason }, {
    onSuccess: () => { setDialog(null); setReason(''); message.success(G.correctionCreated); }, onError: (e) => message.error(errorText(e)),
  });

  return (
    <>
      {reflection.finalGrade && (
        <Alert type="success" showIcon style={{ marginBottom: 12 }}
          title={<>{G.finalGrade}: <Tag color={gradeColor(rubric, reflection.finalGrade)}>{gradeLabel(rubric, reflection.finalGrade)}</Tag></>}
          description={`${G.lockedApproved}${reflection.gradedAt ? ` Duyệt lúc ${formatDayTime(reflection.gradedAt)}.` : ''}`} />
      )}
      {((abilities.approve && data.readyToApprove) || (abilities.grade && live?.status === 'approved')) && (
        <Space wrap style={{ marginBottom: 12 }}>
          {abilities.approve && data.readyToApprove && (
            <Button type="primary" icon={<CheckOutlined />} onClick={() => { setFinalGrade(first?.grade ?? undefined); setDialog('approve'); }} data-testid="approve-one">{G.approve}</Button>
          )}
          {abilities.grade && live?.status === 'approved' && (
            <Button icon={<EditOutlined />} onClick={() => setDialog('correct')} data-testid="start-correction">{G.correction}</Button>
          )}
        </Space>
      )}
      {data.secondMarker && abilities.approve && data.readyToApprove && dialog !== 'approve' && <GradeComparison data={data} />}
      <Modal open={dialog === 'approve'} title={G.approve} onCancel={() => setDialog(null)} onOk={doApprove} okText={G.approve} cancelText="Hủy"
        confirmLoading={approve.isPending} destroyOnHidden width={data.secondMarker ? 760 : undefined}>
        {data.secondMarker ? <GradeComparison data={data} /> : data.grades.filter((g) => g.status === 'submitted').map((g) => (
          <Typography.Paragraph key={g.id}>{G.markerLong(g.marker)}: <Tag color={gradeColor(rubric, g.grade)}>{gradeLabel(rubric, g.grade)}</Tag></Typography.Paragraph>
        ))}
        <div className="qt-criterion-title">{G.finalGrade}</div>
        <Radio.Group optionType="button" buttonStyle="solid" value={finalGrade} onChange={(e) => setFinalGrade(e.target.value)}
          options={rubric.grades.map((g) => ({ value: g.key, label: g.label }))} />
      </Modal>
      <Modal open={dialog === 'correct'} title={G.correction} onCancel={() => setDialog(null)} onOk={doCorrect} okText={G.correction} cancelText="Hủy"
        okButtonProps={{ disabled: !reason.trim() }} confirmLoading={correct.isPending} destroyOnHidden>
        <Typography.Paragraph type="secondary">{G.correctionHint}</Typography.Paragraph>
        <div className="qt-criterion-title">{G.correctionReason}</div>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="correction-reason" />
      </Modal>
    </>
  );
}

/** The two markers' gradings side by side, criterion by criterion, for the approving secretary. */
export function GradeComparison({ data }: { data: ReflectionForGrading }) {
  const { rubric } = data;
  const pair = [liveGrade(data.grades, 1), liveGrade(data.grades, 2)];
  const cell = (text: string | null | undefined, sub?: string | null) => (
    <>{text ?? '—'}{sub ? <div className="qt-history-meta">{sub}</div> : null}</>
  );
  const rows = [
    ...rubric.criteria.map((c) => ({
      key: c.key, label: `(${c.key}) ${c.label}`,
      values: pair.map((g) => cell(levelLabel(rubric, g?.levels[c.key]), g?.criterionComments[c.key])),
    })),
    { key: '_grade', label: G.finalGrade, values: pair.map((g) => (g?.grade ? <Tag color={gradeColor(rubric, g.grade)}>{gradeLabel(rubric, g.grade)}</Tag> : '—')) },
    { key: '_comment', label: G.comment, values: pair.map((g) => cell(g?.comment)) },
  ];
  return (
    <div className="qt-compare" data-testid="grade-comparison">
      <div className="qt-criterion-title">{G.compare}</div>
      <Table size="small" pagination={false} rowKey="key" dataSource={rows} tableLayout="fixed"
        columns={[
          { title: G.criterion, dataIndex: 'label', width: '40%' },
          ...[1, 2].map((m, i) => ({
            title: <>{G.markerLong(m)}{pair[i]?.gradedByName ? <div className="qt-history-meta">{pair[i]!.gradedByName}</div> : null}</>,
            key: `m${m}`, render: (_v: unknown, r: (typeof rows)[number]) => r.values[i],
          })),
        ]} />
    </div>
  );
}

/** Every grading of the reflection, superseded ones with their approval and the reason they were corrected. */
export function GradeHistory({ grades, rubric }: { grades: Grade[]; rubric: ReflectionForGrading['rubric'] }) {
  if (grades.length === 0) return null;
  return (
    <div className="qt-grade-history">
      <Typography.Title level={5}>{G.history}</Typography.Title>
      {grades.map((g) => {
        const state = g.status === 'superseded' ? { label: 'Đã thay bằng phiếu đính chính', color: 'default' } : markerState(g);
        return (
          <div key={g.id} className="qt-history-item">
            <Space wrap size={4}>
              <b>{G.markerLong(g.marker)} · {G.revision(g.revision)}</b>
              {g.sealed ? <Tag>{G.sealedTag}</Tag> : <Tag color={gradeColor(rubric, g.grade)}>{gradeLabel(rubric, g.grade) ?? '—'}</Tag>}
              <Tag color={state.color}>{state.label}</Tag>
            </Space>
            <div className="qt-history-meta">
              {G.by}: {g.gradedByName ?? '—'}{g.submittedAt ? ` · gửi ${formatDayTime(g.submittedAt)}` : ''}{g.approvedAt ? ` · duyệt ${formatDayTime(g.approvedAt)}` : ''}
            </div>
            {g.correctionReason && <div className="qt-history-meta">{G.correctionReason}: {g.correctionReason}</div>}
          </div>
        );
      })}
    </div>
  );
}
