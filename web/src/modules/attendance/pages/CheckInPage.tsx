import { Result } from 'antd';

export default function CheckInPage() {
  return <Result status="info" title="Trang đang được xây dựng" />;
}
