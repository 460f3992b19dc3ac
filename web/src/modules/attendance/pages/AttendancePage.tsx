import { Result } from 'antd';

export default function AttendancePage() {
  return <Result status="info" title="Trang đang được xây dựng" />;
}
