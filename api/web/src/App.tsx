// Pages by route. Unknown routes go to the inbox; a signed-out reader to the login, and
// back to the page they asked for once signed in.
import { Spin } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { AppLayout } from './Layout';
import { navigate, useRoute } from './router';
import { useSession } from './session';
import { LoginPage } from './pages/Login';
import { InboxPage } from './pages/Inbox';
import { TaskPage } from './pages/Task';
import { CyclesPage } from './pages/Cycles';
import { CyclePage } from './pages/Cycle';
import { EvaluationPage } from './pages/Evaluation';
import { ResultSheetPage } from './pages/ResultSheet';
import { InspectionGridPage } from './pages/InspectionGrid';
import { TimelinePage } from './pages/Timeline';
import { QuotasPage } from './pages/Quotas';
import { AnalyticsPage } from './pages/Analytics';
import { CasesPage } from './pages/Cases';
import { IncidentPage, IncidentsPage } from './pages/Incidents';
import { FeedbackPage } from './pages/Feedback';
import { ComplaintPage, ComplaintsPage } from './pages/Complaints';
import { VisitLogPage } from './pages/VisitLog';
import { PayPage } from './pages/Pay';
import { AdminPage } from './pages/Admin';
import { WeeklySheetPage, WeeklySheetsPage } from './pages/WeeklySheets';
import { AccountPage } from './pages/Account';
import { ApprovalsPage } from './pages/Approvals';

const afterLoginKey = 'kaoping.after';

export function App() {
  const route = useRoute();
  const { me, ready, t } = useSession();
  const atLogin = route[0] === 'login';
  useEffect(() => {
    if (ready && !me && !atLogin) {
      sessionStorage.setItem(afterLoginKey, location.hash || '#/inbox');
      navigate('#/login');
    }
    if (ready && me && atLogin) {
      const after = sessionStorage.getItem(afterLoginKey);
      sessionStorage.removeItem(afterLoginKey);
      navigate(after && after !== '#/login' ? after : '#/inbox');
    }
  }, [ready, me, atLogin]);
  if (!ready) return <Spin fullscreen tip={t('loading')} />;
  if (!me) return <LoginPage />;
  const [page, id, sub] = route;
  const view = (crumbs: string[], node: ReactNode) => (
    <AppLayout route={route} crumbs={crumbs}>
      {node}
    </AppLayout>
  );
  switch (page) {
    case 'tasks':
      return id ? view([t('inbox'), t('kind')], <TaskPage id={id} key={id} />) : view([t('inbox')], <InboxPage />);
    case 'cycles':
      if (id && sub === 'sheets' && route[3])
        return view(
          [t('cycles'), t('countySheets')],
          <ResultSheetPage
            key={route[3]}
            path={`/api/cycles/${id}/sheets?countyId=${encodeURIComponent(route[3])}`}
            fileName={`sheets-${route[3].slice(0, 8)}`}
            back={`#/cycles/${id}`}
          />,
        );
      return id ? view([t('cycles'), t('cycle')], <CyclePage id={id} key={id} />) : view([t('cycles')], <CyclesPage />);
    case 'evaluations':
      if (sub === 'sheet')
        return view(
          [t('results'), t('resultSheet')],
          <ResultSheetPage
            key={id}
            path={`/api/evaluations/${id}/sheet`}
            fileName={`sheet-${(id ?? '').slice(0, 8)}`}
            back={`#/evaluations/${id}`}
          />,
        );
      return view([t('results')], <EvaluationPage id={id ?? ''} key={id} />);
    case 'managers':
      return sub === 'timeline'
        ? view([t('timeline')], <TimelinePage managerId={id ?? ''} key={id} />)
        : view([t('inbox')], <InboxPage />);
    case 'inspections':
      return view([t('inbox'), t('inspectionGrid')], <InspectionGridPage />);
    case 'approvals':
      return view([t('batchApprove')], <ApprovalsPage />);
    case 'quotas':
      return view([t('quotas')], <QuotasPage />);
    case 'analytics':
      return view([t('analytics')], <AnalyticsPage />);
    case 'cases':
      return view([t('cases')], <CasesPage />);
    case 'feedback':
      return view([t('feedback')], <FeedbackPage />);
    case 'visit-log':
      return view([t('visitLog')], <VisitLogPage managerId={id} key={id ?? 'own'} />);
    case 'complaints':
      return id
        ? view([t('complaints'), t('complaint')], <ComplaintPage id={id} key={id} />)
        : view([t('complaints')], <ComplaintsPage />);
    case 'weekly-sheets':
      return id
        ? view([t('weeklySheets'), t('weeklySheet')], <WeeklySheetPage id={id} key={id} />)
        : view([t('weeklySheets')], <WeeklySheetsPage />);
    case 'incidents':
      return id
        ? view([t('incidents'), id.slice(0, 8)], <IncidentPage id={id} key={id} />)
        : view([t('incidents')], <IncidentsPage key={location.hash} />);
    case 'pay':
      return view([t('payroll')], <PayPage />);
    case 'admin':
      return view([t('admin')], <AdminPage />);
    case 'account':
      return view([t('account')], <AccountPage />);
    default:
      return view([t('inbox')], <InboxPage />);
  }
}
