import { useState } from 'react';
import { Button, Card, Empty, Grid, Segmented, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { CampaignNav } from '../../campaigns/components/CampaignNav';
import { hasAnyRole, useMe } from '../../auth/api';
import { useConferences, type ConferenceSummary } from '../api';
import { AUDIENCE_LABELS, FORMAT_LABELS, T } from '../labels';
import { ConferenceStatusTag } from '../components/ConferenceStatusTag';
import { ScheduleConferenceModal } from '../components/ScheduleConferenceModal';
import { ProblemAlert } from '../../../shared/ui/ProblemAlert';
import { formatDayTime, formatNumber } from '../../../shared/lib/format';

/** Roles holding conference.manage (src/kernel/access/permissions.ts). */
const ORGANIZER_ROLES = ['system_admin', 'propaganda_officer', 'committee_secretary', 'branch_committee', 'branch_secretary'] as const;

const FormatTag = ({ c }: { c: ConferenceSummary }) => <Tag color={FORMAT_LABELS[c.format].color}>{FORMAT_LABELS[c.format].label}</Tag>;
const counts = (c: ConferenceSummary) => `${formatNumber(c.invited)} / ${formatNumber(c.present)}`;

/** The conferences of a campaign the user may see, upcoming first, and scheduling a new one. */
export default function ConferencesPage() {
  const { id: campaignId = '' } = useParams();
  const me = useMe().data;
  const isPhone = !Grid.useBreakpoint().md;
  const navigate = useNavigate();
  const list = useConferences(campaignId);
  const [chosen, setChosen] = useState<'upcoming' | 'past' | null>(null);
  const [open, setOpen] = useState(false);
  const now = Date.now();
  const all = list.data ?? [];
  const upcoming = all.filter((c) => new Date(c.startsAt).getTime() >= now - 12 * 3_600_000).reverse();
  const past = all.filter((c) => !upcoming.includes(c));
  // Until the user picks, the past ones are shown when nothing is coming (rather than an empty list).
  const when = chosen ?? (upcoming.length === 0 && past.length > 0 ? 'past' : 'upcoming');
  const shown = when === 'upcoming' ? upcoming : past;
  const none = when === 'upcoming' ? T.noneUpcoming : T.none;

  return (
    <>
      <CampaignNav campaignId={campaignId} active="conferences" />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', marginBottom: 12 }}>
        <Segmented value={when} onChange={(v) => setChosen(v as 'upcoming' | 'past')}
          options={[{ value: 'upcoming', label: `${T.upcoming} (${upcoming.length})` }, { value: 'past', label: `${T.past} (${past.length})` }]} />
        <div style={{ flex: 1 }} />
        {hasAnyRole(me, ORGANIZER_ROLES) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="schedule-conference">{T.schedule}</Button>}
      </div>
      <ProblemAlert error={list.error} />
      {isPhone ? (
        shown.length === 0 ? <Empty description={none} /> : shown.map((c) => (
          <Card key={c.id} size="small" style={{ marginBottom: 10 }} onClick={() => navigate(`/conferences/${c.id}`)} className="qt-member-card">
            <div style={{ fontWeight: 600, fontSize: 16 }}><Link to={`/conferences/${c.id}`}>{c.title}</Link></div>
            <div>{formatDayTime(c.startsAt)} · {c.orgName}</div>
            <div style={{ marginTop: 4 }}><FormatTag c={c} /><ConferenceStatusTag c={c} /> {AUDIENCE_LABELS[c.audienceKind]} · {T.invitedPresent}: {counts(c)}</div>
          </Card>
        ))
      ) : (
        <Table<ConferenceSummary> rowKey="id" loading={list.isFetching} dataSource={shown} pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={none} /> }} className="qt-clickable-rows"
          onRow={(c) => ({ onClick: () => navigate(`/conferences/${c.id}`) })}
          columns={[
            { title: T.when, key: 'when', width: 150, render: (_, c) => formatDayTime(c.startsAt) },
            { title: T.title, key: 'title', render: (_, c) => <><Link to={`/conferences/${c.id}`}>{c.title}</Link> <ConferenceStatusTag c={c} />{c.sessionCount > 1 && <Tag>{c.sessionCount} phiên</Tag>}</> },
            { title: T.org, dataIndex: 'orgName' },
            { title: T.audience, key: 'aud', render: (_, c) => AUDIENCE_LABELS[c.audienceKind] },
            { title: T.format, key: 'format', render: (_, c) => <FormatTag c={c} /> },
            { title: T.invitedPresent, key: 'counts', align: 'right', render: (_, c) => counts(c) },
          ]} />
      )}
      {open && <ScheduleConferenceModal campaignId={campaignId} onClose={() => setOpen(false)} onCreated={(id) => navigate(`/conferences/${id}`)} />}
    </>
  );
}
