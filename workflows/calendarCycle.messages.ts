// calendarCycleWorkflow: the schedule of each cycle type (Asia/Shanghai) and the id its runs take.
export const calendarScheduleId = (type: string) => `calendar-${type}`;
