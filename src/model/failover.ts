/**
 * Failover (the chapter's second closing question): local-first serving with a cloud fallback. What it
 * costs a month and how available it is, given how often the local server is down.
 */
import { InputError } from "../errors";
import { DEFAULT_DAYS_PER_MONTH, HOURS_PER_DAY } from "./cloud-cost";

const SECONDS_PER_HOUR = 3600;

export interface FailoverOptions {
  callsPerMonth: number;
  /** The local server's fixed cost, USD per month. */
  localMonthlyUsd: number;
  /** The fallback API's price, USD per call. */
  cloudUsdPerCall: number;
  /** Hours a month the local server is down (planned and unplanned). */
  localDowntimeHoursPerMonth: number;
  /** Separate outages a month; each loses the calls made before the failure is detected. */
  outagesPerMonth: number;
  /** Seconds from an outage to traffic moving to the cloud. */
  detectionSeconds: number;
  /** Share of the month the cloud API is up, 0–1 (a provider's SLA, e.g. 0.999). */
  cloudAvailability: number;
  /** Share of calls sent to the cloud even when local is up (overflow, long contexts), 0–1. Default 0. */
  cloudShare?: number;
  /** Hours in the month. Default: the default month's (HOURS_PER_DAY × DEFAULT_DAYS_PER_MONTH). */
  hoursPerMonth?: number;
}

export interface FailoverResult {
  /** Share of calls served, 0–1: local only, cloud only, and local first with fallback. */
  availabilityLocalOnly: number;
  availabilityCloudOnly: number;
  availabilityWithFailover: number;
  /** Calls a month that fail with failover in place. */
  failedCallsPerMonth: number;
  cloudCallsPerMonth: number;
  cloudUsdPerMonth: number;
  totalUsdPerMonth: number;
}

/**
 * Calls routed locally are served while local is up; during an outage, once detected, the cloud takes them
 * (when it is up); calls in the detection window fail. Calls routed to the cloud fall back to local the
 * same way. The two sides fail independently.
 */
export function failoverCost(options: FailoverOptions): FailoverResult {
  const hours = options.hoursPerMonth ?? HOURS_PER_DAY * DEFAULT_DAYS_PER_MONTH;
  const share = (name: string, value: number) => {
    if (!(value >= 0 && value <= 1)) throw new InputError(`failover: ${name} must be between 0 and 1, got ${value}`);
    return value;
  };
  const down = share("local downtime share", options.localDowntimeHoursPerMonth / hours);
  const detecting = Math.min(down, (options.outagesPerMonth * options.detectionSeconds) / (hours * SECONDS_PER_HOUR));
  const cloudUp = share("cloudAvailability", options.cloudAvailability);
  const toCloud = share("cloudShare", options.cloudShare ?? 0);
  const localUp = 1 - down;

  const servedLocalFirst = localUp + (down - detecting) * cloudUp;
  const servedCloudFirst = cloudUp + (1 - cloudUp) * localUp;
  const availabilityWithFailover = (1 - toCloud) * servedLocalFirst + toCloud * servedCloudFirst;
  const cloudCallsPerMonth = options.callsPerMonth * ((1 - toCloud) * (down - detecting) * cloudUp + toCloud * cloudUp);
  const cloudUsdPerMonth = cloudCallsPerMonth * options.cloudUsdPerCall;
  return {
    availabilityLocalOnly: localUp,
    availabilityCloudOnly: cloudUp,
    availabilityWithFailover,
    failedCallsPerMonth: options.callsPerMonth * (1 - availabilityWithFailover),
    cloudCallsPerMonth,
    cloudUsdPerMonth,
    totalUsdPerMonth: options.localMonthlyUsd + cloudUsdPerMonth,
  };
}
