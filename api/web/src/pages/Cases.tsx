// 末位淘汰: every case with its manager, the flag's period and rules, its status and decision.
import { Card, Table, Tag, Typography } from 'antd';
import { bottomRankRulesText } from '@domain/codeNames';
import { Loading, useApi } from '../components/data';
import { person } from '../components/format';
import { useSession } from '../session';

interface BottomRankCase {
  id: string;
  status: string;
  action: string | null;
  reason: string | null;
  manager: { name: string; employeeNo: string; employment?: string };
  flag: { period: string; rules: string[] };
}

export function CasesPage() {
  const { t, name, lang } = useSession();
  const state = useApi<{ cases: BottomRankCase[] }>('/api/bottom-rank-cases');
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('cases')}
      </Typography.Title>
      <Card>
        <Loading state={state}>
          {({ cases }) => (
            <Table<BottomRankCase>
              id="case-table"
              rowKey="id"
              size="middle"
              scroll={{ x: 700 }}
              dataSource={cases}
              pagination={{ pageSize: 20 }}
              columns={[
                { title: t('manager'), render: (_: unknown, c) => person(c.manager) },
                { title: t('period'), render: (_: unknown, c) => c.flag.period },
                { title: t('flagRaisedBy'), render: (_: unknown, c) => bottomRankRulesText(c.flag.rules, lang) },
                { title: t('status'), dataIndex: 'status', render: (s: string) => <Tag>{name('caseStatus', s)}</Tag> },
                { title: t('action'), dataIndex: 'action', render: (a: string | null) => name('action', a) },
                { title: t('reason'), dataIndex: 'reason' },
              ]}
            />
          )}
        </Loading>
      </Card>
    </>
  );
}
