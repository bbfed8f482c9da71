/**
 * Child process for the bench: one read + map + validate pass over a sheet
 * (the pass `issue` makes before sending anything, and the core of a dry
 * run), without writing an output. Prints one JSON line: rows, valid rows,
 * milliseconds, and this process's peak RSS.
 */
import { openPrepared } from '../pipeline/rows/prepared-rows.js';

const path = process.argv[2];
if (!path) throw new Error('usage: validate-child <sheet>');
const started = performance.now();
const input = await openPrepared(
  { path, read: {} },
  {
    locale: 'es-CO',
    currency: 'COP',
    timeZone: 'America/Bogota',
    paymentExpiration: 15,
    paymentsAllowed: 1,
    descriptionTemplate: 'Factura {reference}',
    nameTemplate: '{name}',
    notify: [],
    now: new Date(),
  },
);
let rows = 0;
let valid = 0;
for await (const row of input.rows) {
  rows += 1;
  if (row.request) valid += 1;
}
await input.close();
const ms = performance.now() - started;
// resourceUsage().maxRSS is in KiB.
process.stdout.write(`${JSON.stringify({ rows, valid, ms, peakRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
