import { Result } from 'antd';

export default function MaterialPage() {
  return <Result status="info" title="Trang đang được xây dựng" />;
}
