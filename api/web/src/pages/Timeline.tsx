// A manager's timeline: every event of their evaluations as a sentence, with the results by cycle.
import { Card, Space, Table, Timeline, Typography } from 'antd';
import { describeEvent } from '@domain/eventText';
import { Loading, useApi } from '../components/data';
import { formatNumber, formatTime, person } from '../components/format';
import { useSession } from '../session';

interface ManagerTimeline {
  manager: { id: string; name: string; employeeNo: string };
  evaluations: {
    id: string;
    cycle: { type: string; period: string };
    stage: string;
    compositeScore: string | null;
    rank: number | null;
    cohortSize: number | null;
  }[];
  events: {
    id: string;
    at: string;
    action: string;
    taskKind: string | null;
    actorName: string | null;
    details: Record<string, unknown> | null;
  }[];
  people: Record<string, string>;
}

export function TimelinePage({ managerId }: { managerId: string }) {
  const { t, name, lang } = useSession();
  const state = useApi<ManagerTimeline>(`/api/managers/${managerId}/timeline`);
  return (
    <Loading state={state}>
      {(d) => (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Title level={3} className="page-title">
            {`${t('timeline')} · ${person(d.manager)}`}
          </Typography.Title>
          <Card title={t('results')}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.evaluations}
              columns={[
                {
                  title: t('cycle'),
                  render: (_: unknown, e) => (
                    <a href={`#/evaluations/${e.id}`}>{`${name('cycleType', e.cycle.type)} ${e.cycle.period}`}</a>
                  ),
                },
                {
                  title: t('score'),
                  render: (_: unknown, e) => formatNumber(e.compositeScore === null ? null : Number(e.compositeScore)),
                },
                { title: t('rank'), render: (_: unknown, e) => (e.rank ? `${e.rank}/${e.cohortSize}` : '—') },
                { title: t('stage'), render: (_: unknown, e) => name('evaluationStage', e.stage) },
              ]}
            />
          </Card>
          <Card title={t('timeline')} id="manager-timeline">
            <Timeline
              items={d.events.map((e) => ({
                content: (
                  <>
                    <Typography.Text type="secondary">
                      {formatTime(e.at, lang)}
                      {e.taskKind ? ` · ${name('taskKind', e.taskKind)}` : ''}
                    </Typography.Text>
                    <div>
                      {describeEvent(
                        { action: e.action, actorName: e.actorName, details: e.details, people: d.people },
                        lang,
                      )}
                    </div>
                  </>
                ),
              }))}
            />
          </Card>
        </Space>
      )}
    </Loading>
  );
}
