/**
 * What a run tells the person watching it. The pipeline emits events; the CLI
 * decides whether they become a progress bar or JSON lines.
 */
import type { ThrottleStats } from './service/throttle.js';
import type { RowState } from './types.js';

export type RunPhase = 'check' | 'probe' | 'send' | 'resolve' | 'write' | 'query' | 'disable';

export type RunEvent =
  | { type: 'phase'; phase: RunPhase; message: string; total?: number }
  | { type: 'row'; rowNumber: number; reference: string; state: RowState | 'SKIPPED' | string; error?: string }
  | { type: 'warning'; message: string; rowNumber?: number }
  /** The service pushed back and the run slowed down to the pace it showed. */
  | { type: 'pushback'; pace: ThrottleStats };

export type EventSink = (event: RunEvent) => void;
