export { step, type LoopEvent, type LoopState } from './loop.ts';
export { FeedbackReports, STREET_AFTER, type FeedbackViewer, type PluginFeedbackInput } from './reports.ts';
export { feedbackPlaces, feedbackSettings, saveFeedbackSettings } from './settings.ts';
export { feedbackUnits, saveFeedbackUnit } from './units.ts';
export { FeedbackClock } from './clock.ts';
