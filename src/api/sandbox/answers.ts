/**
 * The bodies the service answers with: every answer carries
 * `status {status, reason, message, date}`, errors with `status: "FAILED"`.
 *
 * `reason` is the 10x code on authentication failures (the code is also in the
 * message, "Autenticación fallida 101", as the guides show it) and the HTTP
 * status on other errors. Wording is the service's where the published
 * material quotes it, and plain otherwise.
 */
import type { AuthCode } from '../errors.js';
import { formatInZone } from './site-time.js';

export interface StatusBlock {
  status: string;
  reason: number | string;
  message: string;
  date: string;
}

export const MESSAGES = {
  created: 'La petición se ha procesado correctamente',
  disabled: 'El link de pago ha sido desactivado correctamente',
  malformedAuth: 'Malformed authentication',
  otherSite: 'The payment link does not belong to your site',
  notFound: 'The payment link does not exist',
  validation: 'The given data was invalid.',
  tooManyRequests: 'Too Many Attempts.',
  serverError: 'Server Error',
  notAllowed: 'The method is not supported for this route. Supported methods: POST.',
  tooLarge: 'The request body is too large.',
} as const;

export const alreadyDisabledMessage = (id: number): string =>
  `El link de pago ${id} está desactivado. No se puede realizar ninguna operación.`;

export const expiredMessage = (id: number): string =>
  `El link de pago ${id} está expirado. No se puede realizar ninguna operación.`;

/**
 * A partial success: the link exists, one notification channel failed. The
 * real wording is not published; this one names the channel in Spanish and
 * English so a reader (or a client looking for "SMS"/"WhatsApp") can tell.
 */
export const partialSuccessMessage = (channel: 'SMS' | 'WhatsApp'): string =>
  `El link de pago fue creado, pero falló el envío de la notificación por ${channel} ` +
  `(payment link created; the ${channel} notification failed)`;

export class Answers {
  constructor(
    private readonly timeZone: string,
    private readonly now: () => Date,
  ) {}

  status(status: string, reason: number | string, message: string): StatusBlock {
    return { status, reason, message, date: formatInZone(this.now(), this.timeZone) };
  }

  failed(reason: number | string, message: string): { status: StatusBlock } {
    return { status: this.status('FAILED', reason, message) };
  }

  authFailed(verdict: 'malformed' | AuthCode): { status: StatusBlock } {
    return verdict === 'malformed'
      ? this.failed(401, MESSAGES.malformedAuth)
      : this.failed(verdict, `Autenticación fallida ${verdict}`);
  }
}
