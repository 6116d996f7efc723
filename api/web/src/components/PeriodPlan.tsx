// 三自定: the manager's own targets, plan and focus; a form while they may change it, else the record.
import { Button, Card, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { kpiNames } from '@domain/marketingReview';
import { api, applyFieldErrors } from '../api';
import { useSession } from '../session';
import { ErrorAlert } from './data';
import { formatTime } from './format';

export interface EvaluationDetail {
  id: string;
  periodPlanEditable: boolean;
  periodPlan: {
    targets: Record<string, number>;
    plan: string;
    focus: string;
    outcome: { kpi: string; target: number; actual: number | null; met: boolean | null }[];
  } | null;
}

export function PeriodPlanCard({ evaluation, onSaved }: { evaluation: EvaluationDetail; onSaved: () => void }) {
  const { t, name, lang } = useSession();
  const [form] = Form.useForm();
  const [saved, setSaved] = useState<string>();
  const [error, setError] = useState<Error>();
  const p = evaluation.periodPlan;
  if (!evaluation.periodPlanEditable) {
    return (
      <Card title={t('periodPlan')} id="period-plan">
        {!p ? (
          <Typography.Text type="secondary">{t('periodPlanNotSet')}</Typography.Text>
        ) : (
          <>
            <Table
              size="small"
              rowKey="kpi"
              pagination={false}
              dataSource={p.outcome}
              columns={[
                { title: t('kpi'), render: (_: unknown, o) => name('kpi', o.kpi) },
                { title: t('target'), dataIndex: 'target' },
                { title: t('actual'), render: (_: unknown, o) => o.actual ?? '—' },
                {
                  title: t('met'),
                  render: (_: unknown, o) => (o.met === null ? '—' : o.met ? `✓ ${t('yes')}` : `✗ ${t('no')}`),
                },
              ]}
            />
            <p>
              <strong>
                {t('planText')}
                {t('colon')}
              </strong>
              {p.plan}
            </p>
            <p>
              <strong>
                {t('focusText')}
                {t('colon')}
              </strong>
              {p.focus}
            </p>
          </>
        )}
      </Card>
    );
  }
  const save = async (values: unknown) => {
    setError(undefined);
    try {
      const r = await api<{ updatedAt: string }>('PUT', `/api/evaluations/${evaluation.id}/period-plan`, values);
      setSaved(formatTime(r.updatedAt, lang));
      onSaved();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e as Error);
    }
  };
  return (
    <Card title={t('periodPlan')} id="period-plan-form">
      <Typography.Paragraph type="secondary">{t('periodPlanHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={p ?? undefined} onFinish={(v) => void save(v)}>
        <Space wrap>
          {kpiNames.map((k) => (
            <Form.Item
              key={k}
              name={['targets', k]}
              label={name('kpi', k)}
              rules={[{ required: true, message: t('required') }]}
            >
              <InputNumber min={0} max={k === 'salesVolumeCompletion' ? 300 : 100} precision={2} />
            </Form.Item>
          ))}
        </Space>
        <Form.Item name="plan" label={t('planText')} rules={[{ required: true, message: t('required') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="focus" label={t('focusText')} rules={[{ required: true, message: t('required') }]}>
          <Input maxLength={500} />
        </Form.Item>
        <ErrorAlert error={error} />
        <Space>
          <Button htmlType="submit">{t('save')}</Button>
          {saved && (
            <Typography.Text type="secondary" id="period-plan-saved">{`${t('saved')} ${saved}`}</Typography.Text>
          )}
        </Space>
      </Form>
    </Card>
  );
}
