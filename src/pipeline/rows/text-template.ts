/**
 * `--name` and `--description` templates such as `Factura {reference}`.
 * Placeholders are field names. A template is checked once at startup, so a
 * typo like `{refrence}` stops the run before any row is read instead of
 * producing 40,000 links named "Factura {refrence}".
 */
import { PaylinksError } from '../../errors.js';
import { FIELDS } from '../types.js';
import { say } from '../../i18n/message.js';
import { mapping } from '../../i18n/messages/mapping.js';

export type TemplateErrorCode = 'TEMPLATE_INVALID';

export class TemplateError extends PaylinksError<TemplateErrorCode> {
  override readonly name = 'TemplateError';
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The parts of a template: literal text at even positions, placeholder names at odd ones. */
type Compiled = string[];

const compiledCache = new Map<string, Compiled>();

/** Throws a TemplateError naming any unknown placeholder and the accepted ones. */
export function checkTemplate(tpl: string, allowed: readonly string[] = FIELDS): void {
  const unknown = [...tpl.matchAll(PLACEHOLDER)].map((m) => m[1] as string).filter((name) => !allowed.includes(name));
  if (unknown.length > 0) {
    throw new TemplateError('TEMPLATE_INVALID', say(mapping.templateUnknown, { template: tpl, unknown, allowed }));
  }
}

function compile(tpl: string): Compiled {
  let parts = compiledCache.get(tpl);
  if (parts === undefined) {
    parts = tpl.split(PLACEHOLDER);
    compiledCache.set(tpl, parts);
  }
  return parts;
}

/** Fills the placeholders; a missing value renders as empty text. */
export function renderTemplate(tpl: string, values: Readonly<Record<string, string | undefined>>): string {
  const parts = compile(tpl);
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) out += (values[parts[i] as string] ?? '') + (parts[i + 1] as string);
  return out;
}
