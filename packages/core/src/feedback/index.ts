export { step, type LoopEvent, type LoopState } from './loop.ts';
export { FeedbackReports, STREET_AFTER, type FeedbackViewer, type PluginFeedbackInput } from './reports.ts';
export { feedbackPlaces, feedbackSettings, saveFeedbackSettings } from './settings.ts';
export {
  businessesReportedOn,
  feedbackUnits,
  neighbourhoodsHandledBy,
  saveFeedbackUnit,
  streetDepartments,
} from './units.ts';
export { FeedbackClock } from './clock.ts';
export { PhoneFeedback, PhoneReporterTexts, trackedView, trackingPath } from './phone.ts';
export { BusinessFeedback, type BusinessStaff } from './businesses.ts';
export { DepartmentFeedback, FeedbackDepartments, type DepartmentStaff } from './departments.ts';
export { FeedbackSupervision } from './supervision.ts';
export { feedbackMetrics, metricsTable, type MetricsPeriod } from './metrics.ts';
export {
  issueOpen311Client,
  Open311,
  open311ClientByKey,
  open311Clients,
  revokeOpen311Client,
  type Open311Client,
  type Open311Query,
  type Open311RequestInput,
} from './open311.ts';
