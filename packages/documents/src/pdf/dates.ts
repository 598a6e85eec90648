const dateFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});
const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const englishDateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** Printed documents are for the neighbourhood's own wall: dates in China Standard Time, written the Chinese way. */
export const printDate = (at: Date) => dateFormat.format(at);
export const printDateTime = (at: Date) => dateTimeFormat.format(at);
/** The same moment for English readers of a notification (still China Standard Time). */
export const printDateTimeEnglish = (at: Date) => englishDateTimeFormat.format(at);
