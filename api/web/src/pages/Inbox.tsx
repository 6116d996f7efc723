// 我的任务: every row told apart (kind, manager or county, cycle, due, status), overdue
// marked, filtered, searched, sorted and paged on the server, with counts per status.
import { Badge, Button, Card, Input, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { taskKinds } from '@domain/taskKinds';
import { useApi } from '../components/data';
import { countyName, person } from '../components/format';
import { useSession } from '../session';
import { ProblemResult } from '../components/data';

export interface InboxTask {
  id: string;
  kind: string;
  status: string;
  dueDate: string;
  round: number;
  escalationLevel: number;
  wantedRole: string | null;
  overdue: boolean;
  cycleId: string | null;
  /** Null for a complaint's task, which belongs to no cycle. */
  cycle: { type: string; period: string } | null;
  evaluation: { managerId: string } | null;
  subject: {
    manager: { name: string; employeeNo: string } | null;
    county: { code: string; name: string; nameEn: string } | null;
    complaint: { receivedOn: string } | null;
    weeklySheet: { id: string; weekStart: string } | null;
  };
}
interface Inbox {
  tasks: InboxTask[];
  total: number;
  counts: Record<string, number>;
}

export const statusColor: Record<string, string> = {
  OPEN: 'processing',
  SUBMITTED: 'success',
  CLOSED_MISSING: 'error',
  CANCELLED: 'default',
};

export function InboxPage() {
  const { t, name, lang, has } = useSession();
  const [status, setStatus] = useState('OPEN');
  const [kind, setKind] = useState<string>();
  const [q, setQ] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [sort, setSort] = useState('dueDate');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const params = new URLSearchParams({ sort, page: String(page), pageSize: String(pageSize) });
  if (status !== 'ALL') params.set('status', status);
  if (kind) params.set('kind', kind);
  if (q) params.set('q', q);
  if (overdue) params.set('overdue', 'true');
  const state = useApi<Inbox>(`/api/tasks?${params}`, { refreshMs: 30_000 });
  const counts = state.data?.counts ?? {};
  const allCount = ['OPEN', 'SUBMITTED', 'CLOSED_MISSING', 'CANCELLED'].reduce((a, s) => a + (counts[s] ?? 0), 0);
  const tab = (key: string, label: string, n: number) => ({
    key,
    label: (
      <span data-status={key}>
        {label} <Badge count={n} showZero color={key === 'OPEN' ? '#0a6e4f' : '#aaa'} overflowCount={9999} />
      </span>
    ),
  });
  if (state.error && !state.data) return <ProblemResult error={state.error} onRetry={state.reload} />;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="baseline">
        <Typography.Title level={3} className="page-title">
          {t('inbox')}
        </Typography.Title>
        {has('INSPECTOR') && (
          <Button href="#/inspections" id="inspection-grid-link">
            {t('inspectionGrid')}
          </Button>
        )}
      </Space>
      <Card>
        <Tabs
          activeKey={status}
          onChange={(k) => {
            setStatus(k);
            setPage(1);
          }}
          items={[
            tab('OPEN', name('taskStatus', 'OPEN'), counts.OPEN ?? 0),
            tab('SUBMITTED', name('taskStatus', 'SUBMITTED'), counts.SUBMITTED ?? 0),
            tab('CLOSED_MISSING', name('taskStatus', 'CLOSED_MISSING'), counts.CLOSED_MISSING ?? 0),
            tab('ALL', t('all'), allCount),
          ]}
        />
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            id="inbox-search"
            allowClear
            placeholder={t('searchTasks')}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
            style={{ width: 260 }}
          />
          <Select
            id="inbox-kind"
            allowClear
            placeholder={t('kind')}
            style={{ width: 200 }}
            value={kind}
            onChange={(v) => {
              setKind(v);
              setPage(1);
            }}
            options={taskKinds.map((k) => ({ value: k, label: name('taskKind', k) }))}
          />
          <Space>
            <Switch
              checked={overdue}
              onChange={(v) => {
                setOverdue(v);
                setPage(1);
              }}
            />
            {t('overdueOnly')} <Badge count={counts.overdue ?? 0} showZero />
          </Space>
        </Space>
        <Table<InboxTask>
          id="inbox-table"
          rowKey="id"
          size="middle"
          loading={state.loading}
          dataSource={state.data?.tasks ?? []}
          scroll={{ x: 760 }}
          rowClassName={(r) => (r.overdue ? 'overdue-row' : '')}
          locale={{ emptyText: t('noTasks') }}
          onChange={(p, _f, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            setSort(s?.order === 'descend' ? '-dueDate' : 'dueDate');
            setPage(p.current ?? 1);
            setPageSize(p.pageSize ?? 20);
          }}
          pagination={{
            current: page,
            pageSize,
            total: state.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t('totalN', { n }),
          }}
          columns={[
            {
              title: t('kind'),
              dataIndex: 'kind',
              render: (_: unknown, r) => (
                <a href={`#/tasks/${r.id}`} className="task-link" data-kind={r.kind}>
                  {name('taskKind', r.kind)}
                  {r.round > 1 ? ` · ${t('roundN', { n: r.round })}` : ''}
                </a>
              ),
            },
            {
              title: t('subject'),
              key: 'subject',
              render: (_: unknown, r) =>
                r.subject.manager ? (
                  <span>
                    {person(r.subject.manager)}{' '}
                    <Typography.Text type="secondary">{countyName(r.subject.county, lang)}</Typography.Text>
                  </span>
                ) : (
                  countyName(r.subject.county, lang)
                ),
            },
            {
              title: t('cycle'),
              key: 'cycle',
              render: (_: unknown, r) =>
                r.cycle
                  ? `${name('cycleType', r.cycle.type)} ${r.cycle.period}`
                  : r.subject.weeklySheet
                    ? `${t('weeklySheets')} ${r.subject.weeklySheet.weekStart}`
                    : `${t('complaint')} ${r.subject.complaint?.receivedOn ?? ''}`,
            },
            {
              title: t('due'),
              dataIndex: 'dueDate',
              sorter: true,
              sortOrder: sort === '-dueDate' ? 'descend' : 'ascend',
              render: (d: string, r) => (
                <Space>
                  {d}
                  {r.overdue && <Tag color="red">{t('overdue')}</Tag>}
                  {r.escalationLevel > 0 && (
                    <Tag color="orange">
                      {t('escalated')} ×{r.escalationLevel}
                    </Tag>
                  )}
                  {r.wantedRole && <UnassignedTag role={r.wantedRole} />}
                </Space>
              ),
            },
            {
              title: t('status'),
              dataIndex: 'status',
              render: (s: string) => <Badge status={statusColor[s] as 'processing'} text={name('taskStatus', s)} />,
            },
          ]}
        />
      </Card>
    </>
  );
}

/** 无人可办: the task's own role had nobody, so it came up the chain to this reader. */
export function UnassignedTag({ role }: { role: string }) {
  const { t, name } = useSession();
  return (
    <Tag color="magenta" className="unassigned-tag" title={t('unassignedHint', { role: name('role', role) })}>
      {t('unassigned')}
    </Tag>
  );
}
