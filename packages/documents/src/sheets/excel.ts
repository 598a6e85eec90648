import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

/**
 * ExcelJS, loaded by the first spreadsheet read or written: it is the largest library the API imports, and a server
 * that never touches an XLSX file (most requests, every start) should not pay for loading it.
 */
export const loadExcel = () => (loading ??= import('exceljs').then((module) => module.default));
