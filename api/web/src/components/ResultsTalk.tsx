// Results talk (情感沟通) in the pages: on the result page the record of the month's talk and
// the manager's acknowledgement; on the leader's task what the talk is about (the result,
// why the manager is on the list, what the last talk agreed); on the manager's task the record.
import { Alert, Card, Descriptions, Tag, Typography } from 'antd';
import { flagReasonText } from '@domain/codeNames';
import { talkRecordLabels, type TalkRecord } from '@domain/resultsTalk';
import { useSession } from '../session';
import { formatNumber, formatTime, person } from './format';

export interface TalkView extends Partial<Record<keyof TalkRecord, string | null>> {
  id: string;
  status: string;
  reason: string;
  leader: { displayName: string } | null;
  heldBy: { displayName: string } | null;
  recordedAt: string | null;
  acknowledgedAt: string | null;
  managerComment: string | null;
}

export interface TalkContext {
  record: TalkView | null;
  reason: string;
  manager: { id: string; name: string; employeeNo: string; area: string };
  evaluation: {
    id: string;
    compositeScore: number | null;
    rank: number | null;
    rankFromBottom: number | null;
    cohortSize: number | null;
    monthlyStar: boolean;
    flagReasons: string[];
    scores: { component: string; value: number; missing: boolean }[];
  };
  previous: { cycle: { type: string; period: string }; heldOn: string | null; agreedChange: string | null } | null;
}

const statusColors: Record<string, string> = {
  TO_HOLD: 'gold',
  TO_ACKNOWLEDGE: 'blue',
  ACKNOWLEDGED: 'green',
  UNACKNOWLEDGED: 'red',
  CANCELLED: 'default',
};

/** A result's flags in words (missing task, bottom ranks…). */
export function FlagTags({ reasons }: { reasons: string[] }) {
  const { lang } = useSession();
  return (
    <>
      {reasons.map((f) => (
        <Tag key={f} color="volcano">
          {flagReasonText(f, lang)}
        </Tag>
      ))}
    </>
  );
}

/** The talk's four answers, in the order the leader gave them. */
function TalkRecordText({ talk }: { talk: TalkView }) {
  const { lang } = useSession();
  const fields = ['wentWell', 'wentBadly', 'causes', 'agreedChange'] as const;
  return (
    <Descriptions size="small" column={1} bordered id="talk-record">
      {fields.map((f) => (
        <Descriptions.Item key={f} label={talkRecordLabels[f][lang]}>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{talk[f] ?? ''}</Typography.Text>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** The result page's card: who holds the talk, and once held, the record and the acknowledgement. */
export function ResultsTalkCard({ talk }: { talk: TalkView }) {
  const { t, name, lang } = useSession();
  return (
    <Card
      title={t('resultsTalk')}
      id="results-talk"
      extra={<Tag color={statusColors[talk.status]}>{name('talkStatus', talk.status)}</Tag>}
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('talkLeader')}>
          {talk.heldBy?.displayName ?? talk.leader?.displayName ?? t('none')}
        </Descriptions.Item>
        <Descriptions.Item label={talkRecordLabels.heldOn[lang]}>{talk.heldOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('talkReason')}>{name('talkReason', talk.reason)}</Descriptions.Item>
      </Descriptions>
      {talk.recordedAt ? (
        <TalkRecordText talk={talk} />
      ) : (
        <Typography.Text type="secondary">{t('talkNotYetHeld')}</Typography.Text>
      )}
      {talk.acknowledgedAt && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          id="talk-acknowledged"
          title={`${t('talkAcknowledged')} · ${formatTime(talk.acknowledgedAt, lang)}`}
          description={talk.managerComment ?? undefined}
        />
      )}
    </Card>
  );
}

/** The talk task's card: the leader prepares from the result; the manager reads the record. */
export function TalkTaskCard({ c, kind }: { c: TalkContext; kind: string }) {
  const { t, name, lang } = useSession();
  const e = c.evaluation;
  return (
    <Card title={`${t('resultsTalk')} · ${person(c.manager)}`} id="talk-card">
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
        <Descriptions.Item label={t('score')}>{formatNumber(e.compositeScore)}</Descriptions.Item>
        <Descriptions.Item label={t('rank')}>{`${e.rank ?? '—'} / ${e.cohortSize ?? '—'}`}</Descriptions.Item>
        <Descriptions.Item label={t('rankFromBottom')}>{e.rankFromBottom ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('talkReason')}>
          <Tag color={c.reason === 'all' ? 'default' : 'volcano'}>{name('talkReason', c.reason)}</Tag>
        </Descriptions.Item>
        {e.flagReasons.length > 0 && (
          <Descriptions.Item label={t('flags')}>
            <FlagTags reasons={e.flagReasons} />
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('scores')}>
          {e.scores
            .map((s) => `${name('component', s.component)} ${s.missing ? '0' : formatNumber(s.value)}`)
            .join('，')}
        </Descriptions.Item>
      </Descriptions>
      <a href={`#/evaluations/${e.id}`} id="talk-result-link">
        {t('resultExplained')}
      </a>
      {c.previous?.agreedChange && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          id="previous-talk"
          title={`${t('previousTalk')} · ${name('cycleType', c.previous.cycle.type)} ${c.previous.cycle.period}`}
          description={`${talkRecordLabels.agreedChange[lang]}${t('colon')}${c.previous.agreedChange}`}
        />
      )}
      {kind === 'TALK_ACKNOWLEDGEMENT' && c.record && (
        <div style={{ marginTop: 12 }}>
          <Typography.Paragraph>
            {`${c.record.heldBy?.displayName ?? ''} · ${talkRecordLabels.heldOn[lang]} ${c.record.heldOn ?? ''}`}
          </Typography.Paragraph>
          <TalkRecordText talk={c.record} />
        </div>
      )}
    </Card>
  );
}
