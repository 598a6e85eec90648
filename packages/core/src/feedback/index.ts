export { step, type LoopEvent, type LoopState } from './loop.ts';
export { FeedbackReports, type FeedbackViewer } from './reports.ts';
export { feedbackSettings, saveFeedbackSettings } from './settings.ts';
export { feedbackUnits, saveFeedbackUnit } from './units.ts';
