// Staff sign-in: e-mail and password (POST /auth/login); back to the page that asked for it.
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';

import { api, unwrap } from '../common/api-client';
import { showFieldErrors } from '../common/form-errors';
import { type StaffSession, useStaffSession } from './staff-session';

interface Credentials {
  email: string;
  password: string;
}

/** Only paths of this app, never another site (an open redirect). */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export function LoginPage() {
  const [form] = Form.useForm<Credentials>();
  const { session, signIn } = useStaffSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('tiep'));
  const login = useMutation({
    mutationFn: async (body: Credentials): Promise<StaffSession> => unwrap(await api.POST('/auth/login', { body })),
    onSuccess: (created) => {
      signIn(created);
      void navigate(next, { replace: true });
    },
    onError: (error) => showFieldErrors(form, error),
  });

  if (session) return <Navigate to={next} replace />;
  return (
    <main className="login-page">
      <Card className="login-card">
        <Typography.Title level={2}>Đôn Đốc</Typography.Title>
        <Typography.Paragraph type="secondary">Theo dõi, đôn đốc nhiệm vụ – Sở Khoa học và Công nghệ. Đăng nhập dành cho cán bộ Sở KH&amp;CN.</Typography.Paragraph>
        {login.error && !(login.error as { issues?: unknown[] }).issues?.length ? <Alert type="error" showIcon title={login.error.message} className="form-alert" /> : null}
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => login.mutate(values)}>
          <Form.Item label="Email" name="email" rules={[{ required: true, message: 'Cần email.' }, { type: 'email', message: 'Email không hợp lệ.' }]}>
            <Input prefix={<MailOutlined />} autoComplete="username" inputMode="email" />
          </Form.Item>
          <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Cần mật khẩu.' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            Đăng nhập
          </Button>
        </Form>
      </Card>
    </main>
  );
}
