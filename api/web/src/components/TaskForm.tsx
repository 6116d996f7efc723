// A task's form, rendered from its kind's entry in the task-kind registry (domain/taskKinds):
// inline errors from the API's field errors, only visible fields sent, a draft kept on the
// server until it is submitted.
import {
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Skeleton,
  Space,
  Switch,
  Table,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { codeNames } from '@domain/codeNames';
import { grades, type Grade } from '@domain/grades';
import { kpiNames } from '@domain/marketingReview';
import { checkItemKinds } from '@domain/scoring';
import type { FormField, VisibleWhen } from '@domain/taskKinds/definition';
import { api, applyFieldErrors } from '../api';
import { useSession } from '../session';
import { ErrorAlert } from './data';
import { formatTime, person, todayInShanghai } from './format';
import { useTaskDraft, type DraftState } from './taskDraft';
import { QuotaImpact, type QuotaContext } from './QuotaImpact';
import type { ContextManager } from './CountyResults';
import { ObjectionAdjustments, type ObjectionContext } from './Objection';
import { PeerRatings, type PeerToRate } from './PeerRatings';

export interface GradeReviewManager {
  managerId: string;
  name: string;
  employeeNo: string;
  grade: Grade;
  area: string;
  basicConditions: { education: string; yearsOfWork: number; yearsInPost: number };
  skill: { score: number; skillLevel: string | null; period: string } | null;
  annual: { compositeScore: number | null; rank: number | null; cohortSize: number | null } | null;
  changes: {
    round: number;
    status: string;
    fromGrade: Grade;
    toGrade: Grade;
    reason: string;
    effectiveDate: string;
    managerId: string;
  }[];
}

export interface FormData {
  cycleType: string;
  round: number;
  managers?: ContextManager[];
  gradeReview?: GradeReviewManager[];
  quota?: QuotaContext;
  allowedActions?: string[];
  objection?: ObjectionContext;
  /** A peer review's assigned peers (the rater's alone). */
  peers?: PeerToRate[];
  /** What the form starts from when there is no draft (the city's objection form: the county's opinion). */
  initial?: Record<string, unknown>;
}

const path = (name: string) => name.split('.');

export function TaskForm(props: {
  taskId: string;
  fields: readonly FormField[];
  data: FormData;
  onSubmitted: () => void;
}) {
  const { t, lang } = useSession();
  const [form] = Form.useForm();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const draft = useTaskDraft(props.taskId);
  const submit = async () => {
    setError(undefined);
    let values: Record<string, unknown>;
    try {
      values = (await form.validateFields()) as Record<string, unknown>;
    } catch {
      return;
    }
    setBusy(true);
    try {
      await api('POST', `/api/tasks/${props.taskId}/submission`, values);
      draft.discard();
      props.onSubmitted();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  // The form's initial values are read once: wait for the draft before the first render.
  if (draft.loading) return <Skeleton active />;
  return (
    <Form
      id="task-form"
      form={form}
      layout="vertical"
      preserve={false}
      initialValues={draft.draft?.payload ?? props.data.initial}
      onValuesChange={(_, all: Record<string, unknown>) => draft.change(all)}
      onFinish={() => void submit()}
      scrollToFirstError
    >
      {draft.draft && (
        <Typography.Paragraph id="draft-restored" type="secondary">
          {t('draftRestored', { time: formatTime(draft.draft.updatedAt, lang) })}
        </Typography.Paragraph>
      )}
      {props.fields.map((f) => (
        <Visible key={f.name} when={f.visibleWhen} form={form}>
          <FieldInput field={f} data={props.data} form={form} />
        </Visible>
      ))}
      <ErrorAlert error={error} />
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('submit')}
        </Button>
        <DraftNote state={draft.state} />
      </Space>
    </Form>
  );
}

function DraftNote({ state }: { state: DraftState }) {
  const { t, lang } = useSession();
  const text =
    state.kind === 'saving'
      ? t('draftSaving')
      : state.kind === 'saved'
        ? t('draftSaved', { time: formatTime(state.at, lang).slice(-5) })
        : state.kind === 'failed'
          ? t('draftFailed')
          : null;
  if (!text) return null;
  return (
    <Typography.Text id="draft-state" data-state={state.kind} type={state.kind === 'failed' ? 'warning' : 'secondary'}>
      {text}
    </Typography.Text>
  );
}

/** A field shows (and is sent) only while another field has one of the listed values. */
function Visible({ when, form, children }: { when?: VisibleWhen; form: FormInstance; children: ReactNode }) {
  const value = Form.useWatch(when ? path(when.field) : [], form) as unknown;
  if (when && !when.in.includes(String(value))) return null;
  return <>{children}</>;
}

function FieldInput({ field, data, form }: { field: FormField; data: FormData; form: FormInstance }) {
  const { t, lang, name } = useSession();
  const label = 'label' in field ? field.label[lang] : undefined;
  const required = { required: true, message: t('required') };
  switch (field.type) {
    case 'score':
      return (
        <Form.Item name={path(field.name)} label={label} rules={[required]}>
          <InputNumber
            min={0}
            max={100}
            step={field.step ?? 0.5}
            precision={field.step === 1 ? 0 : 2}
            style={{ width: 160 }}
          />
        </Form.Item>
      );
    case 'text':
      return (
        <Form.Item name={path(field.name)} label={label} rules={field.required ? [required] : []}>
          <Input maxLength={1000} />
        </Form.Item>
      );
    case 'textarea':
      return (
        <Form.Item name={path(field.name)} label={label} rules={field.required ? [required] : []}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item
          name={path(field.name)}
          label={label}
          rules={[required]}
          initialValue={todayInShanghai()}
          getValueProps={(v: string | undefined) => ({ value: v ? dayjs(v) : undefined })}
          normalize={(d: dayjs.Dayjs | null) => d?.format('YYYY-MM-DD')}
        >
          <DatePicker />
        </Form.Item>
      );
    case 'select': {
      const allowed = field.allowedByEmployment ? data.allowedActions : undefined;
      const options = field.options.filter((o) => !allowed || allowed.includes(o.value));
      return (
        <Form.Item name={path(field.name)} label={label} rules={[required]}>
          <Radio.Group optionType="button" buttonStyle="solid">
            {options.map((o) => (
              <Radio.Button key={o.value} value={o.value}>
                {o.label[lang]}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
      );
    }
    case 'fixed':
      return (
        <Form.Item name={path(field.name)} initialValue={field.value} hidden>
          <Input />
        </Form.Item>
      );
    case 'kpis':
      return (
        <Space wrap>
          {kpiNames.map((k) => (
            <Form.Item key={k} name={[field.name, k]} label={name('kpi', k)} rules={[required]}>
              <InputNumber min={0} max={k === 'salesVolumeCompletion' ? 300 : 100} step={0.1} precision={2} />
            </Form.Item>
          ))}
        </Space>
      );
    case 'checkItems':
      return <CheckItems prefix={field.name} form={form} />;
    case 'countyManager':
      if (!field.cycleTypes.includes(data.cycleType)) return null;
      return (
        <Form.Item name={path(field.name)} label={label} rules={[required]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(data.managers ?? []).map((m) => ({
              value: m.manager.id,
              label: `${person(m.manager)} · ${m.compositeScore ?? '—'}`,
            }))}
          />
        </Form.Item>
      );
    case 'gradeProposals':
      return <GradeProposals prefix={field.name} data={data} />;
    case 'gradeDecisions':
      return <GradeDecisions prefix={field.name} data={data} form={form} />;
    case 'objectionAdjustments':
      return data.objection ? <ObjectionAdjustments prefix={field.name} o={data.objection} form={form} /> : null;
    case 'peerRatings':
      return <PeerRatings prefix={field.name} peers={data.peers ?? []} />;
    case 'weeklySheet': // filled on the sheet's own page (the task page links there)
    default:
      return null;
  }
}

/** The inspection's check items: passed, deduction, note and evidence each. */
function CheckItems({ prefix, form }: { prefix: string; form: FormInstance }) {
  const { t, name } = useSession();
  const items = Form.useWatch(prefix, form) as { passed?: boolean }[] | undefined;
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="item"
      scroll={{ x: 640 }}
      dataSource={checkItemKinds.map((item, i) => ({ item, i }))}
      columns={[
        {
          title: t('component'),
          render: (_: unknown, r) => (
            <>
              <Form.Item name={[prefix, r.i, 'item']} initialValue={r.item} hidden>
                <Input />
              </Form.Item>
              <strong>{name('checkItem', r.item)}</strong>
            </>
          ),
        },
        {
          title: t('passed'),
          render: (_: unknown, r) => (
            <Form.Item name={[prefix, r.i, 'passed']} initialValue={true} valuePropName="checked" noStyle>
              <Switch checkedChildren={t('yes')} unCheckedChildren={t('no')} />
            </Form.Item>
          ),
        },
        {
          title: t('deduction'),
          render: (_: unknown, r) => (
            <Form.Item name={[prefix, r.i, 'deduction']} initialValue={0} style={{ margin: 0 }}>
              <InputNumber min={0} max={100} step={0.5} disabled={items?.[r.i]?.passed !== false} />
            </Form.Item>
          ),
        },
        {
          title: t('note'),
          render: (_: unknown, r) => (
            <Form.Item name={[prefix, r.i, 'note']} style={{ margin: 0 }}>
              <Input maxLength={1000} />
            </Form.Item>
          ),
        },
        {
          title: t('evidence'),
          render: (_: unknown, r) => (
            <Form.Item name={[prefix, r.i, 'evidence']} style={{ margin: 0 }}>
              <Select mode="tags" open={false} style={{ minWidth: 160 }} tokenSeparators={[',', '，']} />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}

const annualText = (m: GradeReviewManager) =>
  m.annual ? `${m.annual.compositeScore ?? '—'}（${m.annual.rank ?? '—'}/${m.annual.cohortSize ?? '—'}）` : '—';

const gradeOptions = (lang: 'zh-CN' | 'en') => grades.map((g) => ({ value: g, label: codeNames.grade[g]![lang] }));

/** The county head proposes a grade per manager, seeing each one's inputs. */
function GradeProposals({ prefix, data }: { prefix: string; data: FormData }) {
  const { t, lang, name } = useSession();
  const managers = (data.gradeReview ?? []).filter(
    (m) => data.round === 1 || m.changes.some((c) => c.round === data.round - 1 && c.status === 'REJECTED'),
  );
  return (
    <Table
      size="small"
      rowKey="managerId"
      pagination={false}
      scroll={{ x: 900 }}
      dataSource={managers.map((m, i) => ({ ...m, i }))}
      columns={[
        { title: t('manager'), render: (_: unknown, m) => person(m) },
        { title: t('currentGrade'), render: (_: unknown, m) => name('grade', m.grade) },
        {
          title: t('educationYears'),
          render: (_: unknown, m) =>
            `${name('education', m.basicConditions.education)} / ${m.basicConditions.yearsOfWork} / ${m.basicConditions.yearsInPost}`,
        },
        {
          title: t('skill'),
          render: (_: unknown, m) => (m.skill ? `${m.skill.score} ${name('skillLevel', m.skill.skillLevel)}` : '—'),
        },
        {
          title: t('annual'),
          render: (_: unknown, m) => annualText(m),
        },
        {
          title: t('proposedGrade'),
          render: (_: unknown, m) => (
            <>
              <Form.Item name={[prefix, m.i, 'managerId']} initialValue={m.managerId} hidden>
                <Input />
              </Form.Item>
              <Form.Item name={[prefix, m.i, 'proposedGrade']} initialValue={m.grade} style={{ margin: 0 }}>
                <Select options={gradeOptions(lang)} style={{ width: 130 }} />
              </Form.Item>
            </>
          ),
        },
        {
          title: t('reason'),
          render: (_: unknown, m) => (
            <Form.Item name={[prefix, m.i, 'reason']} style={{ margin: 0 }}>
              <Input maxLength={1000} />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}

/** The city approver decides each proposed change, seeing the quota move before pressing submit. */
function GradeDecisions({ prefix, data, form }: { prefix: string; data: FormData; form: FormInstance }) {
  const { t, name } = useSession();
  const changes = (data.gradeReview ?? []).flatMap((m) =>
    m.changes.filter((c) => c.round === data.round && c.status === 'PROPOSED').map((c) => ({ ...c, m })),
  );
  const decided = (Form.useWatch(prefix, form) as { decision?: string }[] | undefined) ?? [];
  const approving = changes.filter((_, i) => decided[i]?.decision === 'approve');
  return (
    <>
      <Table
        size="small"
        rowKey="managerId"
        pagination={false}
        scroll={{ x: 900 }}
        dataSource={changes.map((c, i) => ({ ...c, i }))}
        columns={[
          { title: t('manager'), render: (_: unknown, c) => person(c.m) },
          {
            title: t('proposedGrade'),
            render: (_: unknown, c) => `${name('grade', c.fromGrade)} → ${name('grade', c.toGrade)}`,
          },
          { title: t('reason'), dataIndex: 'reason' },
          {
            title: t('annual'),
            render: (_: unknown, c) => annualText(c.m),
          },
          {
            title: t('skill'),
            render: (_: unknown, c) =>
              c.m.skill ? `${c.m.skill.score} ${name('skillLevel', c.m.skill.skillLevel)}` : '—',
          },
          { title: t('effectiveDate'), dataIndex: 'effectiveDate' },
          {
            title: t('decision'),
            render: (_: unknown, c) => (
              <>
                <Form.Item name={[prefix, c.i, 'managerId']} initialValue={c.managerId} hidden>
                  <Input />
                </Form.Item>
                <Form.Item
                  name={[prefix, c.i, 'decision']}
                  rules={[{ required: true, message: t('required') }]}
                  style={{ margin: 0 }}
                >
                  <Radio.Group optionType="button" size="small">
                    <Radio.Button value="approve">{t('approve')}</Radio.Button>
                    <Radio.Button value="reject">{t('reject')}</Radio.Button>
                  </Radio.Group>
                </Form.Item>
                {decided[c.i]?.decision === 'reject' && (
                  <Form.Item
                    name={[prefix, c.i, 'reason']}
                    rules={[{ required: true, message: t('required') }]}
                    style={{ margin: '4px 0 0' }}
                  >
                    <Input placeholder={t('reason')} maxLength={1000} />
                  </Form.Item>
                )}
              </>
            ),
          },
        ]}
      />
      {data.quota && (
        <div style={{ marginTop: 16 }} id="quota-impact">
          <Typography.Title level={5}>{t('quotaImpact')}</Typography.Title>
          <QuotaImpact quota={data.quota} approving={approving} />
        </div>
      )}
    </>
  );
}
