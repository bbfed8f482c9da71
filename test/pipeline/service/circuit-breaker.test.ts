import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/api/errors.js';
import { CircuitBreaker, isUnreachable } from '../../../src/pipeline/service/circuit-breaker.js';

const refused = (): ApiError =>
  new ApiError('NOT_SENT', 'Could not reach http://127.0.0.1:9: the connection was refused; the create request was not sent.', {
    cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
  });
const localStop = (): ApiError => new ApiError('NOT_SENT', 'not sent: the run stopped before this request went out');
const http503 = (): ApiError => new ApiError('SERVER_ERROR', '503', { httpStatus: 503 });
const lost = (): ApiError => new ApiError('OUTCOME_UNKNOWN', 'reset', { cause: new Error('ECONNRESET') });

describe('isUnreachable', () => {
  it.each([
    ['connection refused (NOT_SENT with a transport cause)', refused(), true],
    ['NOT_SENT made up locally because the run stopped', localStop(), false],
    ['a 503 (the service answered)', http503(), false],
    ['a lost answer (may have reached the service)', lost(), false],
    ['a plain Error', new Error('x'), false],
  ])('%s → %s', (_label, err, expected) => {
    expect(isUnreachable(err)).toBe(expected);
  });
});

describe('CircuitBreaker', () => {
  // Each case: the sequence of outcomes ('x' unreachable, 'a' answered, '5' a 503, 'l' local stop, 'u' lost answer) and whether it ends open.
  it.each([
    ['xxxx', true, 4],
    ['xxx', false, 3],
    ['xxaxx', false, 2],
    ['xx5xx', false, 2], // an HTTP answer, even 503, proves the service is reachable
    ['xxlxx', true, 4], // a local NOT_SENT neither counts nor resets
    ['xxuxx', true, 4], // a lost answer says nothing about reachability either way
    ['xxxxa', true, 4], // once open, it stays open for the run
  ])('%s → open %s', (sequence, open, streak) => {
    const breaker = new CircuitBreaker(4);
    const opened: string[] = [];
    breaker.onOpen((m) => opened.push(m));
    for (const step of sequence) {
      if (step === 'a') breaker.answered();
      else breaker.failed({ x: refused(), '5': http503(), l: localStop(), u: lost() }[step]);
    }
    expect(breaker.open).toBe(open);
    expect(breaker.unreachableStreak).toBe(streak);
    expect(opened).toHaveLength(open ? 1 : 0);
    if (open) {
      expect(opened[0]).toMatch(/down or unreachable: 4 attempts in a row could not connect/);
      expect(opened[0]).toContain('http://127.0.0.1:9');
    }
  });
});
