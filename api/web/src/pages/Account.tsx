// My account: the language of my pages and mails, how new tasks are mailed, and my password
// (my other sessions end).
import { Button, Card, Form, Input, Radio, Space, Typography, message } from 'antd';
import { useState } from 'react';
import { api, applyFieldErrors } from '../api';
import { ErrorAlert } from '../components/data';
import { useSession } from '../session';

export function AccountPage() {
  const { t, me, lang, setLanguage, name } = useSession();
  const [form] = Form.useForm();
  const [error, setError] = useState<Error>();
  const [changed, setChanged] = useState(false);
  const [languageSaved, setLanguageSaved] = useState(false);
  const change = async (values: unknown) => {
    setError(undefined);
    setChanged(false);
    try {
      await api('POST', '/api/auth/password', values);
      form.resetFields();
      setChanged(true);
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e as Error);
    }
  };
  if (!me) return null;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 640 }}>
      <Typography.Title level={3} className="page-title">
        {`${me.displayName}（${me.username}）`}
      </Typography.Title>
      <Card size="small">
        {me.roles
          .map(
            (r) =>
              `${name('role', r.role)} · ${r.orgUnit ? (lang === 'zh-CN' ? r.orgUnit.name : r.orgUnit.nameEn) : ''}`,
          )
          .join('；')}
      </Card>
      <Card title={t('myLanguage')}>
        <Radio.Group
          id="account-language"
          value={lang}
          onChange={(e) => {
            setLanguageSaved(false);
            void setLanguage(e.target.value as 'zh-CN' | 'en')
              .then(() => setLanguageSaved(true))
              .catch((err: Error) => void message.error(err.message));
          }}
          optionType="button"
          options={[
            { label: '简体中文', value: 'zh-CN' },
            { label: 'English', value: 'en' },
          ]}
        />
        {languageSaved && (
          <Typography.Paragraph type="success" id="language-saved" style={{ marginTop: 8 }}>
            {t('languageSaved')}
          </Typography.Paragraph>
        )}
      </Card>
      <TaskMailCard initial={me.taskMail} />
      <Card title={t('changeMyPassword')}>
        <Form id="password-change-form" form={form} layout="vertical" onFinish={(v) => void change(v)}>
          <Form.Item
            name="currentPassword"
            label={t('currentPassword')}
            rules={[{ required: true, message: t('required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('newOwnPassword')}
            rules={[{ required: true, message: t('required') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <ErrorAlert error={error} />
          <Space>
            <Button type="primary" htmlType="submit">
              {t('save')}
            </Button>
            {changed && <Typography.Text id="password-changed">{t('passwordChanged')}</Typography.Text>}
          </Space>
        </Form>
      </Card>
    </Space>
  );
}

/** 新任务邮件: a mail per new task, or one each morning (an inspector with a county of managers). */
function TaskMailCard({ initial }: { initial: 'EACH' | 'DAILY_DIGEST' }) {
  const { t, name } = useSession();
  const [value, setValue] = useState(initial);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<Error>();
  const choose = (taskMail: 'EACH' | 'DAILY_DIGEST') => {
    setSaved(false);
    setError(undefined);
    api('PUT', '/api/me/task-mail', { taskMail }).then(
      () => {
        setValue(taskMail);
        setSaved(true);
      },
      (e: Error) => setError(e),
    );
  };
  return (
    <Card title={t('taskMail')}>
      <Radio.Group
        id="account-task-mail"
        value={value}
        onChange={(e) => choose(e.target.value as 'EACH' | 'DAILY_DIGEST')}
        options={(['EACH', 'DAILY_DIGEST'] as const).map((v) => ({ value: v, label: name('taskMail', v) }))}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('taskMailHint')}
      </Typography.Paragraph>
      {saved && (
        <Typography.Paragraph type="success" id="task-mail-saved" style={{ marginTop: 8 }}>
          {t('saved')}
        </Typography.Paragraph>
      )}
      <ErrorAlert error={error} />
    </Card>
  );
}
