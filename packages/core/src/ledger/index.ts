export { allocateByArea, type AreaShare, type FenShare } from './allocate.ts';
export { creditOf, debitOf, isBalanced, naturalBalance, reversalOf, type JournalLine } from './journal.ts';
export { DEFAULT_ACCOUNTS, addLedgerAccount, ledgerAccounts } from './accounts.ts';
export {
  addCommitteeMember,
  committeeMembers,
  currentSigners,
  endCommitteeSeat,
  recordCrossAppointment,
} from './committee.ts';
export { ledgerSettings, saveLedgerSettings } from './settings.ts';
export { ledgerEntries, ledgerEntry, postEntry, recordIncome, recordJournalEntry, reverseEntry } from './entries.ts';
export { ledgerExpense, ledgerExpenses, payExpense, proposeExpense, signExpense, withdrawExpense } from './expenses.ts';
export {
  declareDividend,
  dividendShares,
  ledgerDividend,
  ledgerDividends,
  myDividends,
  payDividendShares,
} from './dividends.ts';
export { closePeriod, ledgerPeriods, reviewPeriod } from './periods.ts';
export { ledgerStatement } from './statements.ts';
export { periodLabel, statementPdf, statementXlsx, yuan } from './statement-files.ts';
export { publishStatement, statementFileLinks } from './publish.ts';
export {
  addAuditReport,
  addEvidence,
  addRegistrationDocument,
  auditReports,
  ledgerDocument,
  registrationDocuments,
  type LedgerFile,
} from './documents.ts';
