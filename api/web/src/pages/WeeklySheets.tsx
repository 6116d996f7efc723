// 客户经理一张纸工作法: the week's sheets of a county (or a manager's weeks), and one sheet:
// filled by ticking and short entries through the week (saved as a draft), submitted at its
// end, read and signed off or returned by the county (批阅), and printed on one A4 page.
import { PrinterOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { kpiNames } from '@domain/marketingReview';
import {
  checklistCategories,
  checklistCategoryNames,
  checklistItems,
  communicationAudienceNames,
  communicationAudiences,
  communicationKindNames,
  communicationKinds,
  maxTickedItems,
  weekdayNames,
  type ChecklistCategory,
  type SheetContent,
} from '@domain/weeklySheet';
import { api, applyFieldErrors } from '../api';
import { ErrorAlert, Loading, useApi } from '../components/data';
import { formatNumber, formatTime, person } from '../components/format';
import { navigate } from '../router';
import { useSession } from '../session';

type Status = 'OPEN' | 'SUBMITTED' | 'RETURNED' | 'REVIEWED' | 'MISSED';
const statusColor: Record<Status, string> = {
  OPEN: 'blue',
  SUBMITTED: 'gold',
  RETURNED: 'red',
  REVIEWED: 'green',
  MISSED: 'default',
};

interface SheetRow {
  id: string;
  weekStart: string;
  status: Status;
  round: number;
  submittedAt: string | null;
  onTime: boolean | null;
  reviewComment: string | null;
  manager: { id: string; name: string; employeeNo: string };
}

interface SheetDetail {
  sheet: {
    id: string;
    weekStart: string;
    weekEnd: string;
    month: string;
    status: Status;
    round: number;
    submittedAt: string | null;
    onTime: boolean | null;
    reviewComment: string | null;
    returnReason: string | null;
    manager: { id: string; name: string; employeeNo: string; county: { name: string; nameEn: string } };
  };
  content: SheetContent;
  targets: { kpi: string; target: number | null; actual: number | null; gap: number | null }[];
  monthHasPlan: boolean;
  customers: { id: string; name: string; licenceNo: string }[];
  editTaskId: string | null;
  reviewTaskId: string | null;
  rounds: {
    kind: string;
    round: number;
    status: string;
    dueDate: string;
    assignee: string;
    submittedAt: string | null;
    decision: { decision: string; comment?: string; reason?: string } | null;
  }[];
  links: { visitLog: string; timeline: string; complaints: string };
  month: { weeks: number; submitted: number; onTime: number; onTimeRate: number };
}

function StatusTag({ status }: { status: Status }) {
  const { name } = useSession();
  return <Tag color={statusColor[status]}>{name('weeklySheetStatus', status)}</Tag>;
}

/** The list: a week of the reader's counties, or the manager's own weeks. */
export function WeeklySheetsPage() {
  const { t, has, name, lang } = useSession();
  const [week, setWeek] = useState<string | undefined>(has('MANAGER') ? undefined : dayjs().format('YYYY-MM-DD'));
  const [status, setStatus] = useState<Status>();
  const [page, setPage] = useState(1);
  const query = new URLSearchParams({ page: String(page), pageSize: '50' });
  if (week) query.set('week', week);
  if (status) query.set('status', status);
  const list = useApi<{ total: number; counts: Record<Status, number>; sheets: SheetRow[] }>(
    `/api/weekly-sheets?${query.toString()}`,
  );
  const opening = async () => {
    try {
      const r = await api<{ weekStart: string }>('POST', '/api/weekly-sheets/open');
      void message.success(t('weekOpening', { week: r.weekStart }));
      setTimeout(() => void list.reload(), 2000);
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} className="page-title">
        {t('weeklySheets')}
      </Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <DatePicker
            picker="week"
            id="sheet-week"
            value={week ? dayjs(week) : null}
            onChange={(d) => {
              setWeek(
                d
                  ? d
                      .startOf('week')
                      .add(d.day() === 0 ? -6 : 1, 'day')
                      .format('YYYY-MM-DD')
                  : undefined,
              );
              setPage(1);
            }}
          />
          <Select
            allowClear
            placeholder={t('status')}
            style={{ width: 160 }}
            value={status}
            onChange={(s: Status | undefined) => {
              setStatus(s);
              setPage(1);
            }}
            options={(Object.keys(statusColor) as Status[]).map((s) => ({
              value: s,
              label: `${name('weeklySheetStatus', s)} · ${list.data?.counts[s] ?? 0}`,
            }))}
          />
          {has('HR') && (
            <Button id="open-week" onClick={() => void opening()}>
              {t('openThisWeek')}
            </Button>
          )}
        </Space>
        <Loading state={list}>
          {(data) => (
            <Table
              id="sheet-table"
              size="small"
              rowKey="id"
              dataSource={data.sheets}
              locale={{ emptyText: t('noWeeklySheets') }}
              scroll={{ x: 800 }}
              onRow={(r) => ({ onClick: () => navigate(`#/weekly-sheets/${r.id}`), style: { cursor: 'pointer' } })}
              pagination={{ current: page, pageSize: 50, total: data.total, onChange: setPage }}
              columns={[
                { title: t('week'), dataIndex: 'weekStart' },
                {
                  title: t('manager'),
                  render: (_: unknown, r) => <a href={`#/weekly-sheets/${r.id}`}>{person(r.manager)}</a>,
                },
                { title: t('status'), render: (_: unknown, r) => <StatusTag status={r.status} /> },
                {
                  title: t('onTime'),
                  render: (_: unknown, r) =>
                    r.onTime === null ? '—' : r.onTime ? t('yes') : <Tag color="orange">{t('late')}</Tag>,
                },
                {
                  title: t('submittedAt'),
                  render: (_: unknown, r) => (r.submittedAt ? formatTime(r.submittedAt, lang) : '—'),
                },
                { title: t('reviewComment'), dataIndex: 'reviewComment', ellipsis: true },
              ]}
            />
          )}
        </Loading>
      </Card>
    </Space>
  );
}

export function WeeklySheetPage({ id }: { id: string }) {
  const state = useApi<SheetDetail>(`/api/weekly-sheets/${id}`);
  return <Loading state={state}>{(d) => <SheetBody d={d} reload={() => void state.reload()} />}</Loading>;
}

/** The sheet, read-only, where a task is decided on it (the county's review on the task page). */
export function WeeklySheetCard({ id }: { id: string }) {
  const state = useApi<SheetDetail>(`/api/weekly-sheets/${id}`);
  return <Loading state={state}>{(d) => <SheetView d={d} />}</Loading>;
}

function SheetBody({ d, reload }: { d: SheetDetail; reload: () => void }) {
  const { t, lang } = useSession();
  const s = d.sheet;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} id="weekly-sheet">
      <Card className="no-print">
        <Typography.Title level={3} className="page-title">
          {`${t('weeklySheet')} · ${person(s.manager)}`}
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('week')}>{`${s.weekStart} – ${s.weekEnd}`}</Descriptions.Item>
          <Descriptions.Item label={t('county')}>
            {lang === 'en' ? s.manager.county.nameEn : s.manager.county.name}
          </Descriptions.Item>
          <Descriptions.Item label={t('status')}>
            <span id="sheet-status">
              <StatusTag status={s.status} />
            </span>
            {s.round > 1 ? t('roundN', { n: s.round }) : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('monthSheets', { month: s.month })}>
            {t('monthSheetsValue', { submitted: d.month.submitted, weeks: d.month.weeks, onTime: d.month.onTime })}
          </Descriptions.Item>
        </Descriptions>
        {s.status === 'RETURNED' && s.returnReason && (
          <Alert id="return-reason" type="warning" showIcon title={`${t('sheetReturnedBecause')}：${s.returnReason}`} />
        )}
        {s.reviewComment && (
          <Alert id="review-comment" type="success" showIcon title={`${t('reviewComment')}：${s.reviewComment}`} />
        )}
        <Space style={{ marginTop: 12 }}>
          <Button id="print-sheet" icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('printSheet')}
          </Button>
          <a href={d.links.visitLog}>{t('visitLog')}</a>
          <a href={d.links.timeline}>{t('timeline')}</a>
        </Space>
      </Card>
      {d.editTaskId ? (
        <>
          <div className="no-print">
            <SheetEditor d={d} onDone={reload} />
          </div>
          <div className="print-only">
            <SheetView d={d} />
          </div>
        </>
      ) : (
        <SheetView d={d} />
      )}
      {d.reviewTaskId && <ReviewCard taskId={d.reviewTaskId} onDone={reload} />}
    </Space>
  );
}

/** The sheet as it was saved or sent: the six blocks on one page (also what prints on A4). */
function SheetView({ d }: { d: SheetDetail }) {
  const { t, name, lang } = useSession();
  const c = d.content;
  const customer = (id: string) => d.customers.find((x) => x.id === id)?.name ?? id;
  const yes = (b: boolean) => (b ? '✓' : '—');
  return (
    <Card className="sheet-a4" id="sheet-view" size="small">
      <Typography.Title level={4} style={{ textAlign: 'center', margin: 0 }}>
        {`${t('weeklySheet')}（${d.sheet.weekStart} – ${d.sheet.weekEnd}）`}
      </Typography.Title>
      <Typography.Paragraph style={{ textAlign: 'center' }}>
        {`${person(d.sheet.manager)} · ${lang === 'en' ? d.sheet.manager.county.nameEn : d.sheet.manager.county.name}`}
      </Typography.Paragraph>
      <Block title={`1 ${t('sheetTargets')}`}>
        <Table
          size="small"
          pagination={false}
          rowKey="kpi"
          dataSource={d.targets}
          columns={[
            { title: t('kpi'), render: (_: unknown, r) => name('kpi', r.kpi) },
            { title: t('weekTarget'), render: (_: unknown, r) => formatNumber(r.target) },
            { title: t('actual'), render: (_: unknown, r) => formatNumber(r.actual) },
            { title: t('gap'), render: (_: unknown, r) => formatNumber(r.gap) },
          ]}
        />
      </Block>
      <Block title={`2 ${t('sheetTasks')}`}>
        <div id="sheet-carried-in">
          <strong>{t('carriedIn')}：</strong>
          {c.carriedIn.length
            ? c.carriedIn.map((p) => `${p.text}${p.resolved ? `（${t('resolved')}）` : ''}`).join('；')
            : t('none')}
        </div>
        <div>
          <strong>{t('weekFocus')}：</strong>
          {c.focus || '—'}
        </div>
        <ol style={{ margin: '4px 0' }}>
          {c.ticked.map((x, i) => (
            <li
              key={i}
            >{`${checklistCategoryNames[x.category][lang]} · ${checklistItems[x.category][x.item]?.[lang] ?? x.item}：${x.how}`}</li>
          ))}
        </ol>
        {c.visitPlan.length > 0 && (
          <div>
            <strong>{t('visitPlan')}：</strong>
            {c.visitPlan
              .map(
                (v) =>
                  `${weekdayNames[v.day]![lang]} ${customer(v.customerId)}${v.focus ? `（${v.focus}）` : ''} ${yes(v.done)}`,
              )
              .join('；')}
          </div>
        )}
      </Block>
      <Block title={`3 ${t('dailyTracking')}`}>
        <Table
          size="small"
          pagination={false}
          rowKey="day"
          dataSource={c.daily.filter((x) => x.indicators || x.tasks || x.temporaryWork || x.problem || x.fix)}
          locale={{ emptyText: '—' }}
          columns={[
            { title: t('day'), render: (_: unknown, r) => weekdayNames[r.day]![lang] },
            { title: t('indicators'), dataIndex: 'indicators' },
            { title: t('dayTasks'), render: (_: unknown, r) => `${r.tasks} ${r.tasks ? yes(r.completed) : ''}` },
            { title: t('temporaryWork'), dataIndex: 'temporaryWork' },
            { title: t('dayProblem'), render: (_: unknown, r) => [r.problem, r.fix].filter(Boolean).join(' → ') },
          ]}
        />
      </Block>
      <Block title={`4 ${t('improvement')}`}>
        <div>
          <strong>{t('mainWork')}：</strong>
          {c.mainWork || '—'}
        </div>
        <div>
          <strong>{t('mainProblems')}：</strong>
          {c.problems.map((p) => `${p.text}${p.resolved ? `（${t('resolved')}）` : ''}`).join('；') || '—'}
        </div>
        <div>
          <strong>{t('measures')}：</strong>
          {c.measures || '—'}
        </div>
      </Block>
      <Block title={`5 ${t('greenChannel')}`}>
        {c.communication.length
          ? c.communication.map((x, i) => (
              <div
                key={i}
              >{`${communicationAudienceNames[x.audience][lang]} · ${communicationKindNames[x.kind][lang]}：${x.content}${x.howTold ? `（${x.howTold}）` : ''}`}</div>
            ))
          : '—'}
      </Block>
      <Block title={`6 ${t('sheetLinks')}`}>
        <Space className="no-print">
          <a href={d.links.visitLog}>{t('visitLog')}</a>
          <a href={d.links.timeline}>{t('timeline')}</a>
        </Space>
        <span className="print-only">{t('sheetLinksPrinted')}</span>
      </Block>
    </Card>
  );
}

function Block({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="sheet-block">
      <div className="sheet-block-title">{title}</div>
      {children}
    </div>
  );
}

/** The manager's sheet while it is open: save as a draft, submit; errors shown beside the fields. */
function SheetEditor({ d, onDone }: { d: SheetDetail; onDone: () => void }) {
  const { t, name, lang } = useSession();
  const [form] = Form.useForm();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState<'save' | 'submit'>();
  const daily = weekdayNames.map((_, day) => ({
    day,
    indicators: '',
    tasks: '',
    completed: false,
    temporaryWork: '',
    problem: '',
    fix: '',
    ...d.content.daily.find((x) => x.day === day),
  }));
  const send = async (kind: 'save' | 'submit') => {
    setError(undefined);
    setBusy(kind);
    const values = form.getFieldsValue(true) as SheetContent;
    try {
      if (kind === 'save') {
        await api('PUT', `/api/weekly-sheets/${d.sheet.id}`, values);
        void message.success(t('draftSavedNow'));
      } else {
        await api('POST', `/api/tasks/${d.editTaskId}/submission`, values);
        void message.success(t('submitted'));
        // The sheet's own status follows a moment after the submission is taken: look again.
        for (const ms of [1000, 3000]) setTimeout(onDone, ms);
      }
      onDone();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e as Error);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Form id="sheet-form" form={form} layout="vertical" initialValues={{ ...d.content, daily }}>
      <Card title={`1 ${t('sheetTargets')}`} size="small">
        {!d.monthHasPlan && <Typography.Paragraph type="secondary">{t('noMonthPlan')}</Typography.Paragraph>}
        <Space wrap>
          {kpiNames.map((k) => {
            const target = d.targets.find((x) => x.kpi === k)?.target ?? null;
            return (
              <Form.Item
                key={k}
                name={['actuals', k]}
                label={`${name('kpi', k)}（${t('weekTarget')} ${formatNumber(target)}）`}
              >
                <InputNumber min={0} max={300} step={0.1} style={{ width: 160 }} />
              </Form.Item>
            );
          })}
        </Space>
      </Card>
      <Card title={`2 ${t('sheetTasks')}`} size="small" style={{ marginTop: 12 }}>
        <Form.List name="carriedIn">
          {(fields) =>
            fields.length ? (
              <div id="carried-in">
                <Typography.Text strong>{t('carriedIn')}</Typography.Text>
                {fields.map((f) => (
                  <Space key={f.key} style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'text']} noStyle>
                      <Input readOnly variant="borderless" style={{ width: 360 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'resolved']} valuePropName="checked" noStyle>
                      <Switch checkedChildren={t('resolved')} unCheckedChildren={t('stillOpen')} />
                    </Form.Item>
                  </Space>
                ))}
              </div>
            ) : null
          }
        </Form.List>
        <Form.Item name="focus" label={t('weekFocus')} style={{ marginTop: 12 }}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="ticked" label={t('checklistLimit', { n: maxTickedItems })}>
          <TickList />
        </Form.Item>
        <VisitPlan form={form} customers={d.customers} />
      </Card>
      <Card title={`3 ${t('dailyTracking')}`} size="small" style={{ marginTop: 12 }}>
        <Table
          size="small"
          pagination={false}
          rowKey="day"
          scroll={{ x: 900 }}
          dataSource={daily}
          columns={[
            { title: t('day'), width: 64, render: (_: unknown, r) => weekdayNames[r.day]![lang] },
            ...(['indicators', 'tasks', 'temporaryWork', 'problem', 'fix'] as const).map((field) => ({
              title: t(
                field === 'tasks'
                  ? 'dayTasks'
                  : field === 'problem'
                    ? 'dayProblem'
                    : field === 'fix'
                      ? 'dayFix'
                      : field,
              ),
              render: (_: unknown, r: { day: number }) => (
                <Form.Item name={['daily', r.day, field]} noStyle>
                  <Input maxLength={200} />
                </Form.Item>
              ),
            })),
            {
              title: t('done'),
              width: 64,
              render: (_: unknown, r) => (
                <Form.Item name={['daily', r.day, 'completed']} valuePropName="checked" noStyle>
                  <Checkbox />
                </Form.Item>
              ),
            },
          ]}
        />
      </Card>
      <Card title={`4 ${t('improvement')}`} size="small" style={{ marginTop: 12 }}>
        <Form.Item name="mainWork" label={t('mainWork')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.List name="problems">
          {(fields, { add, remove }) => (
            <>
              <Typography.Text strong>{t('mainProblems')}</Typography.Text>
              {fields.map((f) => (
                <Space key={f.key} style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'text']} noStyle>
                    <Input maxLength={200} style={{ width: 360 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'resolved']} valuePropName="checked" noStyle initialValue={false}>
                    <Switch checkedChildren={t('resolved')} unCheckedChildren={t('stillOpen')} />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(f.name)}>
                    {t('remove')}
                  </Button>
                </Space>
              ))}
              <Button
                id="add-problem"
                type="dashed"
                onClick={() => add({ text: '', resolved: false })}
                style={{ margin: '8px 0' }}
              >
                {t('addProblem')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="measures" label={t('measures')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Card>
      <Card title={`5 ${t('greenChannel')}`} size="small" style={{ marginTop: 12 }}>
        <Form.List name="communication">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'audience']} noStyle>
                    <Select
                      style={{ width: 140 }}
                      options={communicationAudiences.map((a) => ({
                        value: a,
                        label: communicationAudienceNames[a][lang],
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'kind']} noStyle>
                    <Select
                      style={{ width: 120 }}
                      options={communicationKinds.map((k) => ({ value: k, label: communicationKindNames[k][lang] }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'content']} noStyle>
                    <Input placeholder={t('content')} maxLength={300} style={{ width: 320 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'howTold']} noStyle>
                    <Input placeholder={t('howTold')} maxLength={100} style={{ width: 160 }} />
                  </Form.Item>
                  <Button type="link" onClick={() => remove(f.name)}>
                    {t('remove')}
                  </Button>
                </Space>
              ))}
              <Button
                type="dashed"
                onClick={() => add({ audience: 'MARKETING_DIRECTOR', kind: 'MARKET_STATE', content: '', howTold: '' })}
                style={{ marginTop: 8 }}
              >
                {t('addChannelItem')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>
      <ErrorAlert error={error} />
      <Space style={{ marginTop: 12 }}>
        <Button id="save-sheet" loading={busy === 'save'} onClick={() => void send('save')}>
          {t('saveDraft')}
        </Button>
        <Button id="submit-sheet" type="primary" loading={busy === 'submit'} onClick={() => void send('submit')}>
          {t('submitSheet')}
        </Button>
      </Space>
    </Form>
  );
}

type Ticked = SheetContent['ticked'];

/** The seven categories' items as checkboxes, each ticked one with how it will be done; a 6th is refused here too. */
function TickList({ value = [], onChange }: { value?: Ticked; onChange?: (v: Ticked) => void }) {
  const { t, lang } = useSession();
  const isTicked = (c: ChecklistCategory, item: string) => value.findIndex((x) => x.category === c && x.item === item);
  const toggle = (c: ChecklistCategory, item: string, on: boolean) => {
    if (!on) return onChange?.(value.filter((x) => !(x.category === c && x.item === item)));
    if (value.length >= maxTickedItems) return void message.warning(t('checklistFull', { n: maxTickedItems }));
    onChange?.([...value, { category: c, item, how: '' }]);
  };
  return (
    <div id="tick-list">
      {checklistCategories.map((c) => (
        <div key={c} style={{ marginBottom: 6 }}>
          <Typography.Text strong style={{ marginRight: 8 }}>
            {checklistCategoryNames[c][lang]}
          </Typography.Text>
          {Object.entries(checklistItems[c]).map(([item, label]) => {
            const i = isTicked(c, item);
            return (
              <span key={item} style={{ marginRight: 12, display: 'inline-block' }}>
                <Checkbox checked={i >= 0} data-item={item} onChange={(e) => toggle(c, item, e.target.checked)}>
                  {label[lang]}
                </Checkbox>
                {i >= 0 && (
                  <Input
                    size="small"
                    data-how={item}
                    placeholder={t('howToDo')}
                    value={value[i]!.how}
                    maxLength={200}
                    style={{ width: 220 }}
                    onChange={(e) => onChange?.(value.map((x, j) => (j === i ? { ...x, how: e.target.value } : x)))}
                  />
                )}
              </span>
            );
          })}
        </div>
      ))}
      <Typography.Text type="secondary" id="tick-count">
        {t('tickedN', { n: value.length, max: maxTickedItems })}
      </Typography.Text>
    </div>
  );
}

function VisitPlan({ form, customers }: { form: FormInstance; customers: SheetDetail['customers'] }) {
  const { t, lang } = useSession();
  void form;
  return (
    <Form.List name="visitPlan">
      {(fields, { add, remove }) => (
        <div style={{ marginTop: 8 }}>
          <Typography.Text strong>{t('visitPlan')}</Typography.Text>
          {fields.map((f) => (
            <Space key={f.key} wrap style={{ display: 'flex' }}>
              <Form.Item name={[f.name, 'day']} noStyle>
                <Select style={{ width: 90 }} options={weekdayNames.map((w, i) => ({ value: i, label: w[lang] }))} />
              </Form.Item>
              <Form.Item name={[f.name, 'customerId']} noStyle>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  style={{ width: 240 }}
                  options={customers.map((c) => ({ value: c.id, label: `${c.name}（${c.licenceNo}）` }))}
                />
              </Form.Item>
              <Form.Item name={[f.name, 'focus']} noStyle>
                <Input placeholder={t('serviceFocus')} maxLength={100} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'done']} valuePropName="checked" noStyle>
                <Checkbox>{t('done')}</Checkbox>
              </Form.Item>
              <Button type="link" onClick={() => remove(f.name)}>
                {t('remove')}
              </Button>
            </Space>
          ))}
          <Button
            type="dashed"
            onClick={() => add({ day: 0, customerId: customers[0]?.id, focus: '', done: false })}
            style={{ marginTop: 8 }}
            disabled={!customers.length}
          >
            {t('addVisit')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** The county's review (批阅): signed off with a comment, or returned with the reason. */
function ReviewCard({ taskId, onDone }: { taskId: string; onDone: () => void }) {
  const { t } = useSession();
  const [form] = Form.useForm();
  const decision = Form.useWatch('decision', form);
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const send = async (values: { decision: string; comment?: string; reason?: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await api('POST', `/api/tasks/${taskId}/submission`, values);
      onDone();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('sheetReview')} id="sheet-review" className="no-print">
      <Form
        form={form}
        id="review-form"
        layout="vertical"
        initialValues={{ decision: 'reviewed' }}
        onFinish={(v) => void send(v)}
      >
        <Form.Item name="decision">
          <Radio.Group optionType="button" buttonStyle="solid">
            <Radio.Button value="reviewed">{t('sheetReviewed')}</Radio.Button>
            <Radio.Button value="return">{t('sheetReturn')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        {decision === 'return' ? (
          <Form.Item name="reason" label={t('reason')} rules={[{ required: true, message: t('required') }]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        ) : (
          <Form.Item name="comment" label={t('reviewComment')} rules={[{ required: true, message: t('required') }]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )}
        <ErrorAlert error={error} />
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('submit')}
        </Button>
      </Form>
    </Card>
  );
}
