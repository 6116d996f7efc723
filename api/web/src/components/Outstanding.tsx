// 未提交名单: who has not submitted in a cycle, by task kind, county and lateness, with HR's
// bulk actions (催办 remind, 延期 extend, 转办 reassign) on the ticked rows.
import {
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../api';
import { ErrorAlert, Loading, useApi } from './data';
import { countyName, person } from './format';
import { useSession } from '../session';
import { UnassignedTag } from '../pages/Inbox';

interface OutstandingTask {
  id: string;
  kind: string;
  dueDate: string;
  overdueDays: number;
  remindersSent: number;
  escalationLevel: number;
  wantedRole: string | null;
  reassignable: boolean;
  assignee: { id: string; displayName: string };
  manager: { id: string; employeeNo: string; name: string } | null;
  county: { id: string; code: string; name: string; nameEn: string } | null;
}
interface Outstanding {
  tasks: OutstandingTask[];
  byKind: Record<string, number>;
  total: number;
  overdue: number;
}
interface BulkAnswer {
  done: number;
  failed: number;
  results: ({ taskId: string; ok: true } | { taskId: string; ok: false; status: number; title: string })[];
}
type Action = 'remind' | 'extend' | 'reassign';

export function OutstandingCard(props: {
  cycleId: string;
  counties: { id: string; code: string; name: string; nameEn: string }[];
  onChanged: () => void;
}) {
  const { t, name, lang, has } = useSession();
  const [kind, setKind] = useState<string>();
  const [countyId, setCountyId] = useState<string>();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const [action, setAction] = useState<Action>();
  const query = new URLSearchParams({ page: String(page), pageSize: '50' });
  if (kind) query.set('kind', kind);
  if (countyId) query.set('countyId', countyId);
  if (overdueOnly) query.set('overdue', 'true');
  if (q) query.set('q', q);
  const state = useApi<Outstanding>(`/api/cycles/${props.cycleId}/outstanding?${query.toString()}`);
  const hr = has('HR');
  const refilter = (f: () => void) => {
    f();
    setPage(1);
    setSelected([]);
  };
  const rows = state.data?.tasks ?? [];
  const chosen = rows.filter((r) => selected.includes(r.id));
  return (
    <Card title={`${t('outstanding')}（${state.data?.total ?? '…'}）`} id="outstanding">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          id="outstanding-kind"
          allowClear
          placeholder={t('kind')}
          style={{ minWidth: 180 }}
          value={kind}
          onChange={(v?: string) => refilter(() => setKind(v))}
          options={Object.entries(state.data?.byKind ?? {}).map(([k, n]) => ({
            value: k,
            label: `${name('taskKind', k)}（${n}）`,
          }))}
        />
        {props.counties.length > 1 && (
          <Select
            id="outstanding-county"
            allowClear
            placeholder={t('county')}
            style={{ minWidth: 140 }}
            value={countyId}
            onChange={(v?: string) => refilter(() => setCountyId(v))}
            options={props.counties.map((c) => ({ value: c.id, label: countyName(c, lang) }))}
          />
        )}
        <Input.Search
          id="outstanding-search"
          allowClear
          placeholder={t('outstandingSearch')}
          style={{ width: 220 }}
          onSearch={(v) => refilter(() => setQ(v.trim()))}
        />
        <Space>
          <Switch checked={overdueOnly} onChange={(v) => refilter(() => setOverdueOnly(v))} />
          {t('overdueOnly')}
          {state.data ? <Tag color={state.data.overdue ? 'red' : undefined}>{state.data.overdue}</Tag> : null}
        </Space>
      </Space>
      {hr && (
        <Space wrap style={{ marginBottom: 12 }} id="outstanding-actions">
          <Typography.Text type="secondary">{t('selectedN', { n: selected.length })}</Typography.Text>
          <Button id="bulk-remind" disabled={!selected.length} onClick={() => setAction('remind')}>
            {t('bulkRemind')}
          </Button>
          <Button id="bulk-extend" disabled={!selected.length} onClick={() => setAction('extend')}>
            {t('bulkExtend')}
          </Button>
          <Button
            id="bulk-reassign"
            disabled={!chosen.length || chosen.some((r) => !r.reassignable || r.kind !== chosen[0]!.kind)}
            title={t('bulkReassignHint')}
            onClick={() => setAction('reassign')}
          >
            {t('bulkReassign')}
          </Button>
        </Space>
      )}
      <Loading state={state}>
        {(data) => (
          <Table<OutstandingTask>
            id="outstanding-table"
            size="small"
            rowKey="id"
            scroll={{ x: 900 }}
            dataSource={data.tasks}
            locale={{ emptyText: t('outstandingNone') }}
            rowSelection={
              hr ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) } : undefined
            }
            pagination={{ current: page, pageSize: 50, total: data.total, onChange: setPage, showSizeChanger: false }}
            columns={[
              { title: t('manager'), render: (_: unknown, r) => person(r.manager) || '—' },
              { title: t('county'), render: (_: unknown, r) => countyName(r.county, lang) },
              {
                title: t('kind'),
                render: (_: unknown, r) => <a href={`#/tasks/${r.id}`}>{name('taskKind', r.kind)}</a>,
              },
              {
                title: t('assignee'),
                render: (_: unknown, r) => (
                  <Space>
                    {r.assignee.displayName}
                    {r.wantedRole && <UnassignedTag role={r.wantedRole} />}
                  </Space>
                ),
              },
              {
                title: t('due'),
                render: (_: unknown, r) => (
                  <Space>
                    {r.dueDate}
                    {r.overdueDays > 0 && <Tag color="red">{t('overdueDays', { n: r.overdueDays })}</Tag>}
                  </Space>
                ),
              },
              { title: t('remindersSent'), dataIndex: 'remindersSent', width: 90 },
              {
                title: t('escalated'),
                dataIndex: 'escalationLevel',
                width: 90,
                render: (n: number) => (n ? `×${n}` : ''),
              },
            ]}
          />
        )}
      </Loading>
      {action && (
        <BulkModal
          action={action}
          tasks={chosen}
          onClose={(changed) => {
            setAction(undefined);
            if (changed) {
              setSelected([]);
              void state.reload();
              props.onChanged();
            }
          }}
        />
      )}
    </Card>
  );
}

/** The bulk action's form; after sending, how each task went (a closed task, a wrong role…). */
function BulkModal({
  action,
  tasks,
  onClose,
}: {
  action: Action;
  tasks: OutstandingTask[];
  onClose: (changed: boolean) => void;
}) {
  const { t } = useSession();
  const [form] = Form.useForm<{ note?: string; reason?: string; dueDate?: Dayjs; assigneeId?: string }>();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<Error>();
  const [answer, setAnswer] = useState<BulkAnswer>();
  const assignees = useApi<{ users: { id: string; displayName: string; username: string }[] }>(
    action === 'reassign' && tasks[0] ? `/api/tasks/${tasks[0].id}/assignees` : null,
  );
  const taskIds = tasks.map((x) => x.id);
  const send = async () => {
    const v = await form.validateFields();
    setSending(true);
    setError(undefined);
    try {
      if (action === 'remind') {
        const r = await api<{ reminded?: string[]; skipped?: string[] }>('POST', '/api/tasks/bulk/remind', {
          taskIds,
          ...(v.note ? { note: v.note } : {}),
        });
        void message.success(t('bulkReminded', { n: r.reminded?.length ?? taskIds.length, m: r.skipped?.length ?? 0 }));
        onClose(true);
        return;
      }
      const body =
        action === 'extend'
          ? { taskIds, dueDate: v.dueDate!.format('YYYY-MM-DD'), reason: v.reason }
          : { taskIds, assigneeId: v.assigneeId, reason: v.reason };
      const r = await api<BulkAnswer>('POST', `/api/tasks/bulk/${action}`, body);
      if (r.failed === 0) {
        void message.success(t('bulkDone', { n: r.done }));
        onClose(true);
      } else setAnswer(r);
    } catch (e) {
      setError(e as Error);
    } finally {
      setSending(false);
    }
  };
  const title = { remind: t('bulkRemind'), extend: t('bulkExtend'), reassign: t('bulkReassign') }[action];
  const who = (id: string) => {
    const task = tasks.find((x) => x.id === id);
    return task ? person(task.manager) || task.assignee.displayName : id;
  };
  return (
    <Modal
      open
      title={`${title}（${tasks.length}）`}
      okText={answer ? t('closeWindow') : title}
      confirmLoading={sending}
      onOk={() => (answer ? onClose(true) : void send())}
      onCancel={() => onClose(Boolean(answer))}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      {answer ? (
        <div id="bulk-answer">
          <Typography.Paragraph>{t('bulkPartly', { n: answer.done, m: answer.failed })}</Typography.Paragraph>
          <ul>
            {answer.results.map((r) =>
              r.ok ? null : <li key={r.taskId}>{`${who(r.taskId)}${t('colon')}${r.title}`}</li>,
            )}
          </ul>
        </div>
      ) : (
        <Form form={form} layout="vertical" id="bulk-form">
          <Typography.Paragraph type="secondary">
            {tasks
              .slice(0, 8)
              .map((x) => person(x.manager) || x.assignee.displayName)
              .join('、')}
            {tasks.length > 8 ? ` … (${tasks.length})` : ''}
          </Typography.Paragraph>
          {action === 'remind' && (
            <Form.Item name="note" label={t('bulkRemindNote')} rules={[{ max: 200 }]}>
              <Input.TextArea maxLength={200} rows={2} />
            </Form.Item>
          )}
          {action === 'extend' && (
            <Form.Item name="dueDate" label={t('newDueDate')} rules={[{ required: true, message: t('required') }]}>
              <DatePicker />
            </Form.Item>
          )}
          {action === 'reassign' && (
            <Form.Item name="assigneeId" label={t('assignee')} rules={[{ required: true, message: t('required') }]}>
              <Select
                loading={assignees.loading}
                options={(assignees.data?.users ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
              />
            </Form.Item>
          )}
          {action !== 'remind' && (
            <Form.Item
              name="reason"
              label={t('reason')}
              rules={[
                { required: true, message: t('required') },
                { min: 2, max: 500 },
              ]}
            >
              <Input.TextArea maxLength={500} rows={2} />
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
}
