// A manager's result in a cycle: composite, rank, each component, the period plan.
import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { flagReasonText } from '@domain/codeNames';
import { Loading, useApi } from '../components/data';
import { formatNumber } from '../components/format';
import { PeriodPlanCard, type EvaluationDetail } from '../components/PeriodPlan';
import { useSession } from '../session';

interface Evaluation extends EvaluationDetail {
  manager: { id: string; name: string; employeeNo: string };
  cycle: { type: string; period: string };
  compositeScore: number | null;
  rank: number | null;
  cohortSize: number | null;
  monthlyStar: boolean;
  flagReasons?: string[];
  stage: string;
  scores: { component: string; value: number; missing: boolean }[];
}

export function EvaluationPage({ id }: { id: string }) {
  const { t, name, lang } = useSession();
  const state = useApi<Evaluation>(`/api/evaluations/${id}`);
  return (
    <Loading state={state}>
      {(e) => (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card>
            <Typography.Title level={3} className="page-title">
              {`${e.manager.name} · ${name('cycleType', e.cycle.type)} ${e.cycle.period}`}
            </Typography.Title>
            <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
              <Descriptions.Item label={t('score')}>
                <strong>{formatNumber(e.compositeScore === null ? null : Number(e.compositeScore))}</strong>
              </Descriptions.Item>
              <Descriptions.Item label={t('rank')}>{`${e.rank ?? '—'}/${e.cohortSize ?? '—'}`}</Descriptions.Item>
              <Descriptions.Item label={t('stage')}>{name('evaluationStage', e.stage)}</Descriptions.Item>
              {e.monthlyStar && <Descriptions.Item label={t('star')}>★</Descriptions.Item>}
              {!!e.flagReasons?.length && (
                <Descriptions.Item label={t('flags')}>
                  {e.flagReasons.map((f) => (
                    <Tag key={f} color="volcano">
                      {flagReasonText(f, lang)}
                    </Tag>
                  ))}
                </Descriptions.Item>
              )}
            </Descriptions>
            <a href={`#/managers/${e.manager.id}/timeline`}>{t('timeline')}</a>
          </Card>
          <Card title={t('component')}>
            <Table
              size="small"
              rowKey="component"
              pagination={false}
              dataSource={e.scores}
              columns={[
                { title: t('component'), render: (_: unknown, s) => name('component', s.component) },
                {
                  title: t('value'),
                  render: (_: unknown, s) =>
                    s.missing ? <Tag color="red">0 · {t('closedMissing')}</Tag> : formatNumber(Number(s.value)),
                },
              ]}
            />
          </Card>
          <PeriodPlanCard evaluation={e} onSaved={() => void state.reload()} />
        </Space>
      )}
    </Loading>
  );
}
