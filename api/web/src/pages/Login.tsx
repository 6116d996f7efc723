// Sign in: username and password; a wrong one is said in words, a lock-out with its wait.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { ErrorAlert } from '../components/data';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useSession } from '../session';

export function LoginPage() {
  const { t, signedIn } = useSession();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    try {
      const { token } = await api<{ token: string }>('POST', '/api/auth/login', values);
      await signedIn(token);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 16 }}>
      <Card style={{ width: 'min(380px, 100%)' }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {t('appName')} · {t('login')}
        </Typography.Title>
        <ErrorAlert error={error} />
        <Form id="login-form" layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item name="username" label={t('username')} rules={[{ required: true, message: t('required') }]}>
            <Input id="f-username" prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('required') }]}>
            <Input.Password id="f-password" prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login')}
          </Button>
        </Form>
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <LanguageSwitch long />
        </div>
      </Card>
    </div>
  );
}
