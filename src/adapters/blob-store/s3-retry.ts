import type { S3ClientConfig } from '@aws-sdk/client-s3';

/** The SDK's retry interface (RetryStrategyV2), named through the client's own config type. */
type RetryStrategyV2 = Extract<NonNullable<S3ClientConfig['retryStrategy']>, { recordSuccess: unknown }>;
type RetryToken = Awaited<ReturnType<RetryStrategyV2['acquireInitialRetryToken']>>;
type RetryErrorInfo = Parameters<RetryStrategyV2['refreshRetryTokenForRetry']>[1];

export interface RetryPolicy {
  /** Tries in all, the first one included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * About 13–26 s of waiting in all (0.25, 0.5, 1, 2, 4, 8, 10 s, each between half and all of it):
 * long enough to ride out a restarting server or a load balancer switching over, short enough
 * that a server that is really down is reported while someone still watches.
 */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 8, baseDelayMs: 250, maxDelayMs: 10_000 };

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so clients that
 * failed together do not retry together, and the total wait has a known floor.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * The SDK classifies each failure: TRANSIENT covers network errors (ECONNREFUSED, ECONNRESET,
 * EPIPE, ETIMEDOUT, DNS), timeouts and HTTP 500/502/503/504; THROTTLING covers 429 and SlowDown.
 * Anything else (403, 404, a 501 "not implemented") will not get better by asking again.
 */
function isRetryable(errorType: RetryErrorInfo['errorType']): boolean {
  return errorType === 'TRANSIENT' || errorType === 'THROTTLING';
}

/**
 * Given to the S3 client as its retry strategy. Unlike the SDK's standard one it has no shared
 * retry budget, which a long outage would drain for every later request of the process.
 */
export class BackoffRetryStrategy implements RetryStrategyV2 {
  constructor(readonly policy: RetryPolicy = DEFAULT_RETRY, private readonly random: () => number = Math.random) {}

  async acquireInitialRetryToken(): Promise<RetryToken> {
    return token(0, 0);
  }

  async refreshRetryTokenForRetry(previous: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const retry = previous.getRetryCount() + 1;
    if (!isRetryable(info.errorType) || retry >= this.policy.attempts) throw info.error ?? new Error('not retried');
    let delay = backoffDelay(retry, this.policy, this.random);
    // A server that says when to come back (Retry-After) is believed, within the policy's ceiling.
    if (info.retryAfterHint) delay = Math.max(delay, Math.min(info.retryAfterHint.getTime() - Date.now(), this.policy.maxDelayMs));
    return token(retry, delay);
  }

  recordSuccess(): void {}
}

const token = (retries: number, delay: number): RetryToken => ({ getRetryCount: () => retries, getRetryDelay: () => delay });
