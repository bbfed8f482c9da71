/**
 * Every flag and positional of every command is described in both languages:
 * each builder runs on a real yargs instance that records what it declares,
 * once in Spanish and once in English, and the two descriptions must both be
 * there, differ, and the Spanish one hold no English. Examples and epilogues
 * too. The list of commands is checked against the CLI's own in help.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import yargs, { type Argv, type Options, type PositionalOptions } from 'yargs';
import * as issue from '../../src/cli/commands/issue.js';
import * as mail from '../../src/cli/commands/mail.js';
import * as reconcile from '../../src/cli/commands/reconcile.js';
import * as sandbox from '../../src/cli/commands/sandbox.js';
import * as summary from '../../src/cli/commands/summary.js';
import * as template from '../../src/cli/commands/template.js';
import * as verifyNotification from '../../src/cli/commands/verify-notification.js';
import * as webhook from '../../src/cli/commands/webhook.js';
import { yargsStrings } from '../../src/cli/yargs-locale.js';
import { setLang } from '../../src/i18n/current.js';
import type { Lang } from '../../src/i18n/lang.js';
import { englishWords } from '../i18n/english.js';
import { readFileSync } from 'node:fs';

interface CommandModule {
  command: string;
  describe: () => string;
  builder: (y: Argv) => unknown;
}

const COMMANDS: Record<string, CommandModule> = { issue, reconcile, webhook, 'verify-notification': verifyNotification, summary, template, sandbox, mail };

/** What a builder declares, in the language set: flag → description, plus its examples and epilogue. */
function declared(module: CommandModule, lang: Lang): Map<string, unknown> {
  setLang(lang);
  const seen = new Map<string, unknown>([['(command)', module.describe()]]);
  const y = yargs([]);
  const option = y.option.bind(y);
  const positional = y.positional.bind(y);
  const example = y.example.bind(y);
  const epilogue = y.epilogue.bind(y);
  Object.assign(y, {
    option: (key: string, opts: Options) => (seen.set(`--${key}`, opts.describe), option(key, opts)),
    positional: (key: string, opts: PositionalOptions) => (seen.set(`<${key}>`, opts.describe), positional(key, opts)),
    example: (cmd: string, text: string) => (seen.set(`example ${cmd}`, text), example(cmd, text)),
    epilogue: (text: string) => (seen.set('(epilogue)', text), epilogue(text)),
  });
  module.builder(y);
  return seen;
}

afterEach(() => setLang('en'));

describe.each(Object.entries(COMMANDS))('paylinks %s', (_name, module) => {
  const es = declared(module, 'es');
  const en = declared(module, 'en');

  it('declares flags, the same in both languages', () => {
    expect([...es.keys()].some((k) => k.startsWith('--'))).toBe(true);
    expect([...es.keys()]).toEqual([...en.keys()]);
  });

  it.each([...en.keys()])('%s is described in both languages, the Spanish in Spanish', (key) => {
    const [textEs, textEn] = [es.get(key), en.get(key)];
    expect(typeof textEn === 'string' && textEn.trim() !== '', `${key} has no English description`).toBe(true);
    expect(typeof textEs === 'string' && textEs.trim() !== '', `${key} has no Spanish description`).toBe(true);
    expect(textEs, `${key}: the Spanish is the English`).not.toBe(textEn);
    // The same bar as the catalogue test: one English-looking word may be a value (a field name, "<sheet>").
    expect(englishWords(String(textEs)).length, `${key}: ${String(textEs)}`).toBeLessThan(2);
  });
});

describe("yargs' own words", () => {
  it('every string yargs looks up is given, in both languages, and the Spanish differs', () => {
    const yargsEnglish = JSON.parse(readFileSync(new URL('../../node_modules/yargs/locales/en.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    setLang('es');
    const es = yargsStrings();
    setLang('en');
    const en = yargsStrings();
    expect(Object.keys(es).sort()).toEqual(Object.keys(yargsEnglish).sort());
    expect(Object.keys(en).sort()).toEqual(Object.keys(yargsEnglish).sort());
    for (const key of Object.keys(yargsEnglish)) expect(es[key], key).not.toEqual(en[key]);
  });
});
