import { Result } from 'antd';

export default function MyBridgePointsPage() {
  return <Result status="info" title="Trang đang được xây dựng" />;
}
