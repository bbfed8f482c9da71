/**
 * The JSON bodies the client sends.
 *
 * Amounts are canonical decimal strings and the service wants JSON numbers.
 * Going through `Number` would round anything past 15–17 significant digits
 * and print some values in exponent form, so each amount is stringified as a
 * unique placeholder and the validated literal is substituted afterwards:
 * the digits on the wire are exactly the digits the sheet held.
 */
import { randomBytes } from 'node:crypto';
import { ApiError } from './errors.js';
import type { AuthBlock, CreateLinkRequest } from './types.js';
import { say } from '../i18n/message.js';
import { api as apiText } from '../i18n/messages/api.js';

/** A JSON number literal with no sign, exponent or leading zero (JSON forbids "007"). */
const AMOUNT_LITERAL = /^(0|[1-9]\d*)(\.\d+)?$/;

/** Body of query and disable: only `auth`. */
export function serializeAuthOnly(auth: AuthBlock): string {
  return JSON.stringify({ auth });
}

/** The create request as it goes on the wire, without `auth`: what a dry run shows. */
export function serializeRequest(req: CreateLinkRequest): string {
  return serializeCreateBody(req, undefined);
}

/** Body of create: `auth` first, then the request, amounts as exact number literals. */
export function serializeCreateBody(req: CreateLinkRequest, auth: AuthBlock | undefined): string {
  const amounts = new AmountSlots();
  const { amount } = req.payment;
  const body = {
    ...(auth === undefined ? {} : { auth }),
    ...req,
    payment: {
      ...req.payment,
      amount: {
        ...amount,
        total: amounts.slot('payment.amount.total', amount.total),
        ...(amount.taxes === undefined ? {} : {
          taxes: amount.taxes.map((tax, i) => ({
            ...tax,
            amount: amounts.slot(`payment.amount.taxes.${i}.amount`, tax.amount),
            ...(tax.base === undefined ? {} : { base: amounts.slot(`payment.amount.taxes.${i}.base`, tax.base) }),
          })),
        }),
      },
    },
  };
  return amounts.fill(JSON.stringify(body));
}

// Random per process, so no text a user typed (a description) can collide with it: the sheet was
// written before this token existed. Made once, because randomBytes and a new RegExp per body
// cost more than the rest of a row's validation (see BENCHMARKS.md).
const TOKEN = `__paylinks_amount_${randomBytes(12).toString('hex')}_`;
const PLACEHOLDER = new RegExp(`"${TOKEN}(\\d+)"`, 'g');

/** Placeholders that stand for amounts until the body is a string. */
class AmountSlots {
  readonly #token = TOKEN;
  readonly #literals: string[] = [];

  slot(field: string, value: string): string {
    if (typeof value !== 'string' || !AMOUNT_LITERAL.test(value)) {
      throw new ApiError(
        'VALIDATION',
        say(apiText.amountNotCanonical, { value: JSON.stringify(value), field }),
        { operation: 'create', fieldErrors: { [field]: [say(apiText.notCanonical, { value: JSON.stringify(value) })] } },
      );
    }
    this.#literals.push(value);
    return `${this.#token}${this.#literals.length - 1}`;
  }

  fill(json: string): string {
    return json.replace(PLACEHOLDER, (_match, index: string) => {
      const literal = this.#literals[Number(index)];
      if (literal === undefined) throw new Error(`internal: no amount for placeholder ${index}`);
      return literal;
    });
  }
}
