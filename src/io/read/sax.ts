/**
 * XML events for the parts of a workbook, from exceljs's own SAX wrapper
 * (saxes): the same parser exceljs uses for sheets, so no second XML parser
 * is shipped. Bytes are decoded here with a streaming decoder because a
 * chunk boundary may cut an accent in two.
 */
import { createRequire } from 'node:module';

export interface SaxTag {
  name: string;
  attributes: Record<string, string | undefined>;
}
export type SaxEvent = { eventType: 'opentag'; value: SaxTag } | { eventType: 'closetag'; value: SaxTag } | { eventType: 'text'; value: string };

const require = createRequire(import.meta.url);
const parseSax = require('exceljs/lib/utils/parse-sax') as (chunks: AsyncIterable<string>) => AsyncGenerator<SaxEvent[]>;

/** Batches of events for XML given as byte (or text) chunks. */
export function xmlEvents(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): AsyncGenerator<SaxEvent[]> {
  return parseSax(decodeUtf8(chunks));
}

async function* decodeUtf8(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const tail = decoder.decode();
  if (tail !== '') yield tail;
}

/** Every event of a small XML text (a relationships part, workbook.xml, a table). */
export async function allXmlEvents(text: string): Promise<SaxEvent[]> {
  const events: SaxEvent[] = [];
  for await (const batch of xmlEvents([text])) events.push(...batch);
  return events;
}

/** Some writers prefix the SpreadsheetML namespace (`x:row`). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by its local name (`r:id` and `id` alike). */
export function attribute(tag: SaxTag, name: string): string | undefined {
  const direct = tag.attributes[name];
  if (direct !== undefined) return direct;
  for (const [key, value] of Object.entries(tag.attributes)) if (localName(key) === name) return value;
  return undefined;
}

/** XML booleans as writers spell them: `1`/`true` (LibreOffice writes `hidden="false"`). */
export function xmlTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}
