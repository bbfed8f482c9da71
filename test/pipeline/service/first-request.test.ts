/**
 * The gate on its own: how many calls run at once before and after the
 * credentials are proven, for each kind of first answer.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/api/errors.js';
import { FirstRequestGate } from '../../../src/pipeline/service/first-request.js';

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

/** Starts `n` calls at once; the first `outcomes.length` calls end as listed, later ones succeed. */
async function race(n: number, outcomes: Array<'ok' | ApiError>) {
  const gate = new FirstRequestGate();
  let running = 0;
  let maxRunning = 0;
  let sent = 0;
  const results = await Promise.allSettled(
    Array.from({ length: n }, () =>
      gate.run(async () => {
        const outcome = outcomes[sent] ?? 'ok';
        sent += 1;
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        await tick();
        running -= 1;
        if (outcome !== 'ok') throw outcome;
        return 'ok';
      }),
    ),
  );
  return { sent, maxRunning, results, gate };
}

describe('FirstRequestGate', () => {
  it('an authentication failure first: one call sent, every other refused as NOT_SENT', async () => {
    const { sent, maxRunning, results, gate } = await race(64, [new ApiError('AUTH_FAILED', 'Authentication failed (102)', { authCode: 102 })]);
    expect(sent).toBe(1);
    expect(maxRunning).toBe(1);
    expect(results.filter((r) => r.status === 'rejected' && (r.reason as ApiError).code === 'NOT_SENT')).toHaveLength(63);
    expect(gate.authFailure?.authCode).toBe(102);
  });

  it.each([
    ['a success', 'ok' as const],
    ['a 404', new ApiError('NOT_FOUND', 'no such link', { httpStatus: 404 })],
    ['another site', new ApiError('OTHER_SITE', 'other site', { httpStatus: 401 })],
    ['a 422', new ApiError('VALIDATION', 'bad field', { httpStatus: 422 })],
  ])('%s proves the credentials: the rest run at full width', async (_name, first) => {
    const { sent, maxRunning } = await race(16, [first]);
    expect(sent).toBe(16);
    expect(maxRunning).toBe(15);
  });

  it.each([
    ['a lost answer', new ApiError('OUTCOME_UNKNOWN', 'timeout')],
    ['a 500', new ApiError('SERVER_ERROR', '500', { httpStatus: 500 })],
    ['a 429', new ApiError('RATE_LIMITED', '429', { httpStatus: 429 })],
    ['nothing listening', new ApiError('NOT_SENT', 'ECONNREFUSED')],
  ])('%s proves nothing: the next call still goes alone, then the rest together', async (_name, first) => {
    const { sent, maxRunning, results } = await race(8, [first]);
    expect(sent).toBe(8);
    expect(results[0]?.status).toBe('rejected');
    // Call 1 alone, call 2 alone (it proves), then 6 at once.
    expect(maxRunning).toBe(6);
  });
});
