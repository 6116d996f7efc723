// 考评周期: the cycles in my scope; HR opens one by hand and keeps the calendar.
import { Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { useSubmit } from '../components/useSubmit';
import { ErrorAlert, Loading, useApi } from '../components/data';
import { countyName, formatTime } from '../components/format';
import { navigate } from '../router';
import { useSession } from '../session';

interface Cycle {
  id: string;
  type: string;
  period: string;
  status: string;
  openedAt: string;
  scope: { name: string; nameEn: string } | null;
}
interface County {
  id: string;
  code: string;
  name: string;
  nameEn: string;
}
const cycleTypes = ['MONTHLY', 'QUARTERLY', 'HALF_YEAR', 'ANNUAL'];

export function CyclesPage() {
  const { t, name, lang, has } = useSession();
  const cycles = useApi<{ cycles: Cycle[] }>('/api/cycles');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} className="page-title">
        {t('cycles')}
      </Typography.Title>
      {has('HR') && <OpenCycleForm />}
      <Card>
        <Loading state={cycles}>
          {({ cycles: list }) => (
            <Table<Cycle>
              id="cycle-list"
              rowKey="id"
              size="middle"
              dataSource={list}
              scroll={{ x: 600 }}
              pagination={{ pageSize: 20, showTotal: (n) => t('totalN', { n }) }}
              columns={[
                {
                  title: t('cycle'),
                  render: (_: unknown, c) => (
                    <a
                      href={`#/cycles/${c.id}`}
                    >{`${name('cycleType', c.type)} ${c.period} · ${countyName(c.scope, lang)}`}</a>
                  ),
                },
                { title: t('status'), dataIndex: 'status', render: (s: string) => <Tag>{name('cycleStatus', s)}</Tag> },
                { title: t('opened'), dataIndex: 'openedAt', render: (d: string) => formatTime(d, lang) },
              ]}
            />
          )}
        </Loading>
      </Card>
      {has('HR', 'CITY_APPROVER', 'ADMIN') && <CalendarCard />}
    </Space>
  );
}

function OpenCycleForm() {
  const { t, name, lang } = useSession();
  const counties = useApi<{ counties: County[] }>('/api/org/counties');
  const [form] = Form.useForm();
  const {
    busy,
    error,
    submit: open,
  } = useSubmit(form, async (values: { type: string; period: string; countyId?: string }) => {
    const c = await api<{ id: string }>('POST', '/api/cycles', { ...values, countyId: values.countyId || undefined });
    navigate(`#/cycles/${c.id}`);
  });
  return (
    <Card title={t('openCycle')}>
      <Form
        id="open-cycle-form"
        form={form}
        layout="inline"
        onFinish={(v) => void open(v)}
        initialValues={{ type: 'MONTHLY', countyId: '' }}
      >
        <Form.Item name="type" label={t('type')} rules={[{ required: true }]}>
          <Select style={{ width: 120 }} options={cycleTypes.map((c) => ({ value: c, label: name('cycleType', c) }))} />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('period')}
          rules={[{ required: true, message: t('required') }]}
          extra={t('openMonthlyHint')}
        >
          <Input style={{ width: 140 }} placeholder="2026-11" />
        </Form.Item>
        <Form.Item name="countyId" label={t('county')}>
          <Select
            style={{ width: 180 }}
            options={[
              { value: '', label: t('wholeCity') },
              ...(counties.data?.counties ?? []).map((c) => ({ value: c.id, label: countyName(c, lang) })),
            ]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('openCycle')}
        </Button>
      </Form>
      <div style={{ marginTop: 12 }}>
        <ErrorAlert error={error} />
      </div>
    </Card>
  );
}

interface CalendarEntry {
  type: string;
  dayOfMonth: number;
  hour: number;
  minute: number;
  paused: boolean;
  note: string | null;
  nextOpenings: string[];
  missing?: boolean;
}

/** 考评日历: when each cycle type opens; HR moves the day and time or pauses one, with a note. */
function CalendarCard() {
  const { t, name, has } = useSession();
  const state = useApi<{ calendars: CalendarEntry[] }>('/api/calendars');
  const [form] = Form.useForm();
  const [error, setError] = useState<Error>();
  const pad = (n: number) => String(n).padStart(2, '0');
  const save = async ({ type, ...body }: { type: string }) => {
    setError(undefined);
    try {
      await api('PUT', `/api/calendars/${type}`, body);
      await state.reload();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <Card title={t('calendar')} id="calendars">
      <Loading state={state}>
        {({ calendars }) => {
          const present = calendars.filter((c) => !c.missing);
          return (
            <>
              <Table
                size="small"
                rowKey="type"
                pagination={false}
                dataSource={present}
                columns={[
                  { title: t('type'), render: (_: unknown, c) => name('cycleType', c.type) },
                  {
                    title: t('opensOn'),
                    render: (_: unknown, c) => `${c.dayOfMonth} · ${pad(c.hour)}:${pad(c.minute)}`,
                  },
                  {
                    title: t('status'),
                    render: (_: unknown, c) =>
                      c.paused ? <Tag color="orange">{t('paused')}</Tag> : <Tag color="green">{t('running')}</Tag>,
                  },
                  { title: t('nextOpenings'), render: (_: unknown, c) => c.nextOpenings.join('，') || '—' },
                  { title: t('note'), dataIndex: 'note' },
                ]}
              />
              {has('HR') && present[0] && (
                <Form
                  id="calendar-form"
                  form={form}
                  layout="inline"
                  style={{ marginTop: 16, rowGap: 8 }}
                  initialValues={{ ...present[0], note: '' }}
                  onValuesChange={(changed: { type?: string }) => {
                    const c = present.find((x) => x.type === changed.type);
                    if (c)
                      form.setFieldsValue({
                        dayOfMonth: c.dayOfMonth,
                        hour: c.hour,
                        minute: c.minute,
                        paused: c.paused,
                      });
                  }}
                  onFinish={(v) => void save(v)}
                >
                  <Form.Item name="type" label={t('type')}>
                    <Select
                      style={{ width: 110 }}
                      options={present.map((c) => ({ value: c.type, label: name('cycleType', c.type) }))}
                    />
                  </Form.Item>
                  <Form.Item name="dayOfMonth" label={t('dayOfMonth')}>
                    <InputNumber min={1} max={28} />
                  </Form.Item>
                  <Form.Item name="hour" label={t('hour')}>
                    <InputNumber min={0} max={23} />
                  </Form.Item>
                  <Form.Item name="minute" label={t('minute')}>
                    <InputNumber min={0} max={59} />
                  </Form.Item>
                  <Form.Item name="paused" valuePropName="checked">
                    <Checkbox>{t('pauseCalendar')}</Checkbox>
                  </Form.Item>
                  <Form.Item name="note" label={t('note')}>
                    <Input maxLength={500} />
                  </Form.Item>
                  <Button htmlType="submit">{t('save')}</Button>
                </Form>
              )}
              <ErrorAlert error={error} />
            </>
          );
        }}
      </Loading>
    </Card>
  );
}
