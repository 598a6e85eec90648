export { step, type LoopEvent, type LoopState } from './loop.ts';
export { FeedbackReports, STREET_AFTER, type FeedbackViewer, type PluginFeedbackInput } from './reports.ts';
export { feedbackPlaces, feedbackSettings, saveFeedbackSettings } from './settings.ts';
export { businessesReportedOn, feedbackUnits, neighbourhoodsHandledBy, saveFeedbackUnit } from './units.ts';
export { FeedbackClock } from './clock.ts';
export { BusinessFeedback, type BusinessStaff } from './businesses.ts';
export { FeedbackSupervision } from './supervision.ts';
export { feedbackMetrics, metricsTable, type MetricsPeriod } from './metrics.ts';
