// The grade quota a decision moves (等级比例影响), computed here with the same rule the
// server checks on approval (domain/gradeQuotas), live as the decider ticks.
import { Progress, Table, Tag } from 'antd';
import { quotaUsageAfter, type GradeQuota } from '@domain/gradeQuotas';
import type { Grade } from '@domain/grades';
import { useSession } from '../session';

export interface QuotaContext {
  gradeCounts: Partial<Record<Grade, number>>;
  quotas: GradeQuota;
}

export function QuotaImpact({
  quota,
  approving,
}: {
  quota: QuotaContext;
  approving: { fromGrade: Grade; toGrade: Grade }[];
}) {
  const { t, name } = useSession();
  const now = quotaUsageAfter(quota.gradeCounts, [], quota.quotas);
  const after = quotaUsageAfter(quota.gradeCounts, approving, quota.quotas);
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="level"
      dataSource={after.map((a, i) => ({ ...a, before: now[i]! }))}
      columns={[
        { title: t('level'), render: (_: unknown, r) => name('level', r.level) },
        { title: t('now'), render: (_: unknown, r) => `${r.before.count} / ${r.before.cap}` },
        {
          title: t('afterThisDecision'),
          render: (_: unknown, r) => (
            <span className="quota-after" data-level={r.level}>
              {r.count} / {r.cap}{' '}
              {r.count > r.cap ? (
                <Tag color="red">
                  {t('overCap')} {r.count - r.cap}
                </Tag>
              ) : (
                <Tag color="green">{t('withinCap')}</Tag>
              )}
            </span>
          ),
        },
        {
          title: t('progress'),
          render: (_: unknown, r) => (
            <Progress
              percent={Math.round((100 * r.count) / Math.max(1, r.cap))}
              status={r.count > r.cap ? 'exception' : 'normal'}
              size="small"
              style={{ width: 160 }}
            />
          ),
        },
      ]}
    />
  );
}
