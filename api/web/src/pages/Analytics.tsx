// 全市分析: a published period across the counties (distribution, trend), the managers one bad
// month from a bottom-ranking flag, managers' trajectories and the grade ladder against quotas.
import { Card, Col, Progress, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { cycleTypes } from '@domain/cycles';
import { grades } from '@domain/grades';
import { scoreBands, type ScoreSummary } from '@domain/analytics';
import { Chart } from '../components/Chart';
import { useManagerSearch } from '../components/useManagerSearch';
import { EmptyState, Loading, useApi } from '../components/data';
import { countyName, formatNumber, person } from '../components/format';
import { useSession } from '../session';

interface County {
  id: string;
  code: string;
  name: string;
  nameEn: string;
}
type Summary = ScoreSummary & { bands: number[] };
interface WatchEntry {
  managerId: string;
  nextPeriod: string;
  risks: { rule: 'consecutive' | 'yearly'; bottom: number; times?: number }[];
  manager: { id: string; name: string; employeeNo: string; countyId: string };
  months: { period: string; rankFromBottom: number; cohortSize: number | null }[];
  flaggedNow: boolean;
}
interface CityAnalytics {
  type: string;
  period: string | null;
  periods: string[];
  counties: County[];
  distribution: { city: Summary; counties: (Summary & { countyId: string })[] } | null;
  trend?: { periods: string[]; counties: { countyId: string; means: (number | null)[] }[] };
  watch?: {
    period: string | null;
    policy: { consecutiveBottom: number; consecutiveMonths: number; yearlyBottom: number; yearlyTimes: number };
    managers: WatchEntry[];
  };
}

export function AnalyticsPage() {
  const { t, name } = useSession();
  const [type, setType] = useState<string>('MONTHLY');
  const [period, setPeriod] = useState<string>();
  const state = useApi<CityAnalytics>(
    `/api/analytics/city?type=${type}${period ? `&period=${encodeURIComponent(period)}` : ''}`,
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="baseline">
        <Typography.Title level={3} className="page-title">
          {t('analytics')}
        </Typography.Title>
        <Select
          id="analytics-type"
          style={{ width: 120 }}
          value={type}
          onChange={(v) => {
            setType(v);
            setPeriod(undefined);
          }}
          options={cycleTypes.map((c) => ({ value: c, label: name('cycleType', c) }))}
        />
        <Select
          id="analytics-period"
          style={{ width: 140 }}
          placeholder={t('period')}
          value={state.data?.period ?? undefined}
          onChange={setPeriod}
          options={(state.data?.periods ?? []).map((p) => ({ value: p, label: p }))}
        />
      </Space>
      <Loading state={state}>
        {(a) =>
          a.period && a.distribution ? (
            <>
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={12}>
                  <DistributionCard a={a} />
                </Col>
                <Col xs={24} xl={12}>
                  <TrendCard a={a} />
                </Col>
              </Row>
              <WatchCard a={a} />
              <TrajectoryCard type={a.type} suggested={(a.watch?.managers ?? []).map((w) => w.manager)} />
            </>
          ) : (
            <Card>
              <EmptyState text={t('analyticsNone')} />
            </Card>
          )
        }
      </Loading>
      <LadderCard />
    </Space>
  );
}

function useCountyNames(counties: County[]) {
  const { lang } = useSession();
  return useCallback(
    (id: string) =>
      countyName(
        counties.find((c) => c.id === id),
        lang,
      ),
    [counties, lang],
  );
}

function DistributionCard({ a }: { a: CityAnalytics }) {
  const { t } = useSession();
  const countyOf = useCountyNames(a.counties);
  const rows = a.distribution!.counties;
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; data: number[] }) =>
          `${p.name}<br/>${t('highest')} ${p.data[5]}<br/>Q3 ${p.data[4]}<br/>${t('median')} ${p.data[3]}<br/>Q1 ${p.data[2]}<br/>${t('lowest')} ${p.data[1]}`,
      },
      grid: { left: 40, right: 12, top: 16, bottom: 28 },
      xAxis: { type: 'category', data: rows.map((r) => countyOf(r.countyId)) },
      yAxis: { type: 'value', scale: true },
      series: [
        {
          type: 'boxplot',
          data: rows.map((r) => [r.min, r.q1, r.median, r.q3, r.max]),
          itemStyle: { color: '#e6f4ee', borderColor: '#0a6e4f' },
        },
      ],
    }),
    [rows, countyOf, t],
  );
  return (
    <Card title={`${t('countyDistribution')} · ${a.period}`}>
      <Chart option={option} id="analytics-boxplot" height={260} />
      <Table
        id="analytics-distribution"
        size="small"
        rowKey="countyId"
        pagination={false}
        scroll={{ x: true }}
        dataSource={rows}
        columns={[
          { title: t('county'), render: (_: unknown, r) => countyOf(r.countyId) },
          { title: t('count'), dataIndex: 'count', align: 'right' },
          { title: t('mean'), render: (_: unknown, r) => formatNumber(r.mean), align: 'right' },
          { title: t('median'), render: (_: unknown, r) => formatNumber(r.median), align: 'right' },
          {
            title: `${t('lowest')}–${t('highest')}`,
            render: (_: unknown, r) => `${formatNumber(r.min)}–${formatNumber(r.max)}`,
          },
          {
            title: t('scoreBands'),
            render: (_: unknown, r) => (
              <Space size={2} wrap>
                {scoreBands.map((b, i) =>
                  r.bands[i] ? (
                    <Tag key={b} color={i === 0 ? 'red' : i === 4 ? 'green' : undefined}>{`${b}: ${r.bands[i]}`}</Tag>
                  ) : null,
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

function TrendCard({ a }: { a: CityAnalytics }) {
  const { t } = useSession();
  const countyOf = useCountyNames(a.counties);
  const trend = a.trend!;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 40, right: 12, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: trend.periods },
      yAxis: { type: 'value', scale: true },
      series: trend.counties.map((c) => ({
        name: countyOf(c.countyId),
        type: 'line',
        connectNulls: true,
        data: c.means,
      })),
    }),
    [trend, countyOf],
  );
  return (
    <Card title={t('countyTrend')}>
      <Chart option={option} id="analytics-trend" height={360} />
    </Card>
  );
}

function WatchCard({ a }: { a: CityAnalytics }) {
  const { t } = useSession();
  const countyOf = useCountyNames(a.counties);
  const watch = a.watch;
  if (!watch?.period) return null;
  const first = watch.managers[0];
  return (
    <Card title={`${t('watchList')} · ${watch.period}`} id="watch-list">
      <Typography.Paragraph type="secondary">
        {t('watchListHint', {
          next: first?.nextPeriod ?? '',
          months: watch.policy.consecutiveMonths,
          bottom: watch.policy.consecutiveBottom,
          times: watch.policy.yearlyTimes,
          yearlyBottom: watch.policy.yearlyBottom,
        })}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="managerId"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: true }}
        locale={{ emptyText: <EmptyState text={t('watchListNone')} /> }}
        dataSource={watch.managers}
        columns={[
          { title: t('county'), render: (_: unknown, w) => countyOf(w.manager.countyId) },
          {
            title: t('manager'),
            render: (_: unknown, w) => (
              <Space size={4}>
                <a href={`#/managers/${w.managerId}/timeline`}>{person(w.manager)}</a>
                {w.flaggedNow && <Tag color="red">{t('flaggedNow')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('watchRecent'),
            render: (_: unknown, w) => (
              <Space size={2} wrap>
                {w.months.slice(-4).map((m) => (
                  <Tag key={m.period} color={m.rankFromBottom <= watch.policy.consecutiveBottom ? 'orange' : undefined}>
                    {`${m.period} ${t('fromBottomOf', { n: m.rankFromBottom, of: m.cohortSize ?? '?' })}`}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('watchList'),
            render: (_: unknown, w) => (
              <Space direction="vertical" size={0} className="watch-risks">
                {w.risks.map((r) => (
                  <span key={r.rule}>
                    {r.rule === 'consecutive'
                      ? t('watchNeedsConsecutive', { bottom: r.bottom })
                      : t('watchNeedsYearly', { bottom: r.bottom, n: (r.times ?? 0) + 1 })}
                  </span>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

interface Trajectories {
  periods: string[];
  managers: {
    id: string;
    name: string;
    employeeNo: string;
    points: { period: string; compositeScore: number | null; rank: number | null; cohortSize: number | null }[];
  }[];
}
type Person = { id: string; name: string; employeeNo: string };

function TrajectoryCard({ type, suggested }: { type: string; suggested: Person[] }) {
  const { t } = useSession();
  const [picked, setPicked] = useState<Person[]>(() => suggested.slice(0, 5));
  const { found, setSearch } = useManagerSearch();
  const ids = picked.map((p) => p.id).join(',');
  const state = useApi<Trajectories>(ids ? `/api/analytics/trajectories?type=${type}&managerIds=${ids}` : null);
  const option = useMemo(() => {
    const d = state.data;
    if (!d) return null;
    return {
      tooltip: {
        trigger: 'axis',
        formatter: (ps: { seriesIndex: number; dataIndex: number; marker: string; seriesName: string }[]) =>
          ps
            .map((p) => {
              const point = d.managers[p.seriesIndex]!.points[p.dataIndex]!;
              return `${p.marker}${p.seriesName} ${formatNumber(point.compositeScore)}${
                point.rank ? ` (${t('rank')} ${point.rank}/${point.cohortSize})` : ''
              }`;
            })
            .join('<br/>'),
      },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 40, right: 12, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: d.periods },
      yAxis: { type: 'value', scale: true },
      series: d.managers.map((m) => ({
        name: person(m),
        type: 'line',
        connectNulls: true,
        data: m.points.map((p) => p.compositeScore),
      })),
    };
  }, [state.data, t]);
  const options = [...picked, ...found.filter((f) => !picked.some((p) => p.id === f.id))];
  return (
    <Card title={t('trajectories')}>
      <Select
        id="trajectory-managers"
        mode="multiple"
        showSearch
        filterOption={false}
        onSearch={setSearch}
        style={{ width: '100%', marginBottom: 12 }}
        placeholder={t('trajectoryPick')}
        value={picked.map((p) => p.id)}
        maxCount={10}
        onChange={(values: string[]) =>
          setPicked(values.map((v) => options.find((o) => o.id === v)).filter((p): p is Person => !!p))
        }
        options={options.map((o) => ({ value: o.id, label: person(o) }))}
      />
      {!ids ? (
        <EmptyState text={t('trajectoryNone')} />
      ) : (
        <Loading state={state}>{() => option && <Chart option={option} id="trajectory-chart" height={300} />}</Loading>
      )}
    </Card>
  );
}

interface Quotas {
  scope: 'city' | 'county';
  headCount: number;
  now: { level: string; cap: number; count: number }[];
  ladder: { grade: string; count: number }[];
  byCounty?: { county: County; ladder: { grade: string; count: number }[] }[];
}
const levelColour: Record<string, string> = {
  TRAINEE: '#bfbfbf',
  JUNIOR: '#91caff',
  MIDDLE: '#0a6e4f',
  SENIOR: '#d48806',
};

function LadderCard() {
  const { t, name, lang } = useSession();
  const state = useApi<Quotas>('/api/grade-quotas');
  const option = useMemo(() => {
    const q = state.data;
    if (!q) return null;
    return {
      tooltip: {},
      grid: { left: 40, right: 12, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: q.ladder.map((g) => name('grade', g.grade)), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          data: q.ladder.map((g) => ({ value: g.count, itemStyle: { color: levelColour[g.grade.split('_')[0]!] } })),
          label: { show: true, position: 'top' },
        },
      ],
    };
  }, [state.data, name]);
  return (
    <Card title={t('gradeLadder')} extra={<a href="#/quotas">{t('quotas')}</a>} id="grade-ladder">
      <Loading state={state}>
        {(q) => (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              {option && <Chart option={option} id="ladder-chart" height={280} />}
            </Col>
            <Col xs={24} xl={10}>
              {q.now.map((u) => (
                <div key={u.level} className="ladder-level">
                  <Typography.Text>{`${name('level', u.level)} ${u.count} / ${u.cap}`}</Typography.Text>
                  <Progress
                    percent={Math.round((100 * u.count) / Math.max(1, u.cap))}
                    status={u.count > u.cap ? 'exception' : 'normal'}
                  />
                </div>
              ))}
            </Col>
            {q.byCounty && (
              <Col span={24}>
                <Typography.Title level={5}>{t('ladderByCounty')}</Typography.Title>
                <Table
                  id="ladder-by-county"
                  size="small"
                  rowKey={(r) => r.county.id}
                  pagination={false}
                  scroll={{ x: true }}
                  dataSource={q.byCounty}
                  columns={[
                    { title: t('county'), render: (_: unknown, r) => countyName(r.county, lang), fixed: 'left' },
                    ...grades.map((g) => ({
                      title: name('grade', g),
                      align: 'right' as const,
                      render: (_: unknown, r: { ladder: { grade: string; count: number }[] }) =>
                        r.ladder.find((x) => x.grade === g)?.count || '',
                    })),
                    {
                      title: t('total'),
                      align: 'right' as const,
                      render: (_: unknown, r) => r.ladder.reduce((s, x) => s + x.count, 0),
                    },
                  ]}
                />
              </Col>
            )}
          </Row>
        )}
      </Loading>
    </Card>
  );
}
