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
    `${given}: ${reason}. Give the folder that --split-by wrote (e.g. enero/links-by-Cobrador) or its ${MANIFEST_JSON}.`,
  );

/** The manifest of `given`: a split folder, its `_manifest.json`, or its `_manifest.csv`. */
export async function locateManifest(given: string): Promise<string> {
  const info = await stat(given).catch(() => undefined);
  if (info === undefined) throw notAManifest(given, 'no such file or folder');
  if (info.isDirectory()) return join(resolve(given), MANIFEST_JSON);
  const name = basename(given);
  if (name === MANIFEST_JSON) return resolve(given);
  // The CSV manifest's twin holds the same files with amounts by currency.
  if (name === MANIFEST_CSV) return join(dirname(resolve(given)), MANIFEST_JSON);
  throw notAManifest(given, `is a file but not a manifest (${MANIFEST_JSON} or ${MANIFEST_CSV})`);
}

export async function readManifest(given: string): Promise<Manifest> {
  const path = await locateManifest(given);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw notAManifest(given, `${path} is missing (was the folder written by paylinks issue/reconcile --split-by?)`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw notAManifest(given, `${path} is not valid JSON`);
  }
  return parseManifest(json, path);
}

/** Checks the shape of a parsed `_manifest.json`. */
export function parseManifest(json: unknown, path: string): Manifest {
  const folder = dirname(path);
  const bad = (what: string): RunError => notAManifest(path, `is not a manifest paylinks wrote (${what})`);
  if (typeof json !== 'object' || json === null) throw bad('not an object');
  const { column, files } = json as { column?: unknown; files?: unknown };
  if (typeof column !== 'string' || !Array.isArray(files)) throw bad('no "column" or "files"');
  const seen = new Set<string>();
  const entries = files.map((raw: unknown, i): ManifestFile => {
    const f = raw as Partial<Record<keyof ManifestFile, unknown>> | null;
    if (typeof f?.value !== 'string' || typeof f.file !== 'string' || typeof f.rows !== 'number') throw bad(`entry ${i + 1} lacks value, file or rows`);
    if (!isPlainName(folder, f.file)) throw bad(`entry ${i + 1} names "${f.file}", outside the folder`);
    if (seen.has(f.value)) throw bad(`the value "${f.value}" is listed twice`);
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
