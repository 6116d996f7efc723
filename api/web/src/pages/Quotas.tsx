// 等级比例: each level's count against its cap, now and after the approved changes take effect.
import { Button, Card, Progress, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { download } from '../api';
import { ErrorAlert, Loading, useApi } from '../components/data';
import { useSession } from '../session';

interface Usage {
  level: string;
  cap: number;
  count: number;
}
interface Quotas {
  scope: 'city' | 'county';
  headCount: number;
  now: Usage[];
  afterApprovedChanges: Usage[];
}

export function QuotasPage() {
  const { t, name } = useSession();
  const state = useApi<Quotas>('/api/grade-quotas');
  const [error, setError] = useState<Error>();
  const table = (title: string, usage: Usage[]) => (
    <Card title={title}>
      <Table
        size="small"
        rowKey="level"
        pagination={false}
        dataSource={usage}
        columns={[
          { title: t('level'), render: (_: unknown, u) => name('level', u.level) },
          {
            title: t('progress'),
            render: (_: unknown, u) => (
              <Progress
                percent={Math.round((100 * u.count) / Math.max(1, u.cap))}
                status={u.count > u.cap ? 'exception' : 'normal'}
                style={{ maxWidth: 240 }}
              />
            ),
          },
          { title: `${t('count')} / ${t('cap')}`, render: (_: unknown, u) => `${u.count} / ${u.cap}` },
        ]}
      />
    </Card>
  );
  return (
    <Loading state={state}>
      {(q) => (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Title level={3} className="page-title">
            {`${t('quotas')}（${q.headCount}）`}
          </Typography.Title>
          {table(t('now'), q.now)}
          {table(t('afterApproved'), q.afterApprovedChanges)}
          <Space>
            {t('gradeChanges')}:
            <Button
              onClick={() => void download('/api/grade-changes?format=xlsx', 'grade-changes.xlsx').catch(setError)}
            >
              {t('exportXlsx')}
            </Button>
            <Button onClick={() => void download('/api/grade-changes?format=csv', 'grade-changes.csv').catch(setError)}>
              {t('exportCsv')}
            </Button>
          </Space>
          <ErrorAlert error={error} />
        </Space>
      )}
    </Loading>
  );
}
