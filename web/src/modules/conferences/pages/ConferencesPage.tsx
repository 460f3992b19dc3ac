import { Result } from 'antd';

export default function ConferencesPage() {
  return <Result status="info" title="Trang đang được xây dựng" />;
}
