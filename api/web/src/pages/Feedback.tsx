// 申诉与沟通: every objection and every results talk in the reader's scope, by status, for
// HR, the city and the county heads: who is waiting on whom, and where each one stands.
import { Card, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { talkStatuses } from '@domain/resultsTalk';
import { Loading, useApi } from '../components/data';
import { formatNumber, formatTime, person } from '../components/format';
import { useSession } from '../session';

interface ListedResult {
  id: string;
  compositeScore: number | null;
  rank: number | null;
  cohortSize: number | null;
  manager: { id: string; name: string; employeeNo: string };
  cycle: { id: string; type: string; period: string };
}

interface ObjectionRow {
  id: string;
  status: string;
  components: string[];
  reason: string;
  decision: string | null;
  createdAt: string;
  decidedAt: string | null;
  evaluation: ListedResult;
}

interface TalkRow {
  id: string;
  status: string;
  reason: string;
  heldOn: string | null;
  leader: { displayName: string } | null;
  heldBy: { displayName: string } | null;
  evaluation: ListedResult;
}

interface Listing {
  counts: Partial<Record<string, number>>;
  total: number;
}

type View = 'objections' | 'talks';
const objectionStatuses = ['COUNTY_REVIEW', 'CITY_DECISION', 'UPHELD', 'ADJUSTED'];
const statusColours: Record<string, string> = {
  COUNTY_REVIEW: 'orange',
  CITY_DECISION: 'orange',
  UPHELD: 'default',
  ADJUSTED: 'green',
  TO_HOLD: 'orange',
  TO_ACKNOWLEDGE: 'blue',
  ACKNOWLEDGED: 'green',
  UNACKNOWLEDGED: 'red',
  CANCELLED: 'default',
};

export function FeedbackPage() {
  const { t } = useSession();
  const [view, setView] = useState<View>('objections');
  return (
    <>
      <Typography.Title level={3} className="page-title">
        {t('feedback')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('feedbackIntro')}</Typography.Paragraph>
      <Segmented<View>
        id="feedback-view"
        value={view}
        onChange={setView}
        options={[
          { value: 'objections', label: t('objections') },
          { value: 'talks', label: t('resultsTalks') },
        ]}
        style={{ marginBottom: 16 }}
      />
      {view === 'objections' ? <ObjectionList /> : <TalkList />}
    </>
  );
}

/** The status filter with each status's count, and the paged query both lists share. */
function useListing(path: string) {
  const [status, setStatus] = useState<string>();
  const [page, setPage] = useState(1);
  const query = new URLSearchParams({ page: String(page), pageSize: '20' });
  if (status) query.set('status', status);
  return { status, setStatus, page, setPage, url: `${path}?${query.toString()}` };
}

function StatusFilter(props: {
  id: string;
  group: 'objectionStatus' | 'talkStatus';
  statuses: readonly string[];
  counts: Listing['counts'] | undefined;
  value: string | undefined;
  onChange: (s: string | undefined) => void;
}) {
  const { t, name } = useSession();
  return (
    <Select
      id={props.id}
      allowClear
      placeholder={t('status')}
      style={{ minWidth: 200 }}
      value={props.value}
      onChange={props.onChange}
      options={props.statuses.map((s) => ({
        value: s,
        label: `${name(props.group, s)}（${props.counts?.[s] ?? 0}）`,
      }))}
    />
  );
}

const resultLink = (e: ListedResult) => <a href={`#/evaluations/${e.id}`}>{person(e.manager)}</a>;

function ObjectionList() {
  const { t, name, lang } = useSession();
  const l = useListing('/api/objections');
  const state = useApi<Listing & { objections: ObjectionRow[] }>(l.url);
  return (
    <Card
      title={t('objections')}
      extra={
        <StatusFilter
          id="objection-status"
          group="objectionStatus"
          statuses={objectionStatuses}
          counts={state.data?.counts}
          value={l.status}
          onChange={(s) => {
            l.setStatus(s);
            l.setPage(1);
          }}
        />
      }
    >
      <Loading state={state}>
        {(data) => (
          <Table<ObjectionRow>
            id="objection-table"
            rowKey="id"
            size="middle"
            scroll={{ x: 900 }}
            dataSource={data.objections}
            locale={{ emptyText: t('noObjections') }}
            pagination={{ current: l.page, pageSize: 20, total: data.total, onChange: l.setPage }}
            columns={[
              { title: t('manager'), render: (_: unknown, o) => resultLink(o.evaluation) },
              {
                title: t('cycle'),
                render: (_: unknown, o) => `${name('cycleType', o.evaluation.cycle.type)} ${o.evaluation.cycle.period}`,
              },
              {
                title: t('score'),
                render: (_: unknown, o) => formatNumber(o.evaluation.compositeScore),
              },
              {
                title: t('objectedComponents'),
                render: (_: unknown, o) => o.components.map((c) => name('component', c)).join('、'),
              },
              { title: t('objectionReason'), dataIndex: 'reason', ellipsis: true },
              {
                title: t('status'),
                dataIndex: 'status',
                render: (s: string) => <Tag color={statusColours[s]}>{name('objectionStatus', s)}</Tag>,
              },
              { title: t('filedAt'), dataIndex: 'createdAt', render: (at: string) => formatTime(at, lang) },
            ]}
          />
        )}
      </Loading>
    </Card>
  );
}

function TalkList() {
  const { t, name } = useSession();
  const l = useListing('/api/results-talks');
  const state = useApi<Listing & { talks: TalkRow[] }>(l.url);
  return (
    <Card
      title={t('resultsTalks')}
      extra={
        <Space>
          <StatusFilter
            id="talk-status"
            group="talkStatus"
            statuses={talkStatuses}
            counts={state.data?.counts}
            value={l.status}
            onChange={(s) => {
              l.setStatus(s);
              l.setPage(1);
            }}
          />
        </Space>
      }
    >
      <Loading state={state}>
        {(data) => (
          <Table<TalkRow>
            id="talk-table"
            rowKey="id"
            size="middle"
            scroll={{ x: 900 }}
            dataSource={data.talks}
            locale={{ emptyText: t('noTalks') }}
            pagination={{ current: l.page, pageSize: 20, total: data.total, onChange: l.setPage }}
            columns={[
              { title: t('manager'), render: (_: unknown, r) => resultLink(r.evaluation) },
              {
                title: t('cycle'),
                render: (_: unknown, r) => `${name('cycleType', r.evaluation.cycle.type)} ${r.evaluation.cycle.period}`,
              },
              {
                title: t('rank'),
                render: (_: unknown, r) =>
                  r.evaluation.rank ? `${r.evaluation.rank} / ${r.evaluation.cohortSize ?? '—'}` : '—',
              },
              { title: t('talkReason'), dataIndex: 'reason', render: (x: string) => name('talkReason', x) },
              {
                title: t('talkLeader'),
                render: (_: unknown, r) => r.heldBy?.displayName ?? r.leader?.displayName ?? '',
              },
              { title: t('talkHeldOn'), dataIndex: 'heldOn', render: (d: string | null) => d ?? '—' },
              {
                title: t('status'),
                dataIndex: 'status',
                render: (s: string) => <Tag color={statusColours[s]}>{name('talkStatus', s)}</Tag>,
              },
            ]}
          />
        )}
      </Loading>
    </Card>
  );
}
