import { Spin } from 'antd';
import { MSG } from '../i18n/vi';

export function PageSpinner() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 64 }}>
      <Spin size="large" description={MSG.loading} />
    </div>
  );
}
