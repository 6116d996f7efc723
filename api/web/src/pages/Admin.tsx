// 系统管理: staff accounts (search, paging), their roles and scope, passwords, counties.
import { Button, Card, Col, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { staffRoles } from '@domain/roles';
import { api, applyFieldErrors } from '../api';
import { ErrorAlert, Loading, useApi } from '../components/data';
import { countyName } from '../components/format';
import { useSession } from '../session';

interface User {
  id: string;
  username: string;
  displayName: string;
  email: string;
  active: boolean;
  roles: { role: string; scope: string }[];
}

export function AdminPage() {
  const { t, name, has, me, lang } = useSession();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const users = useApi<{ users: User[]; total: number }>(
    `/api/admin/users?includeInactive=true&page=${page}&pageSize=${pageSize}${q ? `&q=${encodeURIComponent(q)}` : ''}`,
  );
  const counties = useApi<{ counties: { id: string; code: string; name: string; nameEn: string }[] }>(
    '/api/org/counties',
  );
  const [error, setError] = useState<Error>();
  const canWrite = has('ADMIN');
  const scopeOptions = [
    { value: 'CITY', label: t('wholeCity') },
    ...(counties.data?.counties ?? []).map((c) => ({ value: c.code, label: `${countyName(c, lang)}（${c.code}）` })),
  ];
  const scopeName = (code: string) =>
    code === 'CITY'
      ? t('wholeCity')
      : countyName(
          (counties.data?.counties ?? []).find((c) => c.code === code),
          lang,
        ) || code;
  const roleOptions = staffRoles.map((r) => ({ value: r, label: name('role', r) }));
  const toggle = (u: User) => {
    let reason = '';
    Modal.confirm({
      title: u.active ? t('closeAccount') : t('reopenAccount'),
      content: <Input placeholder={t('reason')} onChange={(e) => (reason = e.target.value)} />,
      onOk: async () => {
        try {
          const r = await api<{ openTasks?: number }>('POST', `/api/admin/users/${u.id}/active`, {
            active: !u.active,
            reason,
          });
          if (r.openTasks) Modal.info({ title: `${t('openTasksToReassign')}: ${r.openTasks}` });
          await users.reload();
        } catch (e) {
          setError(e as Error);
        }
      },
    });
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} className="page-title">
        {t('admin')}
      </Typography.Title>
      <ErrorAlert error={error} />
      <Card>
        <Input.Search
          allowClear
          placeholder={t('search')}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 260, marginBottom: 12 }}
        />
        <Loading state={users}>
          {({ users: list }) => (
            <Table<User>
              id="user-table"
              rowKey="id"
              size="small"
              scroll={{ x: 900 }}
              dataSource={list}
              loading={users.loading}
              pagination={{
                current: page,
                pageSize,
                total: users.data?.total ?? 0,
                showSizeChanger: true,
                showTotal: (n) => t('totalN', { n }),
                onChange: (p, size) => {
                  setPage(p);
                  setPageSize(size);
                },
              }}
              onRow={(u) => ({ 'data-username': u.username }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('username'), dataIndex: 'username', sorter: (a, b) => a.username.localeCompare(b.username) },
                { title: t('displayName'), dataIndex: 'displayName' },
                { title: t('email'), dataIndex: 'email' },
                {
                  title: t('roles'),
                  render: (_: unknown, u) =>
                    u.roles.map((r) => `${name('role', r.role)} · ${scopeName(r.scope)}`).join('；'),
                },
                {
                  title: t('status'),
                  dataIndex: 'active',
                  filters: [
                    { text: t('active'), value: true },
                    { text: t('closed'), value: false },
                  ],
                  onFilter: (v, u) => u.active === v,
                  render: (a: boolean) => (a ? <Tag color="green">{t('active')}</Tag> : <Tag>{t('closed')}</Tag>),
                },
                {
                  title: '',
                  render: (_: unknown, u) =>
                    canWrite && !u.roles.some((r) => r.role === 'MANAGER') && u.id !== me?.id ? (
                      <Button type="link" size="small" onClick={() => toggle(u)}>
                        {u.active ? t('closeAccount') : t('reopenAccount')}
                      </Button>
                    ) : null,
                },
              ]}
            />
          )}
        </Loading>
      </Card>
      {canWrite && users.data && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <AdminForm
              id="new-user-form"
              title={t('newUser')}
              onDone={users.reload}
              send={(v) => api('POST', '/api/admin/users', v)}
            >
              <Form.Item name="username" label={t('username')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="displayName" label={t('displayName')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="email" label={t('email')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <RoleScope roleOptions={roleOptions} scopeOptions={scopeOptions} />
              <Form.Item name="password" label={t('initialPassword')} rules={[{ required: true }]}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </AdminForm>
          </Col>
          <Col xs={24} lg={12}>
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <AdminForm
                id="roles-form"
                title={t('changeRoles')}
                hint={t('changeRolesHint')}
                onDone={users.reload}
                send={({ userId, ...body }) => api('PUT', `/api/admin/users/${String(userId)}/roles`, body)}
              >
                <Form.Item name="userId" label={t('username')} rules={[{ required: true }]}>
                  <UserPicker staffOnly />
                </Form.Item>
                <RoleScope roleOptions={roleOptions} scopeOptions={scopeOptions} />
              </AdminForm>
              <AdminForm
                id="password-form"
                title={t('resetPassword')}
                onDone={users.reload}
                send={({ userId, ...body }) => api('POST', `/api/admin/users/${String(userId)}/password`, body)}
              >
                <Form.Item name="userId" label={t('username')} rules={[{ required: true }]}>
                  <UserPicker />
                </Form.Item>
                <Form.Item name="password" label={t('newPassword')} rules={[{ required: true }]}>
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
              </AdminForm>
              <AdminForm
                id="new-county-form"
                title={t('newCounty')}
                onDone={counties.reload}
                send={(v) => api('POST', '/api/admin/counties', v)}
              >
                <Space wrap>
                  <Form.Item name="code" label={t('code')} rules={[{ required: true }]}>
                    <Input style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name="name" label={t('nameZh')} rules={[{ required: true }]}>
                    <Input />
                  </Form.Item>
                  <Form.Item name="nameEn" label={t('nameEn')} rules={[{ required: true }]}>
                    <Input />
                  </Form.Item>
                </Space>
              </AdminForm>
            </Space>
          </Col>
        </Row>
      )}
    </Space>
  );
}

function AdminForm(props: {
  id: string;
  title: string;
  hint?: string;
  send: (values: Record<string, unknown>) => Promise<unknown>;
  onDone: () => Promise<void>;
  children: React.ReactNode;
}) {
  const { t } = useSession();
  const [form] = Form.useForm();
  const [error, setError] = useState<Error>();
  const [saved, setSaved] = useState(false);
  const submit = async (values: Record<string, unknown>) => {
    setError(undefined);
    setSaved(false);
    try {
      await props.send(values);
      form.resetFields();
      setSaved(true);
      await props.onDone();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e as Error);
    }
  };
  return (
    <Card title={props.title}>
      {props.hint && <Typography.Paragraph type="secondary">{props.hint}</Typography.Paragraph>}
      <Form id={props.id} form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        {props.children}
        <ErrorAlert error={error} />
        <Space>
          <Button type="primary" htmlType="submit">
            {t('save')}
          </Button>
          {saved && <Typography.Text type="success">{t('saved')}</Typography.Text>}
        </Space>
      </Form>
    </Card>
  );
}

type Options = { value: string; label: string }[];

/** One staff role and its scope (a county's code or the whole city). */
function RoleScope({ roleOptions, scopeOptions }: { roleOptions: Options; scopeOptions: Options }) {
  const { t } = useSession();
  return (
    <Space>
      <Form.Item name={['roles', 0, 'role']} label={t('role')} rules={[{ required: true }]}>
        <Select options={roleOptions} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name={['roles', 0, 'scope']} label={t('scope')} rules={[{ required: true }]}>
        <Select options={scopeOptions} style={{ width: 180 }} />
      </Form.Item>
    </Space>
  );
}

/** Picks an account by typing part of its username or name (the list is searched on the server). */
function UserPicker({
  staffOnly = false,
  ...props
}: {
  staffOnly?: boolean;
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
}) {
  const [q, setQ] = useState('');
  const found = useApi<{ users: User[] }>(
    `/api/admin/users?includeInactive=true&pageSize=20${q ? `&q=${encodeURIComponent(q)}` : ''}`,
  );
  const options = (found.data?.users ?? [])
    .filter((u) => !staffOnly || !u.roles.some((r) => r.role === 'MANAGER'))
    .map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }));
  return (
    <Select {...props} showSearch={{ filterOption: false, onSearch: setQ }} loading={found.loading} options={options} />
  );
}
