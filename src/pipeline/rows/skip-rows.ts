/**
 * Rows that are not bills: totals, subtotals, footers, an Excel table's
 * totals row, and rows hidden in the sheet. They are never sent, and they
 * are not errors either: they are marked SKIPPED with the reason, so a sheet
 * whose only oddities are such rows ends cleanly.
 *
 * The rule for totals is narrow on purpose, because a bill taken for a total
 * is a bill nobody sends. A row is a total row when a *label* cell says so:
 *  - the reference cell says total ("TOTAL", "Subtotal zona norte"); or
 *  - the name cell or the row's first text cell is exactly a total word
 *    ("Total", "SUBTOTAL:", "Gran total"); or
 *  - the row has no reference, no email and no phone, and its name,
 *    description or first text cell starts with a total word followed by a
 *    qualifier that does not read as a company name ("Total enero", but not
 *    "Total Seguros S.A.S.").
 * "Totalgas S.A.S." (the word is part of another) and "Pago total del
 * servicio" (total is not the first word) are never total rows.
 */
import { isCellError, type CellValue, type RawRow } from '../../io/types.js';
import type { ColumnMap, Field, RowSkip } from '../types.js';

const TOTAL_WORD = /^(?:gran total|total general|grand total|sub ?-?totales|sub ?-?totals?|totales|totals?|suma total|sumas?|sum)(?=$|[\s:.])[\s:.\-]*/;
const COMPANY = /(?:^|\s)(?:s\.?\s?a\.?\s?s\.?|s\.?\s?a\.?|ltda\.?|s\.?\s?en\s?c\.?|e\.?\s?u\.?|inc\.?|llc|ltd\.?|corp\.?|cia\.?|& cia\.?|y cia\.?)$/;
const FOOTER = new RegExp(
  '^(?:' +
    [
      'elaborad[oa] por', 'preparad[oa] por', 'revisad[oa] por', 'aprobad[oa] por', 'autorizad[oa] por', 'generad[oa] (?:por|el)',
      'impres[oa] (?:por|el)', 'fecha (?:de )?(?:impresion|generacion|elaboracion|del reporte|del informe)',
      'pagina \\d+(?: de \\d+)?$', 'page \\d+(?: of \\d+)?$', 'hoja \\d+(?: de \\d+)?$',
      'prepared by', 'reviewed by', 'approved by', 'printed (?:on|by)', 'generated (?:on|by)', 'report date',
      '(?:firma|signature|recibido|received|v\\.?\\s?o\\.?\\s?b\\.?\\s?o)(?:\\s*:|$)',
    ].join('|') +
    ')',
);
const RULE_LINE = /^[_\-=.\s]{3,}$/;
// Cheap first looks, so the common row (a bill) never pays for Unicode folding: every total word and
// footer label starts like one of these (no accent before the fourth letter).
const MAYBE_TOTAL = /^\s*(?:gra|sub|tot|sum)/i;
const MAYBE_FOOTER = /^\s*(?:ela|pre|rev|apr|aut|gen|imp|fec|p[aá]g|hoj|rep|fir|sig|rec|pri|v\.?\s?o|[_\-=.])/i;

/** The columns whose cells are values, never labels. */
const VALUE_FIELDS: readonly Field[] = ['amount', 'dueDate', 'email', 'phone', 'currency'];

/** Accent-free, lower-case, single-spaced: how labels are compared. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** 'exact' for a bare total word ("TOTAL:", "Gran total"), 'qualified' for a total word and more ("Subtotal enero"). */
export function totalLabel(text: string): 'exact' | 'qualified' | undefined {
  if (!MAYBE_TOTAL.test(text)) return undefined;
  const t = fold(text);
  const m = TOTAL_WORD.exec(t);
  if (m === null) return undefined;
  const rest = t.slice(m[0].length).trim();
  if (rest === '') return 'exact';
  return COMPANY.test(rest) ? undefined : 'qualified';
}

/** True for a footer line's first cell: "Elaborado por: …", "Fecha de impresión: …", "Página 1 de 2", a signature line. */
export function isFooterLabel(text: string): boolean {
  if (!MAYBE_FOOTER.test(text)) return false;
  const t = fold(text);
  return t !== '' && (FOOTER.test(t) || RULE_LINE.test(t));
}

/** The sentences a skipped row's error column shows; kept together so a catalogue can take them over. */
export const SKIP_MESSAGES = {
  total: (row: number, column: string, text: string) => `Row ${row} is not a bill: column "${column}" says "${text}", a total or subtotal line; it was not sent.`,
  tableTotal: (row: number) => `Row ${row} is the totals row of an Excel table, not a bill; it was not sent.`,
  footer: (row: number, column: string, text: string) => `Row ${row} is not a bill: column "${column}" says "${text}", a footer line under the data; it was not sent.`,
  afterFooter: (row: number, footer: number) => `Row ${row} is not a bill: it comes after the footer line of row ${footer} and has no amount or due date; it was not sent.`,
  hidden: (row: number) => `Row ${row} is hidden in the sheet (by hand or by a filter), so it was not billed; unhide it, or run with --include-hidden to bill hidden rows.`,
} as const;

/** Decides, row by row, whether a row is not a bill. Stateful: rows after a footer line are footer too. */
export class RowSkipper {
  private footerRow: number | undefined;

  constructor(
    private readonly map: ColumnMap,
    private readonly includeHidden: boolean,
  ) {}

  check(row: RawRow): RowSkip | undefined {
    if (row.tableTotal === true) return { code: 'TABLE_TOTAL_ROW', message: SKIP_MESSAGES.tableTotal(row.rowNumber) };
    const total = this.totalCell(row);
    if (total !== undefined) return { code: 'TOTAL_ROW', message: SKIP_MESSAGES.total(row.rowNumber, this.map.header[total] ?? '', text(row.cells[total])) };
    const footer = this.footerCell(row);
    if (footer !== undefined) return { code: 'FOOTER_ROW', message: SKIP_MESSAGES.footer(row.rowNumber, this.map.header[footer] ?? '', text(row.cells[footer])) };
    if (this.footerRow !== undefined && this.empty(row, 'amount') && this.empty(row, 'dueDate')) {
      return { code: 'FOOTER_ROW', message: SKIP_MESSAGES.afterFooter(row.rowNumber, this.footerRow) };
    }
    if (row.hidden === true && !this.includeHidden) return { code: 'HIDDEN_ROW', message: SKIP_MESSAGES.hidden(row.rowNumber) };
    return undefined;
  }

  /** The index of the cell that makes the row a total row, if any. */
  private totalCell(row: RawRow): number | undefined {
    const { fields } = this.map;
    const ref = fields.reference;
    if (ref !== undefined && totalLabel(text(row.cells[ref])) !== undefined) return ref;
    const first = this.firstTextCell(row);
    const labels = [fields.name, first].filter((i): i is number => i !== undefined);
    for (const i of labels) if (totalLabel(text(row.cells[i])) === 'exact') return i;
    if (!(this.empty(row, 'reference') && this.empty(row, 'email') && this.empty(row, 'phone'))) return undefined;
    for (const i of [...labels, fields.description]) {
      if (i !== undefined && totalLabel(text(row.cells[i])) !== undefined) return i;
    }
    return undefined;
  }

  private footerCell(row: RawRow): number | undefined {
    const first = this.firstTextCell(row);
    if (first === undefined || !isFooterLabel(text(row.cells[first]))) return undefined;
    this.footerRow ??= row.rowNumber;
    return first;
  }

  /** The leftmost non-empty text cell outside the value columns (amount, due date, contact, currency). */
  private firstTextCell(row: RawRow): number | undefined {
    const values = new Set(VALUE_FIELDS.map((f) => this.map.fields[f]));
    for (let i = 0; i < row.cells.length; i++) {
      const cell = row.cells[i];
      if (values.has(i) || cell === null || cell === undefined) continue;
      if (typeof cell === 'string' && cell.trim() !== '') return i;
    }
    return undefined;
  }

  private empty(row: RawRow, field: Field): boolean {
    const i = this.map.fields[field];
    return i === undefined || text(row.cells[i]) === '';
  }
}

function text(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined || isCellError(cell)) return '';
  if (cell instanceof Date) return 'date';
  return String(cell).trim();
}
