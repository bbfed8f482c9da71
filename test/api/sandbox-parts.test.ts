import { describe, expect, it } from 'vitest';
import { buildAuth } from '../../src/api/auth.js';
import { AuthChecker } from '../../src/api/sandbox/check-auth.js';
import { FaultPlan, PerSecondLimiter, mulberry32, resolveFaults } from '../../src/api/sandbox/faults.js';
import { formatInZone, parseLocalDateTime, parseSeed, zoneOffsetMinutes } from '../../src/api/sandbox/site-time.js';

describe('site time', () => {
  it('finds the zone offset with Intl, daylight saving included', () => {
    expect(zoneOffsetMinutes('America/Bogota', new Date('2024-08-12T13:10:50Z'))).toBe(-300);
    expect(zoneOffsetMinutes('Europe/Madrid', new Date('2024-07-01T10:00:00Z'))).toBe(120);
    expect(zoneOffsetMinutes('Europe/Madrid', new Date('2024-01-01T10:00:00Z'))).toBe(60);
    expect(zoneOffsetMinutes('Asia/Kolkata', new Date('2024-01-01T10:00:00Z'))).toBe(330);
  });

  it('writes ISO 8601 with the offset, as the published query example', () => {
    expect(formatInZone(new Date('2024-08-12T13:10:50Z'), 'America/Bogota')).toBe('2024-08-12T08:10:50-05:00');
    expect(formatInZone(new Date('2024-01-01T04:30:00Z'), 'America/Bogota')).toBe('2023-12-31T23:30:00-05:00');
    expect(formatInZone(new Date('2024-01-01T10:00:00Z'), 'Asia/Kolkata')).toBe('2024-01-01T15:30:00+05:30');
  });

  it('reads Y-m-d H:i:s strictly, in the site zone', () => {
    expect(parseLocalDateTime('2024-08-12 08:10:50', 'America/Bogota')?.toISOString()).toBe('2024-08-12T13:10:50.000Z');
    expect(parseLocalDateTime('2024-07-01 12:00:00', 'Europe/Madrid')?.toISOString()).toBe('2024-07-01T10:00:00.000Z');
    for (const bad of ['2024-08-12T08:10:50', '2024-02-30 10:00:00', '2024-08-12 24:00:00', '12/08/2024 08:10:50', '2024-8-12 08:10:50']) {
      expect(parseLocalDateTime(bad, 'America/Bogota'), bad).toBeNull();
    }
  });

  it('reads seeds with any offset, Z, or none (then site time)', () => {
    const instant = '2023-06-21T14:56:06.000Z';
    expect(parseSeed('2023-06-21T09:56:06-05:00', 'America/Bogota')?.toISOString()).toBe(instant);
    expect(parseSeed('2023-06-21T09:56:06-0500', 'America/Bogota')?.toISOString()).toBe(instant);
    expect(parseSeed('2023-06-21T14:56:06Z', 'America/Bogota')?.toISOString()).toBe(instant);
    expect(parseSeed('2023-06-21T09:56:06', 'America/Bogota')?.toISOString()).toBe(instant);
    expect(parseSeed('yesterday', 'America/Bogota')).toBeNull();
  });
});

describe('AuthChecker', () => {
  const credentials = { login: 'site', secretKey: 'secret' };

  it('remembers a nonce while its seed is acceptable and forgets it afterwards (bounded memory)', () => {
    const checker = new AuthChecker(credentials, false, 'America/Bogota');
    const t0 = new Date('2030-01-01T12:00:00Z');
    const auth = buildAuth(credentials, { seed: '2030-01-01T07:00:00-05:00' });
    expect(checker.check({ auth }, t0)).toBeNull();
    expect(checker.check({ auth }, new Date(t0.getTime() + 60_000))).toBe(102);
    for (let i = 0; i < 50; i++) expect(checker.check({ auth: buildAuth(credentials, { seed: '2030-01-01T07:00:00-05:00' }) }, t0)).toBeNull();
    expect(checker.rememberedNonces).toBe(51);
    // Six minutes on, every remembered seed is out of its window: the next accepted request sweeps them.
    const later = new Date(t0.getTime() + 6 * 60_000);
    expect(checker.check({ auth }, later)).toBe(103);
    expect(checker.check({ auth: buildAuth(credentials, { seed: '2030-01-01T07:06:00-05:00' }) }, later)).toBeNull();
    expect(checker.rememberedNonces).toBe(1);
  });

  it('does not let a forged request burn a nonce', () => {
    const checker = new AuthChecker(credentials, false, 'America/Bogota');
    const now = new Date('2030-01-01T12:00:00Z');
    const good = buildAuth(credentials, { seed: '2030-01-01T07:00:00-05:00' });
    expect(checker.check({ auth: { ...good, tranKey: 'forged' } }, now)).toBe(102);
    expect(checker.check({ auth: good }, now)).toBeNull();
  });

  it('checks the 5-minute window at its edges', () => {
    const checker = new AuthChecker(credentials, false, 'America/Bogota');
    const now = new Date('2030-01-01T12:00:00Z');
    expect(checker.check({ auth: buildAuth(credentials, { seed: '2030-01-01T06:55:00-05:00' }) }, now)).toBeNull();
    expect(checker.check({ auth: buildAuth(credentials, { seed: '2030-01-01T07:05:00-05:00' }) }, now)).toBeNull();
    expect(checker.check({ auth: buildAuth(credentials, { seed: '2030-01-01T06:54:59-05:00' }) }, now)).toBe(103);
    expect(checker.check({ auth: buildAuth(credentials, { seed: '2030-01-01T07:05:01-05:00' }) }, now)).toBe(103);
  });
});

describe('fault plan and limiter', () => {
  it('mulberry32 is reproducible and stays in [0, 1)', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBe(1000);
  });

  it('draws the same decisions whatever the rates, so enabling one fault does not shift another', () => {
    const only429 = new FaultPlan(resolveFaults({ seed: 9, rate429: 0.3 }));
    const both = new FaultPlan(resolveFaults({ seed: 9, rate429: 0.3, dropBefore: 0.2, latencyMs: 5, jitterMs: 10 }));
    const a = Array.from({ length: 200 }, () => only429.next().rate429);
    const b = Array.from({ length: 200 }, () => both.next().rate429);
    expect(a).toEqual(b);
    expect(a.filter(Boolean).length).toBeGreaterThan(30);
    expect(a.filter(Boolean).length).toBeLessThan(90);
  });

  it('keeps jitter within [latencyMs, latencyMs + jitterMs]', () => {
    const plan = new FaultPlan(resolveFaults({ latencyMs: 100, jitterMs: 20 }));
    const delays = Array.from({ length: 500 }, () => plan.next().latencyMs);
    expect(Math.min(...delays)).toBe(100);
    expect(Math.max(...delays)).toBe(120);
  });

  it('the limiter admits max per wall-clock second and starts afresh in the next one', () => {
    const limiter = new PerSecondLimiter(3);
    const admitted = [1000, 1100, 1200, 1300, 1999].map((t) => limiter.take(t));
    expect(admitted).toEqual([true, true, true, false, false]);
    expect(limiter.take(2000)).toBe(true);
    expect(new PerSecondLimiter(undefined).take(0)).toBe(true);
  });
});
