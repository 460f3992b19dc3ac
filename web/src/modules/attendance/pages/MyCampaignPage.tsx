import { Result } from 'antd';

export default function MyCampaignPage() {
  return <Result status="info" title="Trang đang được xây dựng" />;
}
