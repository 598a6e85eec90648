// Plugins depend only on the SDK and the contracts: the platform's document writers reach them through here, so a
// plugin's printouts and exports look like the core's (Chinese fonts, QR codes, Excel-safe CSV).
export {
  printDate,
  printDateTime,
  printDateTimeEnglish,
  renderPrintedNotice,
  type FontSource,
  type PrintedNoticeInput,
  type PrintedSection,
} from '@city/documents/pdf';
export { MEDIA_TYPES, writeTable, type SheetFormat, type Table } from '@city/documents/sheets';
