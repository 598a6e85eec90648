import { createRouter } from '../../lib/router.ts';
import * as committee from './ledger.committee.ts';
import * as dividends from './ledger.dividends.ts';
import * as documents from './ledger.documents.ts';
import * as expenses from './ledger.expenses.ts';
import * as journal from './ledger.journal.ts';
import * as statements from './ledger.statements.ts';

/** The owners' bodies that sign, and the public-revenue ledger they sign for. */
export const ledgerRoutes = createRouter()
  .openapi(committee.listRoute, committee.listHandler)
  .openapi(committee.addRoute, committee.addHandler)
  .openapi(committee.leaveRoute, committee.leaveHandler)
  .openapi(committee.crossAppointmentRoute, committee.crossAppointmentHandler)
  .openapi(journal.settingsRoute, journal.settingsHandler)
  .openapi(journal.saveSettingsRoute, journal.saveSettingsHandler)
  .openapi(journal.accountsRoute, journal.accountsHandler)
  .openapi(journal.addAccountRoute, journal.addAccountHandler)
  .openapi(journal.entriesRoute, journal.entriesHandler)
  .openapi(journal.entryRoute, journal.entryHandler)
  .openapi(journal.journalRoute, journal.journalHandler)
  .openapi(journal.incomeRoute, journal.incomeHandler)
  .openapi(journal.reverseRoute, journal.reverseHandler)
  .openapi(journal.periodsRoute, journal.periodsHandler)
  .openapi(journal.closeRoute, journal.closeHandler)
  .openapi(journal.reviewRoute, journal.reviewHandler)
  .openapi(statements.statementRoute, statements.statementHandler)
  .openapi(statements.exportRoute, statements.exportHandler)
  .openapi(statements.publishRoute, statements.publishHandler)
  .openapi(expenses.listRoute, expenses.listHandler)
  .openapi(expenses.proposeRoute, expenses.proposeHandler)
  .openapi(expenses.getRoute, expenses.getHandler)
  .openapi(expenses.signRoute, expenses.signHandler)
  .openapi(expenses.withdrawRoute, expenses.withdrawHandler)
  .openapi(expenses.payRoute, expenses.payHandler)
  .openapi(dividends.listRoute, dividends.listHandler)
  .openapi(dividends.declareRoute, dividends.declareHandler)
  .openapi(dividends.sharesRoute, dividends.sharesHandler)
  .openapi(dividends.payRoute, dividends.payHandler)
  .openapi(dividends.mineRoute, dividends.mineHandler)
  .openapi(documents.entryEvidenceRoute, documents.entryEvidenceHandler)
  .openapi(documents.expenseEvidenceRoute, documents.expenseEvidenceHandler)
  .openapi(documents.auditReportsRoute, documents.auditReportsHandler)
  .openapi(documents.addAuditReportRoute, documents.addAuditReportHandler)
  .openapi(documents.documentRoute, documents.documentHandler);
