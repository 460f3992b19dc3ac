import { Result } from 'antd';

export default function MaterialsPage() {
  return <Result status="info" title="Trang đang được xây dựng" />;
}
