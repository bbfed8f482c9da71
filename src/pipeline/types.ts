/**
 * The business vocabulary shared by mapping, validation, issue and reconcile.
 */
import type { CreateLinkRequest } from '../api/types.js';
import type { CellValue } from '../io/types.js';

/** The fields the tool understands in a billing sheet. */
export const FIELDS = ['name', 'amount', 'dueDate', 'reference', 'email', 'phone', 'description', 'currency'] as const;
export type Field = (typeof FIELDS)[number];

export type Locale = 'es-CO' | 'en-US';

/** The decimal mark of the sheet's amounts (`--decimal`); the other of `,` `.` groups thousands. */
export type DecimalMark = ',' | '.';

/** The order of day, month and year in the sheet's numeric dates (`--date-order`). */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/** What a locale means by default; `--decimal` and `--date-order` override each part apart. */
export const LOCALE_DEFAULTS: Readonly<Record<Locale, { decimal: DecimalMark; dateOrder: DateOrder }>> = {
  'es-CO': { decimal: ',', dateOrder: 'dmy' },
  'en-US': { decimal: '.', dateOrder: 'mdy' },
};

/** Units `--amount-unit` accepts: the amounts are in pesos, thousands or millions. */
export const AMOUNT_UNITS = [1, 1000, 1_000_000] as const;
export type AmountUnit = (typeof AMOUNT_UNITS)[number];

/** Why a row is not a bill (DESIGN.md, "Row states"): never sent, not an error. */
export type SkipCode = 'TOTAL_ROW' | 'FOOTER_ROW' | 'HIDDEN_ROW' | 'TABLE_TOTAL_ROW';

export interface RowSkip {
  code: SkipCode;
  /** A full sentence naming the row and what made it not a bill. */
  message: string;
}

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
  /** The sheet has a currency column and this row's cell is blank: --currency does not fill it in. */
  | 'CURRENCY_MISSING'
  /** A currency from a cell format or the header differs from the row's. */
  | 'CURRENCY_CONFLICT'
  /** The cell's format hides decimals: it shows another amount than it holds. */
  | 'AMOUNT_DISPLAY_MISMATCH'
  /** The due date is outside the plausibility window (today to --max-due-years ahead). */
  | 'DUE_DATE_OUT_OF_RANGE'
  /** A plain number where a due date is expected, in a cell not formatted as a date. */
  | 'DUE_DATE_NOT_A_DATE_CELL'
  /** A name or description holds a NUL or another control character. */
  | 'CONTROL_CHARACTER'
  /** An XLSX formula whose cached value is an error (#REF!, #N/A, …). */
  | 'CELL_ERROR'
  /** Notifications were asked for but the row has no email / phone to send them to. */
  | 'RECIPIENT_MISSING'
  /** A CSV row has non-empty cells beyond the header's columns: a value was likely split at the separator. */
  | 'ROW_TOO_WIDE'
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
  /** Decimal mark of amounts (`--decimal`); default: the locale's. */
  decimal?: DecimalMark;
  /** Order of numeric dates (`--date-order`); default: the locale's. */
  dateOrder?: DateOrder;
  /** ISO 4217, default COP; a currency column overrides it per row. */
  currency: string;
  /** True when the user named the currency (`--currency`): a header that says another one is a conflict, not an override. */
  currencyExplicit?: boolean;
  /** The unit the user confirmed for a unit note in the amount header (`--amount-unit`). */
  amountUnit?: AmountUnit;
  /** Due dates more than this many years ahead are refused (default 3). */
  maxDueYears?: number;
  /** Bill rows hidden in the sheet (`--include-hidden`); default: skipped. */
  includeHidden?: boolean;
  /** Bill the amount a cell displays when its format hides decimals (`--bill-displayed`). */
  billDisplayed?: boolean;
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
  /** Canonical decimal string, when the amount parsed: what is billed (a confirmed unit applied). */
  amount?: string;
  /** The amount as the sheet writes it, when a unit (--amount-unit) made the billed amount differ. */
  sheetAmount?: string;
  currency?: string;
  /** The `expirationDate` sent, site-local `YYYY-MM-DD HH:mm:ss`. */
  expiresAt?: string;
  request?: CreateLinkRequest;
  errors: RowError[];
  /** Set when the row is not a bill (a total, footer or hidden row): no request and no errors then. */
  skip?: RowSkip;
  /** Notes about the row that do not stop it (from the reader, or a hidden row billed with --include-hidden). */
  warnings?: string[];
  /**
   * A hash of what makes the bill (reference, amount, currency, expiration,
   * name, description): a resumed run compares it with the journal to refuse
   * mixing two versions of a sheet.
   */
  fingerprint: string;
}

/** The terminal state of a row in `issue` (DESIGN.md, "Row states"). */
export type RowState = 'ISSUED' | 'INVALID' | 'FAILED' | 'UNCERTAIN' | 'SKIPPED';
