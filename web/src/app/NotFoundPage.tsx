import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { MSG } from '../shared/i18n/vi';

export default function NotFoundPage() {
  return <Result status="404" title={MSG.notFoundPage} extra={<Link to="/"><Button type="primary">{MSG.back}</Button></Link>} />;
}
