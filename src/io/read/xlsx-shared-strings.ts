/**
 * The shared strings part: every <si> as one string (rich-text runs joined,
 * phonetic guides left out). Held in memory, as Excel itself does: cells only
 * point at them.
 */
import { localName, xmlEvents } from './sax.js';

export async function readSharedStrings(chunks: AsyncIterable<Buffer>): Promise<string[]> {
  const strings: string[] = [];
  let current = '';
  let capturing = false;
  let phonetic = false;
  for await (const events of xmlEvents(chunks)) {
    for (const event of events) {
      if (event.eventType === 'text') {
        if (capturing) current += event.value;
        continue;
      }
      const tag = localName(event.value.name);
      if (event.eventType === 'opentag') {
        if (tag === 'si') current = '';
        else if (tag === 't' && !phonetic) capturing = true;
        else if (tag === 'rPh') phonetic = true;
      } else if (tag === 't') capturing = false;
      else if (tag === 'rPh') phonetic = false;
      else if (tag === 'si') strings.push(current);
    }
  }
  return strings;
}
