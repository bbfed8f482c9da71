/**
 * Which character separates the cells: `,` (Excel in English), `;` (Excel in
 * Spanish, where `,` is the decimal mark) or tab (Excel's "Unicode text").
 */

/** Lines looked at: enough to see past a title line or two. */
const MAX_LINES = 50;

/** `tab` and `\t` as a user would type them on a command line. */
export function delimiterOption(value: string): string {
  const lower = value.toLowerCase();
  if (lower === 'tab' || value === '\\t') return '\t';
  if (lower === 'comma') return ',';
  if (lower === 'semicolon') return ';';
  return value;
}

/**
 * The candidate that appears the same number of times (more than zero) on
 * the most lines, counting only outside quotes. On a tie, tab wins (nobody
 * types tabs into cells), then `;` if the text has decimal commas like
 * `1250,50`, else `,`. A file without any candidate is a one-column file.
 *
 * `text` is the start of the file; unless `complete`, its last line may be
 * cut and is ignored.
 */
export function detectDelimiter(text: string, complete: boolean): string {
  const lines = splitLines(text, complete);
  let best: string = ',';
  let bestScore = 0;
  for (const candidate of preferenceOrder(text)) {
    const score = consistency(lines.map((line) => countOutsideQuotes(line, candidate)));
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

function preferenceOrder(text: string): string[] {
  const decimalCommas = /\d,\d{1,2}(?!\d)/.test(text);
  return decimalCommas ? ['\t', ';', ','] : ['\t', ',', ';'];
}

/** How many lines share the most common non-zero count. */
function consistency(counts: number[]): number {
  const frequency = new Map<number, number>();
  let best = 0;
  for (const count of counts) {
    if (count === 0) continue;
    const seen = (frequency.get(count) ?? 0) + 1;
    frequency.set(count, seen);
    if (seen > best) best = seen;
  }
  return best;
}

/** Records (quoted newlines kept inside), skipping blank ones. */
function splitLines(text: string, complete: boolean): string[] {
  const lines: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length && lines.length < MAX_LINES; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (i > start) lines.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (complete && start < text.length && lines.length < MAX_LINES) lines.push(text.slice(start));
  return lines.filter((line) => line.trim() !== '');
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === delimiter) count++;
  }
  return count;
}
