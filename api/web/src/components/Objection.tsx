// Objection (申诉) in the pages: on the result page the manager objects (components and a
// reason, within the window) and everyone who reads the result sees the trail; on the
// county's and the city's task the objection, and the composite and rank a new score gives.
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import { adjustedComposite, type ObjectionAdjustment, type ObjectionComponent } from '@domain/objections';
import { rankCohort } from '@domain/ranking';
import type { ComponentScores, WeightedComponent } from '@domain/scoring';
import { api } from '../api';
import { useSubmit } from './useSubmit';
import { useSession } from '../session';
import { ErrorAlert } from './data';
import { formatNumber, formatTime, person } from './format';

interface Opinion {
  decision: string;
  reason: string;
  adjustments?: ObjectionAdjustment[];
}
export interface ObjectionView {
  id: string;
  status: string;
  components: string[];
  reason: string;
  createdAt: string;
  decision: string | null;
  decisionReason: string | null;
  decidedAt: string | null;
  outcome: {
    changes: { component: string; from: number; to: number }[];
    composite: { from: number; to: number };
    rank: { from: number; to: number };
    cohortSize: number;
  } | null;
  steps: {
    taskId: string;
    kind: string;
    status: string;
    dueDate: string;
    assignee: { displayName: string };
    submittedAt: string | null;
    opinion: Opinion | null;
  }[];
}
export interface ObjectionWindow {
  open: boolean;
  until: string | null;
  days: number;
  mine: boolean;
}

/** The result page's objection card: the form while the window is open, else the trail. */
export function ObjectionCard(props: {
  evaluationId: string;
  objection: ObjectionView | null;
  window: ObjectionWindow;
  components: string[];
  onFiled: () => void;
}) {
  const { t, name } = useSession();
  const { objection, window } = props;
  if (objection) return <ObjectionTrail o={objection} />;
  if (!window.mine || !window.until) return null;
  if (!window.open)
    return (
      <Card title={t('objection')} id="objection">
        <Typography.Text type="secondary">{t('objectionClosed', { until: window.until })}</Typography.Text>
      </Card>
    );
  return (
    <Card title={t('objection')} id="objection">
      <Typography.Paragraph type="secondary">
        {t('objectionHint', { days: window.days, until: window.until })}
      </Typography.Paragraph>
      <FileObjection
        evaluationId={props.evaluationId}
        options={props.components.map((c) => ({ value: c, label: name('component', c) }))}
        onFiled={props.onFiled}
      />
    </Card>
  );
}

function FileObjection(props: {
  evaluationId: string;
  options: { value: string; label: string }[];
  onFiled: () => void;
}) {
  const { t } = useSession();
  const [form] = Form.useForm();
  const { busy, error, submit } = useSubmit(form, async (values: unknown) => {
    await api('POST', `/api/evaluations/${props.evaluationId}/objection`, values);
    props.onFiled();
  });
  return (
    <Form id="objection-form" form={form} layout="vertical" onFinish={(v) => void submit(v)}>
      <Form.Item name="components" label={t('objectedComponents')} rules={[{ required: true, message: t('required') }]}>
        <Checkbox.Group options={props.options} />
      </Form.Item>
      <Form.Item name="reason" label={t('objectionReason')} rules={[{ required: true, message: t('required') }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <ErrorAlert error={error} />
      <Button type="primary" htmlType="submit" loading={busy} id="file-objection">
        {t('fileObjection')}
      </Button>
    </Form>
  );
}

/** Filed → the county's opinion → the city's decision, with what changed. */
function ObjectionTrail({ o }: { o: ObjectionView }) {
  const { t, name, lang } = useSession();
  const done = o.status === 'UPHELD' || o.status === 'ADJUSTED';
  return (
    <Card
      title={t('objection')}
      id="objection"
      extra={
        <Tag color={done ? (o.status === 'ADJUSTED' ? 'green' : 'default') : 'processing'}>
          {name('objectionStatus', o.status)}
        </Tag>
      }
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('objectedComponents')}>
          {o.components.map((c) => name('component', c)).join('、')}
        </Descriptions.Item>
        <Descriptions.Item label={t('objectionReason')}>{o.reason}</Descriptions.Item>
      </Descriptions>
      <Steps
        direction="vertical"
        size="small"
        current={o.steps.length}
        items={[
          { title: t('objectionFiled'), description: formatTime(o.createdAt, lang) },
          ...o.steps.map((s) => ({
            title: `${name('taskKind', s.kind)} · ${s.assignee.displayName}`,
            status: s.status === 'SUBMITTED' ? ('finish' as const) : ('process' as const),
            description: s.opinion ? <OpinionText opinion={s.opinion} /> : `${t('due')} ${s.dueDate}`,
          })),
        ]}
      />
      {o.outcome && o.outcome.changes.length > 0 && (
        <Alert
          id="objection-outcome"
          type="success"
          showIcon
          title={`${t('score')} ${formatNumber(o.outcome.composite.from)} → ${formatNumber(o.outcome.composite.to)} · ${t('rank')} ${o.outcome.rank.from} → ${o.outcome.rank.to} / ${o.outcome.cohortSize}`}
        />
      )}
    </Card>
  );
}

function OpinionText({ opinion }: { opinion: Opinion }) {
  const { name } = useSession();
  const changes = (opinion.adjustments ?? []).map(
    (a) => `${name('component', a.component)} → ${formatNumber(a.score)}`,
  );
  return (
    <span>
      <strong>{name('objectionDecision', opinion.decision)}</strong>
      {changes.length > 0 && `（${changes.join('、')}）`}
      {`：${opinion.reason}`}
    </span>
  );
}

export interface ObjectionContext {
  id: string;
  status: string;
  reason: string;
  filedAt: string;
  components: ObjectionComponent[];
  manager: { id: string; name: string; employeeNo: string };
  evaluation: {
    id: string;
    compositeScore: number | null;
    rank: number | null;
    rankFromBottom: number | null;
    cohortSize: number | null;
    scores: { component: string; value: number; missing: boolean }[];
  };
  composition: {
    weights: Record<WeightedComponent, number>;
    gathered: WeightedComponent[];
    values: ComponentScores;
    deductions: number;
  };
  cohort: { managerId: string; score: number }[];
  chain: { taskId: string; kind: string; assignee: string; status: string; payload: Opinion | null }[];
}

/** The decision card of an objection task: what is objected to, why, and what the county said. */
export function ObjectionTaskCard({ o }: { o: ObjectionContext }) {
  const { t, name, lang } = useSession();
  const county = o.chain.find((s) => s.kind === 'OBJECTION_COUNTY_REVIEW' && s.payload);
  return (
    <Card title={`${t('objection')} · ${person(o.manager)}`} id="objection-card">
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('score')}>{formatNumber(o.evaluation.compositeScore)}</Descriptions.Item>
        <Descriptions.Item
          label={t('rank')}
        >{`${o.evaluation.rank ?? '—'} / ${o.evaluation.cohortSize ?? '—'}`}</Descriptions.Item>
        <Descriptions.Item label={t('objectionFiled')}>{formatTime(o.filedAt, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('objectionReason')}>
          <span id="objection-reason">{o.reason}</span>
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="component"
        pagination={false}
        dataSource={o.components.map((c) => ({ component: c, score: currentScore(o, c) }))}
        columns={[
          { title: t('objectedComponents'), render: (_: unknown, r) => name('component', r.component) },
          { title: t('currentScore'), render: (_: unknown, r) => formatNumber(r.score) },
        ]}
      />
      {county?.payload && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          id="county-opinion"
          title={`${name('taskKind', 'OBJECTION_COUNTY_REVIEW')} · ${county.assignee}`}
          description={<OpinionText opinion={county.payload} />}
        />
      )}
    </Card>
  );
}

/** The score a component has now (the inspection as 100 − deductions). */
function currentScore(o: ObjectionContext, component: ObjectionComponent): number {
  if (component === 'inspection') return Math.max(0, 100 - o.composition.deductions);
  return o.composition.values[component] ?? 0;
}

/**
 * The city's form starts from the county's opinion (申诉县局意见): its decision and, for an
 * adjustment, the scores it proposed; the reason is the city's own to write.
 */
export function objectionPrefill(o: ObjectionContext, taskKind: string): Record<string, unknown> | undefined {
  if (taskKind !== 'OBJECTION_CITY_DECISION') return undefined;
  const county = o.chain.find((s) => s.kind === 'OBJECTION_COUNTY_REVIEW' && s.payload)?.payload;
  if (!county) return undefined;
  const proposed = new Map((county.adjustments ?? []).map((a) => [a.component, a.score]));
  return {
    decision: county.decision,
    adjustments: o.components.map((component) => ({
      component,
      score: proposed.get(component) ?? currentScore(o, component),
    })),
  };
}

/** The form's new score per component objected to, with the composite and rank it gives, live. */
export function ObjectionAdjustments({ prefix, o, form }: { prefix: string; o: ObjectionContext; form: FormInstance }) {
  const { t, name } = useSession();
  const watched = Form.useWatch(prefix, form) as { component: ObjectionComponent; score?: number }[] | undefined;
  const adjustments = (watched ?? []).filter((a): a is ObjectionAdjustment => typeof a?.score === 'number');
  const c = o.composition;
  const next = adjustedComposite(c.weights, c.values, c.gathered, c.deductions, adjustments).composite;
  const ranked = rankCohort(o.cohort.map((m) => (m.managerId === o.manager.id ? { ...m, score: next } : m)));
  const rank = ranked.find((r) => r.managerId === o.manager.id)?.rank;
  return (
    <>
      <Table
        size="small"
        rowKey="component"
        pagination={false}
        dataSource={o.components.map((component, i) => ({ component, i }))}
        columns={[
          {
            title: t('objectedComponents'),
            render: (_: unknown, r) => (
              <>
                <Form.Item name={[prefix, r.i, 'component']} initialValue={r.component} hidden>
                  <Input />
                </Form.Item>
                {name('component', r.component)}
              </>
            ),
          },
          { title: t('currentScore'), render: (_: unknown, r) => formatNumber(currentScore(o, r.component)) },
          {
            title: t('newScore'),
            render: (_: unknown, r) => (
              <Form.Item
                name={[prefix, r.i, 'score']}
                initialValue={currentScore(o, r.component)}
                style={{ margin: 0 }}
              >
                <InputNumber min={0} max={100} step={0.5} id={`adjust-${r.component}`} />
              </Form.Item>
            ),
          },
        ]}
      />
      <Alert
        id="adjustment-preview"
        style={{ margin: '12px 0' }}
        type="warning"
        showIcon
        title={`${t('score')} ${formatNumber(o.evaluation.compositeScore)} → ${formatNumber(next)} · ${t('rank')} ${o.evaluation.rank ?? '—'} → ${rank ?? '—'} / ${ranked.length}`}
      />
    </>
  );
}
