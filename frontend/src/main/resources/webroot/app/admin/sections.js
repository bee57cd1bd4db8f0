// The sections of the Admin screen, one line per feature that has something for a library (or the
// installation) to run. Each entry: key, label (a catalogue key), test (its data-test), roles (who sees
// it: see session/roles.js) and component (lazy(() => import(...))), fetched when first opened. The
// gateway decides what each may do; the roles only choose what to offer.
import { lazy } from '../desk/screens.js';

export const SECTIONS = [
  { key: 'libraries', label: 'adminLibraries.menu', test: 'admin-section-libraries', roles: ['admin', 'system'], component: lazy(() => import('./LibrariesSection.js')) },
  { key: 'queues', label: 'adminQueues.title', test: 'admin-section-queues', roles: ['admin', 'system'], component: lazy(() => import('./QueuesSection.js')) },
  { key: 'operators', label: 'adminOperators.title', test: 'admin-section-operators', roles: ['admin', 'system'], component: lazy(() => import('./OperatorsSection.js')) },
  { key: 'online', label: 'adminOnline.title', test: 'admin-section-online', roles: ['admin', 'system'], component: lazy(() => import('./OnlineSection.js')) },
  { key: 'settings', label: 'adminSettings.title', test: 'admin-section-settings', roles: ['admin', 'system'], component: lazy(() => import('./SettingsSection.js')) },
  { key: 'widget', label: 'embed.section', test: 'admin-widget', roles: ['admin', 'system'], component: lazy(() => import('../embed/WidgetSection.js')) },
  { key: 'notes', label: 'notes.adminTitle', test: 'admin-notes', roles: ['admin', 'system'], component: lazy(() => import('../notes/NotesAdmin.js')) },
  { key: 'routing', label: 'coop.routingSection', test: 'admin-routing', roles: ['admin', 'system'], component: lazy(() => import('../coop/RoutingSection.js')) },
  { key: 'coops', label: 'coop.section', test: 'admin-coops', roles: ['admin', 'coordinator', 'system'], component: lazy(() => import('../coop/CoopsSection.js')) },
];

export function sectionsFor(role) {
  return SECTIONS.filter((section) => section.roles.includes(role));
}
