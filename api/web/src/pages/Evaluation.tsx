// A manager's result, explained (考评结果与得分说明): the composite line by line from the
// template's weights (domain/scoring, the engine's own arithmetic), the inspection's items,
// the survey against its target, what the reviewers and deciders wrote, the star move, and
// the results across cycles as a trend.
import { ArrowDownOutlined, ArrowUpOutlined, PrinterOutlined, StarFilled } from '@ant-design/icons';
import { Card, Col, Descriptions, List, Progress, Row, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { peerItemNames, peerItems, type PeerItem } from '@domain/peerReview';
import { compositeBreakdown, type WeightedComponent } from '@domain/scoring';
import { Chart } from '../components/Chart';
import { Loading, useApi } from '../components/data';
import { formatNumber } from '../components/format';
import { PeriodPlanCard, type EvaluationDetail } from '../components/PeriodPlan';
import { ObjectionCard, type ObjectionView, type ObjectionWindow } from '../components/Objection';
import { FlagTags, ResultsTalkCard, type TalkView } from '../components/ResultsTalk';
import { useSession } from '../session';

interface Explanation {
  weights: Record<WeightedComponent, number>;
  gathered: WeightedComponent[];
  /** Everything off the weighted score: the inspection's items plus the month's confirmed complaints. */
  deductions: number;
  inspectionDeductions: number;
  complaints: { complaintId: string; receivedOn: string; kind: string; points: number }[];
  inspection: { item: string; passed: boolean; deduction: number; note?: string; evidence?: string[] }[] | null;
  survey: { invited: number; responses: number; satisfactionRate: number; meetsTarget: boolean; target: number } | null;
  comments: { kind: string; round: number; by: string; text: string }[];
  star: { from: number; to: number; reason: string } | null;
  /** 一张纸按时提交率 as a KPI of the performance score, where the template weighs it. */
  weeklySheets: { weeks: number; onTime: number; onTimeRate: number; weight: number } | null;
  /** 同级考评: the aggregate only, where the template gathers it. */
  peer: {
    counted: boolean;
    minimumRaters: number;
    raters: number | null;
    items: Record<PeerItem, number> | null;
  } | null;
  history: {
    evaluationId: string;
    type: string;
    period: string;
    compositeScore: number | null;
    rank: number | null;
    cohortSize: number | null;
  }[];
}
interface Evaluation extends EvaluationDetail {
  manager: { id: string; name: string; employeeNo: string };
  cycle: { type: string; period: string };
  compositeScore: number | null;
  rank: number | null;
  rankFromBottom: number | null;
  cohortSize: number | null;
  monthlyStar: boolean;
  flagReasons: string[];
  stage: string;
  scores: { component: string; value: number; missing: boolean }[];
  explanation: Explanation;
  objection: ObjectionView | null;
  objectionWindow: ObjectionWindow;
  resultsTalk: TalkView | null;
}

export function EvaluationPage({ id }: { id: string }) {
  const state = useApi<Evaluation>(`/api/evaluations/${id}`);
  return <Loading state={state}>{(e) => <EvaluationView e={e} reload={() => void state.reload()} />}</Loading>;
}

function EvaluationView({ e, reload }: { e: Evaluation; reload: () => void }) {
  const { t, name } = useSession();
  const x = e.explanation;
  const scores = Object.fromEntries(e.scores.map((s) => [s.component, s.value]));
  const missing = new Set(e.scores.filter((s) => s.missing).map((s) => s.component));
  const breakdown = compositeBreakdown(x.weights, scores, x.gathered, x.deductions);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} id="result">
      <Card>
        <Typography.Title level={3} className="page-title">
          {`${e.manager.name}（${e.manager.employeeNo}）· ${name('cycleType', e.cycle.type)} ${e.cycle.period}`}
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('score')}>
            <Typography.Text strong style={{ fontSize: 20 }} id="composite">
              {formatNumber(e.compositeScore)}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('rank')}>{`${e.rank ?? '—'} / ${e.cohortSize ?? '—'}`}</Descriptions.Item>
          <Descriptions.Item label={t('rankFromBottom')}>{e.rankFromBottom ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('stage')}>{name('evaluationStage', e.stage)}</Descriptions.Item>
          {e.monthlyStar && (
            <Descriptions.Item label={t('star')}>
              <StarFilled style={{ color: '#faad14' }} />
            </Descriptions.Item>
          )}
          {x.star && (
            <Descriptions.Item label={t('starRating')}>
              <span id="star-move">
                {`${x.star.from} → ${x.star.to} `}
                {x.star.to > x.star.from ? (
                  <ArrowUpOutlined style={{ color: '#389e0d' }} />
                ) : (
                  <ArrowDownOutlined style={{ color: '#cf1322' }} />
                )}
              </span>
            </Descriptions.Item>
          )}
          {e.flagReasons.length > 0 && (
            <Descriptions.Item label={t('flags')}>
              <FlagTags reasons={e.flagReasons} />
            </Descriptions.Item>
          )}
        </Descriptions>
        <Space size="large">
          <a href={`#/managers/${e.manager.id}/timeline`}>{t('timeline')}</a>
          <a href={`#/evaluations/${e.id}/sheet`} id="sheet-link">
            <PrinterOutlined /> {t('resultSheet')}
          </a>
        </Space>
      </Card>

      <ObjectionCard
        evaluationId={e.id}
        objection={e.objection}
        window={e.objectionWindow}
        components={[...x.gathered, ...(e.scores.some((s) => s.component === 'inspection') ? ['inspection'] : [])]}
        onFiled={reload}
      />

      {e.resultsTalk && <ResultsTalkCard talk={e.resultsTalk} />}

      <Card title={t('howComposed')} id="breakdown">
        <Typography.Paragraph type="secondary">{t('formula')}</Typography.Paragraph>
        {x.weeklySheets && (
          <Typography.Paragraph id="sheet-kpi">
            {t('sheetKpiLine', {
              onTime: x.weeklySheets.onTime,
              weeks: x.weeklySheets.weeks,
              rate: x.weeklySheets.onTimeRate,
              weight: x.weeklySheets.weight,
            })}
          </Typography.Paragraph>
        )}
        <Table
          size="small"
          rowKey="component"
          pagination={false}
          dataSource={breakdown.lines}
          columns={[
            { title: t('component'), render: (_: unknown, l) => name('component', l.component) },
            { title: t('weight'), dataIndex: 'weight' },
            { title: t('share'), render: (_: unknown, l) => `${formatNumber(l.share * 100, 1)}%` },
            {
              title: t('value'),
              render: (_: unknown, l) =>
                missing.has(l.component) ? <Tag color="red">0 · {t('closedMissing')}</Tag> : formatNumber(l.score),
            },
            { title: t('points'), render: (_: unknown, l) => formatNumber(l.points) },
          ]}
          summary={() => (
            <>
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={4}>
                  {t('weightedTotal')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4}>{formatNumber(breakdown.weighted)}</Table.Summary.Cell>
              </Table.Summary.Row>
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={4}>
                  {t('deductions')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4}>
                  {x.inspectionDeductions ? `−${formatNumber(x.inspectionDeductions)}` : '0'}
                </Table.Summary.Cell>
              </Table.Summary.Row>
              {x.complaints.length > 0 && (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={4}>
                    {`${t('complaintDeductions')} × ${x.complaints.length}`}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={4}>
                    <span id="complaint-deductions">{`−${formatNumber(breakdown.deductions - x.inspectionDeductions)}`}</span>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={4}>
                  <strong>{t('score')}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4}>
                  <strong>{formatNumber(breakdown.composite)}</strong>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            </>
          )}
        />
      </Card>

      {x.complaints.length > 0 && (
        <Card title={t('complaintsOnResult')} id="result-complaints" size="small">
          <List
            size="small"
            dataSource={x.complaints}
            renderItem={(c) => (
              <List.Item extra={`−${formatNumber(c.points)}`}>
                <a href={`#/complaints/${c.complaintId}`}>{`${c.receivedOn} · ${name('complaintKind', c.kind)}`}</a>
              </List.Item>
            )}
          />
        </Card>
      )}

      {x.peer && <PeerCard peer={x.peer} score={scores.peer} />}

      <Row gutter={[16, 16]}>
        {x.inspection && (
          <Col xs={24} lg={x.survey ? 14 : 24}>
            <Card title={t('inspectionItems')} id="inspection-items">
              <Table
                size="small"
                rowKey="item"
                pagination={false}
                dataSource={x.inspection}
                columns={[
                  { title: t('component'), render: (_: unknown, i) => name('checkItem', i.item) },
                  {
                    title: t('passed'),
                    render: (_: unknown, i) =>
                      i.passed ? <Tag color="green">{t('yes')}</Tag> : <Tag color="red">{t('no')}</Tag>,
                  },
                  { title: t('deduction'), render: (_: unknown, i) => (i.passed ? '0' : `−${i.deduction}`) },
                  { title: t('note'), render: (_: unknown, i) => i.note ?? '' },
                  { title: t('evidenceShort'), render: (_: unknown, i) => (i.evidence ?? []).join('，') },
                ]}
              />
            </Card>
          </Col>
        )}
        {x.survey && (
          <Col xs={24} lg={x.inspection ? 10 : 24}>
            <Card title={name('component', 'customer')} id="survey">
              <Progress
                type="dashboard"
                percent={Math.round(x.survey.satisfactionRate * 1000) / 10}
                status={x.survey.meetsTarget ? 'success' : 'exception'}
              />
              <div>
                {`${t('satisfaction')} ${formatNumber(x.survey.satisfactionRate * 100, 1)}% · ${t('target')} ${formatNumber(x.survey.target * 100, 0)}% · `}
                {x.survey.meetsTarget ? <Tag color="green">{t('met')}</Tag> : <Tag color="red">{t('notMet')}</Tag>}
              </div>
              <Typography.Text type="secondary">
                {t('surveyCount', { n: x.survey.responses, of: x.survey.invited })}
              </Typography.Text>
            </Card>
          </Col>
        )}
      </Row>

      {x.comments.length > 0 && (
        <Card title={t('commentsOnResult')} id="comments">
          <List
            size="small"
            dataSource={x.comments}
            renderItem={(c) => (
              <List.Item>
                <List.Item.Meta
                  title={`${name('taskKind', c.kind)}${c.round > 1 ? ` · ${t('roundN', { n: c.round })}` : ''} · ${c.by}`}
                  description={c.text}
                />
              </List.Item>
            )}
          />
        </Card>
      )}

      <History history={x.history} current={e.id} />
      <PeriodPlanCard evaluation={e} onSaved={reload} />
    </Space>
  );
}

/** The manager's results across cycles: composite and rank per period, one line per cycle type. */
function History({ history, current }: { history: Explanation['history']; current: string }) {
  const { t, name } = useSession();
  const option = useMemo(() => {
    const periods = [...new Set(history.map((h) => h.period))];
    const types = [...new Set(history.map((h) => h.type))];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: types.map((ty) => name('cycleType', ty)) },
      grid: { left: 40, right: 20, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value', min: (v: { min: number }) => Math.max(0, Math.floor(v.min - 5)), max: 100 },
      series: types.map((ty) => ({
        name: name('cycleType', ty),
        type: 'line',
        connectNulls: true,
        label: { show: true },
        data: periods.map((p) => history.find((h) => h.type === ty && h.period === p)?.compositeScore ?? null),
      })),
    };
  }, [history, name]);
  return (
    <Card title={t('historyTitle')} id="history">
      {history.length > 1 && <Chart option={option} height={220} id="history-chart" />}
      <Table
        size="small"
        rowKey="evaluationId"
        pagination={false}
        dataSource={[...history].reverse()}
        rowClassName={(h) => (h.evaluationId === current ? 'current-row' : '')}
        columns={[
          {
            title: t('cycle'),
            render: (_: unknown, h) => (
              <a href={`#/evaluations/${h.evaluationId}`}>{`${name('cycleType', h.type)} ${h.period}`}</a>
            ),
          },
          { title: t('score'), render: (_: unknown, h) => formatNumber(h.compositeScore) },
          { title: t('rank'), render: (_: unknown, h) => (h.rank ? `${h.rank}/${h.cohortSize}` : '—') },
        ]}
      />
    </Card>
  );
}

/** The peer review as its subject reads it: the raters' mean per item, never who gave what. */
function PeerCard({ peer, score }: { peer: NonNullable<Explanation['peer']>; score: number | undefined }) {
  const { t, name, lang } = useSession();
  return (
    <Card title={name('component', 'peer')} id="peer-result" size="small">
      {peer.counted && peer.items ? (
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('score')}>
            <strong id="peer-score">{formatNumber(score ?? null)}</strong>
          </Descriptions.Item>
          {peerItems.map((item) => (
            <Descriptions.Item key={item} label={peerItemNames[item][lang]}>
              {formatNumber(peer.items![item])}
            </Descriptions.Item>
          ))}
          <Descriptions.Item>
            <Typography.Text type="secondary" id="peer-raters">
              {t('peerResult', { raters: peer.raters ?? 0, min: peer.minimumRaters })}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary" id="peer-not-counted">
          {t('peerNotCounted', { min: peer.minimumRaters })}
        </Typography.Text>
      )}
    </Card>
  );
}
