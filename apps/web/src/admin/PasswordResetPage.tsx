// The page of the reset link an admin sends (`/dat-lai-mat-khau#token=…`): the
// token stays in the fragment (never sent to a server, a log or a Referer) and
// goes to POST /auth/password-reset with the new password, once.
import { LockOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';

import { api, unwrap } from '../common/api-client';
import { showFieldErrors } from '../common/form-errors';

interface Values {
  password: string;
  confirm: string;
}

export function PasswordResetPage() {
  // Read once, then wiped from the address bar and the history entry.
  const [token] = useState(() => {
    const found = new URLSearchParams(window.location.hash.slice(1)).get('token');
    if (found) window.history.replaceState(null, '', window.location.pathname);
    return found;
  });
  const [form] = Form.useForm<Values>();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const reset = useMutation({
    mutationFn: async (values: Values) => unwrap(await api.POST('/auth/password-reset', { body: { token: token ?? '', password: values.password } })),
    onError: (error) => setUnplaced(showFieldErrors(form, error)),
  });

  if (reset.isSuccess) {
    return (
      <main className="login-page">
        <Result status="success" title="Đã đặt mật khẩu mới" subTitle={`Tài khoản ${reset.data.email} đăng nhập bằng mật khẩu mới; các phiên đăng nhập cũ đã kết thúc.`} extra={<Link to="/dang-nhap"><Button type="primary">Đăng nhập</Button></Link>} />
      </main>
    );
  }
  return (
    <main className="login-page">
      <Card className="login-card">
        <Typography.Title level={2}>Đặt lại mật khẩu</Typography.Title>
        {!token ? (
          <Alert type="error" showIcon title="Đường dẫn đặt lại mật khẩu không đầy đủ." description="Vui lòng mở lại đường dẫn trong thư, hoặc đề nghị quản trị viên gửi thư mới." />
        ) : (
          <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => reset.mutate(values)}>
            <Form.Item label="Mật khẩu mới" name="password" rules={[{ required: true, message: 'Cần mật khẩu mới.' }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              label="Nhập lại mật khẩu mới"
              name="confirm"
              dependencies={['password']}
              rules={[{ required: true, message: 'Cần nhập lại mật khẩu.' }, ({ getFieldValue }) => ({ validator: (_, value) => (value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('Hai mật khẩu không giống nhau.'))) })]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
            </Form.Item>
            {unplaced.length ? <Alert type="error" showIcon className="form-alert" title={unplaced.join(' ')} /> : null}
            <Button type="primary" htmlType="submit" block loading={reset.isPending}>
              Đặt mật khẩu
            </Button>
          </Form>
        )}
      </Card>
    </main>
  );
}
