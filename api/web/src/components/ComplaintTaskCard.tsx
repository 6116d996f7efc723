// What a complaint's task is about (投诉): the complaint and the manager's answer, the
// manager's other complaints of the year, and what a confirmation does to the month's result.
import { Alert, Card, Descriptions, List, Tag } from 'antd';
import { ComplaintCard, complaintColours, type ComplaintView } from '../pages/Complaints';
import { useSession } from '../session';
import { formatNumber } from './format';

export interface ComplaintContext extends ComplaintView {
  history: { id: string; receivedOn: string; kind: string; status: string; points: number | null }[];
  monthResult: {
    evaluationId: string;
    stage: string;
    rank: number | null;
    cohortSize: number | null;
    deductions: { inspection: number; complaints: number; total: number };
    compositeScore: number | null;
    ifConfirmed: number | null;
  } | null;
}

export function ComplaintTaskCard({ c, kind }: { c: ComplaintContext; kind: string }) {
  const { t, name } = useSession();
  const m = c.monthResult;
  return (
    <>
      <ComplaintCard c={c} title={t('complaint')} />
      {kind === 'COMPLAINT_DECISION' && (
        <Card title={t('monthResultNow', { month: c.month })} id="complaint-effect">
          {!m ? (
            <Alert type="info" showIcon message={t('monthNotOpen', { month: c.month })} />
          ) : m.compositeScore === null ? (
            <Alert type="info" showIcon message={t('monthNotScored', { month: c.month })} />
          ) : (
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
              <Descriptions.Item label={t('score')}>
                <a href={`#/evaluations/${m.evaluationId}`}>{formatNumber(m.compositeScore)}</a>
              </Descriptions.Item>
              <Descriptions.Item label={t('rank')}>
                {m.rank ? `${m.rank} / ${m.cohortSize ?? '—'}` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('inspectionDeductionsOnly')}>
                {formatNumber(m.deductions.inspection)}
              </Descriptions.Item>
              <Descriptions.Item label={t('complaintDeductions')}>
                {formatNumber(m.deductions.complaints)}
              </Descriptions.Item>
              <Descriptions.Item label={t('compositeIfConfirmed')}>
                <strong id="composite-if-confirmed">{formatNumber(m.ifConfirmed)}</strong>
              </Descriptions.Item>
            </Descriptions>
          )}
        </Card>
      )}
      <Card title={t('earlierComplaints')} size="small">
        <List
          size="small"
          locale={{ emptyText: t('noEarlierComplaints') }}
          dataSource={c.history}
          renderItem={(h) => (
            <List.Item>
              <a href={`#/complaints/${h.id}`}>{`${h.receivedOn} · ${name('complaintKind', h.kind)}`}</a>
              <Tag color={complaintColours[h.status]}>{name('complaintStatus', h.status)}</Tag>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
