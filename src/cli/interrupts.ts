/**
 * Ctrl-C during a run: the first one stops sending new requests and lets the
 * ones in flight finish, so their answers reach the journal; the second one
 * abandons them (their rows become UNCERTAIN, resolved by the next run).
 *
 * SIGTERM (a service manager, `kill`) and SIGHUP (the terminal or SSH session
 * closed) are handled the same way, so the output is written and the lock is
 * released instead of the process dying with the lock left behind. A run
 * stopped by SIGHUP exits 129 (128 + 1, the shell's convention), by SIGINT
 * or SIGTERM 130. After a SIGHUP the terminal is gone: nothing more is
 * written to it, and a write that fails there must not crash the run.
 */
import { setMaxListeners } from 'node:events';
import { EXIT, type ExitCode } from './exit-codes.js';

export interface InterruptControls {
  stop: AbortSignal;
  abort: AbortSignal;
}

const HANDLED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type Handled = (typeof HANDLED)[number];

/** The first signal that stopped the last run, if any. */
let firstSignal: Handled | undefined;

export async function withInterrupts<T>(run: (controls: InterruptControls) => Promise<T>): Promise<T> {
  const stop = new AbortController();
  const abort = new AbortController();
  firstSignal = undefined;
  // Every request in flight listens on these (and removes its listener when done): far more than Node's default 10.
  setMaxListeners(0, stop.signal, abort.signal);
  const ignore = (): void => undefined;
  const onSignal = (signal: Handled): void => {
    if (signal === 'SIGHUP') {
      // The terminal hung up: writes to it fail with EIO; they must not end the run as an unhandled error.
      process.stdout.on('error', ignore);
      process.stderr.on('error', ignore);
    }
    if (!stop.signal.aborted) {
      firstSignal = signal;
      if (signal !== 'SIGHUP') process.stderr.write('\nStopping: waiting for the requests in flight (Ctrl-C again to abandon them).\n');
      stop.abort();
    } else abort.abort();
  };
  for (const signal of HANDLED) process.on(signal, onSignal);
  try {
    return await run({ stop: stop.signal, abort: abort.signal });
  } finally {
    for (const signal of HANDLED) process.off(signal, onSignal);
  }
}

/** The exit code of a run stopped by a signal: 129 for SIGHUP, else the command's own (130 for an interruption). */
export function interruptedExitCode(code: ExitCode): ExitCode {
  return code === EXIT.INTERRUPTED && firstSignal === 'SIGHUP' ? EXIT.HANGUP : code;
}
