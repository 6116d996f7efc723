// One cycle as HR and the county follow it: totals, progress per county and stage, the
// overdue tasks, the score distribution, the rankings with exports; the reviewer's KPI import.
import { Alert, Button, Card, Col, Progress, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { flagReasonText, bottomRankRulesText } from '@domain/codeNames';
import { taskKinds } from '@domain/taskKinds';
import { download } from '../api';
import { CsvImport } from '../components/CsvImport';
import { ErrorAlert, Loading, useApi } from '../components/data';
import { Chart } from '../components/Chart';
import { countyName, formatNumber, person } from '../components/format';
import { useSession } from '../session';
import { UnassignedTag } from './Inbox';
import { OutstandingCard } from '../components/Outstanding';

interface County {
  id: string;
  code: string;
  name: string;
  nameEn: string;
}
interface Status {
  cycle: { id: string; type: string; period: string; status: string };
  totals: {
    total: number;
    open: number;
    submitted: number;
    overdue: number;
    escalated: number;
    unassigned: number;
    closedMissing: number;
  };
  openIncidents: number;
  byCountyAndStage: {
    county: County | null;
    kind: string;
    total: number;
    submitted: number;
    closedMissing: number;
    overdue: number;
    escalated: number;
    unassigned: number;
  }[];
}
interface Results {
  previousPeriod: string | null;
  counties: {
    county: County | null;
    review: { recommendedManagerId: string | null } | null;
    ranking: {
      manager: { id: string; name: string; employeeNo: string };
      compositeScore: number | null;
      rank: number | null;
      cohortSize: number | null;
      monthlyStar: boolean;
      flagReasons: string[];
      bottomRankFlag: string[] | null;
      stage: string;
      starMove: { from: number; to: number } | null;
      previous: { period: string; compositeScore: number | null; rank: number | null } | null;
    }[];
  }[];
}
interface Overdue {
  total: number;
  tasks: {
    id: string;
    kind: string;
    dueDate: string;
    escalationLevel: number;
    wantedRole: string | null;
    county: County | null;
    assignee: { displayName: string };
    evaluation: { manager: { name: string; employeeNo: string } } | null;
  }[];
}

export function CyclePage({ id }: { id: string }) {
  const { t, name, has } = useSession();
  const status = useApi<Status>(`/api/cycles/${id}/status`, { refreshMs: 10_000 });
  const results = useApi<Results>(`/api/cycles/${id}/results`, { refreshMs: 10_000 });
  const overdue = useApi<Overdue>(`/api/cycles/${id}/overdue`, { refreshMs: 10_000 });
  return (
    <Loading state={status}>
      {(s) => (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Title level={3} className="page-title">
            {`${name('cycleType', s.cycle.type)} ${s.cycle.period}`} <Tag>{name('cycleStatus', s.cycle.status)}</Tag>
          </Typography.Title>
          {s.openIncidents > 0 && has('HR', 'ADMIN') && (
            <Alert
              id="cycle-incidents"
              type="error"
              showIcon
              title={`${t('incidentsOpenInCycle')}（${s.openIncidents}）`}
              action={
                <Button size="small" href={`#/incidents?cycle=${id}`}>
                  {t('incidents')}
                </Button>
              }
            />
          )}
          <Totals s={s} />
          {has('MARKETING_REVIEWER') && (
            <CsvImport
              cycleId={id}
              kind="marketing-reviews"
              onImported={() => void Promise.all([status.reload(), results.reload()])}
            />
          )}
          <Card title={t('progress')}>
            <Table
              id="stage-table"
              size="small"
              rowKey={(r) => `${r.county?.code}-${r.kind}`}
              scroll={{ x: 700 }}
              pagination={false}
              dataSource={[...s.byCountyAndStage].sort(
                (a, b) =>
                  (a.county?.code ?? '').localeCompare(b.county?.code ?? '') ||
                  taskKinds.indexOf(a.kind as never) - taskKinds.indexOf(b.kind as never),
              )}
              columns={[
                { title: t('county'), render: (_: unknown, r) => <CountyCell county={r.county} /> },
                { title: t('stage'), render: (_: unknown, r) => name('taskKind', r.kind) },
                {
                  title: t('progress'),
                  render: (_: unknown, r) => {
                    const done = r.submitted + r.closedMissing;
                    return (
                      <Space>
                        <Progress
                          percent={r.total ? Math.round((100 * done) / r.total) : 0}
                          size="small"
                          style={{ width: 120 }}
                        />
                        {`${done}/${r.total}`}
                      </Space>
                    );
                  },
                },
                {
                  title: t('overdue'),
                  dataIndex: 'overdue',
                  render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0),
                },
                { title: t('escalated'), dataIndex: 'escalated' },
                { title: t('unassigned'), dataIndex: 'unassigned' },
                { title: t('closedMissing'), dataIndex: 'closedMissing' },
              ]}
            />
          </Card>
          {overdue.data && overdue.data.total > 0 && <OverdueCard overdue={overdue.data} />}
          {s.totals.open > 0 && (
            <OutstandingCard
              cycleId={id}
              counties={uniqueCounties(s.byCountyAndStage.map((r) => r.county))}
              onChanged={() => void Promise.all([status.reload(), overdue.reload()])}
            />
          )}
          {results.data && <ResultsCards cycle={s.cycle} results={results.data} />}
          <ErrorAlert error={results.error} />
        </Space>
      )}
    </Loading>
  );
}

function CountyCell({ county }: { county: County | null }) {
  const { lang } = useSession();
  return <>{countyName(county, lang)}</>;
}

function Totals({ s }: { s: Status }) {
  const { t, name } = useSession();
  const items: [string, number, string?][] = [
    [t('total'), s.totals.total],
    [name('taskStatus', 'OPEN'), s.totals.open],
    [name('taskStatus', 'SUBMITTED'), s.totals.submitted],
    [t('overdue'), s.totals.overdue, '#cf1322'],
    [t('escalated'), s.totals.escalated, '#d46b08'],
    [t('unassigned'), s.totals.unassigned, '#c41d7f'],
    [t('closedMissing'), s.totals.closedMissing],
  ];
  return (
    <Row gutter={[12, 12]} className="stat-cards" id="cycle-totals">
      {items.map(([label, value, color]) => (
        <Col key={label} xs={12} sm={8} lg={6} xl={3}>
          <Card size="small">
            <Statistic title={label} value={value} styles={{ content: color ? { color } : undefined }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function OverdueCard({ overdue }: { overdue: Overdue }) {
  const { t, name, lang } = useSession();
  return (
    <Card title={`${t('overdueTasks')}（${overdue.total}）`} id="overdue">
      <Table
        size="small"
        rowKey="id"
        scroll={{ x: 700 }}
        dataSource={overdue.tasks}
        pagination={{ pageSize: 10 }}
        columns={[
          { title: t('kind'), render: (_: unknown, x) => <a href={`#/tasks/${x.id}`}>{name('taskKind', x.kind)}</a> },
          { title: t('manager'), render: (_: unknown, x) => person(x.evaluation?.manager) },
          { title: t('county'), render: (_: unknown, x) => countyName(x.county, lang) },
          {
            title: t('assignee'),
            render: (_: unknown, x) => (
              <Space>
                {x.assignee.displayName}
                {x.wantedRole && <UnassignedTag role={x.wantedRole} />}
              </Space>
            ),
          },
          { title: t('due'), dataIndex: 'dueDate' },
          { title: t('escalated'), dataIndex: 'escalationLevel', render: (n: number) => (n ? `×${n}` : '') },
        ]}
      />
    </Card>
  );
}

function ResultsCards({ cycle, results }: { cycle: Status['cycle']; results: Results }) {
  const { t, lang } = useSession();
  const [error, setError] = useState<Error>();
  const scores = results.counties.flatMap((c) =>
    c.ranking.map((r) => r.compositeScore).filter((s): s is number => s !== null),
  );
  const scoreKey = scores.join(',');
  const option = useMemo(() => {
    const bins = Array.from({ length: 10 }, (_, i) => ({ label: `${i * 10}–${i * 10 + 10}`, n: 0 }));
    for (const s of scoreKey ? scoreKey.split(',').map(Number) : []) bins[Math.min(9, Math.floor(s / 10))]!.n++;
    return {
      tooltip: {},
      grid: { left: 32, right: 12, top: 16, bottom: 28 },
      xAxis: { type: 'category', data: bins.map((b) => b.label) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          data: bins.map((b) => b.n),
          itemStyle: { color: '#0a6e4f' },
          label: { show: true, position: 'top', formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
        },
      ],
    };
  }, [scoreKey]);
  const save = (format: 'xlsx' | 'csv') =>
    download(`/api/cycles/${cycle.id}/results?format=${format}`, `results-${cycle.period}.${format}`).catch(
      (e: Error) => setError(e),
    );
  const anyStarMove = results.counties.some((c) => c.ranking.some((r) => r.starMove));
  // County against county (县区对比): mean, lowest and highest composite of each county.
  const byCounty = results.counties.map((c) => {
    const s = c.ranking.map((r) => r.compositeScore).filter((x): x is number => x !== null);
    return {
      county: countyName(c.county, lang),
      mean: meanOf(s),
      min: s.length ? Math.min(...s) : null,
      max: s.length ? Math.max(...s) : null,
      previousMean: meanOf(c.ranking.map((r) => r.previous?.compositeScore ?? null)),
    };
  });
  const countyKey = JSON.stringify(byCounty);
  const countyOption = useMemo(() => {
    const rows = JSON.parse(countyKey) as typeof byCounty;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('mean'), t('previousMean'), t('lowest'), t('highest')] },
      grid: { left: 40, right: 12, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: rows.map((r) => r.county) },
      yAxis: { type: 'value', max: 100 },
      series: [
        {
          name: t('mean'),
          type: 'bar',
          data: rows.map((r) => r.mean),
          itemStyle: { color: '#0a6e4f' },
          label: { show: true, position: 'top' },
        },
        {
          name: t('previousMean'),
          type: 'bar',
          data: rows.map((r) => r.previousMean),
          itemStyle: { color: '#9cc9b5' },
        },
        { name: t('lowest'), type: 'line', data: rows.map((r) => r.min), itemStyle: { color: '#cf1322' } },
        { name: t('highest'), type: 'line', data: rows.map((r) => r.max), itemStyle: { color: '#1677ff' } },
      ],
    };
  }, [countyKey, t]);
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={results.counties.length > 1 ? 12 : 24}>
          <Card title={t('distribution')}>
            <Chart option={option} id="score-chart" />
          </Card>
        </Col>
        {results.counties.length > 1 && (
          <Col xs={24} lg={12}>
            <Card title={t('countyComparison')}>
              <Chart option={countyOption} id="county-chart" />
            </Card>
          </Col>
        )}
      </Row>
      <Card
        title={t('ranking')}
        extra={
          <Space>
            <Button onClick={() => void save('xlsx')}>{t('exportXlsx')}</Button>
            <Button onClick={() => void save('csv')}>{t('exportCsv')}</Button>
          </Space>
        }
      >
        <ErrorAlert error={error} />
        {results.counties.map((c) => (
          <div key={c.county?.code ?? 'city'} style={{ marginBottom: 16 }}>
            <Space align="baseline" size="large">
              <Typography.Title level={5}>{countyName(c.county, lang)}</Typography.Title>
              {c.county && (
                <a href={`#/cycles/${cycle.id}/sheets/${c.county.id}`} className="county-sheets">
                  {t('countySheets')}
                </a>
              )}
            </Space>
            <Table
              className="ranking"
              size="small"
              rowKey={(r) => r.manager.id}
              scroll={{ x: 600 }}
              dataSource={c.ranking}
              pagination={c.ranking.length > 20 ? { pageSize: 20 } : false}
              columns={[
                { title: t('rank'), dataIndex: 'rank', render: (r: number | null) => r ?? '—' },
                {
                  title: t('manager'),
                  render: (_: unknown, r) => (
                    <Space size={4} wrap>
                      <a href={`#/managers/${r.manager.id}/timeline`}>{person(r.manager)}</a>
                      {c.review?.recommendedManagerId === r.manager.id && (
                        <Tag color="gold" className="recommended">
                          {t('recommendedManager')}
                        </Tag>
                      )}
                    </Space>
                  ),
                },
                { title: t('score'), dataIndex: 'compositeScore', render: (s: number | null) => formatNumber(s) },
                ...(results.previousPeriod
                  ? [
                      {
                        title: `${t('previousPeriodScore')} ${results.previousPeriod}`,
                        key: 'previous',
                        render: (_: unknown, r: Results['counties'][number]['ranking'][number]) => (
                          <Trend now={r.compositeScore} before={r.previous?.compositeScore ?? null} />
                        ),
                      },
                    ]
                  : []),
                ...(anyStarMove
                  ? [
                      {
                        title: t('starChange'),
                        key: 'starMove',
                        render: (_: unknown, r: Results['counties'][number]['ranking'][number]) =>
                          r.starMove ? (
                            <Tag
                              className="star-move"
                              color={
                                r.starMove.to > r.starMove.from
                                  ? 'green'
                                  : r.starMove.to < r.starMove.from
                                    ? 'red'
                                    : undefined
                              }
                            >{`${'★'.repeat(r.starMove.from)} → ${'★'.repeat(r.starMove.to)}`}</Tag>
                          ) : (
                            ''
                          ),
                      },
                    ]
                  : []),
                { title: t('star'), dataIndex: 'monthlyStar', render: (s: boolean) => (s ? '★' : '') },
                {
                  title: t('flags'),
                  render: (_: unknown, r) => (
                    <Space size={[4, 4]} wrap>
                      {r.flagReasons.map((f) => (
                        <Tag key={f} color="volcano">
                          {flagReasonText(f, lang)}
                        </Tag>
                      ))}
                      {r.bottomRankFlag && (
                        <Tag color="red">{`${t('cases')}${t('colon')}${bottomRankRulesText(r.bottomRankFlag, lang)}`}</Tag>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          </div>
        ))}
      </Card>
    </>
  );
}

function uniqueCounties(counties: (County | null)[]): County[] {
  const seen = new Map<string, County>();
  for (const c of counties) if (c) seen.set(c.id, c);
  return [...seen.values()].sort((a, b) => a.code.localeCompare(b.code));
}

function meanOf(values: (number | null)[]): number | null {
  const s = values.filter((x): x is number => x !== null);
  return s.length ? Math.round((100 * s.reduce((a, b) => a + b, 0)) / s.length) / 100 : null;
}

/** The score of the period before, and the change to this one (▲ 2.50 / ▼ 1.00). */
function Trend({ now, before }: { now: number | null; before: number | null }) {
  if (before === null) return <>—</>;
  const change = now === null ? null : Math.round((now - before) * 100) / 100;
  return (
    <Space size={4} className="trend">
      {formatNumber(before)}
      {change !== null && change !== 0 && (
        <Typography.Text type={change > 0 ? 'success' : 'danger'}>
          {change > 0 ? `▲ ${formatNumber(change)}` : `▼ ${formatNumber(-change)}`}
        </Typography.Text>
      )}
    </Space>
  );
}
