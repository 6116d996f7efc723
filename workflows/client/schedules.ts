// The calendar as Temporal Schedules (Asia/Shanghai): cycles open at 00:05 on their
// first day (HR may move or pause them: /api/calendars). Created once; a later call
// leaves an existing schedule, and HR's changes to it, as they are.
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { cycleTypes, openingCalendar } from '../../domain/cycles';
import { calendarCycleWorkflow } from '../calendarCycle';
import { dailyDigestWorkflow } from '../dailyDigest';
import { calendarScheduleId } from '../calendarCycle.messages';
import { dailyDigestScheduleId } from '../dailyDigest.messages';
import { shanghaiDate } from '../../domain/calendar';
import { weekStartOf } from '../../domain/visitLog';
import { openWeekSheetsWorkflow } from '../weeklySheet';
import { weeklySheetsOpenerId, weeklySheetsScheduleId } from '../weeklySheet.messages';
import { startWorkflowOnce } from './startOnce';

export async function ensureCalendarSchedules(client: Client, taskQueue: string): Promise<string[]> {
  const created: string[] = [];
  for (const type of cycleTypes) {
    try {
      await client.schedule.create({
        scheduleId: calendarScheduleId(type),
        spec: { calendars: [openingCalendar(type)], timezone: 'Asia/Shanghai' },
        action: {
          type: 'startWorkflow',
          workflowType: calendarCycleWorkflow,
          args: [{ type }],
          taskQueue,
          workflowId: calendarScheduleId(type),
        },
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      });
      created.push(type);
    } catch (err) {
      if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    }
  }
  try {
    // 每日督办汇总: what is overdue, to county heads and HR, every morning.
    await client.schedule.create({
      scheduleId: dailyDigestScheduleId,
      spec: { calendars: [{ hour: 8, minute: 0 }], timezone: 'Asia/Shanghai' },
      action: {
        type: 'startWorkflow',
        workflowType: dailyDigestWorkflow,
        args: [],
        taskQueue,
        workflowId: dailyDigestScheduleId,
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '6 hours' },
    });
    created.push('DAILY_DIGEST');
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  try {
    // 一张纸: every Monday at 00:10 the week's sheet of every active manager opens.
    await client.schedule.create({
      scheduleId: weeklySheetsScheduleId,
      spec: { calendars: [{ dayOfWeek: 'MONDAY', hour: 0, minute: 10 }], timezone: 'Asia/Shanghai' },
      action: {
        type: 'startWorkflow',
        workflowType: openWeekSheetsWorkflow,
        args: [{}],
        taskQueue,
        workflowId: weeklySheetsScheduleId,
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
    });
    created.push('WEEKLY_SHEETS');
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  return created;
}

/** Opens this week's sheets now (idempotent: one opener per week): a start that missed its Monday catches up. */
export async function openThisWeekSheets(client: Client, taskQueue: string, at = new Date()): Promise<string> {
  const weekStart = weekStartOf(shanghaiDate(at));
  await startWorkflowOnce(client, openWeekSheetsWorkflow, {
    taskQueue,
    workflowId: weeklySheetsOpenerId(weekStart),
    args: [{ at: at.toISOString() }],
  });
  return weekStart;
}
