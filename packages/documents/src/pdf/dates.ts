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

/** Printed documents are for the neighbourhood's own wall: dates in China Standard Time, written the Chinese way. */
export const printDate = (at: Date) => dateFormat.format(at);
export const printDateTime = (at: Date) => dateTimeFormat.format(at);
