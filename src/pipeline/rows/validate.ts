/**
 * A raw row → a create request, or every reason it cannot become one.
 *
 * Never throws for bad data: each problem becomes a RowError naming the row,
 * the column as written in the file, the value and what would be accepted.
 * All of a row's problems are reported at once, so the clerk fixes a row in
 * one pass. A row with errors has no request (never both).
 *
 * The preparer is stateful: it remembers references already seen, to flag a
 * repeated reference (column mode) or number identical rows (derived mode).
 * It runs on every row of million-row files, so per-row work is kept to
 * regexes compiled once, a cached end-of-day, and at most two hashes.
 */
import { hash } from 'node:crypto';
import type { CreateLinkRequest, Recipient } from '../../api/types.js';
import { isCellError, type CellValue, type RawRow, type SheetInfo } from '../../io/types.js';
import { decimalOf } from './amount.js';
import { applyUnit, formatCurrencyConflict, readAmountCell } from './amount-cell.js';
import { DEFAULT_MAX_DUE_YEARS, DueWindow } from './due-window.js';
import { normalizePhone, validateEmail } from './contact.js';
import { checkTimeZone, dateOrderOf, endOfDayInZone, isPast, parseDueDate } from './dates.js';
import { readAmountHeader } from './header-notes.js';
import { MappingError, quoteValue } from './mapping-error.js';
import { checkDueHeader, checkHeaderNotes, type HeaderRules, type ScaledAmountCell } from './header-rules.js';
import { formatAmount } from '../money.js';
import { deriveReference, validateReference } from './reference.js';
import { RowSkipper } from './skip-rows.js';
import { checkTemplate, renderTemplate } from './text-template.js';
import { RunError } from '../run-error.js';
import type { ColumnMap, DateOrder, DecimalMark, Field, PreparedRow, RequestOptions, RowError, RowErrorCode } from '../types.js';
import { say } from '../../i18n/message.js';
import { common } from '../../i18n/messages/common.js';
import { rows as M, type CurrencySource } from '../../i18n/messages/rows.js';
import { rowsDates } from '../../i18n/messages/rows-dates.js';
import { mapping } from '../../i18n/messages/mapping.js';

export const MAX_DESCRIPTION_LENGTH = 250;

export { DEFAULT_MAX_DUE_YEARS } from './due-window.js';

/** C0 controls and DEL, except tab, line feed and carriage return. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CURRENCY = /^[A-Za-z]{3}$/;
const HAS_LOWER = /[a-z]/;

/** How the sheet was read, as far as it bears on a row's meaning: a CSV's separator. */
export type SheetReading = Pick<SheetInfo, 'format' | 'delimiter'>;

/** The row's amount cell, when it is a number its format scales for display (`#,##0,`). */
function scaledAmountCell(map: ColumnMap, row: RawRow | undefined): ScaledAmountCell | undefined {
  const index = map.fields.amount;
  if (index === undefined || row === undefined) return undefined;
  const cell = row.cells[index];
  const format = row.formats?.[index];
  if (typeof cell !== 'number' || format?.scale === undefined || format.scale === 1) return undefined;
  return {
    numFmt: format.numFmt ?? '',
    scale: format.scale,
    stored: String(Number(cell.toPrecision(15))),
    shown: format.displayed ?? String(Number((cell * format.scale).toPrecision(15))),
  };
}

/**
 * Builds the per-row function. Checks the run's settings once (templates,
 * time zone, default currency, a column for the notify channels) and throws
 * a clear error before any row is read when they are wrong.
 *
 * `sheet` says how the file was read: for a CSV, a row with non-empty cells
 * beyond the header is refused (ROW_TOO_WIDE), since a value holding the
 * separator (`1,250,000` in a `,` file) splits into cells and the ones past
 * the header would otherwise be dropped while the first piece is billed.
 */
export function createRowPreparer(map: ColumnMap, options: RequestOptions, file?: string, sheet?: SheetReading, firstRow?: RawRow): (row: RawRow) => PreparedRow {
  const preparer = new RowPreparer(map, options, file, sheet, firstRow);
  return (row) => preparer.prepare(row);
}

/** What a row's cells became, before the request is assembled. */
interface Parsed {
  amount?: string;
  /** The amount as the sheet writes it, when a unit (--amount-unit) made `amount` differ. */
  sheetAmount?: string;
  /** A currency code written in the amount cell itself. */
  amountCurrency?: string;
  dueDate?: string;
  expiresAt?: string;
  currency: string;
  /** The row's currency cell is blank in a sheet with a currency column: `currency` is only a placeholder. */
  currencyMissing?: boolean;
  email?: string;
  phone?: string;
  name: string;
  description: string;
  values?: Record<string, string>;
}

class RowPreparer {
  private readonly seenReferences = new Map<string, number>();
  private readonly derivedCounts = new Map<string, number>();
  /** Formatting the amount for people costs; skip it unless a template shows it. */
  private readonly amountInTemplates: boolean;
  /** One copy shared by every request: the run's setting, not the row's. */
  private readonly paymentMethods: string[] | undefined;
  private readonly currency: string;
  private readonly decimal: DecimalMark;
  private readonly dateOrder: DateOrder;
  /** What the amount header's notes make of every amount: a unit to apply, a currency it names. */
  private readonly header: HeaderRules;
  private readonly skipper: RowSkipper;
  /** Due dates from today to --max-due-years ahead. */
  private readonly window: DueWindow;

  constructor(
    private readonly map: ColumnMap,
    private readonly options: RequestOptions,
    file: string | undefined,
    private readonly sheet: SheetReading | undefined,
    firstRow: RawRow | undefined,
  ) {
    checkTemplate(options.nameTemplate);
    checkTemplate(options.descriptionTemplate);
    checkTimeZone(options.timeZone);
    if (!CURRENCY.test(options.currency)) {
      throw new RunError('BAD_OPTION', say(M.currencyOption, { currency: options.currency }));
    }
    checkNotifyColumns(map, options, file);
    const amountHeader = map.fields.amount === undefined ? undefined : map.header[map.fields.amount];
    const amountNote = amountHeader === undefined ? {} : readAmountHeader(amountHeader);
    this.header = checkHeaderNotes(amountNote, amountHeader ?? '', options, file, scaledAmountCell(map, firstRow));
    this.currency = this.header.currency ?? options.currency.toUpperCase();
    this.decimal = options.decimal ?? decimalOf(options.locale);
    this.dateOrder = options.dateOrder ?? dateOrderOf(options.locale);
    if (map.fields.dueDate !== undefined) checkDueHeader(String(map.header[map.fields.dueDate] ?? ''), options, this.dateOrder, file);
    this.skipper = new RowSkipper(map, options.includeHidden === true);
    this.window = new DueWindow(options.now, options.timeZone, options.maxDueYears ?? DEFAULT_MAX_DUE_YEARS);
    this.paymentMethods = options.paymentMethods?.length ? Object.freeze([...options.paymentMethods]) as string[] : undefined;
    this.amountInTemplates = `${options.nameTemplate}${options.descriptionTemplate}`.includes('{amount}');
  }

  prepare(row: RawRow): PreparedRow {
    const skip = this.skipper.check(row);
    const errors: RowError[] = [];
    const tooWide = this.checkWidth(row, errors);
    const p = this.parseCells(row, errors);
    // A skipped row claims no reference: a hidden copy must not make the visible row a duplicate.
    const reference = skip === undefined ? this.reference(row, p, errors) : this.peekReference(row, p);
    const description = this.description(row, reference, p, errors);
    const name = this.name(row, reference, p, errors);
    const recipients = skip === undefined ? this.recipients(row, p, errors) : undefined;

    const fingerprint = hash(
      'sha256',
      `${reference}\u001f${p.amount ?? ''}\u001f${p.currency}\u001f${p.expiresAt ?? ''}\u001f${name}\u001f${description}`,
      'hex',
    ).slice(0, 16);
    // The fingerprint is computed for skipped rows too: a row issued before it was hidden still matches its journal record.
    const prepared: PreparedRow = { rowNumber: row.rowNumber, cells: row.cells, reference, errors: skip === undefined ? errors : [], fingerprint };
    // Neither is stated when the sheet does not say it: the summary must not total a split "1" of
    // "1,250,000", nor count a row whose currency cell is blank as pesos.
    if (!p.currencyMissing) prepared.currency = p.currency;
    if (!tooWide) {
      if (p.amount !== undefined) prepared.amount = p.amount;
      if (p.sheetAmount !== undefined) prepared.sheetAmount = p.sheetAmount;
    }
    if (p.expiresAt !== undefined) prepared.expiresAt = p.expiresAt;
    const warnings = [...(row.warnings ?? [])];
    if (row.hidden === true && skip === undefined) warnings.push(say(M.hiddenBilled, { row: row.rowNumber }));
    if (warnings.length > 0) prepared.warnings = warnings;
    if (skip !== undefined) prepared.skip = skip;
    else if (errors.length === 0) prepared.request = this.request(name, reference, description, p, recipients);
    return prepared;
  }

  /** A skipped row's key for the journal and output, without claiming it (no duplicate check, no numbering). */
  private peekReference(row: RawRow, p: Parsed): string {
    if (this.map.fields.reference !== undefined) {
      const text = this.text(row, 'reference');
      if (text !== '') return text;
    }
    return this.derivedBase(row, p);
  }

  /** What the templates can say; built only for rows whose name or description is rendered. */
  private values(row: RawRow, reference: string, p: Parsed): Record<string, string> {
    if (p.values !== undefined) return p.values;
    p.values = {
      reference,
      name: p.name === '' ? reference : p.name,
      amount: p.amount === undefined || !this.amountInTemplates ? '' : formatAmount(p.amount, this.options.locale, p.currency),
      dueDate: p.dueDate ?? '',
      email: p.email ?? this.text(row, 'email'),
      phone: p.phone ?? this.text(row, 'phone'),
      description: p.description,
      currency: p.currency,
    };
    return p.values;
  }

  private parseCells(row: RawRow, errors: RowError[]): Parsed {
    const { locale } = this.options;
    const p: Parsed = { currency: this.currency, name: '', description: '' };

    const amountCell = this.cell(row, 'amount', errors);
    if (amountCell !== undefined) {
      const r = readAmountCell(amountCell, this.format(row, 'amount'), this.decimal, this.options.billDisplayed === true);
      if (r.ok) {
        p.amount = r.amount;
        p.amountCurrency = r.currency;
        if (this.header.unit !== 1) {
          p.sheetAmount = r.amount;
          const scaled = applyUnit(r.amount, this.header.unit);
          if (scaled.ok) p.amount = scaled.amount;
          else {
            delete p.amount;
            this.fail(errors, row, 'amount', scaled.code, scaled.reason);
          }
        }
      } else this.fail(errors, row, 'amount', r.code, r.reason);
    }

    const dueCell = this.cell(row, 'dueDate', errors);
    if (dueCell !== undefined) {
      const r = parseDueDate(dueCell, this.dateOrder, this.format(row, 'dueDate'));
      if (r.ok) this.expiry(row, r.date, p, errors);
      else this.fail(errors, row, 'dueDate', r.code, r.reason);
    }

    const currency = this.text(row, 'currency', errors);
    // With a currency column, each row says its own currency: a blank cell is not --currency's
    // (nor COP's) to fill, or one forgotten "USD" bills dollars as pesos. Only a currency the
    // amount header names ("Valor (USD)") speaks for every row, blank cells included.
    const currencyMissing = currency === '' && this.map.fields.currency !== undefined && this.header.currency === undefined;
    if (currencyMissing) {
      p.currencyMissing = true;
      // An Excel error in the cell was reported by text(); do not pile on.
      if (!errors.some((e) => e.field === 'currency')) {
        this.fail(errors, row, 'currency', 'CURRENCY_MISSING', say(M.currencyMissing));
      }
    } else if (currency !== '') {
      if (!CURRENCY.test(currency)) {
        const value = quoteValue(currency);
        this.fail(errors, row, 'currency', 'CURRENCY_INVALID',
          say(M.currencyInvalid, this.header.currency === undefined ? { value } : { value, headerCurrency: this.header.currency }));
      } else if (this.header.currency !== undefined && currency.toUpperCase() !== this.header.currency) {
        this.fail(errors, row, 'currency', 'CURRENCY_CONFLICT',
          say(M.currencyConflict, { row: currency.toUpperCase(), header: this.amountHeader(), headerCurrency: this.header.currency }));
      } else p.currency = currency.toUpperCase();
    }
    // Without the row's currency there is nothing to compare the amount's own currency with.
    if (!currencyMissing) this.formatCurrency(row, p, errors);
    // "USD 1.250" in a COP row is a bill in the wrong currency, not a detail to ignore.
    if (!currencyMissing && p.amountCurrency !== undefined && p.amountCurrency !== p.currency) {
      const source: CurrencySource = currency !== '' ? { kind: 'column' } : this.header.currency !== undefined ? { kind: 'header', header: this.amountHeader() } : { kind: 'run' };
      this.fail(errors, row, 'amount', 'CURRENCY_INVALID',
        say(M.amountOtherCurrency, { shown: this.shown(row, 'amount'), amountCurrency: p.amountCurrency, source, currency: p.currency }));
    }

    const email = this.text(row, 'email', errors);
    if (email !== '') {
      const r = validateEmail(email);
      if (r.ok) p.email = r.value;
      else this.fail(errors, row, 'email', r.code, r.reason);
    }

    const phone = this.text(row, 'phone', errors);
    if (phone !== '') {
      const r = normalizePhone(phone, locale);
      if (r.ok) p.phone = r.value;
      else this.fail(errors, row, 'phone', r.code, r.reason);
    }

    p.name = this.printable(row, 'name', errors);
    p.description = this.printable(row, 'description', errors);
    return p;
  }

  /**
   * A CSV row whose non-empty cells go past the header's last column. Trailing
   * empty cells are fine (Excel writes `;;;` for blank columns to the right).
   */
  private checkWidth(row: RawRow, errors: RowError[]): boolean {
    if (this.sheet?.format !== 'csv') return false;
    const width = this.map.header.length;
    let last = row.cells.length - 1;
    while (last >= width && cellText(row.cells[last] ?? null) === '') last--;
    if (last < width) return false;
    const extra = row.cells.slice(width, last + 1).map((c) => cellText(c ?? null));
    const separator = this.sheet.delimiter ?? ',';
    this.fail(errors, row, undefined, 'ROW_TOO_WIDE',
      say(M.rowTooWide, { cells: last + 1, columns: width, extra, separator, decimal: this.decimal }),
      extra.join(separator));
    return true;
  }

  private expiry(row: RawRow, date: string, p: Parsed, errors: RowError[]): void {
    p.dueDate = date;
    const end = endOfDayInZone(date, this.options.timeZone);
    p.expiresAt = end.local;
    if (isPast(end.instant, this.options.now)) {
      this.fail(errors, row, 'dueDate', 'DUE_DATE_PAST',
        say(rowsDates.past, { shown: this.shown(row, 'dueDate'), expires: end.local, timeZone: this.options.timeZone }));
    } else {
      const tooFar = this.window.tooFar(date, this.shown(row, 'dueDate'));
      if (tooFar !== undefined) this.fail(errors, row, 'dueDate', 'DUE_DATE_OUT_OF_RANGE', tooFar);
    }
  }

  /** A currency in the amount cell's number format other than the row's is refused, as the text form "USD 1.250" is. */
  private formatCurrency(row: RawRow, p: Parsed, errors: RowError[]): void {
    const conflict = formatCurrencyConflict(this.format(row, 'amount'), p.currency);
    if (conflict !== undefined) this.fail(errors, row, 'amount', conflict.code, conflict.reason);
  }

  private format(row: RawRow, field: Field): NonNullable<RawRow['formats']>[number] {
    const index = this.map.fields[field];
    return index === undefined ? undefined : row.formats?.[index];
  }

  private amountHeader(): string {
    const index = this.map.fields.amount;
    return index === undefined ? '' : (this.map.header[index] ?? '');
  }

  /** From the reference column (validated, unique in the file), or derived from the row's content. */
  private reference(row: RawRow, p: Parsed, errors: RowError[]): string {
    if (this.map.fields.reference === undefined) return this.derived(row, p);
    const cell = this.cell(row, 'reference', errors);
    const text = cell === undefined ? '' : cellText(cell);
    const r = validateReference(text);
    if (!r.ok) {
      // An Excel error was reported by cell(); an empty cell still gets a stable key for the journal and output.
      if (cell !== undefined) this.fail(errors, row, 'reference', r.code, r.reason);
      return text === '' ? this.derived(row, p) : text;
    }
    // Compared without case: a service that treats references as unique may not tell FAC-1 from fac-1.
    const key = HAS_LOWER.test(r.reference) ? r.reference.toUpperCase() : r.reference;
    const first = this.seenReferences.get(key);
    if (first === undefined) this.seenReferences.set(key, row.rowNumber);
    else {
      this.fail(errors, row, 'reference', 'REFERENCE_DUPLICATE', say(M.referenceDuplicate, { reference: r.reference, first }));
    }
    return r.reference;
  }

  /** A derived reference, numbered when identical rows repeat it (`PL-…-2`). */
  private derived(row: RawRow, p: Parsed): string {
    const base = this.derivedBase(row, p);
    const occurrence = (this.derivedCounts.get(base) ?? 0) + 1;
    this.derivedCounts.set(base, occurrence);
    return occurrence === 1 ? base : `${base}-${occurrence}`;
  }

  /** Canonical values where they parsed (so `1.250.000` and `1250000` agree), the cell text otherwise. */
  private derivedBase(row: RawRow, p: Parsed): string {
    return deriveReference(
      {
        name: p.name,
        amount: p.amount ?? this.text(row, 'amount'),
        dueDate: p.dueDate ?? this.text(row, 'dueDate'),
        email: p.email ?? this.text(row, 'email'),
        phone: p.phone ?? this.text(row, 'phone'),
        description: p.description,
      },
      1,
    );
  }

  private description(row: RawRow, reference: string, p: Parsed, errors: RowError[]): string {
    const fromColumn = p.description !== '';
    let text = p.description;
    if (!fromColumn) text = renderTemplate(this.options.descriptionTemplate, this.values(row, reference, p)).trim();
    if (text === '') text = reference;
    if (text.length > MAX_DESCRIPTION_LENGTH) {
      const reason = say(M.descriptionTooLong, fromColumn
        ? { length: text.length, max: MAX_DESCRIPTION_LENGTH }
        : { length: text.length, max: MAX_DESCRIPTION_LENGTH, template: this.options.descriptionTemplate });
      if (fromColumn) this.fail(errors, row, 'description', 'DESCRIPTION_TOO_LONG', reason);
      else this.fail(errors, row, undefined, 'DESCRIPTION_TOO_LONG', reason, text);
    }
    return text;
  }

  private name(row: RawRow, reference: string, p: Parsed, errors: RowError[]): string {
    // The default template needs no rendering: the name, else the reference.
    const name = this.options.nameTemplate === '{name}'
      ? (p.name === '' ? reference : p.name)
      : renderTemplate(this.options.nameTemplate, this.values(row, reference, p)).trim();
    if (name === '') {
      this.fail(errors, row, this.map.fields.name === undefined ? undefined : 'name', 'NAME_MISSING',
        say(M.nameMissing, { template: this.options.nameTemplate }));
    }
    return name;
  }

  /**
   * One recipient merging the channels asked for. A channel the row cannot
   * use (no email for `email`) is skipped; it is a row error only when no
   * asked-for channel can reach the payer, since a bill nobody is told about
   * is what --notify exists to prevent.
   */
  private recipients(row: RawRow, p: Parsed, errors: RowError[]): Recipient[] | undefined {
    const { notify } = this.options;
    if (notify.length === 0) return undefined;
    const r: Recipient = {};
    if (notify.includes('email') && p.email !== undefined) r.email = p.email;
    if (p.phone !== undefined && notify.includes('sms')) {
      r.phoneNumber = p.phone;
      r.sendSMS = true;
    }
    if (p.phone !== undefined && notify.includes('whatsapp')) {
      r.phoneNumber = p.phone;
      r.sendWhatsapp = true;
    }
    if (r.email !== undefined || r.phoneNumber !== undefined) return [r];
    // A contact that was there but malformed (or an Excel error) is already reported; do not pile on.
    if (!errors.some((e) => e.field === 'email' || e.field === 'phone')) {
      const wantsEmail = notify.includes('email');
      const wantsPhone = notify.some((c) => c !== 'email');
      const channel = wantsEmail && wantsPhone ? 'both' : wantsEmail ? 'email' : 'phone';
      this.fail(errors, row, wantsEmail && this.map.fields.email !== undefined ? 'email' : 'phone', 'RECIPIENT_MISSING',
        say(M.recipientMissing, { channel, notify: notify.join(',') }));
    }
    return undefined;
  }

  private request(name: string, reference: string, description: string, p: Parsed, recipients: Recipient[] | undefined): CreateLinkRequest {
    const o = this.options;
    const request: CreateLinkRequest = {
      name,
      reference,
      description,
      expirationDate: p.expiresAt as string,
      paymentExpiration: o.paymentExpiration,
      paymentsAllowed: o.paymentsAllowed,
      payment: { amount: { currency: p.currency, total: p.amount as string } },
    };
    if (o.notificationUrl !== undefined) request.notificationUrl = o.notificationUrl;
    if (o.linkLocale !== undefined) request.locale = o.linkLocale;
    if (this.paymentMethods !== undefined) request.paymentMethod = this.paymentMethods;
    if (recipients !== undefined) request.recipients = recipients;
    return request;
  }

  /**
   * The cell of a mapped field: null when the sheet has no such column or
   * the row is short; undefined when it holds an Excel error (reported here).
   */
  private cell(row: RawRow, field: Field, errors: RowError[]): CellValue | undefined {
    const index = this.map.fields[field];
    if (index === undefined) return null;
    const value = row.cells[index] ?? null;
    if (!isCellError(value)) return value;
    this.fail(errors, row, field, 'CELL_ERROR', say(M.cellError, { error: value.error }));
    return undefined;
  }

  /** A text field's trimmed text ('' when absent); reports an Excel error when `errors` is given. */
  private text(row: RawRow, field: Field, errors?: RowError[]): string {
    const index = this.map.fields[field];
    if (index === undefined) return '';
    const value = errors === undefined ? (row.cells[index] ?? null) : this.cell(row, field, errors);
    return value === undefined || isCellError(value) ? '' : cellText(value);
  }

  /**
   * Text a payer will read: a NUL or another control character (a binary
   * export, a broken macro) is refused rather than sent to the service.
   * Tabs and line breaks are ordinary text in a description cell.
   */
  private printable(row: RawRow, field: Field, errors: RowError[]): string {
    const text = this.text(row, field, errors);
    const bad = CONTROL_CHARACTER.exec(text);
    if (bad) {
      const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      this.fail(errors, row, field, 'CONTROL_CHARACTER', say(M.controlCharacter, { code }));
      return '';
    }
    return text;
  }

  private shown(row: RawRow, field: Field): string {
    const index = this.map.fields[field];
    const value = index === undefined ? null : (row.cells[index] ?? null);
    return `"${cellText(value)}"`;
  }

  private fail(errors: RowError[], row: RawRow, field: Field | undefined, code: RowErrorCode, reason: string, value?: string): void {
    const index = field === undefined ? undefined : this.map.fields[field];
    const column = index === undefined ? undefined : this.map.header[index];
    const error: RowError = {
      code,
      rowNumber: row.rowNumber,
      message: say(common.rowProblem, column === undefined ? { row: row.rowNumber, reason } : { row: row.rowNumber, column, reason }),
    };
    if (column !== undefined) error.column = column;
    if (field !== undefined) error.field = field;
    const shown = value ?? (index === undefined ? undefined : cellText(row.cells[index] ?? null));
    if (shown !== undefined) error.value = shown;
    errors.push(error);
  }
}

/** A cell as the text a person would read in it. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return value.error;
}

/** `--notify` that no column can serve is a setup mistake, not 40,000 row errors. */
function checkNotifyColumns(map: ColumnMap, options: RequestOptions, file: string | undefined): void {
  const { notify } = options;
  if (notify.length === 0) return;
  const usable = notify.some((c) => (c === 'email' ? map.fields.email : map.fields.phone) !== undefined);
  if (usable) return;
  const needs = notify.includes('email') && notify.some((c) => c !== 'email') ? 'both' : notify.includes('email') ? 'email' : 'phone';
  throw new MappingError(
    'COLUMN_MISSING',
    file,
    say(mapping.notifyColumnMissing, { ...(file === undefined ? {} : { file }), notify: notify.join(','), needs, columns: map.header }),
  );
}
