// The opening calendar (考评日历): when each cycle type opens, as its Temporal Schedule
// holds it. HR moves the day and time or pauses a calendar (a holiday month), with a
// note; the change is audit-logged. City roles read it.
import { Router } from 'express';
import { z } from 'zod';
import { ScheduleNotFoundError, type ScheduleDescription } from '@temporalio/client';
import { cycleTypes, openingCalendar, openingTimeSchema, type CycleType } from '../../domain/cycles';
import { shanghaiDate, SHANGHAI_OFFSET_MS } from '../../domain/calendar';
import { calendarScheduleId } from '../../workflows/calendarCycle.messages';
import { actorOf, authenticate, hasRole } from '../auth';
import type { ApiContext } from '../context';
import { parseInput, problems, requestLanguage } from '../problems';
import { calendarReaders } from '../../domain/roles';
import { recordAudit } from '../../prisma/audit';
import { oneLine } from '../../domain/text';

export const calendarBody = openingTimeSchema.extend({
  paused: z.boolean(),
  note: oneLine().min(2).max(500),
});
const typeParam = z.object({ type: z.enum(cycleTypes) });
const calendarText = { 'zh-CN': '考评日历', en: 'Calendar' };
const grpcUnimplemented = 12;

/** What HR reads of a schedule: the opening day and time, paused or not, and the next openings (Shanghai wall time). */
function calendarView(type: CycleType, d: ScheduleDescription) {
  const spec = d.spec.calendars?.[0];
  const first = (ranges: Array<{ start: number }> | undefined, fallback: number) => ranges?.[0]?.start ?? fallback;
  return {
    type,
    dayOfMonth: first(spec?.dayOfMonth, 1),
    hour: first(spec?.hour, 0),
    minute: first(spec?.minute, 0),
    paused: d.state.paused,
    note: d.state.note ?? null,
    nextOpenings: d.state.paused
      ? []
      : d.info.nextActionTimes
          .slice(0, 3)
          .map((t) => `${shanghaiDate(t)} ${new Date(t.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16)}`),
    lastOpened: d.info.recentActions.at(-1)?.takenAt ?? null,
  };
}

export function calendarRoutes(ctx: ApiContext): Router {
  const router = Router();
  router.use('/calendars', authenticate(ctx.prisma));

  const describe = async (type: CycleType) => {
    try {
      return await ctx.temporal.schedule.getHandle(calendarScheduleId(type)).describe();
    } catch (err) {
      // No schedule (CALENDAR_SCHEDULES=off), or a server without schedules (the time-skipping test server): no calendar.
      if (
        err instanceof ScheduleNotFoundError ||
        (err as { cause?: { code?: number } }).cause?.code === grpcUnimplemented
      )
        return null;
      throw err;
    }
  };

  router.get('/calendars', async (req, res) => {
    if (!hasRole(actorOf(req), ...calendarReaders)) throw problems.forbidden(calendarText);
    const calendars = [];
    for (const type of cycleTypes) {
      const d = await describe(type);
      calendars.push(d ? calendarView(type, d) : { type, missing: true });
    }
    res.json({ timezone: 'Asia/Shanghai', calendars });
  });

  router.put('/calendars/:type', async (req, res) => {
    const actor = actorOf(req);
    if (!hasRole(actor, 'HR')) throw problems.forbidden(calendarText);
    const lang = requestLanguage(req);
    const param = typeParam.safeParse(req.params);
    if (!param.success) throw problems.notFound(calendarText);
    const { type } = param.data;
    const body = parseInput(calendarBody, req.body, 'body', lang);
    const before = await describe(type);
    if (!before) throw problems.notFound(calendarText); // calendars turned off (CALENDAR_SCHEDULES=off)
    const handle = ctx.temporal.schedule.getHandle(calendarScheduleId(type));
    const time = { dayOfMonth: body.dayOfMonth, hour: body.hour, minute: body.minute };
    // Audited before the schedule changes, so no change goes unrecorded; a failed one is
    // recorded as failed (the schedule then stays as it was).
    const audit = { actorId: actor.id, entityType: 'calendar', entityId: type };
    await recordAudit(ctx.prisma, {
      ...audit,
      action: 'calendar.changed',
      details: { before: calendarView(type, before), after: body },
    });
    try {
      await handle.update((previous) => ({
        ...previous,
        spec: { calendars: [openingCalendar(type, time)], timezone: 'Asia/Shanghai' },
        state: { ...previous.state, paused: body.paused, note: body.note },
      }));
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      await recordAudit(ctx.prisma, { ...audit, action: 'calendar.changeFailed', details: { after: body, error } });
      throw problems.unavailable();
    }
    res.json(calendarView(type, (await describe(type))!));
  });

  return router;
}
