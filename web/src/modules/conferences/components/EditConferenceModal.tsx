import { Alert, App, Button, Form, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useUpdateConference, type ConferenceDetail, type NewConference } from '../api';
import { dayText, fromIso, T, toVnIso } from '../labels';
import { ApiError } from '../../../shared/lib/http';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import { ConferenceFields, type ConferenceValues } from './ConferenceFields';

const FIELDS = ['title', 'audienceKind', 'audienceNote', 'format', 'venue', 'capacity', 'startsAt', 'endsAt', 'includeExempt'] as const;
type Patch = Partial<Omit<NewConference, 'campaignId' | 'orgId'>>;

function valuesOf(c: ConferenceDetail): ConferenceValues {
  return {
    title: c.title, audienceKind: c.audienceKind, audienceNote: c.audienceNote, format: c.format, venue: c.venue, capacity: c.capacity,
    startsAt: fromIso(c.startsAt), endsAt: c.endsAt ? fromIso(c.endsAt) : null, includeExempt: c.includeExempt,
  };
}

/** Only what changed is sent: the deadline is checked again only when a time changed, invitations only when the audience did. */
export function changesOf(c: ConferenceDetail, v: ConferenceValues): Patch {
  const next: Required<Patch> = {
    title: v.title.trim(), audienceKind: v.audienceKind, audienceNote: (v.audienceNote ?? '').trim(), format: v.format, venue: v.venue.trim(),
    capacity: v.capacity ?? null, startsAt: toVnIso(v.startsAt), endsAt: v.endsAt ? toVnIso(v.endsAt) : null, includeExempt: !!v.includeExempt,
  };
  const same = (k: (typeof FIELDS)[number]) => (k === 'startsAt' || k === 'endsAt'
    ? (next[k] ? new Date(next[k]!).getTime() : null) === (c[k] ? new Date(c[k]!).getTime() : null)
    : next[k] === c[k]);
  return Object.fromEntries(FIELDS.filter((k) => !same(k)).map((k) => [k, next[k]])) as Patch;
}

/** "Sửa thông tin hội nghị": the particulars of a scheduled conference, with the server's messages on their fields. */
export function EditConferenceModal({ c, onClose }: { c: ConferenceDetail; onClose: () => void }) {
  const [form] = Form.useForm<ConferenceValues>();
  const { message } = App.useApp();
  const update = useUpdateConference(c.id);
  const afterDeadline = (d: Dayjs) => !!c.deadline && d.format('YYYY-MM-DD') > c.deadline;

  // The server's field errors (Vietnamese) go under their fields as well as in the alert.
  useEffect(() => {
    const err = update.error;
    if (!(err instanceof ApiError)) return;
    // Zod names a body field "body.capacity", the rules "endsAt": both go under the field.
    const fieldOf = (path = '') => FIELDS.find((f) => f === path.replace(/^body\./, ''));
    const fields = (err.problem.errors ?? []).filter((e) => fieldOf(e.path));
    if (fields.length) form.setFields(fields.map((e) => ({ name: fieldOf(e.path)!, errors: [e.message.replace(/^body\.\w+: /, '')] })));
  }, [update.error, form]);

  const submit = (v: ConferenceValues) => {
    const patch = changesOf(c, v);
    if (Object.keys(patch).length === 0) { message.info(T.noChange); onClose(); return; }
    update.mutate(patch, { onSuccess: () => { message.success(T.infoSaved); onClose(); } });
  };

  return (
    <Modal open title={T.editInfo} onCancel={onClose} onOk={() => form.submit()} okText={T.saveInfo} cancelText={T.cancelBtn}
      confirmLoading={update.isPending} width={640} destroyOnHidden okButtonProps={{ 'data-testid': 'save-conference' } as React.ComponentProps<typeof Button>}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {c.orgName}{c.deadline ? ` · ${T.deadline(dayText(c.deadline))}` : ''}
      </Typography.Paragraph>
      <ProblemAlert error={update.error} />
      {c.format === 'online' && c.bridgePoints.length > 0 && <Alert type="info" showIcon title={T.onlineToInPerson} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={valuesOf(c)} data-testid="edit-conference-form">
        <ConferenceFields afterDeadline={afterDeadline} exemptExtra={T.editHint} />
      </Form>
    </Modal>
  );
}
