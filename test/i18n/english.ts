/**
 * Finds English in text a Spanish run printed. A line is English when,
 * after what is not prose is removed (quoted values, paths, URLs, flags,
 * stable codes, JSON keys), it still holds English function words that
 * Spanish never uses. Shared by every test that runs the CLI in Spanish.
 */

/** Words of English prose that are not Spanish words (so "no", "a", "me" are left out). */
const ENGLISH_WORDS = new Set([
  'the', 'is', 'are', 'was', 'were', 'be', 'been', 'and', 'with', 'must', 'cannot', "can't", 'should', 'would', 'will',
  'this', 'that', 'which', 'these', 'those', 'row', 'rows', 'column', 'columns', 'file', 'files', 'sheet', 'sheets',
  'sent', 'run', 'of', 'to', 'for', 'from', 'has', 'have', 'not', 'or', 'it', 'its', 'in', 'on', 'at', 'by', 'an',
  'amount', 'date', 'due', 'link', 'links', 'done', 'time', 'left', 'error', 'errors', 'warning', 'show', 'help',
  'options', 'required', 'default', 'version', 'nothing', 'every', 'each', 'after', 'before', 'when', 'what',
  'there', 'than', 'then', 'only', 'into', 'could', 'did', 'does', 'do', "don't", 'isn', 'please', 'wrote', 'writing',
  'reading', 'sending', 'issued', 'skipped', 'failed', 'paid', 'pending', 'expired', 'disabled', 'uncertain',
]);

/** Parts of a line that are data, not prose: removed before looking for words. */
const NOT_PROSE: RegExp[] = [
  /"[^"\n]*"/g, // quoted values: a cell, a header, a file name
  /«[^»\n]*»/g,
  /`[^`\n]*`/g,
  /https?:\/\/\S+/g,
  /(?:^|\s)(?:\.{0,2}\/|~\/|[A-Za-z]:\\)\S*/g, // paths
  /[\w.-]+\/[\w.<>/-]+/g, // relative paths: enero/links-by-Cobrador, <out>-by-<column>/
  /\{[A-Za-z_]+\}/g, // template placeholders the user types: {collector} {rows} {PAID_amount}
  /\S+\.(?:csv|xlsx|xls|ods|json|jsonl|html|pdf|eml|png|txt|lock|tmp)\b/gi,
  /--[a-z][a-z0-9-]*(?:[= ][^\s,;)]+)?/g, // flags and their values
  /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, // stable codes: AMOUNT_INVALID
  /\b(?:ISSUED|INVALID|FAILED|UNCERTAIN|SKIPPED|PAID|PENDING|EXPIRED|DISABLED|ACTIVE|WOULD_ISSUE|UNKNOWN|COP|USD)\b/g,
  /\b[a-z]+_[a-z_]+\b/g, // column names written by paylinks: link_state
  /\S+@\S+/g, // addresses
];

/** The English words left in a line once data is removed. */
export function englishWords(line: string): string[] {
  if (/^\s*\{.*\}\s*$/.test(line)) {
    // A JSON log line: only its human message is prose.
    try {
      const parsed = JSON.parse(line) as { message?: unknown };
      return typeof parsed.message === 'string' ? englishWords(parsed.message) : [];
    } catch {
      /* not JSON after all: read it as prose */
    }
  }
  let prose = line;
  for (const pattern of NOT_PROSE) prose = prose.replace(pattern, ' ');
  const words = prose.toLowerCase().match(/[a-z']+/g) ?? [];
  return words.filter((w) => ENGLISH_WORDS.has(w));
}

/** Lines with at least `threshold` English words (two by default: one may be a name or a value). */
export function englishLines(text: string, threshold = 2): Array<{ line: string; words: string[] }> {
  return text
    .split(/\r?\n/)
    .map((line) => ({ line, words: englishWords(line) }))
    .filter((x) => x.words.length >= threshold);
}
