/**
 * Time left of a phase, from the recent rate rather than the average since
 * the start: a run that slowed down when the service pushed back, or sped up
 * once the credentials were proven, says so within seconds. Pure, so the
 * reporter's clock and rows are passed in.
 */

/** Recent progress kept for the rate: samples older than this are dropped. */
export const ETA_WINDOW_MS = 15_000;
/** Rows done before any estimate is shown: the first few say little about the pace. */
export const ETA_MIN_ROWS = 5;
/** How much of the window must be covered before an estimate is shown. */
export const ETA_MIN_SPAN_MS = 1_000;

export interface Sample {
  atMs: number;
  done: number;
}

export class EtaEstimator {
  private samples: Sample[] = [];

  reset(): void {
    this.samples = [];
  }

  /** Records that `done` rows were done at `atMs`. */
  record(atMs: number, done: number): void {
    this.samples.push({ atMs, done });
    while (this.samples.length > 2 && (this.samples[0] as Sample).atMs < atMs - ETA_WINDOW_MS) this.samples.shift();
  }

  /** Seconds left for `total` rows, or undefined while too little is known. */
  secondsLeft(total: number | undefined): number | undefined {
    return estimateSecondsLeft(this.samples, total);
  }
}

/** Seconds left at the rate of the samples (oldest to newest), or undefined while too little is known. */
export function estimateSecondsLeft(samples: readonly Sample[], total: number | undefined): number | undefined {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (total === undefined || first === undefined || last === undefined) return undefined;
  if (last.done >= total) return 0;
  if (last.done < ETA_MIN_ROWS) return undefined;
  const span = last.atMs - first.atMs;
  const rows = last.done - first.done;
  if (span < ETA_MIN_SPAN_MS || rows <= 0) return undefined;
  return Math.ceil(((total - last.done) * span) / rows / 1000);
}

/** "45 s", "2 min 10 s", "1 h 05 min": the same units in Spanish and English. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) {
    const rest = s % 60;
    return rest === 0 ? `${Math.floor(s / 60)} min` : `${Math.floor(s / 60)} min ${rest} s`;
  }
  const minutes = Math.round((s % 3600) / 60);
  const hours = Math.floor(s / 3600) + (minutes === 60 ? 1 : 0);
  return `${hours} h ${String(minutes === 60 ? 0 : minutes).padStart(2, '0')} min`;
}
