import { Result } from 'antd';

export default function PlanPage() {
  return <Result status="info" title="Trang đang được xây dựng" />;
}
