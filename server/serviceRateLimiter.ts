/**
 * The service-level rate budget shared by every worker (the seed's api_rate_limits): core's
 * RateLimiterRegistry port, counted in Postgres by take_service_rate_slot, one atomic
 * statement per request. `queue` waits for the next free slot (cancellable, so the run's
 * deadline still holds); `fail` fails the request at once. A 429 with Retry-After pauses the
 * service for every worker, so a 429 storm does not multiply requests.
 */
import { ConnectorError, type Clock, type RateLimiterRegistry } from '#core';
import type { SqlRunner } from './database.js';

export interface ServiceRateLimiterOptions {
  /**
   * Check Postgres even when the connector sets no limit of its own: true for connectors with a
   * service key, so a budget or a pause the SaaS set for that service applies to them too.
   */
  sharedService: boolean;
}

/** `sql`: the job's own connection (one statement per request, no connection of its own). */
export function createServiceRateLimiter(sql: SqlRunner, clock: Clock, options: ServiceRateLimiterOptions): RateLimiterRegistry {
  return {
    async acquire(key, limit, signal) {
      // No limit and no shared service: nothing to count, and no round trip per request.
      if (!options.sharedService && limit.perMinute === undefined && limit.perHour === undefined) return;
      for (;;) {
        const { rows } = await sql.query<{ wait: number }>('select public.take_service_rate_slot($1, $2, $3) as wait', [
          key,
          limit.perMinute ?? null,
          limit.perHour ?? null,
        ]);
        const waitMs = Number(rows[0]?.wait ?? 0);
        if (waitMs <= 0) return;
        if (limit.strategy === 'fail') {
          throw new ConnectorError('RATE_LIMITED', `The rate limit of "${key}" is used up for now (a slot frees in ${Math.ceil(waitMs / 1000)} s).`, {
            hint: 'Lower how often this connector runs, raise the limit, or use the "queue" strategy to wait instead.',
          });
        }
        await clock.sleep(Math.min(waitMs, 5_000), signal);
      }
    },
    pauseUntil(key, untilMs) {
      void sql.query('select public.pause_service_rate_limit($1, to_timestamp($2 / 1000.0))', [key, untilMs]).catch(() => undefined);
    },
  };
}
