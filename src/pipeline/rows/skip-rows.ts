/**
 * Rows that are not bills: totals, subtotals, footers, an Excel table's
 * totals row, and rows hidden in the sheet. They are never sent, and they
 * are not errors either: they are marked SKIPPED with the reason, so a sheet
 * whose only oddities are such rows ends cleanly.
 *
 * The total rule. A bill taken for a total is a bill nobody sends (visible,
 * with its reason, in the output); a total taken for a bill is a client billed
 * twice (invisible until the client complains). So where a row is truly
 * ambiguous the rule prefers SKIPPED, and otherwise it looks only at *label*
 * cells, never at what a bill's concept happens to say.
 *
 * Total words (compared without case or accents): Total, Totales, Totals,
 * Subtotal, Sub-total, Sub total, Gran total, Total general, Grand total,
 * Suma, Sumas, Suma total, Sum. A label is
 *  - 'exact' when it is only a total word ("TOTAL:", "Gran total");
 *  - 'qualified' when it starts with a total word followed by more
 *    ("Subtotal zona norte", "Total enero", "Suma Ana Gómez"), or when it ends
 *    with the word Total (English Excel's outline label "<group> Total",
 *    "Acme SAS Total"; "Valor total");
 *  - not a total label otherwise: the word inside another ("Totalgas S.A.S.",
 *    "Sumatoria", "TOTAL-001") or in the middle ("Pago total del servicio").
 * One exception: plain "Total" followed by a company name ("Total Seguros
 * S.A.", "Total Distribuciones Ltda.") is a company, not a label. It applies to
 * plain Total only: "Subtotal Acme S.A.S.", "Gran total Acme S.A.S.", "Suma
 * Inversiones S.A.S." are qualified labels, because a company called that is
 * rarer than a subtotal of a company, and a wrong skip shows while a wrong
 * bill does not. And "Total <name>" is still a label when an earlier row named
 * exactly <name> (Spanish Excel's outline label "Total Acme S.A.S." under the
 * Acme S.A.S. rows).
 *
 * Which cells, and when. A row is a total row when
 *  1. its reference cell is a total label (exact or qualified); or
 *  2. its label cell — the name, or the row's first text cell when the name is
 *     empty — or its first text cell is an exact total word, whatever else the
 *     row holds; or
 *  3. the row has no reference, no email and no phone (nothing that makes it a
 *     bill of its own) and
 *       - its label cell is a qualified total label, or
 *       - the name is empty and the description is a total label, or
 *       - the name is filled and the description is an exact total word
 *         ("Facturación noviembre" | "TOTAL").
 * So a client's concept never makes a bill a total: "Acme SAS | Suma asegurada
 * póliza 4471" and "Beta SAS | Total consumo noviembre" are bills, and a row
 * with its own reference or contact ("Suma Inversiones S.A.S." with FV-0303)
 * is a bill unless a label cell is a bare total word.
 */
import { isCellError, type CellValue, type RawRow } from '../../io/types.js';
import type { ColumnMap, Field, RowSkip } from '../types.js';
import { say } from '../../i18n/message.js';
import { rowsSkip } from '../../i18n/messages/rows-skip.js';

const TOTAL_WORD = /^(?:gran total|total general|grand total|sub ?-?totales|sub ?-?totals?|totales|totals?|suma total|sumas?|sum)(?=$|[\s:.])[\s:.\-]*/;
// English Excel's outline label "<group> Total": the word Total closes the label.
const ENDS_TOTAL = /\stotal[\s:.]*$/;
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
// Cheap first looks, so the common row (a bill) never pays for Unicode folding: every total label starts
// like one of these (no accent before the fourth letter) or ends with the word Total, and every footer
// label starts like one of these.
const MAYBE_TOTAL = /^\s*(?:gra|sub|tot|sum)|\stotal[\s:.]*$/i;
const MAYBE_FOOTER = /^\s*(?:ela|pre|rev|apr|aut|gen|imp|fec|p[aá]g|hoj|rep|fir|sig|rec|pri|v\.?\s?o|[_\-=.])/i;

/** The columns whose cells are values, never labels. */
const VALUE_FIELDS: readonly Field[] = ['amount', 'dueDate', 'email', 'phone', 'currency'];

/** Accent-free, lower-case, single-spaced: how labels are compared. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * 'exact' for a bare total word ("TOTAL:", "Gran total"), 'qualified' for a total word and more ("Subtotal enero",
 * "Acme SAS Total"), undefined for anything else, "Total Seguros S.A." included. `group` says whether a name was
 * seen on an earlier row: then "Total <that name>" is the outline label of its group, not a company.
 */
export function totalLabel(text: string, group?: (name: string) => boolean): 'exact' | 'qualified' | undefined {
  if (!MAYBE_TOTAL.test(text)) return undefined;
  const t = fold(text);
  const m = TOTAL_WORD.exec(t);
  if (m === null) return ENDS_TOTAL.test(t) ? 'qualified' : undefined;
  const rest = t.slice(m[0].length).trim();
  if (rest === '') return 'exact';
  // Only plain "Total" may start a company's name; "Subtotal Acme S.A.S." is never one.
  const plainTotal = /^total\s+$/.test(m[0]);
  if (plainTotal && COMPANY.test(rest) && group?.(rest) !== true) return undefined;
  return 'qualified';
}

/** True for a footer line's first cell: "Elaborado por: …", "Fecha de impresión: …", "Página 1 de 2", a signature line. */
export function isFooterLabel(text: string): boolean {
  if (!MAYBE_FOOTER.test(text)) return false;
  const t = fold(text);
  return t !== '' && (FOOTER.test(t) || RULE_LINE.test(t));
}

/** The sentences a skipped row's error column shows, in the run's language. */
export const SKIP_MESSAGES = {
  total: (row: number, column: string, text: string) => say(rowsSkip.total, { row, column, text }),
  tableTotal: (row: number) => say(rowsSkip.tableTotal, { row }),
  footer: (row: number, column: string, text: string) => say(rowsSkip.footer, { row, column, text }),
  afterFooter: (row: number, footer: number) => say(rowsSkip.afterFooter, { row, footer }),
  hidden: (row: number) => say(rowsSkip.hidden, { row }),
} as const;

/** Decides, row by row, whether a row is not a bill. Stateful: rows after a footer line are footer too. */
export class RowSkipper {
  private footerRow: number | undefined;
  /** Folded company names of the rows seen so far (see remember). */
  private readonly groups = new Set<string>();

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
    this.remember(row);
    return undefined;
  }

  /** The index of the cell that makes the row a total row, if any (the rule is in the comment at the top). */
  private totalCell(row: RawRow): number | undefined {
    const { fields } = this.map;
    const group = (name: string) => this.groups.has(name);
    const ref = fields.reference;
    if (ref !== undefined && totalLabel(text(row.cells[ref]), group) !== undefined) return ref;
    const named = !this.empty(row, 'name');
    const first = this.firstTextCell(row);
    const label = named ? fields.name : first;
    const labelKind = label === undefined ? undefined : totalLabel(text(row.cells[label]), group);
    if (labelKind === 'exact') return label;
    // A bare total word in the row's first text cell is a label even beside a name (an unmapped "Grupo" column).
    if (first !== undefined && first !== label && totalLabel(text(row.cells[first])) === 'exact') return first;
    if (!(this.empty(row, 'reference') && this.empty(row, 'email') && this.empty(row, 'phone'))) return undefined;
    if (labelKind !== undefined) return label;
    const desc = fields.description;
    if (desc === undefined || desc === label) return undefined;
    const descKind = totalLabel(text(row.cells[desc]));
    // A client's concept ("Total consumo noviembre") never makes a named row a total; a bare "TOTAL" does.
    if (descKind === 'exact' || (descKind !== undefined && !named)) return desc;
    return undefined;
  }

  /**
   * Remembers a billed row's name when it reads as a company, so a later "Total <that name>" (Spanish Excel's
   * outline label) is known as its group's total rather than taken for a company called "Total …".
   */
  private remember(row: RawRow): void {
    const i = this.map.fields.name;
    if (i === undefined) return;
    const name = text(row.cells[i]);
    if (name !== '' && COMPANY.test(name.toLowerCase())) this.groups.add(fold(name));
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
