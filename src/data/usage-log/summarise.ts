/**
 * A workload from a stream of calls, in bounded memory: running sums and per-value token counts, calls by local
 * hour and day type, calls by model name. Then the rows roilab keeps: one workloads.csv row, two 24-hour traffic
 * profiles (weekday, weekend) and token statistics.
 */
import { isoDate, isWeekend, type LocalClock } from "./local-time";
import { TokenHistogram } from "./token-histogram";
import type { UsageCall } from "./usage-call";

const TOKEN_KINDS = ["input", "output", "cache_read", "cache_write", "reasoning"] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** What each kind counts, for the statistics' source cells. */
const TOKEN_KIND_MEANING: Record<TokenKind, string> = {
  input: "input tokens per call, cache reads and writes included",
  output: "visible output tokens per call, reasoning excluded",
  cache_read: "input tokens read from the prompt cache per call",
  cache_write: "input tokens written to the prompt cache per call",
  reasoning: "reasoning tokens per call",
};

/** The percentiles token statistics give, as whole percents. */
export const TOKEN_PERCENTILES = [50, 90, 99] as const;

const HOURS = 24;

export type DayType = "weekday" | "weekend";

export interface DayTypeTraffic {
  /** Calendar dates of this type from the first call's date to the last's, inclusive, with or without calls. */
  dates: number;
  calls: number;
  /** calls ÷ dates; 0 with no dates. */
  callsPerDay: number;
  /** Mean calls in each local hour 0–23 per date of this type; all 0 with no dates. */
  callsPerHour: number[];
}

export interface ObservedSpan {
  /** Local dates of the first and last call, as days since 1970-01-01. */
  firstDay: number;
  lastDay: number;
  firstMs: number;
  lastMs: number;
  weekday: DayTypeTraffic;
  weekend: DayTypeTraffic;
}

export class UsageSummary {
  readonly tokens: Record<TokenKind, TokenHistogram> = {
    input: new TokenHistogram(),
    output: new TokenHistogram(),
    cache_read: new TokenHistogram(),
    cache_write: new TokenHistogram(),
    reasoning: new TokenHistogram(),
  };
  calls = 0;
  untimedCalls = 0;
  readonly callsByModel = new Map<string, number>();
  private firstMs = Infinity;
  private lastMs = -Infinity;
  // Tracked apart from the first and last instants: a clock set back (summer time ending) can move a local date.
  private firstDay = Infinity;
  private lastDay = -Infinity;
  private readonly hourCalls: Record<DayType, number[]> = {
    weekday: new Array<number>(HOURS).fill(0),
    weekend: new Array<number>(HOURS).fill(0),
  };

  constructor(readonly clock: LocalClock) {}

  add(call: UsageCall): void {
    this.calls += 1;
    this.tokens.input.add(call.inputTokens);
    this.tokens.output.add(call.visibleOutputTokens);
    this.tokens.cache_read.add(call.cacheReadTokens);
    this.tokens.cache_write.add(call.cacheWriteTokens);
    this.tokens.reasoning.add(call.reasoningTokens);
    this.callsByModel.set(call.model, (this.callsByModel.get(call.model) ?? 0) + 1);
    if (call.startMs === undefined) {
      this.untimedCalls += 1;
      return;
    }
    const local = this.clock.at(call.startMs);
    this.firstMs = Math.min(this.firstMs, call.startMs);
    this.lastMs = Math.max(this.lastMs, call.startMs);
    this.firstDay = Math.min(this.firstDay, local.dayNumber);
    this.lastDay = Math.max(this.lastDay, local.dayNumber);
    const hours = this.hourCalls[isWeekend(local.dayNumber) ? "weekend" : "weekday"];
    hours[local.hour] = (hours[local.hour] as number) + 1;
  }

  get timedCalls(): number {
    return this.calls - this.untimedCalls;
  }

  /** Input tokens read from the cache over all input tokens, summed over calls; 0 with no input. */
  get cachedInputShare(): number {
    return this.tokens.input.tokens === 0 ? 0 : this.tokens.cache_read.tokens / this.tokens.input.tokens;
  }

  get cacheWriteShare(): number {
    return this.tokens.input.tokens === 0 ? 0 : this.tokens.cache_write.tokens / this.tokens.input.tokens;
  }

  /** Reasoning over all output tokens (visible and reasoning); 0 with no output. */
  get reasoningShare(): number {
    const output = this.tokens.output.tokens + this.tokens.reasoning.tokens;
    return output === 0 ? 0 : this.tokens.reasoning.tokens / output;
  }

  /** The dates the timed calls cover and their traffic by day type; undefined when no call has a time. */
  span(): ObservedSpan | undefined {
    if (this.timedCalls === 0) return undefined;
    const dates = datesByType(this.firstDay, this.lastDay);
    const traffic = (type: DayType): DayTypeTraffic => {
      const hourCalls = this.hourCalls[type];
      const calls = hourCalls.reduce((sum, count) => sum + count, 0);
      const count = dates[type];
      return {
        dates: count,
        calls,
        callsPerDay: count === 0 ? 0 : calls / count,
        callsPerHour: hourCalls.map((hour) => (count === 0 ? 0 : hour / count)),
      };
    };
    return {
      firstDay: this.firstDay,
      lastDay: this.lastDay,
      firstMs: this.firstMs,
      lastMs: this.lastMs,
      weekday: traffic("weekday"),
      weekend: traffic("weekend"),
    };
  }

  /** The local hour with the most timed calls (the earliest of equals) and its share of them. */
  busiestHour(): { hour: number; share: number } | undefined {
    if (this.timedCalls === 0) return undefined;
    const byHour = this.hourCalls.weekday.map((count, hour) => count + (this.hourCalls.weekend[hour] as number));
    const most = Math.max(...byHour);
    return { hour: byHour.indexOf(most), share: most / this.timedCalls };
  }
}

/** Weekday (Mon–Fri) and weekend dates from `firstDay` to `lastDay` inclusive. */
export function datesByType(firstDay: number, lastDay: number): Record<DayType, number> {
  const total = lastDay - firstDay + 1;
  const fullWeeks = Math.floor(total / 7);
  let weekend = fullWeeks * 2;
  for (let day = firstDay + fullWeeks * 7; day <= lastDay; day++) if (isWeekend(day)) weekend += 1;
  return { weekday: total - weekend, weekend };
}

/** A number for a CSV cell, rounded to `decimals` places without binary noise (2.33, not 2.3300000000000001). */
export function decimalCell(value: number, decimals: number): string {
  return String(Number(value.toFixed(decimals)));
}

export interface ImportLabels {
  /** The workload's id, from --id. */
  id: string;
  /** The log files' base names. */
  fileNames: readonly string[];
  /** The date of the import, YYYY-MM-DD. */
  importedOn: string;
  /** The models.csv model_id of the most-called model that maps, or undefined. */
  currentModelId: string | undefined;
}

export interface ImportedRows {
  workload: Record<string, string>;
  profiles: Array<Record<string, string>>;
  tokenStats: Array<Record<string, string>>;
}

export const profileId = (id: string, type: DayType) => `${id}-${type}`;

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The rows of the three tables, every cell as CSV text, empty where the logs say nothing (calls_per_day, batch_share). */
export function importedRows(summary: UsageSummary, span: ObservedSpan, labels: ImportLabels): ImportedRows {
  const zone = summary.clock.zone;
  const files = labels.fileNames.join(", ");
  const dates = `${isoDate(span.firstDay)} to ${isoDate(span.lastDay)}`;
  const origin = `roilab workload import on ${labels.importedOn}`;
  const meanTokens = (kind: TokenKind) => String(Math.round(summary.tokens[kind].mean));
  const workload: Record<string, string> = {
    workload_id: labels.id,
    input_tokens_per_call: meanTokens("input"),
    output_tokens_per_call: meanTokens("output"),
    reasoning_tokens_per_call: meanTokens("reasoning"),
    calls_per_day: "",
    days_per_month: "",
    weekday_calls_per_day: decimalCell(span.weekday.callsPerDay, 2),
    weekend_calls_per_day: decimalCell(span.weekend.callsPerDay, 2),
    weekday_profile_id: profileId(labels.id, "weekday"),
    weekend_profile_id: profileId(labels.id, "weekend"),
    time_zone: zone,
    cached_input_share: decimalCell(summary.cachedInputShare, 6),
    cache_write_share: decimalCell(summary.cacheWriteShare, 6),
    batch_share: "",
    current_model_id: labels.currentModelId ?? "",
    source: `imported by ${origin} from ${count(summary.calls, "call")} in ${files}, ${dates} (${zone} dates)${summary.untimedCalls ? `; ${summary.untimedCalls === 1 ? "1 call without a time counts" : `${summary.untimedCalls} calls without a time count`} for tokens only` : ""}`,
  };
  const profiles = (["weekday", "weekend"] as const).flatMap((type) => {
    const traffic = span[type];
    const [one, many] =
      type === "weekday" ? ["weekday (Mon-Fri)", "weekdays (Mon-Fri)"] : ["weekend day (Sat, Sun)", "weekend days (Sat, Sun)"];
    const source =
      traffic.dates === 0
        ? `no ${many} from ${dates} (${zone}): all zeros; ${origin} from ${files}`
        : `mean calls in each local hour (${zone}) over the ${count(traffic.dates, one, many)} from ${dates}, ${count(traffic.calls, "call")}; ${origin} from ${files}`;
    return traffic.callsPerHour.map((load, hour) => ({
      profile_id: profileId(labels.id, type),
      hour: String(hour),
      relative_load: decimalCell(load, 4),
      source,
    }));
  });
  const tokenStats = TOKEN_KINDS.map((kind) => {
    const histogram = summary.tokens[kind];
    const [p50, p90, p99] = histogram.percentiles(TOKEN_PERCENTILES);
    return {
      workload_id: labels.id,
      token_kind: kind,
      calls: String(histogram.calls),
      mean: decimalCell(histogram.mean, 2),
      p50: String(p50),
      p90: String(p90),
      p99: String(p99),
      source: `${TOKEN_KIND_MEANING[kind]}, nearest-rank percentiles of ${count(summary.calls, "call")} in ${files}, ${dates} (${zone}); ${origin}`,
    };
  });
  return { workload, profiles, tokenStats };
}
