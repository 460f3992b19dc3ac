import { Result } from 'antd';

export default function CoveragePage() {
  return <Result status="info" title="Trang đang được xây dựng" />;
}
