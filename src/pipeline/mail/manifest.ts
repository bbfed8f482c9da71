/**
 * The split folder `--split-by` wrote, as `mail` sees it: where its manifest
 * is, which file belongs to which value, and each file's rows and amounts per
 * state (for the summary table in the message).
 *
 * `mail` takes the folder or either manifest file; the JSON manifest is the
 * one read (it has the amounts by currency; the CSV flattens them). A
 * manifest edited by hand that names a file outside its folder is refused.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { MANIFEST_CSV, MANIFEST_JSON, type ManifestEntry } from '../output/split.js';
import type { StateCount } from '../output/state-tally.js';
import { RunError } from '../run-error.js';
import { say } from '../../i18n/message.js';
import { run as runText } from '../../i18n/messages/run.js';

/** A manifest entry as `--split-by` wrote it, and where its file is. */
export interface ManifestFile extends ManifestEntry {
  /** Full path of the file. */
  path: string;
}

export interface Manifest {
  /** The split folder. */
  folder: string;
  /** The `_manifest.json` read. */
  path: string;
  /** The split column's header, e.g. "Cobrador". */
  column: string;
  files: ManifestFile[];
}

const notAManifest = (given: string, reason: string): RunError =>
  new RunError(
    'BAD_OPTION',
    say(runText.notAManifest, { given, reason, manifest: MANIFEST_JSON }),
  );

/** The manifest of `given`: a split folder, its `_manifest.json`, or its `_manifest.csv`. */
export async function locateManifest(given: string): Promise<string> {
  const info = await stat(given).catch(() => undefined);
  if (info === undefined) throw notAManifest(given, say(runText.manifestNoSuchPath));
  if (info.isDirectory()) return join(resolve(given), MANIFEST_JSON);
  const name = basename(given);
  if (name === MANIFEST_JSON) return resolve(given);
  // The CSV manifest's twin holds the same files with amounts by currency.
  if (name === MANIFEST_CSV) return join(dirname(resolve(given)), MANIFEST_JSON);
  throw notAManifest(given, say(runText.manifestNotOne, { json: MANIFEST_JSON, csv: MANIFEST_CSV }));
}

export async function readManifest(given: string): Promise<Manifest> {
  const path = await locateManifest(given);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw notAManifest(given, say(runText.manifestMissing, { path }));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw notAManifest(given, say(runText.manifestNotJson, { path }));
  }
  return parseManifest(json, path);
}

/** Checks the shape of a parsed `_manifest.json`. */
export function parseManifest(json: unknown, path: string): Manifest {
  const folder = dirname(path);
  const bad = (what: string): RunError => notAManifest(path, say(runText.manifestBad, { what }));
  if (typeof json !== 'object' || json === null) throw bad(say(runText.manifestNotObject));
  const { column, files } = json as { column?: unknown; files?: unknown };
  if (typeof column !== 'string' || !Array.isArray(files)) throw bad(say(runText.manifestNoFiles));
  const seen = new Set<string>();
  const entries = files.map((raw: unknown, i): ManifestFile => {
    const f = raw as Partial<Record<keyof ManifestFile, unknown>> | null;
    if (typeof f?.value !== 'string' || typeof f.file !== 'string' || typeof f.rows !== 'number') throw bad(say(runText.manifestEntryLacks, { n: i + 1 }));
    if (!isPlainName(folder, f.file)) throw bad(say(runText.manifestEntryOutside, { n: i + 1, file: f.file }));
    if (seen.has(f.value)) throw bad(say(runText.manifestValueTwice, { value: f.value }));
    seen.add(f.value);
    return {
      value: f.value,
      file: f.file,
      path: join(folder, f.file),
      rows: f.rows,
      states: isRecord(f.states) ? (f.states as Record<string, StateCount>) : {},
      amounts: isRecord(f.amounts) ? (f.amounts as Record<string, string>) : {},
    };
  });
  return { folder, path, column, files: entries };
}

function isRecord(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isPlainName(folder: string, name: string): boolean {
  const rel = relative(folder, resolve(folder, name));
  return name !== '' && rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.includes('/') && !rel.includes('\\');
}
