// The county's managers as a decider sees them (县级审核、市级审批): composite, each
// component, deductions, rank, flags and the previous period, outliers marked.
import { ArrowDownOutlined, ArrowUpOutlined, StarFilled } from '@ant-design/icons';
import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import { bottomRankRulesText, flagReasonText } from '@domain/codeNames';
import { useSession } from '../session';
import { formatNumber, person } from './format';

export interface ContextManager {
  evaluationId: string;
  manager: { id: string; name: string; employeeNo: string; employment: string; area: string; grade: string };
  stage: string;
  compositeScore: number | null;
  rank: number | null;
  rankFromBottom: number | null;
  provisionalRank: number | null;
  cohortSize: number | null;
  monthlyStar: boolean;
  flagReasons: string[];
  bottomRankRules: string[] | null;
  components: { component: string; value: number; missing: boolean }[];
  deductions: number | null;
  previous: { period: string; compositeScore: number | null; rank: number | null } | null;
  change: number | null;
  outliers: ('low' | 'high' | 'jump')[];
}

export function CountyResults({
  managers,
  recommendedManagerId,
}: {
  managers: ContextManager[];
  recommendedManagerId?: string | null;
}) {
  const { t, name, lang } = useSession();
  const components = [...new Set(managers.flatMap((m) => m.components.map((c) => c.component)))];
  return (
    <Table<ContextManager>
      id="county-results"
      size="small"
      rowKey="evaluationId"
      pagination={false}
      scroll={{ x: 900 }}
      dataSource={managers}
      locale={{ emptyText: t('noTasks') }}
      columns={[
        {
          title: t('rank'),
          dataIndex: 'rank',
          width: 72,
          render: (r: number | null, m) =>
            r ? (
              `${r}/${m.cohortSize}`
            ) : m.provisionalRank ? (
              <Tooltip title={t('provisionalRank')}>{`${m.provisionalRank}（${t('provisional')}）`}</Tooltip>
            ) : (
              '—'
            ),
        },
        {
          title: t('manager'),
          render: (_: unknown, m) => (
            <Space size={4}>
              <a href={`#/managers/${m.manager.id}/timeline`}>{person(m.manager)}</a>
              {m.monthlyStar && (
                <Tooltip title={t('star')}>
                  <StarFilled style={{ color: '#faad14' }} />
                </Tooltip>
              )}
              {recommendedManagerId === m.manager.id && <Tag color="gold">{t('recommendedManager')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('score'),
          dataIndex: 'compositeScore',
          render: (s: number | null, m) => (
            <strong className={m.outliers.length ? 'outlier' : undefined}>{formatNumber(s)}</strong>
          ),
        },
        ...components.map((c) => ({
          title: name('component', c),
          key: c,
          render: (_: unknown, m: ContextManager) => {
            const s = m.components.find((x) => x.component === c);
            if (!s) return '—';
            return s.missing ? <Tag color="red">0 · {t('closedMissing')}</Tag> : formatNumber(s.value);
          },
        })),
        {
          title: t('deductions'),
          dataIndex: 'deductions',
          render: (d: number | null) => (d ? `−${formatNumber(d)}` : '0'),
        },
        {
          title: t('previous'),
          render: (_: unknown, m) =>
            m.previous ? (
              <Typography.Text type="secondary">
                {m.previous.period}: {formatNumber(m.previous.compositeScore)}（{m.previous.rank ?? '—'}）
              </Typography.Text>
            ) : (
              '—'
            ),
        },
        {
          title: t('change'),
          dataIndex: 'change',
          render: (c: number | null) =>
            c === null ? (
              '—'
            ) : c >= 0 ? (
              <span style={{ color: '#389e0d' }}>
                <ArrowUpOutlined /> {formatNumber(c)}
              </span>
            ) : (
              <span style={{ color: '#cf1322' }}>
                <ArrowDownOutlined /> {formatNumber(-c)}
              </span>
            ),
        },
        {
          title: t('flags'),
          render: (_: unknown, m) => (
            <Space size={[4, 4]} wrap>
              {m.flagReasons.map((f) => (
                <Tag key={f} color="volcano">
                  {flagReasonText(f, lang)}
                </Tag>
              ))}
              {m.bottomRankRules && (
                <Tag color="red">{`${t('cases')}${t('colon')}${bottomRankRulesText(m.bottomRankRules, lang)}`}</Tag>
              )}
              {m.outliers.map((o) => (
                <Tag key={o} color="orange">
                  {t(`outlier_${o}`)}
                </Tag>
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}
