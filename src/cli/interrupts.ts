/**
 * Ctrl-C during a run: the first one stops sending new requests and lets the
 * ones in flight finish, so their answers reach the journal; the second one
 * abandons them (their rows become UNCERTAIN, resolved by the next run).
 */
import { setMaxListeners } from 'node:events';

export interface InterruptControls {
  stop: AbortSignal;
  abort: AbortSignal;
}

export async function withInterrupts<T>(run: (controls: InterruptControls) => Promise<T>): Promise<T> {
  const stop = new AbortController();
  const abort = new AbortController();
  // Every request in flight listens on these (and removes its listener when done): far more than Node's default 10.
  setMaxListeners(0, stop.signal, abort.signal);
  const onSignal = (): void => {
    if (!stop.signal.aborted) {
      process.stderr.write('\nStopping: waiting for the requests in flight (Ctrl-C again to abandon them).\n');
      stop.abort();
    } else abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await run({ stop: stop.signal, abort: abort.signal });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
