import { Result } from 'antd';

export default function ConferencePage() {
  return <Result status="info" title="Trang đang được xây dựng" />;
}
