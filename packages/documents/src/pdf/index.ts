export { renderClaimLetters, type ClaimLetter, type ClaimLettersInput } from './claim-letters.ts';
export { renderFeedbackPosters, type FeedbackPoster, type FeedbackPostersInput } from './feedback-posters.ts';
export {
  renderBoard,
  renderNoticeBoard,
  type BoardEntry,
  type BoardInput,
  type NoticeBoardInput,
  type PrintedNotice,
} from './notice-board.ts';
export { assetFontSource, FONT_ASSET_DIR, type FontAssetIndex } from './font-source-assets.ts';
export type { FontSlice, FontSource, Weight } from './font-source.ts';
export { printDate, printDateTime, printDateTimeEnglish } from './dates.ts';
export { renderPrintedNotice, type PrintedNoticeInput, type PrintedSection } from './printed-notice.ts';
