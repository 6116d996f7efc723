// 批量审批: the city approver's open county approvals and grade sign-offs side by side, each
// with what it decides (expand a row for the county's results); the ticked ones approved
// one by one, so each is still its own decision, audited and checked (grade quotas) by
// its own workflow, and each row says how it went.
import { Alert, Button, Card, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { CountyResults } from '../components/CountyResults';
import { ProblemResult, useApi } from '../components/data';
import { countyName, formatNumber } from '../components/format';
import { useSession } from '../session';
import type { InboxTask } from './Inbox';
import type { TaskContext } from './Task';

interface Row extends InboxTask {
  context?: TaskContext;
}
type Outcome = { ok: true } | { ok: false; message: string };

const approvalBody: Record<string, (comment: string) => object> = {
  CITY_APPROVAL: (comment) => ({ decision: 'approve', ...(comment ? { comment } : {}) }),
  GRADE_SIGN_OFF: (comment) => ({ decision: 'approveAll', ...(comment ? { comment } : {}) }),
};

export function ApprovalsPage() {
  const { t, name, lang } = useSession();
  const approvals = useApi<{ tasks: InboxTask[] }>('/api/tasks?status=OPEN&kind=CITY_APPROVAL&pageSize=200');
  const grades = useApi<{ tasks: InboxTask[] }>('/api/tasks?status=OPEN&kind=GRADE_SIGN_OFF&pageSize=200');
  const [contexts, setContexts] = useState<Record<string, TaskContext>>({});
  const [selected, setSelected] = useState<string[]>([]);
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const rows: Row[] = [...(approvals.data?.tasks ?? []), ...(grades.data?.tasks ?? [])].map((r) => ({
    ...r,
    context: contexts[r.id],
  }));
  const loadContext = async (id: string) => {
    if (contexts[id]) return;
    const c = await api<TaskContext>('GET', `/api/tasks/${id}/context`);
    setContexts((all) => ({ ...all, [id]: c }));
  };
  const approveSelected = async () => {
    setBusy(true);
    for (const id of selected) {
      const row = rows.find((r) => r.id === id);
      if (!row || outcomes[id]?.ok) continue;
      try {
        await api('POST', `/api/tasks/${id}/submission`, approvalBody[row.kind]!(comment.trim()));
        setOutcomes((o) => ({ ...o, [id]: { ok: true } }));
      } catch (e) {
        setOutcomes((o) => ({ ...o, [id]: { ok: false, message: (e as Error).message } }));
      }
    }
    setBusy(false);
    setSelected([]);
  };
  if (approvals.error && !approvals.data) return <ProblemResult error={approvals.error} onRetry={approvals.reload} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} className="page-title">
        {t('batchApprove')}
      </Typography.Title>
      <Alert type="info" showIcon title={t('batchHint')} />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input
            id="batch-comment"
            placeholder={t('comment')}
            value={comment}
            maxLength={2000}
            onChange={(e) => setComment(e.target.value)}
            style={{ width: 320 }}
          />
          <Button
            id="batch-approve"
            type="primary"
            disabled={!selected.length}
            loading={busy}
            onClick={() =>
              Modal.confirm({
                title: t('approveSelectedConfirm', { n: selected.length }),
                onOk: approveSelected,
              })
            }
          >
            {t('approveSelected', { n: selected.length })}
          </Button>
        </Space>
        <Table<Row>
          id="batch-table"
          rowKey="id"
          size="middle"
          scroll={{ x: 800 }}
          loading={approvals.loading || grades.loading}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t('noTasks') }}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as string[]),
            getCheckboxProps: (r) => ({ disabled: !!outcomes[r.id]?.ok }),
          }}
          expandable={{
            onExpand: (open, r) => void (open && loadContext(r.id)),
            expandedRowRender: (r) =>
              r.context?.managers ? (
                <CountyResults
                  managers={r.context.managers}
                  recommendedManagerId={r.context.review?.recommendedManagerId}
                />
              ) : (
                <a href={`#/tasks/${r.id}`}>{t('open')}</a>
              ),
          }}
          columns={[
            {
              title: t('kind'),
              render: (_: unknown, r) => (
                <a href={`#/tasks/${r.id}`} className="task-link" data-kind={r.kind}>
                  {name('taskKind', r.kind)}
                  {r.round > 1 ? ` · ${t('roundN', { n: r.round })}` : ''}
                </a>
              ),
            },
            { title: t('county'), render: (_: unknown, r) => countyName(r.subject.county, lang) },
            {
              title: t('cycle'),
              // City approvals always belong to a cycle.
              render: (_: unknown, r) => (r.cycle ? `${name('cycleType', r.cycle.type)} ${r.cycle.period}` : ''),
            },
            {
              title: t('due'),
              dataIndex: 'dueDate',
              render: (d: string, r) => (r.overdue ? <Tag color="red">{d}</Tag> : d),
            },
            {
              title: t('score'),
              render: (_: unknown, r) => {
                const scores = (r.context?.managers ?? [])
                  .map((m) => m.compositeScore)
                  .filter((s): s is number => s !== null);
                if (!r.context)
                  return (
                    <Button size="small" onClick={() => void loadContext(r.id)}>
                      {t('show')}
                    </Button>
                  );
                if (!scores.length) return '—';
                const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
                return `${t('mean')} ${formatNumber(mean)} · ${t('lowest')} ${formatNumber(Math.min(...scores))} · ${t('peopleN', { n: scores.length })}`;
              },
            },
            {
              title: t('headComment'),
              render: (_: unknown, r) => r.context?.review?.headComment ?? '',
            },
            {
              title: t('result'),
              render: (_: unknown, r) => {
                const o = outcomes[r.id];
                if (!o) return '';
                return o.ok ? (
                  <Tag color="green" className="batch-ok">
                    {name('decision', 'approved')}
                  </Tag>
                ) : (
                  <Typography.Text type="danger" className="batch-refused">
                    {o.message}
                  </Typography.Text>
                );
              },
            },
          ]}
        />
      </Card>
    </Space>
  );
}
