// The HTTP API.
import { bulkSubmitRoutes } from './routes/bulkSubmit';
import { taskDraftRoutes } from './routes/taskDrafts';
import { analyticsRoutes } from './routes/analytics';
import express from 'express';
import type { ApiContext } from './context';
import { mountApiDocs } from './openapi';
import { problemHandler, problems } from './problems';
import { securityHeaders } from './securityHeaders';
import { mountReadiness } from './readiness';
import { authRoutes } from './routes/auth';
import { cycleRoutes } from './routes/cycles';
import { managerRoutes } from './routes/managers';
import { adminRoutes } from './routes/admin';
import { calendarRoutes } from './routes/calendars';
import { evaluationRoutes } from './routes/evaluations';
import { csvImportRoutes } from './routes/csvImports';
import { requestLog } from './log';
import { mountMetrics } from './metrics';
import { orgRoutes } from './routes/org';
import { surveyRoutes } from './routes/surveys';
import { templateRoutes } from './routes/templates';
import { gradeRoutes } from './routes/grades';
import { payRoutes } from './routes/pay';
import { bottomRankCaseRoutes } from './routes/bottomRankCases';
import { objectionRoutes } from './routes/objections';
import { complaintRoutes } from './routes/complaints';
import { visitLogRoutes } from './routes/visitLog';
import { weeklySheetRoutes } from './routes/weeklySheets';
import { resultsTalkRoutes } from './routes/resultsTalks';
import { incidentRoutes } from './routes/incidents';
import { webRoutes } from './routes/web';
import { taskRoutes } from './routes/tasks';
import { taskContextRoutes } from './routes/taskContext';
import { noticeRoutes } from './routes/notices';

export function createApp(ctx: ApiContext, extra?: (app: express.Express) => void): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders);
  mountMetrics(app, ctx.prisma, { token: ctx.metricsToken });
  if (ctx.log) app.use(requestLog(ctx.log));
  app.set('query parser', 'simple');
  app.use(express.json({ limit: '1mb' }));
  mountReadiness(app, ctx);
  const surveys = surveyRoutes(ctx);
  app.use(surveys.pages);
  app.use(webRoutes());
  app.use(
    '/api',
    surveys.api,
    authRoutes(ctx),
    orgRoutes(ctx),
    managerRoutes(ctx),
    templateRoutes(ctx),
    csvImportRoutes(ctx),
    evaluationRoutes(ctx),
    cycleRoutes(ctx),
    analyticsRoutes(ctx),
    bulkSubmitRoutes(ctx),
    taskDraftRoutes(ctx),
    taskRoutes(ctx),
    taskContextRoutes(ctx),
    noticeRoutes(ctx),
    gradeRoutes(ctx),
    payRoutes(ctx),
    bottomRankCaseRoutes(ctx),
    objectionRoutes(ctx),
    complaintRoutes(ctx),
    visitLogRoutes(ctx),
    weeklySheetRoutes(ctx),
    resultsTalkRoutes(ctx),
    incidentRoutes(ctx),
    adminRoutes(ctx),
    calendarRoutes(ctx),
  );
  mountApiDocs(app);
  extra?.(app);
  app.use('/api', () => {
    throw problems.notFound({ 'zh-CN': '接口', en: 'Endpoint' });
  });
  app.use(problemHandler);
  return app;
}
