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
import { config } from './messages/config.js';
import { files } from './messages/files.js';
import { lock } from './messages/lock.js';
import { phases } from './messages/phases.js';
import { probe } from './messages/probe.js';
import { run } from './messages/run.js';
import { writing } from './messages/writing.js';

export const catalogue = {
  common,
  files,
  writing,
  lock,
  api,
  config,
  run,
  probe,
  phases,
} as const;
