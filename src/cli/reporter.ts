/**
 * Shows a run's progress: a live progress line on a terminal, JSON lines
 * (one object per line, for cron logs and scripts) when stderr is not a
 * terminal or with --log json. Everything goes to stderr; stdout is kept for
 * the closing report.
 */
import type { RunEvent } from '../pipeline/events.js';
import type { ThrottleStats } from '../pipeline/service/throttle.js';

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
    const parts = [...counts.entries()].map(([state, n]) => `${state.toLowerCase()} ${n}`).join(' · ');
    const bar = total ? `${progressBar(done / total)} ${done}/${total}` : `${done} rows`;
    stream.write(`\r\x1b[K${bar} · ${rate.toFixed(0)} rows/s${parts ? ` · ${parts}` : ''}${pace ? ` · ${paceText(pace)}` : ''}`);
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
          }
          if (json) jsonLine('info', 'phase', { phase: event.phase, message: event.message });
          else if (!options.quiet) write(event.message);
          return;
        case 'row':
          done += 1;
          counts.set(event.state, (counts.get(event.state) ?? 0) + 1);
          if (json) {
            if (NOTEWORTHY.has(event.state)) jsonLine('warn', 'row', { row: event.rowNumber, reference: event.reference, state: event.state, error: event.error });
            else if (Date.now() - lastJsonProgress >= JSON_PROGRESS_MS) {
              lastJsonProgress = Date.now();
              jsonLine('info', 'progress', { done, states: Object.fromEntries(counts), ...(pace ? { pushbacks: pace.pushbacks, rate: pace.rate } : {}) });
            }
          } else if (live) draw();
          return;
        case 'warning':
          if (json) jsonLine('warn', 'warning', { message: event.message, row: event.rowNumber });
          else write(`warning: ${event.message}`);
          return;
        case 'pushback':
          pace = event.pace;
          if (json) jsonLine('warn', 'pushback', { pushbacks: event.pace.pushbacks, rate: event.pace.rate, serviceLimit: event.pace.serviceLimit });
          else if (live) draw(true);
          else if (!options.quiet) write(`The service is pushing back (429): slowing down to ${paceText(event.pace)}.`);
          return;
      }
    },
    warn(message) {
      if (json) jsonLine('warn', 'warning', { message });
      else write(`warning: ${message}`);
    },
    finish() {
      if (live && lineShown) draw(true);
      if (lineShown) stream.write('\n');
      lineShown = false;
    },
  };
}

function paceText(pace: ThrottleStats): string {
  const rate = pace.rate === undefined ? '' : `≤ ${pace.rate.toFixed(pace.rate < 10 ? 1 : 0)}/s · `;
  return `${rate}429 × ${pace.pushbacks}`;
}

function progressBar(fraction: number): string {
  const width = 24;
  const filled = Math.max(0, Math.min(width, Math.round(fraction * width)));
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}
