import { Result } from 'antd';

export default function CampaignPage() {
  return <Result status="info" title="Trang đang được xây dựng" />;
}
