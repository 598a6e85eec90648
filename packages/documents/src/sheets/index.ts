export { formatOf, readTable, type SheetFormat, type Table } from './read.ts';
export { MEDIA_TYPES, writeTable } from './write.ts';
