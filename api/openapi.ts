// The OpenAPI 3.1 document, generated from the Zod schemas the routes parse with,
// served at /openapi.json and browsable at /docs.
import path from 'node:path';
import express, { type Express } from 'express';
import { z } from 'zod';
import { surveyAnswerSchema } from '../domain/customerSurvey';
import { periodPlanSchema } from '../domain/periodPlan';
import { submissionSchemaOf, taskKinds } from '../domain/taskKinds';
import { changePasswordBody, languageBody, loginBody, taskMailBody } from './routes/auth';
import { noticeListQuery, noticeReadBody } from './routes/notices';
import { cycleListQuery, openCycleBody, outstandingQuery, resultsQuery, sheetsQuery } from './routes/cycles';
import { resultSheetQuery } from './resultSheet';
import { customersBody, leaveBody, managerListQuery, newManagerBody, partnerBody, transferBody } from './routes/org';
import { timelineQuery } from './routes/managers';
import { newTemplateBody, templateListQuery } from './routes/templates';
import { bulkExtendBody, bulkReassignBody, bulkRemindBody, extendBody, inboxQuery, reassignBody } from './routes/tasks';
import { gradeChangeListQuery, gradeReviewListQuery } from './routes/grades';
import { newPayTableBody, statementQuery } from './routes/pay';
import { caseListQuery } from './routes/bottomRankCases';
import { bulkSubmitBody } from './routes/bulkSubmit';
import { draftBody } from './routes/taskDrafts';
import { cityAnalyticsQuery, trajectoryQuery } from './routes/analytics';
import { objectionListQuery } from './routes/objections';
import { complaintAnalysisQuery, complaintListQuery } from './routes/complaints';
import { visitDayBody, visitFactsQuery, visitLogQuery, weekReviewBody } from './routes/visitLog';
import { weeklySheetDraftBody, weeklySheetListQuery } from './routes/weeklySheets';
import { registerComplaintSchema } from '../domain/complaints';
import { resultsTalkListQuery } from './routes/resultsTalks';
import { incidentListQuery, retryIncidentBody, retryIncidentsBody } from './routes/incidents';
import { fileObjectionSchema } from '../domain/objections';
import { calendarBody } from './routes/calendars';
import { activeBody, newCountyBody, newUserBody, passwordBody, rolesBody, userListQuery } from './routes/admin';

interface Operation {
  method: 'get' | 'post' | 'put';
  path: string;
  summary: string;
  tag: string;
  auth?: boolean;
  body?: z.ZodType;
  query?: z.ZodObject;
  responses: Record<string, string>;
}

const problem = {
  '400': 'Invalid input (problem+json naming each field)',
  '401': 'Not logged in',
  '403': 'Not allowed for this user',
  '404': 'Unknown id',
};

export const operations: Operation[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'Liveness: the API process answers (nothing else is checked)',
    tag: 'system',
    responses: { '200': 'OK' },
  },
  {
    method: 'get',
    path: '/api/ready',
    summary:
      'Readiness: the database, Temporal and the SMTP server each answer within 2 s (503 with each check ' +
      'otherwise), for a load balancer or a process supervisor',
    tag: 'system',
    responses: { '200': 'Ready', '503': 'Not ready: which check failed' },
  },
  {
    method: 'post',
    path: '/api/auth/login',
    summary: 'Log in with username and password; returns a bearer token',
    tag: 'auth',
    body: loginBody,
    responses: {
      '200': 'Token',
      '400': problem['400'],
      '401': 'Wrong username or password',
      '429': 'Too many wrong passwords for this account or from this address (Retry-After)',
    },
  },
  {
    method: 'post',
    path: '/api/auth/password',
    summary:
      'Change your own password with the current one (10 characters or more, not an easy one); your other ' +
      'sessions end',
    tag: 'auth',
    auth: true,
    body: changePasswordBody,
    responses: { '200': 'Changed', '429': 'Too many wrong passwords (Retry-After)', ...problem },
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    summary: 'End this session',
    tag: 'auth',
    auth: true,
    responses: { '204': 'Logged out', '401': problem['401'] },
  },
  {
    method: 'get',
    path: '/api/me',
    summary: 'The signed-in user, roles and scope',
    tag: 'auth',
    auth: true,
    responses: { '200': 'User', '401': problem['401'] },
  },
  {
    method: 'put',
    path: '/api/me/language',
    summary: 'The language of my pages and my mails (zh-CN or en)',
    tag: 'auth',
    auth: true,
    body: languageBody,
    responses: { '200': 'Saved', ...problem },
  },
  {
    method: 'put',
    path: '/api/me/task-mail',
    summary:
      'How my new tasks reach me by mail: EACH (a mail per task) or DAILY_DIGEST (one mail at 08:00 with the ' +
      'tasks opened the day before, 新任务每日汇总; the bell still shows each at once). Reminders and escalations always come one by one',
    tag: 'auth',
    auth: true,
    body: taskMailBody,
    responses: { '200': 'Saved', ...problem },
  },
  {
    method: 'get',
    path: '/api/org/counties',
    summary: "Counties in the user's scope, with their manager counts",
    tag: 'organisation',
    auth: true,
    responses: { '200': 'Counties', '401': problem['401'] },
  },
  {
    method: 'get',
    path: '/api/org/managers',
    summary: "Managers in the user's scope",
    tag: 'organisation',
    auth: true,
    query: managerListQuery,
    responses: { '200': 'Managers', ...problem },
  },
  {
    method: 'post',
    path: '/api/org/managers',
    summary:
      'A manager joins (account and record); they join the open cycles of their county whose review has not started',
    tag: 'organisation',
    auth: true,
    body: newManagerBody,
    responses: {
      '201': 'Created; the open cycles they joined',
      '202': 'Created; still joining the open cycles (joinedCycles: null)',
      '409': 'Employee number or username exists',
      ...problem,
    },
  },
  {
    method: 'get',
    path: '/api/org/managers/{id}/customers',
    summary: "A manager's retail customers (licence number, shop, contact), for the county's staff and the city",
    tag: 'organisation',
    auth: true,
    responses: { '200': 'Customers', ...problem },
  },
  {
    method: 'post',
    path: '/api/org/managers/{id}/customers',
    summary:
      "HR or an admin adds or updates a manager's retail customers by licence number (a licence with another " +
      'manager moves here; active: false retires one); the survey samples active customers with an e-mail ' +
      'address',
    tag: 'organisation',
    auth: true,
    body: customersBody,
    responses: { '200': 'Created and updated counts', ...problem },
  },
  {
    method: 'post',
    path: '/api/org/managers/{id}/partner',
    summary:
      "HR or an admin names the industry partner account that works with the manager (null: the county's first " +
      'partner account); their feedback tasks go to it',
    tag: 'organisation',
    auth: true,
    body: partnerBody,
    responses: { '200': 'Assigned', ...problem },
  },
  {
    method: 'post',
    path: '/api/org/managers/{id}/leave',
    summary: 'A manager leaves: account closed, open tasks cancelled, not ranked in open cycles',
    tag: 'organisation',
    auth: true,
    body: leaveBody,
    responses: { '200': 'Left', '409': 'Left already', ...problem },
  },
  {
    method: 'post',
    path: '/api/org/managers/{id}/transfer',
    summary: 'A manager moves county; evaluations already open stay with the county they started in',
    tag: 'organisation',
    auth: true,
    body: transferBody,
    responses: { '200': 'Moved', ...problem },
  },
  {
    method: 'get',
    path: '/api/managers/{id}/timeline',
    summary: "Every event of a manager's evaluations: opened, reminded, escalated, submitted, scored, flagged",
    tag: 'organisation',
    auth: true,
    query: timelineQuery,
    responses: { '200': 'Timeline', ...problem },
  },
  {
    method: 'get',
    path: '/api/evaluations/{id}',
    summary:
      "One manager's result: component scores, composite, rank, flags, and the period plan (三自定) with its " +
      "targets beside the marketing review's figures (the manager, their county, the city)",
    tag: 'organisation',
    auth: true,
    responses: { '200': 'Evaluation', ...problem },
  },
  {
    method: 'get',
    path: '/api/evaluations/{id}/sheet',
    summary:
      'The result sheet (考评表): the printable A4 page (format=html, default) or its PDF (format=pdf, printed by ' +
      'headless Chromium with the Chinese fonts embedded; 503 pdf_unavailable on a server without Chromium)',
    tag: 'organisation',
    auth: true,
    query: resultSheetQuery,
    responses: { '200': 'The sheet (text/html or application/pdf)', ...problem },
  },
  {
    method: 'post',
    path: '/api/evaluations/{id}/objection',
    summary:
      'The manager objects (申诉) to one or more components of their published result, with a reason, within the ' +
      "template's window (default 5 days); the county head gives an opinion, the city decides (uphold or adjust, " +
      're-ranked and re-published). One objection per result; the same objection again answers it',
    tag: 'organisation',
    auth: true,
    body: fileObjectionSchema,
    responses: {
      '201': 'Filed',
      '200': 'The same objection, already filed',
      '202': 'Being recorded (ask again)',
      '409': 'Not published, the window is over, or another objection exists',
      ...problem,
    },
  },
  {
    method: 'get',
    path: '/api/objections',
    summary: 'Objections in the reader’s scope (a manager: their own), newest first, paged',
    tag: 'organisation',
    auth: true,
    query: objectionListQuery,
    responses: { '200': 'Objections', ...problem },
  },
  {
    method: 'post',
    path: '/api/complaints',
    summary:
      'The evaluation center (HR) registers a retail customer’s complaint (投诉受理) about a manager: channel, date ' +
      'received, customer, what happened. The manager is asked for an answer, then the center decides; a confirmed ' +
      'complaint takes the monthly template’s points (default 2) off the inspection of the month it was received in. ' +
      'An Idempotency-Key header makes a repeat the same complaint',
    tag: 'organisation',
    auth: true,
    body: registerComplaintSchema,
    responses: {
      '201': 'Registered',
      '200': 'The same complaint (same Idempotency-Key), already registered',
      '202': 'Being recorded (ask again)',
      '409': 'The manager has left',
      ...problem,
    },
  },
  {
    method: 'get',
    path: '/api/complaints',
    summary:
      'Complaints in the reader’s scope (the center, the city, the county head and inspector; a manager: their own), ' +
      'by status, kind, county, manager and month, newest first, paged, with counts per status',
    tag: 'organisation',
    auth: true,
    query: complaintListQuery,
    responses: { '200': 'Complaints', ...problem },
  },
  {
    method: 'get',
    path: '/api/complaints/analysis',
    summary:
      'Complaint analysis (投诉分析): counts by kind, county and month (default the last twelve months), each with how ' +
      'many were confirmed, not confirmed or are still open',
    tag: 'organisation',
    auth: true,
    query: complaintAnalysisQuery,
    responses: { '200': 'The analysis', ...problem },
  },
  {
    method: 'get',
    path: '/api/complaints/{id}',
    summary:
      'One complaint with its steps (the manager’s answer, the center’s decision); the manager reads their own, ' +
      'without the customer’s phone number',
    tag: 'organisation',
    auth: true,
    responses: { '200': 'The complaint', ...problem },
  },
  {
    method: 'get',
    path: '/api/visit-log',
    summary:
      'A manager’s visit log (工作本) for a month: each visit day (route, planned and visited customers, mileage, ' +
      'first and last check-in with who recorded them), the month’s facts, and the manager’s customers for the form',
    tag: 'organisation',
    auth: true,
    query: visitLogQuery,
    responses: { '200': 'The month', ...problem },
  },
  {
    method: 'put',
    path: '/api/visit-log/{managerId}/{date}',
    summary:
      'Records one visit day, by the manager or the county’s inspector (from the phone report); the same day again ' +
      'replaces it. Days from the first of the previous month up to today',
    tag: 'organisation',
    auth: true,
    body: visitDayBody,
    responses: { '200': 'Recorded', ...problem },
  },
  {
    method: 'put',
    path: '/api/visit-log/{managerId}/weeks/{weekStart}/review',
    summary:
      'The county’s head or inspector reviews a week (Monday to Sunday) of a manager’s work book with a comment ' +
      '(按周批阅); reviewing again replaces the comment',
    tag: 'organisation',
    auth: true,
    body: weekReviewBody,
    responses: { '200': 'Reviewed', ...problem },
  },
  {
    method: 'get',
    path: '/api/visit-log/facts',
    summary:
      'The visit-log facts (days with both check-ins, visits against the plan, mileage) of a cycle’s managers over ' +
      'the months it covers, for the inspector’s grid',
    tag: 'organisation',
    auth: true,
    query: visitFactsQuery,
    responses: { '200': 'Facts by manager', ...problem },
  },
  {
    method: 'get',
    path: '/api/weekly-sheets',
    summary:
      'Weekly one-sheets (一张纸) in the reader’s scope: a county’s week, a manager’s weeks or month; paged, with ' +
      'counts per status',
    tag: 'organisation',
    auth: true,
    query: weeklySheetListQuery,
    responses: { '200': 'A page of sheets', ...problem },
  },
  {
    method: 'post',
    path: '/api/weekly-sheets/open',
    summary: 'HR opens this week’s sheets of every active manager now (the Monday schedule does it; idempotent)',
    tag: 'organisation',
    auth: true,
    responses: { '202': 'The week being opened', ...problem },
  },
  {
    method: 'get',
    path: '/api/weekly-sheets/{id}',
    summary:
      'One sheet: its six blocks as saved (or, never saved, last week’s open problems carried in), the week’s ' +
      'targets from the month’s plan with actuals and gaps, the manager’s customers, its rounds and the tasks open ' +
      'on it for the reader, and the month’s sheets summarised',
    tag: 'organisation',
    auth: true,
    responses: { '200': 'The sheet', ...problem },
  },
  {
    method: 'put',
    path: '/api/weekly-sheets/{id}',
    summary:
      'The manager saves the sheet as it is (a draft) while it is open; at most 5 ticked tasks (a 6th is refused). ' +
      'Submitting is the sheet task’s submission (POST /api/tasks/{id}/submission) with the same body',
    tag: 'organisation',
    auth: true,
    body: weeklySheetDraftBody,
    responses: { '200': 'Saved', ...problem },
  },
  {
    method: 'get',
    path: '/api/results-talks',
    summary:
      'Results talks (情感沟通) after monthly publications in the reader’s scope (the county’s leaders and the city; ' +
      'a manager: their own), by cycle, county and status, with counts per status; held and acknowledged through their tasks',
    tag: 'organisation',
    auth: true,
    query: resultsTalkListQuery,
    responses: { '200': 'Results talks', ...problem },
  },
  {
    method: 'get',
    path: '/api/incidents',
    summary:
      'Incidents (故障): workflow steps that ran out of retries (or failed for good) and wait for a retry, newest first, ' +
      'by status and cycle, with counts per status; each told in words (process, step, cause) with its technical message. HR and the admin',
    tag: 'cycles',
    auth: true,
    query: incidentListQuery,
    responses: { '200': 'Incidents', ...problem },
  },
  {
    method: 'get',
    path: '/api/incidents/{id}',
    summary: 'One incident with its history (raised, retries asked for and by whom, resolved)',
    tag: 'cycles',
    auth: true,
    responses: { '200': 'Incident', ...problem },
  },
  {
    method: 'post',
    path: '/api/incidents/{id}/retry',
    summary:
      'Runs the failed step again once its cause is fixed (an account reopened, a row repaired); the incident resolves ' +
      'when the step goes through, and is raised again if it fails again',
    tag: 'cycles',
    auth: true,
    body: retryIncidentBody,
    responses: { '202': 'Retry asked for', '409': 'Resolved already, or its process no longer runs', ...problem },
  },
  {
    method: 'post',
    path: '/api/incidents/retry',
    summary: 'Retries every open incident (of one cycle, or all; at most 1,000), e.g. after an outage',
    tag: 'cycles',
    auth: true,
    body: retryIncidentsBody,
    responses: { '202': 'How many were retried, and how many processes were gone', ...problem },
  },
  {
    method: 'put',
    path: '/api/evaluations/{id}/period-plan',
    summary:
      'The manager sets their own targets (the three KPIs, percent), plan and focus for the period (三自定), until ' +
      'they submit the self-assessment; the same plan again changes nothing',
    tag: 'organisation',
    auth: true,
    body: periodPlanSchema,
    responses: {
      '201': 'Set',
      '200': 'Changed, or unchanged',
      '409': 'Self-assessment submitted: the plan is the record',
      ...problem,
    },
  },
  {
    method: 'get',
    path: '/api/admin/users',
    summary:
      'Accounts with their roles and scopes (admin; HR may read); filter by role and scope (county code or CITY)',
    tag: 'administration',
    auth: true,
    query: userListQuery,
    responses: { '200': 'Users', ...problem },
  },
  {
    method: 'post',
    path: '/api/admin/users',
    summary:
      'An admin creates a staff account with its roles: county roles over a county code, city-wide roles (city ' +
      'approver, HR, admin) over CITY',
    tag: 'administration',
    auth: true,
    body: newUserBody,
    responses: { '201': 'Created', '409': 'Username exists', ...problem },
  },
  {
    method: 'put',
    path: '/api/admin/users/{id}/roles',
    summary: "An admin replaces an account's staff roles (a manager keeps their MANAGER role)",
    tag: 'administration',
    auth: true,
    body: rolesBody,
    responses: { '200': 'Roles', '409': 'Own admin role', ...problem },
  },
  {
    method: 'post',
    path: '/api/admin/users/{id}/active',
    summary:
      'An admin closes or reopens a staff account (sessions end); the answer counts its open tasks for HR to reassign',
    tag: 'administration',
    auth: true,
    body: activeBody,
    responses: { '200': 'User and open tasks', '409': "A manager's account, or one's own", ...problem },
  },
  {
    method: 'post',
    path: '/api/admin/users/{id}/password',
    summary: "An admin sets a new password; the account's sessions end",
    tag: 'administration',
    auth: true,
    body: passwordBody,
    responses: { '204': 'Set', ...problem },
  },
  {
    method: 'post',
    path: '/api/admin/counties',
    summary: 'An admin adds a county branch (县级营销部) to the city',
    tag: 'administration',
    auth: true,
    body: newCountyBody,
    responses: { '201': 'Created', '409': 'Code exists', ...problem },
  },
  {
    method: 'get',
    path: '/api/calendars',
    summary:
      'When each cycle type opens (Asia/Shanghai): day of month, time, paused or not, the next openings (HR and ' +
      'the city)',
    tag: 'templates',
    auth: true,
    responses: { '200': 'Calendars', ...problem },
  },
  {
    method: 'put',
    path: '/api/calendars/{type}',
    summary:
      "HR moves a cycle type's opening day (1–28) and time, or pauses it, with a note; running cycles are not touched",
    tag: 'templates',
    auth: true,
    body: calendarBody,
    responses: { '200': 'Calendar', ...problem },
  },
  {
    method: 'get',
    path: '/api/templates',
    summary: 'Evaluation template versions',
    tag: 'templates',
    auth: true,
    query: templateListQuery,
    responses: { '200': 'Templates', ...problem },
  },
  {
    method: 'post',
    path: '/api/templates',
    summary: 'HR creates a new template version; running cycles keep theirs',
    tag: 'templates',
    auth: true,
    body: newTemplateBody,
    responses: { '201': 'Created', ...problem },
  },
  {
    method: 'post',
    path: '/api/cycles',
    summary: 'HR opens a cycle for a county or the whole city (idempotent per type, period and scope)',
    tag: 'cycles',
    auth: true,
    body: openCycleBody,
    responses: {
      '201': 'Opened',
      '200': 'Already open: the same cycle',
      '503': 'Still opening: ask again (Retry-After)',
      ...problem,
    },
  },
  {
    method: 'get',
    path: '/api/cycles',
    summary: "Cycles in the user's scope",
    tag: 'cycles',
    auth: true,
    query: cycleListQuery,
    responses: { '200': 'Cycles', ...problem },
  },
  {
    method: 'post',
    path: '/api/cycles/{id}/marketing-reviews/import',
    summary:
      "A marketing reviewer imports the county's KPIs and reviews as CSV (text/csv, UTF-8 or GBK; columns 员工编号/employeeNo, " +
      '销量完成率, 访销成功率, 基础数据维护, 审核评分, 审核意见); any bad row rejects the whole file (400 naming ' +
      'the first 100); a file that passes is applied whole by a durable job: 201 with each row, or 202 when it ' +
      'takes longer than a few seconds (every row still goes in; the same file sent again answers how it went)',
    tag: 'cycles',
    auth: true,
    responses: { '201': 'Imported', '202': 'Accepted, going in', ...problem },
  },
  {
    method: 'get',
    path: '/api/cycles/{id}/marketing-reviews/template',
    summary:
      "The import file to fill (CSV, UTF-8 with BOM, headers in the reader's language): a row per manager whose " +
      'marketing review the reviewer holds open in this cycle, with the name beside the employee number',
    tag: 'cycles',
    auth: true,
    responses: { '200': 'CSV file', ...problem },
  },
  {
    method: 'post',
    path: '/api/cycles/{id}/inspections/import',
    summary:
      "An inspector imports the county's inspection results as CSV (text/csv, UTF-8 or GBK; columns 员工编号/employeeNo, " +
      'then per check item its 扣分 (0: passed; empty: not checked) and 说明: 首末签到, 电话抽检, 实地检查, 工作本、客户手册); ' +
      'any bad row rejects the whole file (400 naming every row and column, the first 100); a file that passes is ' +
      'applied whole by a durable job: 201 with each row, or 202 when it takes longer than a few seconds',
    tag: 'cycles',
    auth: true,
    responses: { '201': 'Imported', '202': 'Accepted, going in', ...problem },
  },
  {
    method: 'get',
    path: '/api/cycles/{id}/inspections/template',
    summary:
      "The inspection import file to fill (CSV, UTF-8 with BOM, headers in the reader's language): a row per manager " +
      'whose inspection the inspector holds open in this cycle, with the name beside the employee number',
    tag: 'cycles',
    auth: true,
    responses: { '200': 'CSV file', ...problem },
  },
  {
    method: 'get',
    path: '/api/cycles/{id}/results',
    summary:
      'Results per county: ranking, composite scores, monthly star, flags, bottom-rank flags, the county review ' +
      'and its quarterly recommendation (format=csv or xlsx: the ranking as a file with Chinese headers)',
    tag: 'cycles',
    auth: true,
    query: resultsQuery,
    responses: { '200': 'Results', ...problem },
  },
  {
    method: 'get',
    path: '/api/cycles/{id}/sheets',
    summary:
      "A county's result sheets (考评表) in one document, a page per manager by rank: the printable page " +
      '(format=html) or one PDF (format=pdf). A city-wide cycle names the county (countyId)',
    tag: 'cycles',
    auth: true,
    query: sheetsQuery,
    responses: { '200': 'The sheets (text/html or application/pdf)', ...problem },
  },
  {
    method: 'get',
    path: '/api/cycles/{id}/overdue',
    summary:
      "The cycle's open tasks past their due date or escalated (most overdue first, up to 200, with the total): " +
      'assignee, manager, county, escalation level',
    tag: 'cycles',
    auth: true,
    responses: { '200': 'Overdue tasks', ...problem },
  },
  {
    method: 'get',
    path: '/api/cycles/{id}/outstanding',
    summary:
      'Who has not submitted (未提交名单): the cycle’s open tasks by kind, county, lateness and name, due first, paged, ' +
      'with counts per kind and how many are overdue; each with its assignee, manager, days overdue, reminders and escalation',
    tag: 'cycles',
    auth: true,
    query: outstandingQuery,
    responses: { '200': 'Open tasks', ...problem },
  },
  {
    method: 'get',
    path: '/api/cycles/{id}/status',
    summary: 'Tasks open, submitted, overdue, escalated and closed by policy, per county and stage',
    tag: 'cycles',
    auth: true,
    responses: { '200': 'Status', ...problem },
  },
  {
    method: 'get',
    path: '/api/task-kinds',
    summary: 'Every task kind: names (zh-CN, en), acting role and form fields (the task-kind registry)',
    tag: 'tasks',
    responses: { '200': 'Task kinds' },
  },
  {
    method: 'get',
    path: '/api/tasks',
    summary:
      "The signed-in user's task inbox: filter by status, kind, cycle, overdue; search by manager or county; " +
      'sorted and paged; counts per status',
    tag: 'tasks',
    auth: true,
    query: inboxQuery,
    responses: { '200': 'Tasks, total, counts', ...problem },
  },
  {
    method: 'get',
    path: '/api/tasks/{id}/context',
    summary:
      'What a decision task decides: the county and its managers with their results and the approval chain ' +
      '(sign-off, approval), the quota a grade decision moves, the bottom-ranking case with its months and options',
    tag: 'tasks',
    auth: true,
    responses: { '200': 'Decision context', ...problem },
  },
  {
    method: 'get',
    path: '/api/notices',
    summary: "The signed-in user's in-app notices, newest first, with the unread count",
    tag: 'auth',
    auth: true,
    query: noticeListQuery,
    responses: { '200': 'Notices', ...problem },
  },
  {
    method: 'post',
    path: '/api/notices/read',
    summary: 'Mark some of my notices (ids) or all of them read',
    tag: 'auth',
    auth: true,
    body: noticeReadBody,
    responses: { '200': 'Marked', ...problem },
  },
  {
    method: 'get',
    path: '/api/tasks/{id}',
    summary: 'One task',
    tag: 'tasks',
    auth: true,
    responses: { '200': 'Task', ...problem },
  },
  {
    method: 'get',
    path: '/api/tasks/{id}/timeline',
    summary: 'Every event of a task: who, what, when',
    tag: 'tasks',
    auth: true,
    responses: { '200': 'Events', ...problem },
  },
  {
    method: 'post',
    path: '/api/tasks/{id}/submission',
    summary:
      "Submit a task: the body is the task kind's (self-assessment, inspection, marketing review, industry " +
      'feedback, skill assessment, county sign-off, city approval); optional Idempotency-Key header; a repeat ' +
      'counts once',
    tag: 'tasks',
    auth: true,
    body: z.union(taskKinds.flatMap((k) => submissionSchemaOf(k) ?? []) as [z.ZodType, z.ZodType, ...z.ZodType[]]),
    responses: { '201': 'Accepted', '200': 'Already submitted: counted once', '409': 'Task closed', ...problem },
  },
  {
    method: 'post',
    path: '/api/tasks/{id}/extend',
    summary: "HR extends a task's due date; reminders and escalation move with it",
    tag: 'tasks',
    auth: true,
    body: extendBody,
    responses: { '200': 'Extended', '409': 'Task closed', ...problem },
  },
  {
    method: 'get',
    path: '/api/tasks/{id}/assignees',
    summary: 'HR: the users who may take the task (its role, for its county or the city)',
    tag: 'tasks',
    auth: true,
    responses: { '200': 'Users', ...problem },
  },
  {
    method: 'post',
    path: '/api/tasks/{id}/reassign',
    summary: 'HR gives an open task to another user with the same role in the county (e.g. an inspector on leave)',
    tag: 'tasks',
    auth: true,
    body: reassignBody,
    responses: { '200': 'Reassigned', '409': 'Task closed', ...problem },
  },
  {
    method: 'post',
    path: '/api/tasks/bulk/extend',
    summary: 'HR moves the due date of up to 200 open tasks, each as if alone; the answer says how each went',
    tag: 'tasks',
    auth: true,
    body: bulkExtendBody,
    responses: { '200': 'Done and failed, per task', ...problem },
  },
  {
    method: 'post',
    path: '/api/tasks/bulk/reassign',
    summary: 'HR gives up to 200 open tasks to one user of their role, each as if alone; the answer says how each went',
    tag: 'tasks',
    auth: true,
    body: bulkReassignBody,
    responses: { '200': 'Done and failed, per task', ...problem },
  },
  {
    method: 'post',
    path: '/api/tasks/bulk/remind',
    summary:
      'HR reminds the people of up to 200 open tasks now (催办), with an optional note in the mail; at most once an hour ' +
      'per task (a resent request, with the same Idempotency-Key or not, mails nobody twice)',
    tag: 'tasks',
    auth: true,
    body: bulkRemindBody,
    responses: { '202': 'Reminded and skipped (or pending, if the mails are still being written)', ...problem },
  },
  {
    method: 'get',
    path: '/api/analytics/city',
    summary:
      'City analytics (全市分析) of a published period (default the latest): score distribution per county (five ' +
      'numbers, mean, bands), each county’s mean over earlier periods, and the bottom-ranking watch list (末位预警: ' +
      'managers one bad month from a flag). A county head gets their own county',
    tag: 'cycles',
    auth: true,
    query: cityAnalyticsQuery,
    responses: { '200': 'The analytics', ...problem },
  },
  {
    method: 'get',
    path: '/api/analytics/trajectories',
    summary: "Up to 10 managers' score and rank per published period (成绩轨迹), oldest first",
    tag: 'cycles',
    auth: true,
    query: trajectoryQuery,
    responses: { '200': 'The trajectories', ...problem },
  },
  {
    method: 'get',
    path: '/api/tasks/{id}/draft',
    summary: "My draft of the task's form (草稿), or null: kept on the server until the task is submitted",
    tag: 'tasks',
    auth: true,
    responses: { '200': 'The draft or null', ...problem },
  },
  {
    method: 'put',
    path: '/api/tasks/{id}/draft',
    summary:
      "Save what I have typed into the task's form (any fields, at most 64 KB, no control characters); checked by the " +
      "kind's rules only when submitted. 409 once the task is submitted or closed",
    tag: 'tasks',
    auth: true,
    body: draftBody,
    responses: { '200': 'Saved', ...problem },
  },
  {
    method: 'post',
    path: '/api/tasks/bulk/submit',
    summary:
      "Up to 200 of the caller's own evaluations at once (the inspector's grid, 督察批量录入; a partner's or " +
      "reviewer's list): every row is checked first by its kind's schema, any bad row refuses the batch naming each " +
      'row and field (badRows) and nothing is saved; a batch that passes is applied whole by a durable job. ' +
      'Sending it again (or with the same Idempotency-Key) submits nothing twice',
    tag: 'tasks',
    auth: true,
    body: bulkSubmitBody,
    responses: {
      '201': 'Each row: accepted, or already submitted',
      '202': 'Accepted whole and being applied',
      ...problem,
    },
  },
  {
    method: 'get',
    path: '/api/grade-reviews',
    summary: "Annual grade determinations (per county and cycle) in the user's scope",
    tag: 'grades',
    auth: true,
    query: gradeReviewListQuery,
    responses: { '200': 'Grade reviews', ...problem },
  },
  {
    method: 'get',
    path: '/api/grade-reviews/{id}',
    summary:
      "One county's grade determination: per manager the basic conditions, half-year skill, annual composite " +
      'and rank, and every proposed and decided change',
    tag: 'grades',
    auth: true,
    responses: { '200': 'Grade review', ...problem },
  },
  {
    method: 'get',
    path: '/api/grade-changes',
    summary:
      'Grade changes in scope with who proposed and decided them, when and why (format=csv or xlsx for a file ' +
      'with Chinese headers)',
    tag: 'grades',
    auth: true,
    query: gradeChangeListQuery,
    responses: { '200': 'Grade changes', ...problem },
  },
  {
    method: 'get',
    path: '/api/grade-quotas',
    summary:
      "Grade counts against each level's cap (share × head count, rounded half up), now and after the approved changes; " +
      'the nine-step ladder (三级九档) with trainees, and per county for the city',
    tag: 'grades',
    auth: true,
    responses: { '200': 'Quota usage', ...problem },
  },
  {
    method: 'get',
    path: '/api/managers/{id}/grades',
    summary: "A manager's grade history and changes (who proposed, who decided, when, why) and star history",
    tag: 'grades',
    auth: true,
    responses: { '200': 'History', ...problem },
  },
  {
    method: 'get',
    path: '/api/pay-tables',
    summary: 'Pay table versions',
    tag: 'pay',
    auth: true,
    responses: { '200': 'Pay tables', '401': problem['401'] },
  },
  {
    method: 'post',
    path: '/api/pay-tables',
    summary:
      'HR adds a pay table version (base post wage, floating wage per level, performance coefficient per tier) ' +
      'effective from a date',
    tag: 'pay',
    auth: true,
    body: newPayTableBody,
    responses: { '201': 'Created', ...problem },
  },
  {
    method: 'get',
    path: '/api/pay/statements',
    summary:
      'Monthly pay statements with every component and the totals (format=csv or xlsx: a file with Chinese ' +
      'headers); a manager sees their own',
    tag: 'pay',
    auth: true,
    query: statementQuery,
    responses: { '200': 'Statements', ...problem, '404': 'No pay table in effect for the month' },
  },
  {
    method: 'get',
    path: '/api/bottom-rank-cases',
    summary:
      'Bottom-ranking cases (末位淘汰): flag rules, stage, tasks and, once HR decided and the city approved, the decision',
    tag: 'grades',
    auth: true,
    query: caseListQuery,
    responses: { '200': 'Cases', ...problem },
  },
  {
    method: 'get',
    path: '/api/surveys/{token}',
    summary: "A retail customer's survey, by the token of their personal link (no account): manager, period, questions",
    tag: 'survey',
    responses: {
      '200': 'Survey',
      '404': 'Unknown link (or replaced by a newer reminder)',
      '410': 'Answered already, or the survey has ended',
    },
  },
  {
    method: 'post',
    path: '/api/surveys/{token}',
    summary: 'A retail customer answers (1–5 per question, optional comment); the link works once',
    tag: 'survey',
    body: surveyAnswerSchema,
    responses: {
      '201': 'Accepted',
      '400': problem['400'],
      '404': 'Unknown link',
      '410': 'Answered already, or the survey has ended',
    },
  },
];

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const params: unknown[] = [];
    for (const name of op.path.match(/\{(\w+)\}/g) ?? [])
      params.push({
        name: name.slice(1, -1),
        in: 'path',
        required: true,
        schema: name === '{token}' ? { type: 'string' } : { type: 'string', format: 'uuid' },
      });
    if (op.query) {
      for (const [name, schema] of Object.entries(op.query.shape))
        params.push({ name, in: 'query', required: false, schema: jsonSchema(schema as z.ZodType) });
    }
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      tags: [op.tag],
      ...(op.auth ? { security: [{ bearer: [] }] } : {}),
      ...(params.length ? { parameters: params } : {}),
      ...(op.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } } }
        : {}),
      responses: Object.fromEntries(
        Object.entries(op.responses).map(([code, description]) => [
          code,
          {
            description,
            ...(Number(code) >= 400
              ? { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } }
              : {}),
          },
        ]),
      ),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '考评 Kaoping API',
      version: '0.1.0',
      description:
        'Customer-manager evaluation engine. Errors are RFC 9457 problem+json, in zh-CN or en by Accept-Language.',
    },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Problem: {
          type: 'object',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            code: { type: 'string' },
            detail: { type: 'string' },
            errors: {
              type: 'array',
              items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
            },
          },
        },
      },
    },
  };
}

export function mountApiDocs(app: Express): void {
  const document = openApiDocument();
  app.get('/openapi.json', (_req, res) => res.json(document));
  const uiDir = path.dirname(require.resolve('swagger-ui-dist/package.json'));
  app.get('/docs', (_req, res) => {
    res.type('html').send(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>考评 Kaoping API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script></body></html>`);
  });
  // Not inline: the Content-Security-Policy allows scripts from this server only.
  app.get('/docs/init.js', (_req, res) => {
    res.type('text/javascript').send("window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui' });\n");
  });
  app.use('/docs/assets', express.static(uiDir, { index: false }));
}
