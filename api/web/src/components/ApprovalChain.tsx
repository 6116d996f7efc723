// The approval chain as a timeline (审批流程): each step, who, when, the decision and why, by round.
import { Timeline, Typography } from 'antd';
import { useSession } from '../session';
import { formatTime } from './format';

export interface ChainStep {
  taskId: string;
  kind: string;
  round: number;
  assignee: string;
  status: string;
  dueDate: string;
  submittedAt: string | null;
  decision?: string | null;
  comment?: string | null;
  reason?: string | null;
  payload?: unknown;
}

const decisionWord: Record<string, 'approved' | 'returned' | 'rejected'> = {
  approve: 'approved',
  signOff: 'approved',
  return: 'returned',
  reject: 'rejected',
};

export function ApprovalChain({ steps, currentTaskId }: { steps: ChainStep[]; currentTaskId: string }) {
  const { t, name, lang } = useSession();
  return (
    <div id="approval-chain">
      <Timeline
        items={steps.map((s) => {
          const p = (s.payload ?? {}) as { decision?: string; comment?: string; reason?: string; action?: string };
          const decision = s.decision ?? p.decision ?? null;
          const word = decision ? decisionWord[decision] : undefined;
          const comment = s.comment ?? p.comment;
          const reason = s.reason ?? p.reason;
          const color = s.status === 'OPEN' ? 'blue' : word === 'returned' || word === 'rejected' ? 'red' : 'green';
          return {
            color,
            content: (
              <div data-task={s.taskId}>
                <Typography.Text strong={s.taskId === currentTaskId}>
                  {name('taskKind', s.kind)} · {t('roundN', { n: s.round })} · {s.assignee}
                </Typography.Text>
                <div>
                  {s.submittedAt
                    ? `${formatTime(s.submittedAt, lang)} · ${word ? name('decision', word) : name('taskStatus', s.status)}`
                    : `${name('taskStatus', s.status)} · ${t('due')} ${s.dueDate}`}
                  {p.action ? ` · ${name('action', p.action)}` : ''}
                </div>
                {comment && <div>{`${t('comment')}${t('colon')}${comment}`}</div>}
                {reason && <div className="chain-reason">{`${t('reason')}${t('colon')}${reason}`}</div>}
              </div>
            ),
          };
        })}
      />
    </div>
  );
}
