// 流程故障: the workflow steps that kept failing, for HR and the admin. Each says in words
// which process, which step and why; a retry is asked for once the cause is fixed.
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Segmented,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
  message,
} from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { ErrorAlert, Loading, useApi } from '../components/data';
import { countyName, formatTime, person } from '../components/format';
import { navigate } from '../router';
import { useSession } from '../session';

export interface IncidentRow {
  id: string;
  status: 'OPEN' | 'RETRYING' | 'RESOLVED';
  sentence: string;
  workflowName: string;
  stepName: string;
  cause: string;
  message: string;
  failures: number;
  firstSeenAt: string;
  lastSeenAt: string;
  retriedAt: string | null;
  resolvedAt: string | null;
  workflowId: string;
  cycle: { id: string; type: string; period: string } | null;
  county: { id: string; code: string; name: string; nameEn: string } | null;
  manager: { id: string; employeeNo: string; name: string } | null;
}

interface IncidentList {
  incidents: IncidentRow[];
  counts: Partial<Record<IncidentRow['status'], number>>;
  total: number;
}

interface IncidentDetail extends IncidentRow {
  history: { at: string; action: string; text: string }[];
}

const statusColour = { OPEN: 'red', RETRYING: 'orange', RESOLVED: 'green' } as const;
type Filter = 'open' | 'resolved' | 'all';

/** The cycle filter comes in the hash's query: #/incidents?cycle=<id> (the cycle page links there). */
function cycleFromHash(): string | undefined {
  return new URLSearchParams(location.hash.split('?')[1] ?? '').get('cycle') ?? undefined;
}

export function IncidentsPage() {
  const { t } = useSession();
  const [filter, setFilter] = useState<Filter>('open');
  const [page, setPage] = useState(1);
  const cycleId = cycleFromHash();
  const query = new URLSearchParams({ page: String(page), pageSize: '20' });
  if (filter !== 'all') query.set('open', String(filter === 'open'));
  if (cycleId) query.set('cycleId', cycleId);
  const state = useApi<IncidentList>(`/api/incidents?${query.toString()}`, { refreshMs: 15_000 });
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('incidents')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('incidentsIntro')}</Typography.Paragraph>
      <Card
        title={
          <Segmented<Filter>
            id="incident-filter"
            value={filter}
            onChange={(f) => {
              setFilter(f);
              setPage(1);
            }}
            options={[
              { value: 'open', label: t('incidentFilterOpen') },
              { value: 'resolved', label: t('incidentFilterResolved') },
              { value: 'all', label: t('incidentFilterAll') },
            ]}
          />
        }
        extra={<RetryAll cycleId={cycleId} disabled={!state.data?.counts.OPEN} onDone={state.reload} />}
      >
        <Loading state={state}>
          {(data) => (
            <IncidentTable
              rows={data.incidents}
              total={data.total}
              page={page}
              onPage={setPage}
              onRetried={state.reload}
            />
          )}
        </Loading>
      </Card>
    </>
  );
}

function IncidentTable(props: {
  rows: IncidentRow[];
  total: number;
  page: number;
  onPage: (page: number) => void;
  onRetried: () => Promise<void>;
}) {
  const { t, name, lang } = useSession();
  return (
    <Table<IncidentRow>
      id="incident-table"
      rowKey="id"
      size="middle"
      scroll={{ x: 900 }}
      dataSource={props.rows}
      locale={{ emptyText: t('incidentNone') }}
      pagination={{ current: props.page, pageSize: 20, total: props.total, onChange: props.onPage }}
      onRow={(r) => ({ onDoubleClick: () => navigate(`#/incidents/${r.id}`) })}
      columns={[
        { title: t('incidentFirstSeen'), render: (_: unknown, r) => formatTime(r.firstSeenAt, lang), width: 150 },
        { title: t('incidentProcess'), dataIndex: 'workflowName' },
        { title: t('incidentWhere'), render: (_: unknown, r) => <IncidentWhere incident={r} /> },
        {
          title: t('incidentStep'),
          render: (_: unknown, r) => <a href={`#/incidents/${r.id}`}>{r.stepName}</a>,
        },
        { title: t('incidentCause'), dataIndex: 'cause' },
        { title: t('incidentFailures'), dataIndex: 'failures', width: 90 },
        {
          title: t('status'),
          render: (_: unknown, r) => <Tag color={statusColour[r.status]}>{name('incidentStatus', r.status)}</Tag>,
        },
        {
          title: '',
          render: (_: unknown, r) =>
            r.status === 'RESOLVED' ? null : <RetryButton incident={r} onDone={props.onRetried} />,
        },
      ]}
    />
  );
}

function IncidentWhere({ incident }: { incident: IncidentRow }) {
  const { name, lang } = useSession();
  const parts = [
    incident.cycle ? `${name('cycleType', incident.cycle.type)} ${incident.cycle.period}` : null,
    incident.county ? countyName(incident.county, lang) : null,
    incident.manager ? person(incident.manager) : null,
  ].filter(Boolean);
  return <>{parts.length ? parts.join(' · ') : incident.workflowId}</>;
}

function RetryButton({ incident, onDone }: { incident: IncidentRow; onDone: () => Promise<void> }) {
  const { t } = useSession();
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<Error>();
  const [form] = Form.useForm<{ note?: string }>();
  const send = async () => {
    const { note } = await form.validateFields();
    setSending(true);
    try {
      await api('POST', `/api/incidents/${incident.id}/retry`, note ? { note } : {});
      setOpen(false);
      void message.success(t('incidentRetryAsked'));
      await onDone();
    } catch (e) {
      setError(e as Error);
    } finally {
      setSending(false);
    }
  };
  return (
    <>
      <Button className="incident-retry" size="small" type="primary" onClick={() => setOpen(true)}>
        {t('incidentRetry')}
      </Button>
      <Modal
        open={open}
        title={`${t('incidentRetry')}：${incident.stepName}`}
        okText={t('incidentRetry')}
        confirmLoading={sending}
        onOk={() => void send()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>{incident.sentence}</Typography.Paragraph>
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical">
          <Form.Item name="note" label={t('incidentRetryNote')} rules={[{ max: 500 }]}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function RetryAll({ cycleId, disabled, onDone }: { cycleId?: string; disabled: boolean; onDone: () => Promise<void> }) {
  const { t } = useSession();
  const [error, setError] = useState<Error>();
  const retryAll = async () => {
    try {
      await api('POST', '/api/incidents/retry', cycleId ? { cycleId } : {});
      void message.success(t('incidentRetryAsked'));
      await onDone();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <Space>
      {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
      <Popconfirm title={t('incidentRetryAllConfirm')} onConfirm={() => void retryAll()} disabled={disabled}>
        <Button id="incident-retry-all" disabled={disabled}>
          {t('incidentRetryAll')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

export function IncidentPage({ id }: { id: string }) {
  const { t, name, lang } = useSession();
  const state = useApi<IncidentDetail>(`/api/incidents/${id}`, { refreshMs: 10_000 });
  return (
    <Loading state={state}>
      {(i) => (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Title level={3} className="page-title">
            {`${i.workflowName}：${i.stepName}`}{' '}
            <Tag color={statusColour[i.status]}>{name('incidentStatus', i.status)}</Tag>
          </Typography.Title>
          {i.status !== 'RESOLVED' && (
            <Alert
              type="warning"
              showIcon
              title={i.cause}
              action={<RetryButton incident={i} onDone={state.reload} />}
            />
          )}
          <Card>
            <Descriptions id="incident-detail" column={{ xs: 1, md: 2 }} bordered size="small">
              <Descriptions.Item label={t('incidentProcess')}>{i.workflowName}</Descriptions.Item>
              <Descriptions.Item label={t('incidentWhere')}>
                <IncidentWhere incident={i} />
              </Descriptions.Item>
              <Descriptions.Item label={t('incidentStep')}>{i.stepName}</Descriptions.Item>
              <Descriptions.Item label={t('incidentCause')}>{i.cause}</Descriptions.Item>
              <Descriptions.Item label={t('incidentFirstSeen')}>{formatTime(i.firstSeenAt, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('incidentLastSeen')}>{formatTime(i.lastSeenAt, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('incidentFailures')}>{i.failures}</Descriptions.Item>
              <Descriptions.Item label={t('incidentResolved')}>
                {formatTime(i.resolvedAt, lang) || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('incidentMessage')} span={2}>
                <Typography.Text code className="incident-message">
                  {i.message}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('incidentHistory')}>
            <Timeline
              items={i.history.map((h) => ({
                key: `${h.at}-${h.action}`,
                content: `${formatTime(h.at, lang)}  ${h.text}`,
              }))}
            />
          </Card>
        </Space>
      )}
    </Loading>
  );
}
