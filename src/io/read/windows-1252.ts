/** Windows-1252, the encoding Excel on Windows in Spanish writes CSV in. */

/**
 * The WHATWG Windows-1252 characters for bytes 0x80–0x9F (the rest is
 * Latin-1). Decoded by hand because Node 20.18.3+ TextDecoder('windows-1252')
 * wrongly returns C1 controls for these bytes (nodejs/node#60888), and Excel's
 * € and “smart quotes” live exactly here.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
].map((code) => String.fromCharCode(code));

const C1_RANGE = /[\x80-\x9f]/g;

export function decodeWindows1252(bytes: Buffer): string {
  const latin1 = bytes.toString('latin1');
  return latin1.replace(C1_RANGE, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}
