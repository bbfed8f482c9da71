/** The settings of a plain es-CO run, for tests that prepare rows; each test overrides what it is about. */
import type { RequestOptions } from '../../src/pipeline/types.js';

export function requestOptions(overrides: Partial<RequestOptions> = {}): RequestOptions {
  return {
    locale: 'es-CO',
    currency: 'COP',
    timeZone: 'America/Bogota',
    paymentExpiration: 15,
    paymentsAllowed: 1,
    descriptionTemplate: 'Factura {reference}',
    nameTemplate: '{name}',
    notify: [],
    now: new Date(),
    ...overrides,
  };
}
