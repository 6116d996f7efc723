// 督察批量录入: the inspector enters the whole county's check results in one grid, a row
// per manager, and saves them at once. The API checks every row first: a bad row is
// named (its fields marked in the grid) and nothing is saved. What is typed is kept in
// this browser until it is saved.
import { Alert, Button, Card, Form, Input, InputNumber, Space, Switch, Table, Tag, Typography, message } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { checkItemKinds } from '@domain/scoring';
import { api, ApiError, applyFieldErrors, fieldMessage, type FieldError } from '../api';
import { CsvImport } from '../components/CsvImport';
import { Loading, useApi } from '../components/data';
import { countyName, person } from '../components/format';
import type { InboxTask } from './Inbox';
import type { MonthFacts } from '@domain/visitLog';
import { useSession } from '../session';

interface Item {
  item: string;
  passed: boolean;
  deduction: number;
  note?: string;
}
interface Row {
  taskId: string;
  payload: { items: Item[] };
}
interface Saved {
  imported: number;
  alreadySubmitted: number;
  notAccepted: number;
}

const draftKey = 'kaoping.draft.inspectionGrid';
const emptyItems = (): Item[] => checkItemKinds.map((item) => ({ item, passed: true, deduction: 0 }));

function readDraft(): Record<string, Item[]> {
  try {
    return (JSON.parse(localStorage.getItem(draftKey) ?? '{}') as Record<string, Item[]>) ?? {};
  } catch {
    return {};
  }
}

export function InspectionGridPage() {
  const state = useApi<{ tasks: InboxTask[]; total: number }>(
    '/api/tasks?kind=INSPECTION&status=OPEN&pageSize=200&sort=dueDate',
  );
  // By employee number, as the county's lists read.
  const byManager = (tasks: InboxTask[]) =>
    [...tasks].sort((a, b) => (a.subject.manager?.employeeNo ?? '').localeCompare(b.subject.manager?.employeeNo ?? ''));
  return (
    <Loading state={state}>
      {(d) => (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Grid tasks={byManager(d.tasks)} onSaved={() => void state.reload()} />
          <CycleImports tasks={d.tasks} onImported={() => void state.reload()} />
        </Space>
      )}
    </Loading>
  );
}

/** Or the whole county as a CSV file (督察结果导入), one card per cycle with open inspections. */
function CycleImports({ tasks, onImported }: { tasks: InboxTask[]; onImported: () => void }) {
  const { name } = useSession();
  // Inspections always belong to a cycle (only a complaint's tasks have none).
  const cycles = new Map(tasks.flatMap((task) => (task.cycleId && task.cycle ? [[task.cycleId, task.cycle]] : [])));
  return (
    <>
      {[...cycles].map(([cycleId, cycle]) => (
        <CsvImport
          key={cycleId}
          cycleId={cycleId}
          kind="inspections"
          onImported={onImported}
          extra={
            <Typography.Text type="secondary">{`${name('cycleType', cycle.type)} ${cycle.period}`}</Typography.Text>
          }
        />
      ))}
    </>
  );
}

/** The visit-log facts (首末签到, 工作本) of each row's manager over its cycle's months, by `cycleId/managerId`. */
function useVisitFacts(tasks: InboxTask[]): Record<string, MonthFacts> {
  const [facts, setFacts] = useState<Record<string, MonthFacts>>({});
  const cycles = [...new Set(tasks.map((task) => task.cycleId).filter((id): id is string => !!id))].join(',');
  useEffect(() => {
    let live = true;
    Promise.all(
      cycles
        .split(',')
        .filter(Boolean)
        .map((cycleId) =>
          api<{ facts: Record<string, MonthFacts> }>('GET', `/api/visit-log/facts?cycleId=${cycleId}`).then((r) =>
            Object.entries(r.facts).map(([managerId, f]) => [`${cycleId}/${managerId}`, f] as const),
          ),
        ),
    ).then(
      (all) => live && setFacts(Object.fromEntries(all.flat())),
      () => undefined, // the grid works without them
    );
    return () => {
      live = false;
    };
  }, [cycles]);
  return facts;
}

function Grid({ tasks, onSaved }: { tasks: InboxTask[]; onSaved: () => void }) {
  const { t, name, lang } = useSession();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [pending, setPending] = useState(false);
  const rows = Form.useWatch('rows', form);
  const facts = useVisitFacts(tasks);
  const initial = useMemo(() => {
    const draft = readDraft();
    return { rows: tasks.map((task) => ({ taskId: task.id, payload: { items: draft[task.id] ?? emptyItems() } })) };
  }, [tasks]);
  const rowErrors = (n: number) =>
    error instanceof ApiError ? (error.problem.errors ?? []).filter((f) => f.field.startsWith(`body.rows.${n}.`)) : [];

  /** `body.rows.2.payload.items.0.deduction` → 第 3 行 · 首末签到 · 扣分：… */
  const errorText = (f: FieldError) => {
    const m = /^body\.rows\.(\d+)(?:\.payload\.items\.(\d+)\.(\w+))?/.exec(f.field);
    if (!m) return f.message;
    const where = [t('rowN', { n: Number(m[1]) + 1 })];
    if (m[2] !== undefined) where.push(name('checkItem', checkItemKinds[Number(m[2])] ?? ''));
    if (m[3] === 'deduction' || m[3] === 'note') where.push(t(m[3]));
    return `${where.join(' · ')}：${fieldMessage(f)}`;
  };

  const save = async (values: { rows: Row[] }) => {
    setBusy(true);
    setError(undefined);
    setPending(false);
    try {
      const body = {
        rows: values.rows.map((r) => ({
          taskId: r.taskId,
          payload: {
            items: r.payload.items.map((i) => ({
              item: i.item,
              passed: i.passed,
              deduction: i.passed ? 0 : (i.deduction ?? 0),
              ...(i.note?.trim() ? { note: i.note.trim() } : {}),
            })),
          },
        })),
      };
      const saved = await api<Saved | { pending: true }>('POST', '/api/tasks/bulk/submit', body);
      localStorage.removeItem(draftKey);
      if ('pending' in saved) setPending(true);
      else void message.success(t('gridSaved', { n: saved.imported + saved.alreadySubmitted }));
      onSaved();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  if (tasks.length === 0)
    return (
      <Card title={t('inspectionGrid')}>
        <Alert type="success" showIcon message={t('gridNothingOpen')} />
      </Card>
    );
  return (
    <Card
      title={t('inspectionGrid')}
      extra={<Typography.Text type="secondary">{t('gridHint', { n: tasks.length })}</Typography.Text>}
    >
      <Form
        form={form}
        id="inspection-grid"
        initialValues={initial}
        onFinish={(v) => void save(v)}
        onValuesChange={(_, all: { rows: Row[] }) =>
          localStorage.setItem(
            draftKey,
            JSON.stringify(Object.fromEntries(all.rows.map((r) => [r.taskId, r.payload.items]))),
          )
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          {error && (
            <Alert
              className="problem"
              type="error"
              showIcon
              title={error instanceof ApiError ? error.problem.title : error.message}
              description={
                error instanceof ApiError &&
                (error.problem.errors ?? []).map((f) => <div key={f.field}>{errorText(f)}</div>)
              }
            />
          )}
          {pending && <Alert type="info" showIcon message={t('gridPending')} />}
          <Table<InboxTask & { n: number }>
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: 1300 }}
            dataSource={tasks.map((task, n) => ({ ...task, n }))}
            rowClassName={(r) => (rowErrors(r.n).length ? 'grid-row-bad' : '')}
            columns={[
              { title: '#', width: 44, render: (_: unknown, r) => r.n + 1 },
              {
                title: t('subject'),
                width: 170,
                fixed: 'left',
                render: (_: unknown, r) => (
                  <>
                    <Form.Item name={['rows', r.n, 'taskId']} hidden>
                      <Input />
                    </Form.Item>
                    <div>{person(r.subject.manager)}</div>
                    <Typography.Text type="secondary">
                      {countyName(r.subject.county, lang)} · {r.dueDate}
                    </Typography.Text>
                    {r.overdue && <Tag color="red">{t('overdue')}</Tag>}
                  </>
                ),
              },
              {
                title: t('visitColumn'),
                width: 150,
                render: (_: unknown, r) => {
                  const f = r.cycleId && r.evaluation ? facts[`${r.cycleId}/${r.evaluation.managerId}`] : undefined;
                  if (!f || !r.evaluation) return '—';
                  return (
                    <a href={`#/visit-log/${r.evaluation.managerId}`} className="visit-facts">
                      <div>{`${t('daysBothCheckIns')} ${f.daysWithBothCheckIns}/${f.daysLogged}`}</div>
                      <div>{`${t('visitsOnPlan')} ${f.visitedOnPlan}/${f.planned}`}</div>
                    </a>
                  );
                },
              },
              ...checkItemKinds.map((kind, i) => ({
                title: name('checkItem', kind),
                render: (_: unknown, r: { n: number }) => {
                  const passed = rows?.[r.n]?.payload.items[i]?.passed !== false;
                  const at = ['rows', r.n, 'payload', 'items', i];
                  return (
                    <Space direction="vertical" size={2}>
                      <Form.Item name={[...at, 'item']} hidden>
                        <Input />
                      </Form.Item>
                      <Space size={4}>
                        <Form.Item name={[...at, 'passed']} valuePropName="checked" noStyle>
                          <Switch
                            checkedChildren={t('passed')}
                            unCheckedChildren={t('failed')}
                            style={{ minWidth: 68 }}
                          />
                        </Form.Item>
                        <Form.Item name={[...at, 'deduction']} style={{ margin: 0 }}>
                          <InputNumber
                            min={0}
                            max={100}
                            step={0.5}
                            disabled={passed}
                            style={{ width: 72 }}
                            aria-label={`${name('checkItem', kind)} ${t('deduction')}`}
                          />
                        </Form.Item>
                      </Space>
                      {!passed && (
                        <Form.Item name={[...at, 'note']} style={{ margin: 0 }}>
                          <Input placeholder={t('note')} maxLength={1000} />
                        </Form.Item>
                      )}
                    </Space>
                  );
                },
              })),
              {
                title: t('gridRowState'),
                width: 110,
                render: (_: unknown, r) => {
                  const errs = rowErrors(r.n);
                  const own = errs.filter((f) => f.field.endsWith('.taskId'));
                  if (!errs.length) return null;
                  return (
                    <Typography.Text type="danger" className="grid-row-error">
                      {own.length ? own.map(fieldMessage).join('；') : t('gridRowErrors', { n: errs.length })}
                    </Typography.Text>
                  );
                },
              },
            ]}
          />
          <Button type="primary" htmlType="submit" loading={busy} id="grid-save">
            {t('gridSave', { n: tasks.length })}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
