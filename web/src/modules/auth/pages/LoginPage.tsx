import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useLogin, useMe } from '../api';
import { errorText } from '../../../shared/lib/http';
import { AppMark } from '../../../shared/ui/AppMark';
import { APP_NAME, APP_SUBTITLE } from '../../../shared/i18n/vi';

const T = {
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  needUsername: 'Nhập tên đăng nhập',
  needPassword: 'Nhập mật khẩu',
  submit: 'Đăng nhập',
  footer: 'Đảng Cộng sản Việt Nam',
};

export default function LoginPage() {
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (me.data) return <Navigate to={from} replace />;

  const onFinish = (values: { username: string; password: string }) =>
    login.mutate(values, { onSuccess: () => navigate(from, { replace: true }) });

  return (
    <div className="qt-login">
      <Card className="qt-login-card">
        <div className="qt-login-brand">
          <AppMark size={56} />
          <Typography.Title level={2} style={{ margin: '12px 0 4px' }}>{APP_NAME}</Typography.Title>
          <Typography.Text type="secondary" className="qt-login-subtitle">{APP_SUBTITLE}</Typography.Text>
        </div>
        {login.error && <Alert type="error" showIcon title={errorText(login.error)} style={{ marginBottom: 16 }} role="alert" />}
        <Form layout="vertical" size="large" onFinish={onFinish} requiredMark={false} autoComplete="on">
          <Form.Item label={T.username} name="username" rules={[{ required: true, message: T.needUsername }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" id="username" />
          </Form.Item>
          <Form.Item label={T.password} name="password" rules={[{ required: true, message: T.needPassword }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" id="password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>{T.submit}</Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" className="qt-login-footer">{T.footer}</Typography.Text>
    </div>
  );
}
