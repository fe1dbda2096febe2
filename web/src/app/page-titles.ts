import { matchPath } from 'react-router';

/** Each page's title, by route; a new route adds its line here (unknown paths are plain "Tend"). */
const pageTitles: [pattern: string, title: string][] = [
  ['/', 'Dashboard'],
  ['/people', 'People'],
  ['/audit', 'Audit log'],
  ['/programs', 'Programs'],
  ['/programs/:programId', 'Program'],
  ['/my-groups', 'My groups'],
  ['/groups/:groupId', 'Group space'],
  ['/recognition', 'Recognition'],
  ['/supervision', 'Supervision'],
  ['/meetings/:meetingId', 'Meeting'],
  ['/meetings/:meetingId/feedback', 'Meeting feedback'],
  ['/speak-up', 'Speak up'],
  ['/working-conditions', 'Working conditions'],
  ['/notices', 'Notices and calendar'],
  ['/my-data', 'Your data'],
  ['/questionnaires', 'Questionnaires'],
  ['/questionnaires/:windowId', 'Questionnaire'],
  ['/my-results', 'My results'],
  ['/assessment-windows', 'Assessment windows'],
  ['/outcomes', 'Outcomes'],
  ['/organization-settings', 'Organisation settings'],
  ['/sign-in-methods', 'Sign-in methods'],
  ['/journal', 'Journal'],
  ['/reflections/:followUpId', 'Reflect'],
  ['/outbox', 'E-mail outbox'],
  ['/topics', 'Topic library'],
  ['/invitation', 'Accept your invitation'],
  ['/forgot-password', 'Forgot your password'],
  ['/reset-password', 'Choose a new password'],
];

export function titleForPath(pathname: string): string | null {
  return pageTitles.find(([pattern]) => matchPath({ path: pattern, end: true }, pathname))?.[1] ?? null;
}
