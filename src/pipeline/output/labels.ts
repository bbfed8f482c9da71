/**
 * The tool's own words in the files and reports it writes, in one language,
 * read from the catalogue (src/i18n/messages/labels.ts and reports.ts). A
 * file may be written in a language other than the run's (a collector's mail
 * in theirs), so this takes the language rather than the process's.
 */
import type { Lang } from '../../i18n/lang.js';
import { sayIn, type Message } from '../../i18n/message.js';
import { labels } from '../../i18n/messages/labels.js';
import { reports } from '../../i18n/messages/reports.js';

export type { Lang } from '../../i18n/lang.js';

export interface Words {
  state: string;
  rows: string;
  amount: string;
  currency: string;
  total: string;
  parameter: string;
  value: string;
  blank: string;
  run: {
    input: string;
    fingerprint: string;
    output: string;
    service: string;
    dryRun: string;
    time: string;
    version: string;
    splitBy: string;
  };
  report: {
    done: string;
    dryRun: string;
    rows: string;
    time: string;
    stopped: string;
    rowsWithoutLink: string;
    uncertain: (n: number) => string;
    again: (journal: string) => string;
    /** The service pushed back: how often, the limit it showed, and a --rate for next time. */
    pushedBack: (pushbacks: number, limit: number | undefined, suggested: number | undefined) => string;
    split: (files: number, folder: string) => string;
    splitFailed: string;
    qr: (count: number, path: string) => string;
    qrFailed: string;
    linkStates: string;
    paymentStates: string;
    /** The closing report's line for rows that are not bills. */
    skipped: (n: string, detail: string) => string;
  };
  qrSheet: { reference: string; name: string; link: string; code: string };
}

function build(lang: Lang): Words {
  const l = labels;
  const r = reports;
  const say = (m: Message): string => sayIn(lang, m);
  return {
    state: say(l.state),
    rows: say(l.rows),
    amount: say(l.amount),
    currency: say(l.currency),
    total: say(l.total),
    parameter: say(l.parameter),
    value: say(l.value),
    blank: say(l.blank),
    run: {
      input: say(l.run.input),
      fingerprint: say(l.run.fingerprint),
      output: say(l.run.output),
      service: say(l.run.service),
      dryRun: say(l.run.dryRun),
      time: say(l.run.time),
      version: say(l.run.version),
      splitBy: say(l.run.splitBy),
    },
    report: {
      done: say(r.done),
      dryRun: say(r.dryRun),
      rows: say(r.rows),
      time: say(r.time),
      stopped: say(r.stopped),
      rowsWithoutLink: say(r.rowsWithoutLink),
      uncertain: (count) => sayIn(lang, r.uncertain, { count }),
      again: (journal) => sayIn(lang, r.again, { journal }),
      pushedBack: (count, limit, suggested) => sayIn(lang, r.pushedBack, { count, limit, suggested }),
      split: (files, folder) => sayIn(lang, r.split, { files, folder }),
      splitFailed: say(r.splitFailed),
      qr: (count, path) => sayIn(lang, r.qr, { count, path }),
      qrFailed: say(r.qrFailed),
      linkStates: say(r.linkStates),
      paymentStates: say(r.paymentStates),
      skipped: (count, detail) => sayIn(lang, r.skipped, { count, detail }),
    },
    qrSheet: {
      reference: say(l.qrSheet.reference),
      name: say(l.qrSheet.name),
      link: say(l.qrSheet.link),
      code: say(l.qrSheet.code),
    },
  };
}

const BUILT: Partial<Record<Lang, Words>> = {};

export function words(lang: Lang): Words {
  return (BUILT[lang] ??= build(lang));
}
