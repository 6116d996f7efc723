// 投诉受理: the complaints in the reader's scope with their status, the center's form to
// register one, one complaint with its steps, and the analysis by kind, county and month.
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Steps,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { complaintChannels, complaintKinds, complaintStatuses } from '@domain/complaints';
import { api, download } from '../api';
import { Chart } from '../components/Chart';
import { ErrorAlert, Loading, useApi } from '../components/data';
import { countyName, formatNumber, formatTime, person, todayInShanghai } from '../components/format';
import { useSubmit } from '../components/useSubmit';
import { useManagerSearch } from '../components/useManagerSearch';
import { navigate } from '../router';
import { useSession } from '../session';

export interface ComplaintView {
  id: string;
  managerId: string;
  countyId: string;
  channel: string;
  kind: string;
  receivedOn: string;
  month: string;
  customerName: string;
  customerPhone: string | null;
  content: string;
  status: string;
  answer: string | null;
  answeredAt: string | null;
  decision: string | null;
  decisionReason: string | null;
  decidedAt: string | null;
  points: number | null;
  createdAt: string;
  registeredBy: string;
  manager: { id: string; name: string; employeeNo: string; county: { name: string; nameEn: string } };
  steps: {
    taskId: string;
    kind: string;
    status: string;
    dueDate: string;
    assignee: { displayName: string };
    submittedAt: string | null;
  }[];
}

interface Row {
  id: string;
  kind: string;
  channel: string;
  receivedOn: string;
  month: string;
  customerName: string;
  status: string;
  points: number | null;
  createdAt: string;
  manager: { name: string; employeeNo: string; county: { name: string; nameEn: string } };
}

interface Tally {
  total: number;
  confirmed: number;
  notConfirmed: number;
  open: number;
  confirmedShare: number | null;
}
interface Analysis {
  from: string;
  to: string;
  overall: Tally;
  byKind: (Tally & { kind: string })[];
  byCounty: (Tally & { countyId: string; county: { name: string; nameEn: string } | null })[];
  byMonth: (Tally & { month: string })[];
}

/** −2（2026-11） / −2 (2026-11): the points a confirmed complaint took, and from which month. */
const deducted = (points: number | null, month: string, lang: string) =>
  lang === 'en' ? `−${formatNumber(points)} (${month})` : `−${formatNumber(points)}（${month}）`;

export const complaintColours: Record<string, string> = {
  AWAITING_ANSWER: 'orange',
  UNDER_REVIEW: 'blue',
  CONFIRMED: 'red',
  NOT_CONFIRMED: 'default',
};

type View = 'list' | 'analysis';

export function ComplaintsPage() {
  const { t, has } = useSession();
  const [view, setView] = useState<View>('list');
  const [registering, setRegistering] = useState(false);
  const [version, setVersion] = useState(0);
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Typography.Title level={3} className="page-title">
          {t('complaints')}
        </Typography.Title>
        {has('HR') && (
          <Button type="primary" icon={<PlusOutlined />} id="register-complaint" onClick={() => setRegistering(true)}>
            {t('registerComplaint')}
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary">{t('complaintsIntro')}</Typography.Paragraph>
      <Segmented<View>
        id="complaint-view"
        value={view}
        onChange={setView}
        options={[
          { value: 'list', label: t('complaintList') },
          { value: 'analysis', label: t('complaintAnalysis') },
        ]}
        style={{ marginBottom: 16 }}
      />
      {view === 'list' ? <ComplaintList key={version} /> : <ComplaintAnalysis key={version} />}
      <RegisterComplaint
        open={registering}
        onClose={() => setRegistering(false)}
        onRegistered={(id) => {
          setRegistering(false);
          setVersion((v) => v + 1);
          navigate(`#/complaints/${id}`);
        }}
      />
    </>
  );
}

function ComplaintList() {
  const { t, name, lang } = useSession();
  const [status, setStatus] = useState<string>();
  const [kind, setKind] = useState<string>();
  const [month, setMonth] = useState<string>();
  const [page, setPage] = useState(1);
  const query = new URLSearchParams({ page: String(page), pageSize: '20' });
  if (status) query.set('status', status);
  if (kind) query.set('kind', kind);
  if (month) query.set('month', month);
  const state = useApi<{ complaints: Row[]; counts: Partial<Record<string, number>>; total: number }>(
    `/api/complaints?${query.toString()}`,
  );
  const [exportError, setExportError] = useState<Error>();
  // The same filters as the list, every page (投诉台账).
  const exportAs = (format: 'csv' | 'xlsx') => {
    const all = new URLSearchParams(query);
    all.delete('page');
    all.delete('pageSize');
    all.set('format', format);
    setExportError(undefined);
    download(`/api/complaints?${all.toString()}`, `complaints.${format}`).catch(setExportError);
  };
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <Card
      title={t('complaintList')}
      extra={
        <Space wrap>
          <Select
            id="complaint-status"
            allowClear
            placeholder={t('status')}
            style={{ minWidth: 180 }}
            value={status}
            onChange={reset(setStatus)}
            options={complaintStatuses.map((s) => ({
              value: s,
              label: `${name('complaintStatus', s)}（${state.data?.counts[s] ?? 0}）`,
            }))}
          />
          <Select
            id="complaint-kind"
            allowClear
            placeholder={t('complaintKindLabel')}
            style={{ minWidth: 160 }}
            value={kind}
            onChange={reset(setKind)}
            options={complaintKinds.map((k) => ({ value: k, label: name('complaintKind', k) }))}
          />
          <DatePicker
            picker="month"
            placeholder={t('month')}
            value={month ? dayjs(`${month}-01`) : null}
            onChange={(d: dayjs.Dayjs | null) => reset(setMonth)(d?.format('YYYY-MM'))}
          />
          <Button id="complaints-xlsx" onClick={() => exportAs('xlsx')}>
            {t('exportXlsx')}
          </Button>
          <Button onClick={() => exportAs('csv')}>{t('exportCsv')}</Button>
        </Space>
      }
    >
      <ErrorAlert error={exportError} />
      <Loading state={state}>
        {(data) => (
          <Table<Row>
            id="complaint-table"
            rowKey="id"
            size="middle"
            scroll={{ x: 900 }}
            dataSource={data.complaints}
            locale={{ emptyText: t('noComplaints') }}
            pagination={{ current: page, pageSize: 20, total: data.total, onChange: setPage }}
            onRow={(r) => ({ onClick: () => navigate(`#/complaints/${r.id}`), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('receivedOn'), dataIndex: 'receivedOn' },
              {
                title: t('manager'),
                render: (_: unknown, r) => <a href={`#/complaints/${r.id}`}>{person(r.manager)}</a>,
              },
              { title: t('county'), render: (_: unknown, r) => countyName(r.manager.county, lang) },
              { title: t('complaintKindLabel'), dataIndex: 'kind', render: (k: string) => name('complaintKind', k) },
              {
                title: t('complaintChannelLabel'),
                dataIndex: 'channel',
                render: (c: string) => name('complaintChannel', c),
              },
              { title: t('customerName'), dataIndex: 'customerName' },
              {
                title: t('status'),
                dataIndex: 'status',
                render: (s: string) => <Tag color={complaintColours[s]}>{name('complaintStatus', s)}</Tag>,
              },
              {
                title: t('deductedPoints'),
                render: (_: unknown, r) => (r.status === 'CONFIRMED' ? deducted(r.points, r.month, lang) : ''),
              },
              { title: t('filedAt'), dataIndex: 'createdAt', render: (at: string) => formatTime(at, lang) },
            ]}
          />
        )}
      </Loading>
    </Card>
  );
}

interface RegisterValues {
  managerId: string;
  channel: string;
  kind: string;
  receivedOn: string;
  customerName: string;
  customerPhone?: string;
  content: string;
}

/** The center's registration form: the manager searched by name or number, the rest short entries. */
function RegisterComplaint(props: { open: boolean; onClose: () => void; onRegistered: (id: string) => void }) {
  const { t, name } = useSession();
  const [form] = Form.useForm<RegisterValues>();
  const { found, setSearch } = useManagerSearch(props.open);
  // One key per opened form: sending it twice (a double click, a retry) registers it once.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const { busy, error, submit } = useSubmit<RegisterValues>(form, async (values) => {
    const body = { ...values, customerPhone: values.customerPhone || undefined };
    const res = await fetchWithKey(body, key);
    void message.success(t('complaintRegistered'));
    form.resetFields();
    setKey(crypto.randomUUID());
    props.onRegistered(res.id);
  });
  const required = { required: true, message: t('required') };
  return (
    <Drawer title={t('registerComplaint')} open={props.open} onClose={props.onClose} width={520} destroyOnHidden>
      <Form form={form} layout="vertical" id="complaint-form" onFinish={(v) => void submit(v)}>
        <Form.Item name="managerId" label={t('manager')} rules={[required]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setSearch}
            placeholder={t('manager')}
            options={found.map((m) => ({ value: m.id, label: person(m) }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="receivedOn"
              label={t('receivedOn')}
              rules={[required]}
              initialValue={todayInShanghai()}
              getValueProps={(v: string | undefined) => ({ value: v ? dayjs(v) : undefined })}
              normalize={(d: dayjs.Dayjs | null) => d?.format('YYYY-MM-DD')}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="channel" label={t('complaintChannelLabel')} rules={[required]}>
              <Select options={complaintChannels.map((c) => ({ value: c, label: name('complaintChannel', c) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="kind" label={t('complaintKindLabel')} rules={[required]}>
          <Select options={complaintKinds.map((k) => ({ value: k, label: name('complaintKind', k) }))} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="customerName" label={t('customerName')} rules={[required, { max: 60 }]}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="customerPhone" label={t('customerPhone')} rules={[{ pattern: /^[\d+\- ]{5,20}$/ }]}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="content" label={t('complaintContent')} rules={[required, { min: 5, max: 2000 }]}>
          <Input.TextArea rows={5} maxLength={2000} showCount />
        </Form.Item>
        <ErrorAlert error={error} />
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('registerComplaint')}
        </Button>
      </Form>
    </Drawer>
  );
}

async function fetchWithKey(body: unknown, key: string): Promise<{ id: string }> {
  return api<{ id: string }>('POST', '/api/complaints', body, { idempotencyKey: key });
}

function ComplaintAnalysis() {
  const { t, name, lang } = useSession();
  const state = useApi<Analysis>('/api/complaints/analysis');
  return (
    <Loading state={state}>
      {(a) => (
        <Space direction="vertical" size="middle" style={{ width: '100%' }} id="complaint-analysis">
          <Card title={`${t('months')} ${a.from} ~ ${a.to}`}>
            <Row gutter={16}>
              <Col xs={12} md={6}>
                <Statistic title={t('totalComplaints')} value={a.overall.total} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title={t('confirmedComplaints')}
                  value={a.overall.confirmed}
                  valueStyle={{ color: '#cf1322' }}
                />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('openComplaints')} value={a.overall.open} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title={t('confirmedShare')}
                  value={a.overall.confirmedShare === null ? '—' : formatNumber(a.overall.confirmedShare * 100, 0)}
                  suffix={a.overall.confirmedShare === null ? undefined : '%'}
                />
              </Col>
            </Row>
          </Card>
          {a.overall.total === 0 ? (
            <Card>
              <Empty description={t('noComplaints')} />
            </Card>
          ) : (
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={12}>
                <Card title={t('byKind')}>
                  <TallyChart
                    id="chart-kind"
                    labels={a.byKind.map((k) => name('complaintKind', k.kind))}
                    rows={a.byKind}
                  />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card title={t('byCounty')}>
                  <TallyChart
                    id="chart-county"
                    labels={a.byCounty.map((c) => countyName(c.county, lang))}
                    rows={a.byCounty}
                  />
                </Card>
              </Col>
              <Col span={24}>
                <Card title={t('byMonth')}>
                  <TallyChart id="chart-month" labels={a.byMonth.map((m) => m.month)} rows={a.byMonth} />
                </Card>
              </Col>
            </Row>
          )}
        </Space>
      )}
    </Loading>
  );
}

/** Stacked bars: confirmed, not confirmed and open, per label. */
function TallyChart({ id, labels, rows }: { id: string; labels: string[]; rows: Tally[] }) {
  const { t } = useSession();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 36, right: 12, top: 36, bottom: 28, containLabel: true },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 4 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('confirmedComplaints'), key: 'confirmed', color: '#cf1322' },
        { name: t('notConfirmedComplaints'), key: 'notConfirmed', color: '#8c8c8c' },
        { name: t('openComplaints'), key: 'open', color: '#fa8c16' },
      ].map((s) => ({
        name: s.name,
        type: 'bar',
        stack: 'all',
        itemStyle: { color: s.color },
        data: rows.map((r) => r[s.key as 'confirmed' | 'notConfirmed' | 'open']),
      })),
    }),
    [labels, rows, t],
  );
  return <Chart id={id} option={option} height={260} />;
}

/** One complaint: what was reported, the manager's answer, the decision, and its steps. */
export function ComplaintPage({ id }: { id: string }) {
  const state = useApi<ComplaintView>(`/api/complaints/${id}`);
  return (
    <Loading state={state}>
      {(c) => (
        <Space direction="vertical" size="middle" style={{ width: '100%' }} id="complaint">
          <ComplaintCard c={c} />
          <ComplaintSteps c={c} />
        </Space>
      )}
    </Loading>
  );
}

export function ComplaintCard({ c, title }: { c: ComplaintView; title?: string }) {
  const { t, name, lang } = useSession();
  return (
    <Card
      title={title ?? `${t('complaint')} · ${person(c.manager)}`}
      extra={<Tag color={complaintColours[c.status]}>{name('complaintStatus', c.status)}</Tag>}
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} id="complaint-facts">
        <Descriptions.Item label={t('manager')}>
          {`${person(c.manager)} · ${countyName(c.manager.county, lang)}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('receivedOn')}>{c.receivedOn}</Descriptions.Item>
        <Descriptions.Item label={t('complaintChannelLabel')}>{name('complaintChannel', c.channel)}</Descriptions.Item>
        <Descriptions.Item label={t('complaintKindLabel')}>{name('complaintKind', c.kind)}</Descriptions.Item>
        <Descriptions.Item label={t('customerName')}>{c.customerName}</Descriptions.Item>
        {c.customerPhone && <Descriptions.Item label={t('customerPhone')}>{c.customerPhone}</Descriptions.Item>}
        <Descriptions.Item label={t('registeredBy')}>{c.registeredBy}</Descriptions.Item>
        <Descriptions.Item label={t('complaintContent')} span={3}>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.content}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('complaintAnswer')} span={3}>
          <span id="complaint-answer" style={{ whiteSpace: 'pre-wrap' }}>
            {c.answer ?? (c.status === 'AWAITING_ANSWER' ? t('awaitingAnswer') : t('notAnswered'))}
          </span>
        </Descriptions.Item>
        {c.decision && (
          <>
            <Descriptions.Item label={t('complaintDecisionLabel')}>
              <span id="complaint-decision">{name('complaintDecision', c.decision)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('deductedPoints')}>
              {c.status === 'CONFIRMED' ? deducted(c.points, c.month, lang) : '0'}
            </Descriptions.Item>
            <Descriptions.Item label={t('decisionReason')} span={3}>
              {c.decisionReason}
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      {!c.decision && c.points !== null && (
        <Alert
          type="info"
          showIcon
          message={t('deductsIfConfirmed', { month: c.month, points: formatNumber(c.points) })}
        />
      )}
    </Card>
  );
}

const stepStatus = (status: string): 'process' | 'finish' => (status === 'OPEN' ? 'process' : 'finish');

function ComplaintSteps({ c }: { c: ComplaintView }) {
  const { t, name, lang } = useSession();
  return (
    <Card title={t('complaintSteps')}>
      <Steps
        direction="vertical"
        size="small"
        items={[
          {
            title: t('registerComplaint'),
            description: `${c.registeredBy} · ${formatTime(c.createdAt, lang)}`,
            status: 'finish',
          },
          ...c.steps.map((s) => ({
            title: <a href={`#/tasks/${s.taskId}`}>{`${name('taskKind', s.kind)} · ${s.assignee.displayName}`}</a>,
            description: `${name('taskStatus', s.status)} · ${
              s.submittedAt ? formatTime(s.submittedAt, lang) : `${t('due')} ${s.dueDate}`
            }`,
            status: stepStatus(s.status),
          })),
        ]}
      />
    </Card>
  );
}
