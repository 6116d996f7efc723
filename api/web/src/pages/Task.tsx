// One task as an approval card: what it is about, what is decided (the county's results,
// the approval chain, the quota, the case), the form or what was submitted, HR's tools
// and the timeline in words.
import {
  Alert,
  Badge,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { Button, DatePicker, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { bottomRankRulesText } from '@domain/codeNames';
import { describeEvent } from '@domain/eventText';
import { publicTaskKinds } from '@domain/taskKinds';
import type { FormField } from '@domain/taskKinds/definition';
import { api, applyFieldErrors } from '../api';
import { ApprovalChain, type ChainStep } from '../components/ApprovalChain';
import { CountyResults, type ContextManager } from '../components/CountyResults';
import { ErrorAlert, Loading, useApi } from '../components/data';
import { countyName, formatNumber, formatTime, person } from '../components/format';
import { PeriodPlanCard, type EvaluationDetail } from '../components/PeriodPlan';
import type { QuotaContext } from '../components/QuotaImpact';
import { TaskForm, type GradeReviewManager } from '../components/TaskForm';
import { ComplaintTaskCard, type ComplaintContext } from '../components/ComplaintTaskCard';
import { VisitFactsCard } from './VisitLog';
import type { MonthFacts } from '@domain/visitLog';
import { objectionPrefill, ObjectionTaskCard, type ObjectionContext } from '../components/Objection';
import { TalkTaskCard, type TalkContext } from '../components/ResultsTalk';
import { useSession } from '../session';
import { statusColor } from './Inbox';
import { PeerRatingsView, type PeerToRate } from '../components/PeerRatings';
import { WeeklySheetCard } from './WeeklySheets';

interface TaskDetail {
  id: string;
  kind: string;
  status: string;
  round: number;
  dueDate: string;
  openedAt: string;
  submittedAt: string | null;
  assigneeId: string;
  countyId: string;
  escalationLevel: number;
  evaluationId: string | null;
  gradeReviewId: string | null;
  /** Null for a complaint's task, which belongs to no cycle. */
  cycle: { id: string; type: string; period: string } | null;
  complaint: { receivedOn: string; managerId: string } | null;
  /** Nor does a weekly sheet's: its week does. */
  weeklySheet: { weekStart: string; managerId: string; manager: { name: string; employeeNo: string } } | null;
  assignee: { id: string; displayName: string };
  evaluation: { managerId: string; manager: { name: string; employeeNo: string } } | null;
  /** The payload is null where it is not the viewer's to read (someone else's peer review). */
  submission: { payload: Record<string, unknown> | null; createdAt: string } | null;
}
export interface TaskContext {
  kind: string;
  round: number;
  county: { id: string; code: string; name: string; nameEn: string } | null;
  cycle: { id: string; type: string; period: string } | null;
  review?: {
    status: string;
    round: number;
    recommendedManagerId: string | null;
    headComment: string | null;
    chain: ChainStep[];
    returns: { round: number; reason: string | null; by: string; at: string | null }[];
  };
  managers?: ContextManager[];
  quota?: QuotaContext;
  case?: {
    id: string;
    status: string;
    manager: { id: string; name: string; employeeNo: string; employment: string; area: string; grade: string };
    flag: { period: string; rules: string[] };
    months: {
      period: string;
      compositeScore: number | null;
      rank: number | null;
      rankFromBottom: number | null;
      cohortSize: number | null;
    }[];
    allowedActions: string[];
    chain: ChainStep[];
  };
  objection?: ObjectionContext;
  talk?: TalkContext;
  complaint?: ComplaintContext;
  /** A self-assessment: the period's weekly one-sheets, summarised. */
  weeklySheets?: { weeks: number; submitted: number; onTime: number; onTimeRate: number; summary: string };
  /** A weekly sheet's task: the sheet it is about. */
  weeklySheet?: { id: string; weekStart: string; status: string };
  /** A peer review's assigned peers: to its rater; null to anyone else. */
  peers?: PeerToRate[] | null;
  /** An inspection's facts: the visit log and check-ins of the months it covers. */
  fieldFacts?: MonthFacts & { managerId: string; months: string[] };
}

const kinds = publicTaskKinds();

export function TaskPage({ id }: { id: string }) {
  const task = useApi<{ task: TaskDetail }>(`/api/tasks/${id}`);
  const context = useApi<TaskContext>(`/api/tasks/${id}/context`);
  // The page waits for what the task decides too, so its title and cards appear at once.
  if (!context.data && !context.error && !task.error)
    return <Loading state={{ ...task, data: undefined }}>{() => null}</Loading>;
  return (
    <Loading state={task}>
      {({ task: tk }) => (
        <TaskView task={tk} context={context.data} reload={() => Promise.all([task.reload(), context.reload()])} />
      )}
    </Loading>
  );
}

function TaskView({
  task,
  context,
  reload,
}: {
  task: TaskDetail;
  context?: TaskContext;
  reload: () => Promise<unknown>;
}) {
  const { t, name, lang, me, has } = useSession();
  const kind = kinds.find((k) => k.kind === task.kind);
  const grade = useApi<{ managers: GradeReviewManager[] }>(
    task.gradeReviewId ? `/api/grade-reviews/${task.gradeReviewId}` : null,
  );
  const evaluation = useApi<EvaluationDetail>(
    kind?.showsPeriodPlan && task.evaluationId ? `/api/evaluations/${task.evaluationId}` : null,
  );
  const [done, setDone] = useState(false);
  // Bumped after every change here, so the timeline below reads the new events.
  const [version, setVersion] = useState(0);
  const changed = async () => {
    await reload();
    setVersion((v) => v + 1);
  };
  const mine = task.assigneeId === me?.id;
  const canSubmit = task.status === 'OPEN' && mine && !!kind?.submittedByStaff && !done;
  const subject = task.evaluation
    ? person(task.evaluation.manager)
    : context?.case
      ? person(context.case.manager)
      : context?.objection
        ? person(context.objection.manager)
        : context?.talk
          ? person(context.talk.manager)
          : context?.complaint
            ? person(context.complaint.manager)
            : task.weeklySheet
              ? person(task.weeklySheet.manager)
              : countyName(context?.county, lang);
  const returns = context?.review?.returns.filter((r) => r.round === task.round - 1) ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card className="decision-card">
        <Typography.Title level={3} className="page-title" id="task-title">
          {name('taskKind', task.kind)} · {subject}
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('county')}>{countyName(context?.county, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('cycle')}>
            {task.cycle
              ? `${name('cycleType', task.cycle.type)} ${task.cycle.period}`
              : task.weeklySheet
                ? `${t('weeklySheets')} ${task.weeklySheet.weekStart}`
                : `${t('complaint')} ${task.complaint?.receivedOn ?? ''}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('due')}>
            <span id="task-due">{task.dueDate}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('assignee')}>{task.assignee.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('status')}>
            <Badge
              id="task-status"
              status={statusColor[done ? 'SUBMITTED' : task.status] as 'processing'}
              text={name('taskStatus', done ? 'SUBMITTED' : task.status)}
            />
            {task.escalationLevel > 0 && (
              <Tag color="orange" style={{ marginLeft: 8 }}>{`${t('escalated')} ×${task.escalationLevel}`}</Tag>
            )}
          </Descriptions.Item>
          {task.round > 1 && <Descriptions.Item label={t('round')}>{t('roundN', { n: task.round })}</Descriptions.Item>}
          {task.evaluation && (
            <Descriptions.Item label={t('timeline')}>
              <a href={`#/managers/${task.evaluation.managerId}/timeline`}>{t('timeline')}</a>
            </Descriptions.Item>
          )}
        </Descriptions>
        {returns.map((r) => (
          <Alert
            key={r.round}
            id="return-reason"
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={`${t('roundN', { n: task.round })} · ${t('returnedBecause')}${t('colon')}${r.reason ?? ''}`}
            description={`${r.by} · ${formatTime(r.at, lang)}`}
          />
        ))}
      </Card>

      {context?.managers && (
        <Card title={`${t('countyResults')} · ${countyName(context.county, lang)}`}>
          {context.kind === 'CITY_APPROVAL' && context.review && (
            <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t('headComment')}>
                <span id="head-comment">{context.review.headComment || t('none')}</span>
              </Descriptions.Item>
              {context.review.recommendedManagerId && (
                <Descriptions.Item label={t('recommendedManager')}>
                  {person(context.managers.find((m) => m.manager.id === context.review!.recommendedManagerId)?.manager)}
                </Descriptions.Item>
              )}
            </Descriptions>
          )}
          <CountyResults managers={context.managers} recommendedManagerId={context.review?.recommendedManagerId} />
        </Card>
      )}

      {context?.case && <CaseCard c={context.case} />}
      {context?.objection && <ObjectionTaskCard o={context.objection} />}
      {context?.talk && <TalkTaskCard c={context.talk} kind={task.kind} />}
      {context?.complaint && <ComplaintTaskCard c={context.complaint} kind={task.kind} />}
      {context?.weeklySheet && task.kind === 'WEEKLY_SHEET_REVIEW' && <WeeklySheetCard id={context.weeklySheet.id} />}
      {context?.fieldFacts && (
        <VisitFactsCard
          facts={context.fieldFacts}
          title={t('visitFactsFor', { months: context.fieldFacts.months.join('、') })}
          link={`#/visit-log/${context.fieldFacts.managerId}`}
        />
      )}

      {evaluation.data && <PeriodPlanCard evaluation={evaluation.data} onSaved={() => void evaluation.reload()} />}
      {context?.weeklySheets && context.weeklySheets.weeks > 0 && (
        <Alert
          id="period-sheets"
          type="info"
          showIcon
          title={t('periodSheets', {
            submitted: context.weeklySheets.submitted,
            weeks: context.weeklySheets.weeks,
            onTime: context.weeklySheets.onTime,
            rate: context.weeklySheets.onTimeRate,
          })}
          description={context.weeklySheets.summary ? t('periodSheetsPrefilled') : undefined}
        />
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={context?.review || context?.case ? 16 : 24}>
          {canSubmit && task.kind === 'WEEKLY_SHEET' && context?.weeklySheet ? (
            // The sheet is filled block by block on its own page, which saves and submits it.
            <Card>
              <Button id="open-sheet" type="primary" href={`#/weekly-sheets/${context.weeklySheet.id}`}>
                {t('openWeeklySheet')}
              </Button>
            </Card>
          ) : canSubmit ? (
            <Card title={t('decision')}>
              {grade.loading && task.gradeReviewId ? null : (
                <TaskForm
                  taskId={task.id}
                  fields={kind.form}
                  data={{
                    cycleType: task.cycle?.type ?? '',
                    round: task.round,
                    managers: context?.managers,
                    gradeReview: grade.data?.managers,
                    quota: context?.quota,
                    allowedActions: context?.case?.allowedActions,
                    objection: context?.objection,
                    peers: context?.peers ?? undefined,
                    initial:
                      (context?.objection && objectionPrefill(context.objection, task.kind)) ||
                      // The self-assessment's work summary starts from the period's sheets (一张纸 → 月度总结).
                      (context?.weeklySheets?.summary ? { workSummary: context.weeklySheets.summary } : undefined),
                  }}
                  onSubmitted={() => {
                    setDone(true);
                    void changed();
                  }}
                />
              )}
            </Card>
          ) : done ? (
            <Alert id="task-done" type="success" showIcon title={t('submitted')} />
          ) : (
            <Card title={t('submission')}>
              {task.submission ? (
                <SubmissionView fields={kind?.form ?? []} payload={task.submission.payload} context={context} />
              ) : (
                <Typography.Text type="secondary">{t('noSubmission')}</Typography.Text>
              )}
            </Card>
          )}
        </Col>
        {(context?.review || context?.case) && (
          <Col xs={24} xl={8}>
            <Card title={t('approvalChain')}>
              <ApprovalChain steps={context.review?.chain ?? context.case?.chain ?? []} currentTaskId={task.id} />
            </Card>
          </Col>
        )}
      </Row>

      {task.status === 'OPEN' && has('HR') && !done && (
        <HrTools task={task} reassignable={!!kind?.reassignable} onChanged={changed} />
      )}
      {task.status === 'OPEN' && !has('HR') && kind?.sharedAmongHolders && mine && !done && (
        <Card title={t('handOver')} id="hand-over">
          <ReassignForm task={task} onChanged={changed} />
        </Card>
      )}
      <TaskTimeline taskId={task.id} key={version} />
    </Space>
  );
}

/** 末位淘汰: the manager, employment type, the months and ranks that raised the flag, the options allowed. */
function CaseCard({ c }: { c: NonNullable<TaskContext['case']> }) {
  const { t, name, lang } = useSession();
  return (
    <Card title={`${t('cases')} · ${person(c.manager)}`} id="case-card">
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('manager')}>{person(c.manager)}</Descriptions.Item>
        <Descriptions.Item label={t('employment')}>{name('employment', c.manager.employment)}</Descriptions.Item>
        <Descriptions.Item label={t('grade')}>{name('grade', c.manager.grade)}</Descriptions.Item>
        <Descriptions.Item label={t('period')}>{c.flag.period}</Descriptions.Item>
        <Descriptions.Item label={t('flagRaisedBy')}>{bottomRankRulesText(c.flag.rules, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('allowedActions')}>
          {c.allowedActions.map((a) => (
            <Tag key={a}>{name('action', a)}</Tag>
          ))}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('flagMonths')}</Typography.Title>
      <Table
        size="small"
        rowKey="period"
        pagination={false}
        dataSource={c.months}
        columns={[
          { title: t('month'), dataIndex: 'period' },
          { title: t('score'), dataIndex: 'compositeScore', render: (s: number | null) => formatNumber(s) },
          { title: t('rank'), render: (_: unknown, m) => (m.rank ? `${m.rank}/${m.cohortSize}` : '—') },
          {
            title: t('rankFromBottom'),
            dataIndex: 'rankFromBottom',
            render: (r: number | null) => (r !== null && r <= 3 ? <Tag color="red">{r}</Tag> : (r ?? '—')),
          },
        ]}
      />
    </Card>
  );
}

/** What was submitted, in the words of the form it was submitted with (not raw JSON). */
function SubmissionView({
  fields,
  payload,
  context,
}: {
  fields: readonly FormField[];
  payload: Record<string, unknown> | null;
  context?: TaskContext;
}) {
  const { t, name, lang } = useSession();
  const value = (path: string) =>
    path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | null | undefined)?.[k], payload);
  const items: { label: string; text: React.ReactNode }[] = [];
  const plain = (v: unknown) =>
    typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  for (const f of fields) {
    const v = value(f.name);
    if (f.type === 'peerRatings') {
      items.push({
        label: name('taskKind', 'PEER_REVIEW'),
        text: <PeerRatingsView ratings={v} peers={context?.peers} />,
      });
      continue;
    }
    if (v === undefined || f.type === 'fixed') continue;
    if (f.type === 'kpis') {
      for (const [k, x] of Object.entries(v as Record<string, number>))
        items.push({ label: name('kpi', k), text: formatNumber(x) });
    } else if (f.type === 'checkItems') {
      for (const i of v as { item: string; passed: boolean; deduction: number; note?: string }[])
        items.push({
          label: name('checkItem', i.item),
          text: `${i.passed ? t('passed') : `${t('deduction')} ${i.deduction}`}${i.note ? ` · ${i.note}` : ''}`,
        });
    } else if (f.type === 'select') {
      items.push({ label: f.label[lang], text: f.options.find((o) => o.value === v)?.label[lang] ?? plain(v) });
    } else if (f.type === 'countyManager') {
      items.push({
        label: f.label[lang],
        text: person(context?.managers?.find((m) => m.manager.id === v)?.manager) || plain(v),
      });
    } else if (f.type === 'objectionAdjustments') {
      for (const a of v as { component: string; score: number }[])
        items.push({ label: `${t('newScore')} · ${name('component', a.component)}`, text: formatNumber(a.score) });
    } else if (f.type === 'gradeProposals' || f.type === 'gradeDecisions') {
      items.push({ label: t('decision'), text: `${(v as unknown[]).length}` });
    } else if ('label' in f) {
      items.push({ label: f.label[lang], text: plain(v) });
    }
  }
  return (
    <Descriptions size="small" column={1} id="submission">
      {items.map((i, n) => (
        <Descriptions.Item key={n} label={i.label}>
          {i.text}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** Sends one of the task's forms; the form shows the fields the API names, the card the rest. */
function useTaskAction(onChanged: () => Promise<unknown>) {
  const [error, setError] = useState<Error>();
  const send = async (form: FormInstance, path: string, body: unknown) => {
    setError(undefined);
    try {
      await api('POST', path, body);
      form.resetFields();
      await onChanged();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e as Error);
    }
  };
  return { error, send };
}

/** HR: move the due date (reminders move with it) or give the task to another holder of its role. */
function HrTools({
  task,
  reassignable,
  onChanged,
}: {
  task: TaskDetail;
  reassignable: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useSession();
  const [extend] = Form.useForm();
  const { error, send } = useTaskAction(onChanged);
  return (
    <Card title={t('hrTools')}>
      <ErrorAlert error={error} />
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Typography.Title level={5}>{t('extend')}</Typography.Title>
          <Form
            id="extend-form"
            form={extend}
            layout="vertical"
            onFinish={(v: { dueDate: string; reason: string }) => void send(extend, `/api/tasks/${task.id}/extend`, v)}
          >
            <Form.Item
              name="dueDate"
              label={t('newDueDate')}
              rules={[{ required: true, message: t('required') }]}
              getValueProps={(v: string | undefined) => ({ value: v ? dayjs(v) : undefined })}
              normalize={(d: dayjs.Dayjs | null) => d?.format('YYYY-MM-DD')}
            >
              <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') <= task.dueDate} />
            </Form.Item>
            <Form.Item name="reason" label={t('reason')} rules={[{ required: true, message: t('required') }]}>
              <Input maxLength={500} />
            </Form.Item>
            <Button htmlType="submit">{t('extend')}</Button>
          </Form>
        </Col>
        {reassignable && (
          <Col xs={24} md={12}>
            <Typography.Title level={5}>{t('reassign')}</Typography.Title>
            <ReassignForm task={task} onChanged={onChanged} />
          </Col>
        )}
      </Row>
    </Card>
  );
}

/** Give the task to another holder of its role (HR, or the holder of a shared task: 谈话分工). */
function ReassignForm({ task, onChanged }: { task: TaskDetail; onChanged: () => Promise<unknown> }) {
  const { t } = useSession();
  const people = useApi<{ users: { id: string; displayName: string; username: string }[] }>(
    `/api/tasks/${task.id}/assignees`,
  );
  const [reassign] = Form.useForm();
  const { error, send } = useTaskAction(onChanged);
  const others = (people.data?.users ?? []).filter((p) => p.id !== task.assigneeId);
  if (others.length === 0 && !people.loading)
    return <Typography.Text type="secondary">{t('nobodyElse')}</Typography.Text>;
  return (
    <Form
      id="reassign-form"
      form={reassign}
      layout="vertical"
      onFinish={(v) => void send(reassign, `/api/tasks/${task.id}/reassign`, v)}
    >
      <ErrorAlert error={error} />
      <Form.Item name="assigneeId" label={t('reassignTo')} rules={[{ required: true, message: t('required') }]}>
        <Select options={others.map((p) => ({ value: p.id, label: `${p.displayName}（${p.username}）` }))} />
      </Form.Item>
      <Form.Item name="reason" label={t('reason')} rules={[{ required: true, message: t('required') }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Button htmlType="submit">{t('reassign')}</Button>
    </Form>
  );
}

interface TimelineEvent {
  id: string;
  at: string;
  action: string;
  actorName: string | null;
  details: Record<string, unknown> | null;
}

function TaskTimeline({ taskId }: { taskId: string }) {
  const { t, lang } = useSession();
  const state = useApi<{ events: TimelineEvent[]; people: Record<string, string> }>(`/api/tasks/${taskId}/timeline`);
  return (
    <Card title={t('timeline')}>
      <Loading state={state}>
        {({ events, people }) => (
          <div id="task-timeline">
            <Timeline
              items={events.map((e) => ({
                content: (
                  <>
                    <Typography.Text type="secondary">{formatTime(e.at, lang)}</Typography.Text>
                    <div>
                      {describeEvent({ action: e.action, actorName: e.actorName, details: e.details, people }, lang)}
                    </div>
                  </>
                ),
              }))}
            />
          </div>
        )}
      </Loading>
    </Card>
  );
}
