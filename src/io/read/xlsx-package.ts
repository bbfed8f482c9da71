/**
 * A workbook's structure, read from its small parts before any sheet: the
 * tabs in the order the user sees them (the order of <sheets> in the workbook
 * part, not the order of the parts in the zip: Mac Excel stores them out of
 * order), whether each is hidden, which part holds it (relationship targets
 * resolved the way the Open Packaging Conventions say: relative to the
 * source part, or absolute from the root as openpyxl and pandas write them),
 * and the Excel tables on it (for their totals rows).
 */
import { allXmlEvents, attribute, localName, xmlTrue } from './sax.js';
import type { ZipParts } from './xlsx-zip.js';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface TabInfo {
  /** The tab's name as shown. */
  name: string;
  /** 1-based position among all tabs, hidden ones included. */
  position: number;
  state: SheetState;
  /** The worksheet part (`xl/worksheets/sheet1.xml`); undefined for a chart sheet or a missing part. */
  part?: string;
  /** What the tab is when it is not a worksheet (`chartsheet`, `dialogsheet`, `macrosheet`). */
  kind: string;
}

export interface WorkbookPackage {
  tabs: TabInfo[];
  date1904: boolean;
  sharedStringsPart?: string;
  stylesPart?: string;
}

/** Rows of an Excel table that are its totals rows (the table part says how many; they end its range). */
export interface TableTotals {
  table: string;
  firstRow: number;
  lastRow: number;
}

export class NotAWorkbook extends Error {}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

export async function readPackage(zip: ZipParts): Promise<WorkbookPackage> {
  const root = await relationships(zip, '');
  const office = root.find((rel) => rel.type.endsWith('/officeDocument'));
  const workbookPart = office?.target ?? (zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : undefined);
  const workbookXml = workbookPart === undefined ? undefined : await zip.text(workbookPart);
  if (workbookPart === undefined || workbookXml === undefined) throw new NotAWorkbook('no workbook part');
  const rels = await relationships(zip, workbookPart);
  const byId = new Map(rels.map((rel) => [rel.id, rel]));

  const tabs: TabInfo[] = [];
  let date1904 = false;
  for (const event of await allXmlEvents(workbookXml)) {
    if (event.eventType !== 'opentag') continue;
    const tag = localName(event.value.name);
    if (tag === 'workbookPr') {
      date1904 = xmlTrue(attribute(event.value, 'date1904'));
    } else if (tag === 'sheet') {
      const rel = byId.get(attribute(event.value, 'id') ?? '');
      const kind = rel === undefined ? 'missing' : relationKind(rel.type);
      const state = attribute(event.value, 'state');
      tabs.push({
        name: attribute(event.value, 'name') ?? `Sheet${tabs.length + 1}`,
        position: tabs.length + 1,
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        part: kind === 'worksheet' && rel !== undefined && zip.has(rel.target) ? rel.target : undefined,
        kind,
      });
    }
  }
  return {
    tabs,
    date1904,
    sharedStringsPart: rels.find((rel) => rel.type.endsWith('/sharedStrings'))?.target ?? existing(zip, 'xl/sharedStrings.xml'),
    stylesPart: rels.find((rel) => rel.type.endsWith('/styles'))?.target ?? existing(zip, 'xl/styles.xml'),
  };
}

/** The totals rows of the Excel tables on a worksheet part. */
export async function tableTotals(zip: ZipParts, sheetPart: string): Promise<TableTotals[]> {
  const totals: TableTotals[] = [];
  for (const rel of await relationships(zip, sheetPart)) {
    if (!rel.type.endsWith('/table')) continue;
    const xml = await zip.text(rel.target);
    if (xml === undefined) continue;
    for (const event of await allXmlEvents(xml)) {
      if (event.eventType !== 'opentag' || localName(event.value.name) !== 'table') continue;
      // totalsRowShown="1" alone only says a totals row was once shown; the rows are there when totalsRowCount says so.
      const count = Number(attribute(event.value, 'totalsRowCount') ?? '0');
      const range = /^[A-Za-z]+(\d+):[A-Za-z]+(\d+)$/.exec(attribute(event.value, 'ref') ?? '');
      if (range !== null && Number.isInteger(count) && count > 0) {
        const lastRow = Number(range[2]);
        totals.push({ table: attribute(event.value, 'displayName') ?? attribute(event.value, 'name') ?? rel.target, firstRow: lastRow - count + 1, lastRow });
      }
      break;
    }
  }
  return totals;
}

function existing(zip: ZipParts, part: string): string | undefined {
  return zip.has(part) ? part : undefined;
}

/** `http://…/relationships/worksheet` (transitional) and `http://purl.oclc.org/…/worksheet` (strict) alike. */
function relationKind(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

/** The relationships of a part (`''` for the package itself), targets resolved to part names. */
async function relationships(zip: ZipParts, part: string): Promise<Relationship[]> {
  const slash = part.lastIndexOf('/');
  const folder = slash < 0 ? '' : part.slice(0, slash);
  const name = slash < 0 ? part : part.slice(slash + 1);
  const xml = await zip.text(`${folder === '' ? '' : `${folder}/`}_rels/${name}.rels`);
  if (xml === undefined) return [];
  const rels: Relationship[] = [];
  for (const event of await allXmlEvents(xml)) {
    if (event.eventType !== 'opentag' || localName(event.value.name) !== 'Relationship') continue;
    const { Id, Type, Target, TargetMode } = event.value.attributes;
    if (Id === undefined || Type === undefined || Target === undefined || TargetMode === 'External') continue;
    rels.push({ id: Id, type: Type, target: resolveTarget(folder, Target) });
  }
  return rels;
}

/** A relationship target as a part name: absolute (`/xl/worksheets/sheet2.xml`) or relative to the source's folder. */
export function resolveTarget(folder: string, target: string): string {
  const decoded = safeDecode(target);
  const segments = decoded.startsWith('/') ? [] : folder.split('/').filter((s) => s !== '');
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

function safeDecode(target: string): string {
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}
