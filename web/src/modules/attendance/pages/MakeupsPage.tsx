import { Result } from 'antd';

export default function MakeupsPage() {
  return <Result status="info" title="Trang đang được xây dựng" />;
}
