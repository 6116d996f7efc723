// dailyDigestWorkflow: its schedule (08:00 Asia/Shanghai) and the id its runs take.
export const dailyDigestScheduleId = 'daily-overdue-digest';
