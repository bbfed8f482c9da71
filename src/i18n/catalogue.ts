/**
 * The one catalogue of everything a person reads, Spanish and English side
 * by side. Each area keeps its entries in its own file under messages/; this
 * module gathers them so a test can walk every entry (test/i18n).
 *
 * Spanish is written as a Colombian office writes it: usted, "enlace de
 * pago", "fecha de vencimiento", "cobrador", amounts as `$ 1.250.000`.
 */
import { api } from './messages/api.js';
import { common } from './messages/common.js';
import { helpCommon } from './messages/help-common.js';
import { helpIssue } from './messages/help-issue.js';
import { helpMail } from './messages/help-mail.js';
import { helpReconcile } from './messages/help-reconcile.js';
import { helpSandbox } from './messages/help-sandbox.js';
import { helpSummary } from './messages/help-summary.js';
import { helpTemplate } from './messages/help-template.js';
import { helpVerifyNotification } from './messages/help-verify-notification.js';
import { helpWebhook } from './messages/help-webhook.js';
import { helpYargs } from './messages/help-yargs.js';
import { options } from './messages/options.js';
import { reissue } from './messages/reissue.js';
import { report } from './messages/report.js';
import { config } from './messages/config.js';
import { files } from './messages/files.js';
import { lock } from './messages/lock.js';
import { phases } from './messages/phases.js';
import { probe } from './messages/probe.js';
import { run } from './messages/run.js';
import { writing } from './messages/writing.js';
import { verify } from './messages/verify.js';
import { columns } from './messages/columns.js';
import { labels } from './messages/labels.js';
import { progress } from './messages/progress.js';
import { reports } from './messages/reports.js';
import { states } from './messages/states.js';
import { header } from './messages/header.js';
import { mapping } from './messages/mapping.js';
import { rows } from './messages/rows.js';
import { rowsAmount } from './messages/rows-amount.js';
import { rowsDates } from './messages/rows-dates.js';
import { rowsSkip } from './messages/rows-skip.js';
import { reconcile } from './messages/reconcile.js';
import { webhook } from './messages/webhook.js';
import { pace } from './messages/pace.js';
import { mail } from './messages/mail.js';

export const catalogue = {
  columns,
  common,
  help: {
    common: helpCommon,
    yargs: helpYargs,
    issue: helpIssue,
    reconcile: helpReconcile,
    webhook: helpWebhook,
    verifyNotification: helpVerifyNotification,
    summary: helpSummary,
    template: helpTemplate,
    sandbox: helpSandbox,
    mail: helpMail,
  },
  options,
  reissue,
  report,
  files,
  writing,
  lock,
  api,
  config,
  run,
  probe,
  phases,
  labels,
  progress,
  reports,
  states,
  rows,
  rowsAmount,
  rowsDates,
  rowsSkip,
  header,
  mapping,
  reconcile,
  webhook,
  pace,
  mail,
  verify,
} as const;
