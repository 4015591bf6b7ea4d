import { describe, expect, it } from 'vitest';
import { backoffDelay, BackoffRetryStrategy, DEFAULT_RETRY } from '../../../../src/adapters/blob-store/s3-retry.js';

const policy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 300 };

describe('S3 retry backoff', () => {
  it('doubles up to the ceiling, each delay between half and all of it', () => {
    expect([1, 2, 3, 4].map((retry) => backoffDelay(retry, policy, () => 0))).toEqual([50, 100, 150, 150]);
    expect([1, 2, 3, 4].map((retry) => backoffDelay(retry, policy, () => 1))).toEqual([100, 200, 300, 300]);
  });

  it('waits about 13 to 26 seconds in all by default before giving up', () => {
    const total = (random: () => number) => Array.from({ length: DEFAULT_RETRY.attempts - 1 }, (_, i) => backoffDelay(i + 1, DEFAULT_RETRY, random)).reduce((a, b) => a + b, 0);
    expect(total(() => 0)).toBeGreaterThanOrEqual(12_000);
    expect(total(() => 1)).toBeLessThanOrEqual(26_000);
  });

  it('retries network failures, 5xx and throttling, as many times as the policy allows, and nothing else', async () => {
    const strategy = new BackoffRetryStrategy(policy, () => 1);
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED', $metadata: {}, cause: undefined });
    let token = await strategy.acquireInitialRetryToken();
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      token = await strategy.refreshRetryTokenForRetry(token, { errorType: i === 1 ? 'THROTTLING' : 'TRANSIENT', error });
      delays.push(token.getRetryDelay());
    }
    expect(delays).toEqual([100, 200, 300]);
    await expect(strategy.refreshRetryTokenForRetry(token, { errorType: 'TRANSIENT', error })).rejects.toBe(error);
    const first = await strategy.acquireInitialRetryToken();
    await expect(strategy.refreshRetryTokenForRetry(first, { errorType: 'CLIENT_ERROR', error })).rejects.toBe(error);
    await expect(strategy.refreshRetryTokenForRetry(first, { errorType: 'SERVER_ERROR', error })).rejects.toBe(error);
  });

  it('waits as long as the server asks (Retry-After), within the ceiling', async () => {
    const strategy = new BackoffRetryStrategy(policy, () => 0);
    const token = await strategy.refreshRetryTokenForRetry(await strategy.acquireInitialRetryToken(), { errorType: 'THROTTLING', retryAfterHint: new Date(Date.now() + 60_000) });
    expect(token.getRetryDelay()).toBe(300);
  });
});
