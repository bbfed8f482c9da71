/**
 * Validation of a create request, as the service answers it: 422 with
 * `errors: { "field.path": ["message", …] }`, every failing field at once.
 *
 * Messages follow the service's framework (Laravel) wording, which is what the
 * published 422 example shows ("does not match the format Y-m-d H:i:s",
 * "must be a date after now"). A badly formatted expirationDate gets both
 * messages, as in that example: it cannot be read as a date after now either.
 */
import type { Recipient } from '../types.js';
import type { NewLink, StoredTax } from './store.js';
import { parseLocalDateTime } from './site-time.js';

export type FieldErrors = Record<string, string[]>;
export type CreateCheck = { ok: true; link: NewLink } | { ok: false; errors: FieldErrors };

/** ISO 4217 codes the sandbox accepts: the region's currencies and the usual majors. */
const CURRENCIES = new Set([
  'COP', 'USD', 'EUR', 'CLP', 'PEN', 'MXN', 'BRL', 'ARS', 'UYU', 'PYG', 'BOB', 'CRC', 'GTQ', 'HNL',
  'NIO', 'PAB', 'DOP', 'VES', 'CAD', 'GBP', 'CHF', 'JPY', 'CNY',
]);
const TAX_KINDS = new Set(['valueAddedTax', 'exciseDuty', 'ice', 'airportTax', 'stateTax', 'reducedStateTax', 'municipalTax']);
const MODIFIER_CODES = new Set([17934, 18083, 19210, 18910, 18999]);
const LOCALE_LANGUAGES = new Set(['es', 'en', 'pt', 'it']);
const MAX_RECIPIENTS = 20;

const REFERENCE = /^[A-Za-z0-9-]+$/;
const DECIMAL = /^-?\d+(?:\.\d+)?$/;
// Deliberately simple: one @, no spaces, a dot in the domain (what Laravel's `email` rule accepts in practice).
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+\d{7,15}$/;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const label = (field: string): string => field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

class Collector {
  readonly errors: FieldErrors = {};

  add(field: string, message: string): void {
    (this.errors[field] ??= []).push(message.replace(':attribute', label(field)));
  }

  /** The field's value when it is a non-blank string; records `required`/`string` otherwise. */
  requiredString(body: Json, field: string): string | undefined {
    const value = body[field];
    if (typeof value === 'string' && !isBlank(value)) return value;
    this.add(field, isBlank(value) ? 'The :attribute field is required.' : 'The :attribute must be a string.');
    return undefined;
  }
}

/**
 * The decimal text of a JSON number (String() of it: the literal as sent, in
 * canonical form) or of a numeric string, else undefined. Exponent forms
 * (1e21, 1e-7) are refused: no amount is written that way.
 */
export function decimalText(value: unknown): string | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return DECIMAL.test(text) ? text : undefined;
}

export const isPositive = (decimal: string): boolean => !decimal.startsWith('-') && /[1-9]/.test(decimal);

/** Whole numbers as JSON numbers or digit strings (Laravel's `integer` accepts both). */
function integerValue(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

function positiveInteger(c: Collector, body: Json, field: string, required: boolean): number | undefined {
  const value = body[field];
  const n = integerValue(value);
  if (n !== undefined && n >= 1) return n;
  if (!isBlank(value)) c.add(field, n === undefined ? 'The :attribute must be an integer.' : 'The :attribute must be at least 1.');
  else if (required) c.add(field, 'The :attribute field is required.');
  return undefined;
}

function checkReference(c: Collector, body: Json): string | undefined {
  const reference = c.requiredString(body, 'reference');
  if (reference === undefined) return undefined;
  if (!REFERENCE.test(reference)) c.add('reference', 'The :attribute may only contain letters, numbers and hyphens.');
  if (reference.length > 32) c.add('reference', 'The :attribute may not be greater than 32 characters.');
  return reference;
}

function checkDescription(c: Collector, body: Json): string | undefined {
  const description = c.requiredString(body, 'description');
  if (description !== undefined && description.length > 250) {
    c.add('description', 'The :attribute may not be greater than 250 characters.');
  }
  return description;
}

function checkExpiration(c: Collector, body: Json, now: Date, timeZone: string): { text: string; at: Date } | undefined {
  const text = c.requiredString(body, 'expirationDate');
  if (text === undefined) return undefined;
  const at = parseLocalDateTime(text, timeZone);
  if (at === null) c.add('expirationDate', 'The :attribute does not match the format Y-m-d H:i:s.');
  if (at === null || at.getTime() <= now.getTime()) c.add('expirationDate', 'The :attribute must be a date after now.');
  return at === null ? undefined : { text, at };
}

function checkTaxes(c: Collector, taxes: unknown): StoredTax[] {
  if (taxes === undefined || taxes === null) return [];
  const field = 'payment.amount.taxes';
  if (!Array.isArray(taxes)) {
    c.add(field, 'The :attribute must be an array.');
    return [];
  }
  const out: StoredTax[] = [];
  taxes.forEach((tax: unknown, i) => {
    const at = `${field}.${i}`;
    if (!isObject(tax)) return c.add(at, 'The :attribute must be an object.');
    if (typeof tax.kind !== 'string' || !TAX_KINDS.has(tax.kind)) c.add(`${at}.kind`, 'The selected :attribute is invalid.');
    const amount = decimalText(tax.amount);
    if (amount === undefined) c.add(`${at}.amount`, 'The :attribute must be a number.');
    const base = tax.base === undefined ? undefined : decimalText(tax.base);
    if (tax.base !== undefined && base === undefined) c.add(`${at}.base`, 'The :attribute must be a number.');
    if (typeof tax.kind === 'string' && amount !== undefined) {
      out.push({ kind: tax.kind, amount: Number(amount), ...(base === undefined ? {} : { base: Number(base) }) });
    }
  });
  return out;
}

function checkAmount(c: Collector, body: Json): { currency: string; total: string; taxes: StoredTax[] } | undefined {
  const payment = body.payment;
  const amount = isObject(payment) ? payment.amount : undefined;
  if (!isObject(payment)) c.add('payment', 'The :attribute field is required.');
  const a = isObject(amount) ? amount : {};
  const currency = a.currency;
  if (isBlank(currency)) c.add('payment.amount.currency', 'The :attribute field is required.');
  else if (typeof currency !== 'string' || !CURRENCIES.has(currency)) c.add('payment.amount.currency', 'The selected :attribute is invalid.');
  const total = decimalText(a.total);
  if (isBlank(a.total)) c.add('payment.amount.total', 'The :attribute field is required.');
  else if (total === undefined) c.add('payment.amount.total', 'The :attribute must be a number.');
  else if (!isPositive(total)) c.add('payment.amount.total', 'The :attribute must be greater than 0.');
  const taxes = checkTaxes(c, a.taxes);
  if (typeof currency !== 'string' || total === undefined) return undefined;
  return { currency, total, taxes };
}

function checkModifiers(c: Collector, modifiers: unknown): unknown[] {
  if (modifiers === undefined || modifiers === null) return [];
  if (!Array.isArray(modifiers)) {
    c.add('payment.modifiers', 'The :attribute must be an array.');
    return [];
  }
  modifiers.forEach((m: unknown, i) => {
    const at = `payment.modifiers.${i}`;
    if (!isObject(m) || m.type !== 'FEDERAL_GOVERNMENT') return c.add(`${at}.type`, 'The selected :attribute is invalid.');
    if (typeof m.code !== 'number' || !MODIFIER_CODES.has(m.code)) c.add(`${at}.code`, 'The selected :attribute is invalid.');
    const invoice = isObject(m.additional) ? m.additional.invoice : undefined;
    if (typeof invoice !== 'string' || invoice === '') c.add(`${at}.additional.invoice`, 'The :attribute field is required.');
    else if (invoice.length > 9) c.add(`${at}.additional.invoice`, 'The :attribute may not be greater than 9 characters.');
  });
  return modifiers;
}

function checkRecipient(c: Collector, r: unknown, at: string): Recipient | undefined {
  if (!isObject(r)) {
    c.add(at, 'The :attribute must be an object.');
    return undefined;
  }
  const wantsPhone = r.sendSMS === true || r.sendWhatsapp === true;
  if (r.email !== undefined && (typeof r.email !== 'string' || !EMAIL.test(r.email))) {
    c.add(`${at}.email`, 'The :attribute must be a valid email address.');
  }
  if (isBlank(r.phoneNumber)) {
    if (wantsPhone) c.add(`${at}.phoneNumber`, 'The :attribute field is required when sendSMS or sendWhatsapp is true.');
  } else if (typeof r.phoneNumber !== 'string' || !PHONE.test(r.phoneNumber)) {
    c.add(`${at}.phoneNumber`, 'The :attribute must start with + and the country code, followed by digits only.');
  }
  for (const flag of ['sendSMS', 'sendWhatsapp'] as const) {
    if (r[flag] !== undefined && typeof r[flag] !== 'boolean') c.add(`${at}.${flag}`, 'The :attribute field must be true or false.');
  }
  const out: Recipient = {};
  if (typeof r.email === 'string') out.email = r.email;
  if (typeof r.phoneNumber === 'string') out.phoneNumber = r.phoneNumber;
  out.sendSMS = r.sendSMS === true;
  out.sendWhatsapp = r.sendWhatsapp === true;
  return out;
}

function checkRecipients(c: Collector, body: Json): Recipient[] {
  const out: Recipient[] = [];
  const { recipients, receiverEmails } = body;
  if (recipients !== undefined && recipients !== null) {
    if (!Array.isArray(recipients)) c.add('recipients', 'The :attribute must be an array.');
    else {
      if (recipients.length > MAX_RECIPIENTS) c.add('recipients', `The :attribute may not have more than ${MAX_RECIPIENTS} items.`);
      recipients.forEach((r: unknown, i) => {
        const ok = checkRecipient(c, r, `recipients.${i}`);
        if (ok !== undefined) out.push(ok);
      });
    }
  }
  // Deprecated in favour of `recipients`, still accepted: each address becomes an email-only recipient.
  if (Array.isArray(receiverEmails)) {
    receiverEmails.forEach((email: unknown, i) => {
      if (typeof email !== 'string' || !EMAIL.test(email)) c.add(`receiverEmails.${i}`, 'The :attribute must be a valid email address.');
      else out.push({ email, sendSMS: false, sendWhatsapp: false });
    });
  }
  return out;
}

function checkOptional(c: Collector, body: Json): Pick<NewLink, 'notificationUrl' | 'locale' | 'paymentMethods' | 'isGeneric' | 'skipResult'> {
  const { notificationUrl, locale, paymentMethod } = body;
  if (!isBlank(notificationUrl) && (typeof notificationUrl !== 'string' || !/^https?:\/\/[^\s]+$/.test(notificationUrl))) {
    c.add('notificationUrl', 'The :attribute format is invalid.');
  }
  const localeOk = typeof locale === 'string' && /^[a-z]{2}_[A-Z]{2}$/.test(locale) && LOCALE_LANGUAGES.has(locale.slice(0, 2));
  if (!isBlank(locale) && !localeOk) c.add('locale', 'The selected :attribute is invalid.');
  const methodsOk = Array.isArray(paymentMethod) && paymentMethod.every((m) => typeof m === 'string' && m !== '');
  if (paymentMethod !== undefined && paymentMethod !== null && !methodsOk) c.add('paymentMethod', 'The :attribute must be an array of payment method names.');
  for (const flag of ['isGeneric', 'skipResult'] as const) {
    if (body[flag] !== undefined && typeof body[flag] !== 'boolean') c.add(flag, 'The :attribute field must be true or false.');
  }
  return {
    notificationUrl: typeof notificationUrl === 'string' && notificationUrl !== '' ? notificationUrl : null,
    locale: localeOk ? (locale as string) : 'es_CO',
    paymentMethods: methodsOk ? (paymentMethod as string[]) : [],
    isGeneric: body.isGeneric === true,
    skipResult: body.skipResult === true,
  };
}

/** Checks a parsed create body (auth already accepted). `now` and `timeZone` decide "after now". */
export function checkCreate(body: unknown, now: Date, timeZone: string): CreateCheck {
  const c = new Collector();
  const b = isObject(body) ? body : {};
  const name = c.requiredString(b, 'name');
  const reference = checkReference(c, b);
  const description = checkDescription(c, b);
  const expiration = checkExpiration(c, b, now, timeZone);
  const paymentExpiration = positiveInteger(c, b, 'paymentExpiration', true);
  const amount = checkAmount(c, b);
  const modifiers = checkModifiers(c, isObject(b.payment) ? b.payment.modifiers : undefined);
  const paymentsAllowed = positiveInteger(c, b, 'paymentsAllowed', false);
  const recipients = checkRecipients(c, b);
  const optional = checkOptional(c, b);
  if (Object.keys(c.errors).length > 0) return { ok: false, errors: c.errors };
  // Every required value is defined here: each missing one added an error above.
  return {
    ok: true,
    link: {
      name: name!,
      reference: reference!,
      description: description!,
      expirationText: expiration!.text,
      expiresAt: expiration!.at,
      paymentExpiration: paymentExpiration!,
      currency: amount!.currency,
      total: amount!.total,
      taxes: amount!.taxes,
      paymentsAllowed: paymentsAllowed ?? null,
      recipients,
      metadata: modifiers.length > 0 ? { discount: modifiers } : {},
      ...optional,
    },
  };
}
