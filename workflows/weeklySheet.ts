// The weekly one-sheet (一张纸工作法) of one manager for one week: the manager fills it through
// the week and submits it by Sunday night; the county reviews it (批阅) with a comment or
// returns it, and a returned sheet goes back to the manager as a new round. Each step a human
// task with reminders and escalation; a sheet not in after the grace period is closed as missed.
import { log, setHandler } from '@temporalio/workflow';
import { shanghaiInstant } from '../domain/calendar';
import { weeklySheet } from '../domain/taskKinds/weeklySheet';
import { weeklySheetReview } from '../domain/taskKinds/weeklySheetReview';
import { acts, batchActs } from './activities';
import { now, nowIso } from './clock';
import { deliver } from './delivery';
import { HumanTask, handleOneTaskAtATime } from './humanTask';
import { setIncidentScope } from './incidents';
import {
  weeklySheetStatusQuery,
  type OpenWeekSheetsInput,
  type OpenWeekSheetsResult,
  type WeeklySheetInput,
  type WeeklySheetStage,
  type WeeklySheetWorkflowStatus,
} from './weeklySheet.messages';

const dayMs = 86_400_000;
/** A returned sheet is due two days after it comes back (the policy's offset counts from an anchor). */
const returnedDueInDays = 2;

export async function weeklySheetWorkflow(input: WeeklySheetInput): Promise<WeeklySheetWorkflowStatus> {
  setIncidentScope({ countyId: input.countyId, subject: { weeklySheetId: input.sheetId } });
  // setup
  let stage: WeeklySheetStage = 'OPEN';
  let round = 1;
  const tasks: HumanTask[] = [];
  let current: HumanTask | undefined;
  const status = (): WeeklySheetWorkflowStatus => ({ stage, round, tasks: tasks.map((t) => ({ ...t.state })) });
  setHandler(weeklySheetStatusQuery, status);
  handleOneTaskAtATime(
    () => current,
    () => undefined, // the kinds' schemas say everything a submission must be
  );
  const offset = input.template.weeklySheet.WEEKLY_SHEET.dueOffsetDays;

  // run
  for (;;) {
    const subject = { weeklySheetId: input.sheetId, round };
    const anchor =
      round === 1
        ? shanghaiInstant(input.weekStart) // due on its Sunday
        : new Date(now().getTime() - (offset - returnedDueInDays) * dayMs);
    const sheet = new HumanTask(weeklySheet.kind, subject, input.template, anchor);
    current = sheet;
    tasks.push(sheet);
    await sheet.run();
    if (sheet.state.phase !== 'SUBMITTED') {
      current = undefined;
      await acts.weeklySheetMissed({ sheetId: input.sheetId, at: nowIso() });
      stage = 'MISSED';
      log.info('weekly sheet missed', { sheetId: input.sheetId, round });
      return status();
    }
    await acts.weeklySheetSubmitted({ sheetId: input.sheetId, taskId: sheet.state.taskId!, at: nowIso() });
    stage = 'SUBMITTED';

    const review = new HumanTask(weeklySheetReview.kind, subject, input.template);
    current = review;
    tasks.push(review);
    await review.run();
    current = undefined;
    const reviewed = await acts.weeklySheetReviewed({
      sheetId: input.sheetId,
      taskId: review.state.taskId!,
      at: nowIso(),
    });
    await deliver(reviewed.outboxIds);
    if (reviewed.decision === 'reviewed') {
      stage = 'REVIEWED';
      log.info('weekly sheet reviewed', { sheetId: input.sheetId, round });
      return status();
    }
    stage = 'RETURNED';
    round += 1;
  }
}

/** Monday (the schedule) or HR: opens the week's sheet of every active manager, page by page. */
export async function openWeekSheetsWorkflow(input: OpenWeekSheetsInput): Promise<OpenWeekSheetsResult> {
  const at = input.at ?? nowIso();
  let afterId: string | null = null;
  let started = 0;
  let weekStart: string;
  do {
    const page: { weekStart: string; started: number; nextAfterId: string | null } = await batchActs.openWeekSheets({
      at,
      afterId,
      pageSize: 200,
    });
    weekStart = page.weekStart;
    started += page.started;
    afterId = page.nextAfterId;
  } while (afterId);
  log.info('weekly sheets opened', { weekStart, started });
  return { weekStart, started };
}
