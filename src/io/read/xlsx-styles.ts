/**
 * The number format of each cell style (styles.xml: <numFmts> and the
 * <cellXfs> a cell's `s` attribute points at), described once per style.
 */
import type { CellFormat } from '../types.js';
import { describeNumberFormat } from './number-format.js';
import { attribute, localName, xmlEvents } from './sax.js';

/**
 * Formats Excel knows by id and does not write into the file (ECMA-376
 * §18.8.30). 5–8 are the system currency formats, shown here as en-US
 * writes them; 27–36 and 50–58 are East Asian dates.
 */
const BUILT_IN: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  5: '"$"#,##0_);\\("$"#,##0\\)',
  6: '"$"#,##0_);[Red]\\("$"#,##0\\)',
  7: '"$"#,##0.00_);\\("$"#,##0.00\\)',
  8: '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};
for (const id of [27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]) BUILT_IN[id] = 'yyyy/mm/dd';

export interface CellStyles {
  /** The format of style `index`; undefined for General (nothing to say). */
  format(index: number): CellFormat | undefined;
}

/** No styles part (it is optional): every cell is General. */
export const NO_STYLES: CellStyles = { format: () => undefined };

export async function readStyles(chunks: AsyncIterable<Buffer>): Promise<CellStyles> {
  const custom = new Map<number, string>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  for await (const events of xmlEvents(chunks)) {
    for (const event of events) {
      if (event.eventType === 'text') continue;
      const tag = localName(event.value.name);
      if (event.eventType === 'closetag') {
        if (tag === 'cellXfs') inCellXfs = false;
        continue;
      }
      if (tag === 'numFmt') {
        const id = Number(attribute(event.value, 'numFmtId'));
        const code = attribute(event.value, 'formatCode');
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (tag === 'cellXfs') inCellXfs = true;
      else if (tag === 'xf' && inCellXfs) styleFormats.push(Number(attribute(event.value, 'numFmtId') ?? '0'));
    }
  }
  const described = new Map<number, CellFormat | undefined>();
  return {
    format(index) {
      if (described.has(index)) return described.get(index);
      const id = styleFormats[index] ?? 0;
      const code = custom.get(id) ?? BUILT_IN[id];
      const format = code === undefined || /^general$/i.test(code.trim()) ? undefined : Object.freeze(describeNumberFormat(code));
      described.set(index, format);
      return format;
    },
  };
}
