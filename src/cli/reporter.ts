/**
 * Shows a run's progress: a live progress line on a terminal, JSON lines
 * (one object per line, for cron logs and scripts) when stderr is not a
 * terminal or with --log json. Everything goes to stderr; stdout is kept for
 * the closing report.
 */
import type { RunEvent } from '../pipeline/events.js';
import type { ThrottleStats } from '../pipeline/service/throttle.js';
import { say } from '../i18n/message.js';
import { progress } from '../i18n/messages/progress.js';
import { stateLabel } from '../i18n/messages/states.js';
import { EtaEstimator, formatDuration } from './eta.js';

export const LOG_MODES = ['auto', 'text', 'json'] as const;
export type LogMode = (typeof LOG_MODES)[number];

export interface Reporter {
  readonly json: boolean;
  event(event: RunEvent): void;
  warn(message: string): void;
  /** Clears the progress line before the closing report. */
  finish(): void;
}

/** States that are worth a line of their own in a log: a person may have to act on them. */
const NOTEWORTHY = new Set(['INVALID', 'FAILED', 'UNCERTAIN', 'UNKNOWN']);
const REDRAW_MS = 100;
const JSON_PROGRESS_MS = 5000;

export function createReporter(options: { log: LogMode; quiet?: boolean; stream?: NodeJS.WriteStream }): Reporter {
  const stream = options.stream ?? process.stderr;
  const json = options.log === 'json' || (options.log === 'auto' && !stream.isTTY);
  const live = !json && stream.isTTY === true && !options.quiet;
  const counts = new Map<string, number>();
  let done = 0;
  let total: number | undefined;
  let phaseStarted = Date.now();
  let lastDraw = 0;
  let lineShown = false;
  /** The latest pace, once the service has pushed back: shown on the progress line. */
  let pace: ThrottleStats | undefined;
  const eta = new EtaEstimator();

  const write = (line: string): void => {
    if (lineShown) stream.write('\r\x1b[K');
    lineShown = false;
    stream.write(`${line}\n`);
  };
  const jsonLine = (level: string, event: string, fields: Record<string, unknown>): void => {
    stream.write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`);
  };
  const draw = (force = false): void => {
    const nowMs = Date.now();
    if (!force && nowMs - lastDraw < REDRAW_MS) return;
    lastDraw = nowMs;
    const rate = done / Math.max(0.001, (nowMs - phaseStarted) / 1000);
    stream.write(`\r\x1b[K${progressLine({ done, total, rate, counts, secondsLeft: eta.secondsLeft(total), pace })}`);
    lineShown = true;
  };
  let lastJsonProgress = Date.now();

  return {
    json,
    event(event) {
      switch (event.type) {
        case 'phase':
          if (event.phase === 'send' || event.phase === 'query') {
            counts.clear();
            done = 0;
            total = event.total;
            phaseStarted = Date.now();
            eta.reset();
            eta.record(phaseStarted, 0);
            // The first progress line comes a while into the phase, when the time left can be told.
            lastJsonProgress = phaseStarted;
          }
          if (json) jsonLine('info', 'phase', { phase: event.phase, message: event.message });
          else if (!options.quiet) write(event.message);
          return;
        case 'row':
          done += 1;
          eta.record(Date.now(), done);
          counts.set(event.state, (counts.get(event.state) ?? 0) + 1);
          if (json) {
            if (NOTEWORTHY.has(event.state)) jsonLine('warn', 'row', { row: event.rowNumber, reference: event.reference, state: event.state, error: event.error });
            else if (Date.now() - lastJsonProgress >= JSON_PROGRESS_MS) {
              lastJsonProgress = Date.now();
              const etaSeconds = eta.secondsLeft(total);
              jsonLine('info', 'progress', {
                done,
                ...(total === undefined ? {} : { total }),
                states: Object.fromEntries(counts),
                ...(etaSeconds === undefined ? {} : { etaSeconds }),
                ...(pace ? { pushbacks: pace.pushbacks, rate: pace.rate } : {}),
              });
            }
          } else if (live) draw();
          return;
        case 'warning':
          if (json) jsonLine('warn', 'warning', { message: event.message, row: event.rowNumber });
          else write(say(progress.warning, { message: event.message }));
          return;
        case 'pushback':
          pace = event.pace;
          if (json) jsonLine('warn', 'pushback', { pushbacks: event.pace.pushbacks, rate: event.pace.rate, serviceLimit: event.pace.serviceLimit });
          else if (live) draw(true);
          else if (!options.quiet) write(say(progress.pushbackLine, { count: event.pace.pushbacks, pace: paceRate(event.pace) }));
          return;
      }
    },
    warn(message) {
      if (json) jsonLine('warn', 'warning', { message });
      else write(say(progress.warning, { message }));
    },
    finish() {
      if (live && lineShown) draw(true);
      if (lineShown) stream.write('\n');
      lineShown = false;
    },
  };
}

export interface ProgressState {
  done: number;
  total?: number;
  /** Rows per second since the phase started. */
  rate: number;
  counts: ReadonlyMap<string, number>;
  /** From the recent rate; undefined until a few rows are done. */
  secondsLeft?: number;
  /** Once the service has pushed back. */
  pace?: ThrottleStats;
}

/**
 * The live line: bar, rows, rate, time left, rows per state (labelled in the
 * run's language), and — once the service has pushed back — how often and
 * the pace kept now. Pure, in the run's language.
 */
export function progressLine(p: ProgressState): string {
  const bar = p.total ? `${progressBar(p.done / p.total)} ${p.done}/${p.total}` : say(progress.rowsDone, { done: String(p.done) });
  const parts = [bar, say(progress.rate, { rate: p.rate.toFixed(0) })];
  if (p.secondsLeft !== undefined && p.total !== undefined && p.done < p.total) parts.push(say(progress.eta, { duration: formatDuration(p.secondsLeft) }));
  for (const [state, n] of p.counts) parts.push(`${stateLabel(state) ?? state.toLowerCase()} ${n}`);
  if (p.pace && p.pace.pushbacks > 0) parts.push(say(progress.pushback, { count: p.pace.pushbacks, pace: paceRate(p.pace) }));
  return parts.join(' · ');
}

function paceRate(pace: ThrottleStats): string {
  return pace.rate === undefined ? '' : `≤ ${pace.rate.toFixed(pace.rate < 10 ? 1 : 0)}/s`;
}

function progressBar(fraction: number): string {
  const width = 24;
  const filled = Math.max(0, Math.min(width, Math.round(fraction * width)));
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}
