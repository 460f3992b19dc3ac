import { Breadcrumb, Skeleton, Tabs, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { hasAnyRole, useMe, type Role } from '../../auth/api';
import { useCampaign } from '../api';

export type CampaignTab = 'plans' | 'materials' | 'conferences' | 'makeups' | 'coverage' | 'reflections' | 'batches' | 'reflection-stats' | 'copies' | 'recommendations' | 'reflection-settings';

const TABS: Array<{ key: CampaignTab; label: string; path: string; manageOnly?: boolean }> = [
  { key: 'plans', label: 'Kế hoạch', path: '' },
  { key: 'materials', label: 'Tài liệu', path: '/materials' },
  { key: 'conferences', label: 'Hội nghị', path: '/conferences' },
  { key: 'makeups', label: 'Học bù', path: '/makeups' },
  { key: 'coverage', label: 'Tiến độ', path: '/coverage' },
  { key: 'reflections', label: 'Bài thu hoạch', path: '/reflections' },
  { key: 'batches', label: 'Quét bài', path: '/batches' },
  { key: 'reflection-stats', label: 'Theo dõi thu hoạch', path: '/reflection-stats' },
  { key: 'copies', label: 'Bài trùng lặp', path: '/copies' },
  { key: 'recommendations', label: 'Kiến nghị', path: '/recommendations' },
  { key: 'reflection-settings', label: 'Cài đặt thu hoạch', path: '/reflection-settings', manageOnly: true },
];

/** Roles that read a committee's recommendations; branch roles read what became of their branch's ones. */
const POOL_ROLES: readonly Role[] = ['system_admin', 'propaganda_officer', 'committee_secretary', 'organization_officer', 'inspection_officer'];

/** Title and tabs shared by every page of one campaign: plans, materials, conferences, make-up, progress. */
export function CampaignNav({ campaignId, active }: { campaignId: string; active: CampaignTab }) {
  const navigate = useNavigate();
  const me = useMe().data;
  const pathOf = (t: (typeof TABS)[number]) => (t.key === 'recommendations' && !hasAnyRole(me, POOL_ROLES) ? '/recommendation-answers' : t.path);
  const campaign = useCampaign(campaignId);
  return (
    <div className="qt-campaign-nav">
      <Breadcrumb items={[{ title: <Link to="/campaigns">Học tập Nghị quyết</Link> }, { title: campaign.data?.title ?? '…' }]} />
      {campaign.data ? (
        <>
          <Typography.Title level={3} style={{ marginTop: 8, marginBottom: 0, fontSize: 'clamp(20px, 4.8vw, 26px)' }}>{campaign.data.title}</Typography.Title>
          <Typography.Text type="secondary">{campaign.data.resolution.title}</Typography.Text>
        </>
      ) : !campaign.isError && <Skeleton active paragraph={{ rows: 1 }} />}
      <Tabs
        activeKey={active}
        items={TABS.filter((t) => !t.manageOnly || campaign.data?.canManage).map((t) => ({ key: t.key, label: t.label }))}
        onChange={(key) => navigate(`/campaigns/${campaignId}${pathOf(TABS.find((t) => t.key === key)!)}`)}
      />
    </div>
  );
}
