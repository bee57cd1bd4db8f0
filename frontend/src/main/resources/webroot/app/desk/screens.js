// The screens beside the desk that the header's Records menu opens, one line per feature. A screen's
// module is fetched the first time it is opened, so the desk never loads a report's charting library.
// Each entry: view (the desk's state.view), label (a catalogue key), test (its data-test), component
// (lazy(() => import(...))) and, optionally, roles: who sees the entry (absent: every operator).
import { defineAsyncComponent } from 'vue';

const lazy = (load) => defineAsyncComponent(load);

export const SCREENS = [
  { view: 'search', label: 'search.menu', test: 'screen-search', component: lazy(() => import('../search/SearchScreen.js')) },
  { view: 'to-record', label: 'stats.toRecordTitle', test: 'screen-to-record', component: lazy(() => import('../stats/ToRecordScreen.js')) },
  { view: 'reports', label: 'report.title', test: 'screen-reports', component: lazy(() => import('../report/ReportsScreen.js')) },
  { view: 'rota', label: 'rota.menu', test: 'screen-rota', component: lazy(() => import('../rota/RotaScreen.js')) },
  { view: 'admin', label: 'admin.title', test: 'screen-admin', roles: ['admin', 'coordinator', 'system'], component: lazy(() => import('../admin/AdminScreen.js')) },
];

export function screensFor(role) {
  return SCREENS.filter((screen) => !screen.roles || screen.roles.includes(role));
}

export function screenNamed(view) {
  return SCREENS.find((screen) => screen.view === view) || null;
}

export { lazy };
