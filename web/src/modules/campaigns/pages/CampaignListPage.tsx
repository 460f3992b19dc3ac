import { Result } from 'antd';

export default function CampaignListPage() {
  return <Result status="info" title="Trang đang được xây dựng" />;
}
