/**
 * The business vocabulary shared by mapping, validation, issue and reconcile.
 */
import type { CreateLinkRequest } from '../api/types.js';
import type { CellValue } from '../io/types.js';

/** The fields the tool understands in a billing sheet. */
export const FIELDS = ['name', 'amount', 'dueDate', 'reference', 'email', 'phone', 'description', 'currency'] as const;
export type Field = (typeof FIELDS)[number];

export type Locale = 'es-CO' | 'en-US';

/** Which input column (0-based index into the header) holds each field. */
export interface ColumnMap {
  header: string[];
  fields: Partial<Record<Field, number>>;
}

export type RowErrorCode =
  | 'NAME_MISSING'
  | 'AMOUNT_MISSING'
  | 'AMOUNT_INVALID'
  | 'AMOUNT_NOT_POSITIVE'
  | 'AMOUNT_TOO_LARGE'
  | 'DUE_DATE_MISSING'
  | 'DUE_DATE_INVALID'
  | 'DUE_DATE_PAST'
  | 'REFERENCE_MISSING'
  | 'REFERENCE_INVALID'
  | 'REFERENCE_TOO_LONG'
  | 'REFERENCE_DUPLICATE'
  | 'DESCRIPTION_TOO_LONG'
  | 'EMAIL_INVALID'
  | 'PHONE_INVALID'
  | 'CURRENCY_INVALID'
  /** A name or description holds a NUL or another control character. */
  | 'CONTROL_CHARACTER'
  /** An XLSX formula whose cached value is an error (#REF!, #N/A, …). */
  | 'CELL_ERROR'
  /** Notifications were asked for but the row has no email / phone to send them to. */
  | 'RECIPIENT_MISSING'
  /** The service answered 422. */
  | 'SERVICE_REJECTED';

export interface RowError {
  code: RowErrorCode;
  rowNumber: number;
  /** The input column's header as written in the file, when the error is about one cell. */
  column?: string;
  field?: Field;
  /** The offending value, as text. */
  value?: string;
  /** A full sentence: what is wrong and what would be accepted. */
  message: string;
}

export type Channel = 'email' | 'sms' | 'whatsapp';

/** Everything that shapes a create request from a row. */
export interface RequestOptions {
  locale: Locale;
  /** ISO 4217, default COP; a currency column overrides it per row. */
  currency: string;
  /** IANA zone of the site; links expire at the end of the due date there. */
  timeZone: string;
  /** Minutes each checkout session may last (default 15). */
  paymentExpiration: number;
  /** Default 1: a bill is paid once. */
  paymentsAllowed: number;
  /** Used when there is no description column, e.g. `Factura {reference}`; placeholders are field names. */
  descriptionTemplate: string;
  /** The link's name, e.g. `{name}`; placeholders are field names. */
  nameTemplate: string;
  /** Channels to notify the payer through; empty: nobody is messaged. */
  notify: Channel[];
  notificationUrl?: string;
  paymentMethods?: string[];
  /** The payer-facing locale of the link, e.g. `es_CO`. */
  linkLocale?: string;
  /** "Now", for deciding whether a due date is past (tests and rehearsals fix it). */
  now: Date;
}

/** A row after mapping and validation: either a request, or errors (never both). */
export interface PreparedRow {
  rowNumber: number;
  /** The input cells, untouched, for the output sheet. */
  cells: CellValue[];
  /** Always set: from the reference column, or derived deterministically from the row's content. */
  reference: string;
  /** Canonical decimal string, when the amount parsed. */
  amount?: string;
  currency?: string;
  /** The `expirationDate` sent, site-local `YYYY-MM-DD HH:mm:ss`. */
  expiresAt?: string;
  request?: CreateLinkRequest;
  errors: RowError[];
  /**
   * A hash of what makes the bill (reference, amount, currency, expiration,
   * name, description): a resumed run compares it with the journal to refuse
   * mixing two versions of a sheet.
   */
  fingerprint: string;
}

/** The terminal state of a row in `issue` (DESIGN.md, "Row states"). */
export type RowState = 'ISSUED' | 'INVALID' | 'FAILED' | 'UNCERTAIN';
