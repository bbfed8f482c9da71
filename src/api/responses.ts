/**
 * Reading the service's successful answers, tolerantly.
 *
 * Placetopay's own published material disagrees with itself (`id`/`url` vs
 * `requestId`/`processUrl`, camelCase vs snake_case, `proccessUrl`), so every
 * field is read under each spelling seen. What cannot be read at all is a
 * BAD_RESPONSE: the caller must never act on a guess.
 */
import { ApiError } from './errors.js';
import type { CreatedLink, DisabledLink, LinkInfo, LinkPayment } from './types.js';
import { say } from '../i18n/message.js';
import { api as apiText } from '../i18n/messages/api.js';

type Json = Record<string, unknown>;

export function parseCreated(json: unknown): CreatedLink {
  const body = asObject(json);
  const id = body === undefined ? undefined : toId(body.id ?? body.requestId ?? body.request_id);
  const url = body === undefined ? undefined : toText(body.url ?? body.processUrl ?? body.process_url);
  if (id === undefined || url === undefined) {
    throw new ApiError(
      'BAD_RESPONSE',
      say(apiText.createdWithoutId),
      { operation: 'create', httpStatus: 201 },
    );
  }
  const warning = partialSuccessWarning(body?.status);
  return warning === undefined ? { id, url } : { id, url, warning };
}

/** Words for a notification channel and for a failure, in the service's two languages. */
const CHANNEL = /\b(sms|whats\s*app|e-?mail|correo|mensaje|notificaci[oó]n|notification|message)/i;
const FAILURE = /(fall[oó]|fallid|no se pudo|no fue posible|error|failed|failure|could not|couldn't|unable)/i;

/** The service's message when a 201 reports that the link exists but a notification failed. */
function partialSuccessWarning(status: unknown): string | undefined {
  const s = asObject(status);
  if (s === undefined) return undefined;
  const message = typeof s.message === 'string' ? s.message.trim() : '';
  const state = typeof s.status === 'string' ? s.status.trim().toUpperCase() : 'OK';
  if (state !== 'OK') return message !== '' ? message : say(apiText.createdWithStatus, { state });
  if (CHANNEL.test(message) && FAILURE.test(message)) return message;
  return undefined;
}

export function parseLinkInfo(json: unknown, requestedId: number): LinkInfo {
  const body = asObject(json);
  const id = body === undefined ? undefined : toId(body.id) ?? requestedId;
  const status = body === undefined ? undefined : toText(body.status);
  if (body === undefined || status === undefined || id !== requestedId) {
    const why = body === undefined ? say(apiText.answerNotObject)
      : status === undefined ? say(apiText.answerNoStatus)
      : say(apiText.answerOtherLink, { id: String(id) });
    throw new ApiError('BAD_RESPONSE', say(apiText.queryAnswer, { linkId: requestedId, why }), {
      operation: 'get',
      httpStatus: 200,
    });
  }
  const info: LinkInfo = { id, status: status.toUpperCase(), payments: parsePayments(body, requestedId) };
  assignDefined(info, {
    url: toText(body.url),
    expirationDate: toText(field(body, 'expirationDate')),
    name: toText(body.name),
    reference: toText(body.reference),
    description: toText(body.description),
    totalPayments: toInt(field(body, 'totalPayments')),
    availablePayments: toInt(field(body, 'availablePayments')),
    paymentExpiration: toInt(field(body, 'paymentExpiration')),
    amount: parseAmount(body.amount),
    site: parseSite(body.site),
    notificationUrl: toText(field(body, 'notificationUrl')),
    locale: toText(body.locale),
  });
  return info;
}

function parsePayments(body: Json, linkId: number): LinkPayment[] {
  const raw = body.payments;
  if (raw === undefined || raw === null) return [];
  const items = Array.isArray(raw) ? raw : undefined;
  const payments = items?.map((item) => parsePayment(item));
  if (payments === undefined || payments.some((p) => p === undefined)) {
    // A payment we cannot read might be an approved one: reconciling without it could disable a paid link.
    throw new ApiError('BAD_RESPONSE', say(apiText.paymentWithoutStatus, { linkId }), {
      operation: 'get',
      httpStatus: 200,
    });
  }
  return payments as LinkPayment[];
}

function parsePayment(item: unknown): LinkPayment | undefined {
  const p = asObject(item);
  const status = p === undefined ? undefined : toText(p.status);
  if (p === undefined || status === undefined) return undefined;
  const payment: LinkPayment = { status: status.toUpperCase() };
  const payer = asObject(p.payer);
  assignDefined(payment, {
    id: toInt(p.id),
    requestId: toInt(field(p, 'requestId')),
    message: toText(p.message),
    processUrl: toText(field(p, 'processUrl') ?? field(p, 'proccessUrl')),
    amount: parseAmount(p.amount),
    receipt: toText(p.receipt),
    franchise: toText(p.franchise),
    paymentMethod: toText(field(p, 'paymentMethod')),
    paymentDate: toText(field(p, 'paymentDate')),
    internalReference: toInt(field(p, 'internalReference')),
    authorization: toText(p.authorization),
    issuerName: toText(field(p, 'issuerName')),
    lastDigits: toText(field(p, 'lastDigits')),
    installments: toInt(p.installments),
    payer: payer === undefined ? undefined : definedOnly({
      name: toText(payer.name),
      surname: toText(payer.surname),
      email: toText(payer.email),
      phone: toText(payer.phone),
      document: toText(payer.document),
      documentType: toText(field(payer, 'documentType')),
    }),
  });
  return payment;
}

export function parseDisabled(json: unknown, requestedId: number): DisabledLink {
  const body = asObject(json);
  const id = body === undefined ? undefined : toId(body.id) ?? requestedId;
  if (id !== requestedId) {
    const why = body === undefined ? say(apiText.answerNotObject) : say(apiText.answerOtherLink, { id: String(id) });
    throw new ApiError('BAD_RESPONSE', say(apiText.disableAnswer, { linkId: requestedId, why }), {
      operation: 'disable',
      httpStatus: 200,
    });
  }
  return { id };
}

function parseAmount(value: unknown): { currency?: string; total?: string } | undefined {
  const a = asObject(value);
  if (a === undefined) return undefined;
  return definedOnly({ currency: toText(a.currency), total: toAmount(a.total) });
}

function parseSite(value: unknown): { id?: number; name?: string } | undefined {
  const s = asObject(value);
  return s === undefined ? undefined : definedOnly({ id: toInt(s.id), name: toText(s.name) });
}

/** A field under its camelCase name, else under its snake_case name (the schema's `required` list). */
function field(obj: Json, camel: string): unknown {
  const value = obj[camel];
  if (value !== undefined && value !== null) return value;
  return obj[camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)];
}

function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

/** A link id: a positive safe integer, sent as a number or as a numeric string. */
function toId(value: unknown): number | undefined {
  const n = toInt(value);
  return n !== undefined && n > 0 ? n : undefined;
}

function toInt(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*-?\d{1,15}\s*$/.test(value)) return Number(value);
  return undefined;
}

function toText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * An amount as a canonical decimal string. JSON numbers go through String():
 * amounts are validated to 15 significant digits, which a double holds exactly.
 */
export function toAmount(value: unknown): string | undefined {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value)
    : typeof value === 'string' ? value.trim()
    : undefined;
  const match = text === undefined ? null : /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) return undefined;
  const intPart = (match[2] ?? '0').replace(/^0+(?=\d)/, '');
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const sign = match[1] === '-' && /[1-9]/.test(intPart + fraction) ? '-' : '';
  return `${sign}${intPart}${fraction === '' ? '' : `.${fraction}`}`;
}

/** Drops undefined values, so a normalised object only holds what the service sent. */
function definedOnly<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

function assignDefined<T extends object>(target: T, values: Partial<T>): void {
  Object.assign(target, definedOnly(values));
}
