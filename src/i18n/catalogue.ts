/**
 * The one catalogue of everything a person reads, Spanish and English side
 * by side. Each area keeps its entries in its own file under messages/; this
 * module gathers them so a test can walk every entry (test/i18n).
 *
 * Spanish is written as a Colombian office writes it: usted, "enlace de
 * pago", "fecha de vencimiento", "cobrador", amounts as `$ 1.250.000`.
 */
import { common } from './messages/common.js';
import { pace } from './messages/pace.js';

export const catalogue = {
  common,
  pace,
} as const;
