export type { SheetCell } from './formulas.ts';
export { formatOf, readTable, type SheetFormat, type Table } from './read.ts';
export { MEDIA_TYPES, writeTable, type SheetData } from './write.ts';
