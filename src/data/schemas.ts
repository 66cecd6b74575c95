/** The column layout of every CSV in a roilab data folder. The README's data section documents each column. */
import {
  boolean,
  fraction,
  identifier,
  isoDate,
  list,
  nonNegativeInteger,
  nonNegativeNumber,
  oneOf,
  optional,
  positiveInteger,
  positiveNumber,
  stars,
  text,
  timeZone,
  clockTime,
  countryCode,
  currencyCode,
} from "./columns";
import { SENSITIVITY_INPUTS } from "../model/sensitivity";
import { assignments, cellReference } from "./assignments";
import { defineTable, type RowOf } from "./table";

export const TIERS = ["local_small", "local_large", "cloud_economy", "cloud_premium"] as const;

export const models = defineTable({
  anyCurrency: true,
  file: "models.csv",
  key: ["model_id"],
  omittable: [
    "cached_input_usd_per_mtok",
    "cache_write_usd_per_mtok",
    "cache_write_1h_usd_per_mtok",
    "batch_input_usd_per_mtok",
    "batch_output_usd_per_mtok",
    "price_map_key",
    "price_ref",
    "reasons",
  ],
  columns: {
    model_id: identifier(),
    model_name: text(),
    provider: text(),
    input_usd_per_mtok: nonNegativeNumber(),
    output_usd_per_mtok: nonNegativeNumber(),
    /** Price of input tokens read from the provider's prompt cache. */
    cached_input_usd_per_mtok: optional(nonNegativeNumber()),
    /** Price of input tokens written to the prompt cache (where the provider bills writes apart). */
    cache_write_usd_per_mtok: optional(nonNegativeNumber()),
    /** Price of input tokens written to the one-hour prompt cache, where the provider offers one. */
    cache_write_1h_usd_per_mtok: optional(nonNegativeNumber()),
    batch_input_usd_per_mtok: optional(nonNegativeNumber()),
    batch_output_usd_per_mtok: optional(nonNegativeNumber()),
    context_tokens: optional(positiveInteger()),
    quality_stars: optional(stars()),
    tool_use_stars: optional(stars()),
    speed_stars: optional(stars()),
    value_stars: optional(stars()),
    /** Where the provider processes requests (`US`, `EU`, `CN`, `unknown`…), for data-residency rules. */
    data_region: text(),
    /**
     * `true`: the model spends hidden reasoning tokens on a call, billed as output (the workload's
     * reasoning_tokens_per_call says how many); empty or `false`: it answers without them.
     */
    reasons: optional(boolean()),
    price_map_key: optional(text()),
    /** `provider:model` in the bundled price database (@pydantic/genai-prices), for `roilab prices update`. */
    price_ref: optional(text()),
    as_of: isoDate(),
    source: text(),
  },
});

/**
 * Prices a model charges for a whole call whose input is above a number of tokens (Gemini 1.5 Pro's above 128K).
 * Several tiers per model: the highest threshold a call passes wins.
 */
export const longContextPrices = defineTable({
  anyCurrency: true,
  file: "long_context_prices.csv",
  optionalFile: true,
  key: ["model_id", "above_input_tokens"],
  omittable: ["cached_input_usd_per_mtok", "cache_write_usd_per_mtok"],
  columns: {
    model_id: identifier(),
    /** The tier applies to a call whose input tokens are strictly greater than this. */
    above_input_tokens: nonNegativeInteger(),
    input_usd_per_mtok: nonNegativeNumber(),
    output_usd_per_mtok: nonNegativeNumber(),
    /** Empty: the model's own cache-read price continues above the threshold. */
    cached_input_usd_per_mtok: optional(nonNegativeNumber()),
    /** Empty: the model's own cache-write price continues above the threshold. */
    cache_write_usd_per_mtok: optional(nonNegativeNumber()),
    source: text(),
  },
});

export const benchmarks = defineTable({
  file: "benchmarks.csv",
  key: ["model_id", "benchmark"],
  columns: {
    model_id: identifier(),
    benchmark: text(),
    score: nonNegativeNumber(),
    unit: oneOf(["points", "percent"]),
    source: text(),
  },
});

export const hardware = defineTable({
  anyCurrency: true,
  file: "hardware.csv",
  key: ["hardware_id"],
  omittable: ["serves_model_id", "serves_quant_id", "ops_share_per_added_server"],
  columns: {
    hardware_id: identifier(),
    name: text(),
    gpu_model: text(),
    gpu_count: positiveInteger(),
    vram_gb_per_gpu: positiveNumber(),
    /** The model (model_architectures.csv) this configuration stands in for in break-even comparisons. */
    serves_model_id: optional(identifier()),
    /** The quantisation (quantisation.csv) it serves that model at. */
    serves_quant_id: optional(identifier()),
    capex_usd: optional(nonNegativeNumber()),
    depreciation_months: optional(positiveNumber()),
    power_kw: optional(nonNegativeNumber()),
    electricity_usd_per_kwh: optional(nonNegativeNumber()),
    /** A stated monthly electricity bill; where given it is used instead of power_kw × hours × price. */
    power_usd_per_month: optional(nonNegativeNumber()),
    ops_fte: optional(nonNegativeNumber()),
    ops_salary_usd_per_month: optional(nonNegativeNumber()),
    /**
     * A stated monthly operations cost; where given it is used instead of ops_fte × salary. On a `stated` row,
     * the part of monthly_fixed_usd that is operations, where the source's own numbers allow the split.
     */
    ops_usd_per_month: optional(nonNegativeNumber()),
    /**
     * Share of the one-server operations cost each further server in a fleet adds (0: one team runs any
     * fleet for the same cost; 1: every server costs its own operations). Empty: 0.
     */
    ops_share_per_added_server: optional(fraction()),
    /** The whole monthly cost as the source states it, for rows with cost_basis `stated`. */
    monthly_fixed_usd: optional(nonNegativeNumber()),
    cost_basis: oneOf(["itemised", "stated"]),
    as_of: isoDate(),
    source: text(),
  },
});

export const workloads = defineTable({
  file: "workloads.csv",
  key: ["workload_id"],
  omittable: [
    "cached_input_share",
    "cache_write_share",
    "batch_share",
    "reasoning_tokens_per_call",
    "calls_per_day",
    "days_per_month",
    "weekday_calls_per_day",
    "weekend_calls_per_day",
    "weekday_profile_id",
    "weekend_profile_id",
    "time_zone",
    "cache_write_ttl",
    "current_model_id",
    "allowed_regions",
    "country",
    "target_ttft_p95_seconds",
    "target_output_tokens_per_second_per_user_p95",
  ],
  columns: {
    workload_id: identifier(),
    /** Mean input tokens per call, cached ones included. */
    input_tokens_per_call: nonNegativeInteger(),
    /** Mean visible output tokens per call, hidden reasoning tokens not included. */
    output_tokens_per_call: nonNegativeInteger(),
    /** Mean hidden reasoning tokens per call on a model that reasons (models.csv `reasons`). Empty: 0. */
    reasoning_tokens_per_call: optional(nonNegativeNumber()),
    /** The chapter's calendar: calls on each of days_per_month alike days. Give these two, or the weekday and weekend volumes. */
    calls_per_day: optional(nonNegativeNumber()),
    days_per_month: optional(positiveNumber()),
    /** A calendar month (365.25 / 12 days) of weekdays and weekend days, each with its own volume. */
    weekday_calls_per_day: optional(nonNegativeNumber()),
    weekend_calls_per_day: optional(nonNegativeNumber()),
    /** How a weekday's and a weekend day's calls fall by local hour (traffic_profiles.csv). Empty: evenly over 24 hours. */
    weekday_profile_id: optional(identifier()),
    weekend_profile_id: optional(identifier()),
    /** The time zone the profiles' hours are in. Empty: UTC. */
    time_zone: optional(timeZone()),
    /** Share of a call's input tokens read from the provider's prompt cache. Empty: 0. */
    cached_input_share: optional(fraction()),
    /** Share of a call's input tokens written to the prompt cache. Empty: 0. With cached_input_share, at most 1. */
    cache_write_share: optional(fraction()),
    /** Share of calls sent through a batch API. Empty: 0. */
    batch_share: optional(fraction()),
    /** How long cache writes live, `5m` or `1h` (billed at the one-hour write price). Empty: 5m. */
    cache_write_ttl: optional(oneOf(["5m", "1h"])),
    /** The model the workload runs on today (models.csv): what `roilab decide` compares every option with. */
    current_model_id: optional(identifier()),
    /** Regions where the workload's data may be processed (`;`-separated; `on_premises`: a server of one's own). Empty: no rule. */
    allowed_regions: optional(list()),
    /** Where the workload's team and users are (ISO 3166-1 alpha-2): an API whose provider does not serve it is no option. Empty: not stated. */
    country: optional(countryCode()),
    /** Latency target: time to first token at the 95th percentile, seconds. Empty: none. */
    target_ttft_p95_seconds: optional(positiveNumber()),
    /** Latency target: output tokens a second each user sees at the 95th percentile (its slowest 5%). Empty: none. */
    target_output_tokens_per_second_per_user_p95: optional(positiveNumber()),
    source: text(),
  },
});

export const taskTypes = defineTable({
  file: "task_types.csv",
  key: ["task_type"],
  columns: {
    task_type: identifier(),
    /** Empty where the source gives no score: the router then uses its unknown-type score. */
    complexity_score: optional(fraction()),
    label: text(),
    source: text(),
  },
});

export const taskMix = defineTable({
  file: "task_mix.csv",
  key: ["mix_id", "task_type"],
  columns: {
    mix_id: identifier(),
    task_type: identifier(),
    share: fraction(),
    sensitive: boolean(),
    source: text(),
  },
});

export const routingTiers = defineTable({
  anyCurrency: true,
  file: "routing_tiers.csv",
  key: ["tier"],
  columns: {
    tier: oneOf(TIERS),
    model_name: text(),
    /** The priced model behind a cloud tier; empty for a local model not in models.csv. */
    model_id: optional(identifier()),
    location: oneOf(["local", "cloud"]),
    /** Stated cost per call; empty means: a cloud tier is priced from model_id at the typical workload, a local tier costs 0 per call (its server is paid apart). */
    usd_per_call: optional(nonNegativeNumber()),
    max_context_tokens: positiveInteger(),
    source: text(),
  },
});

export const routingConfig = defineTable({
  anyCurrency: true,
  file: "routing_config.csv",
  key: ["config_id"],
  columns: {
    config_id: identifier(),
    complexity_threshold: fraction(),
    context_length_threshold_tokens: nonNegativeInteger(),
    sensitive_data: boolean(),
    max_usd_per_call: nonNegativeNumber(),
    unknown_task_complexity: fraction(),
    assumed_tool_calls: nonNegativeInteger(),
    assumed_context_tokens: nonNegativeInteger(),
    daily_volume: nonNegativeNumber(),
    mix_id: identifier(),
    /** The hardware that serves the local tiers, for savings with that hardware paid. */
    local_hardware_id: identifier(),
    source: text(),
  },
});

export const caseStudy = defineTable({
  anyCurrency: true,
  file: "case_study.csv",
  key: ["scenario_id"],
  columns: {
    scenario_id: identifier(),
    weekday_calls_per_day: nonNegativeNumber(),
    weekday_days_per_month: nonNegativeNumber(),
    weekend_calls_per_day: nonNegativeNumber(),
    weekend_days_per_month: nonNegativeNumber(),
    budget_usd_per_month: nonNegativeNumber(),
    /** Regions where sensitive data may be processed; `on_premises` means the local hardware. */
    allowed_regions: list(),
    local_hardware_id: identifier(),
    cloud_tier: oneOf(TIERS),
    mix_id: identifier(),
    /** The day's shape for capacity planning, from traffic_profiles.csv; empty means spread evenly over 24 hours. */
    traffic_profile_id: optional(identifier()),
    /** Where the team is (ISO 3166-1 alpha-2): an API whose provider does not serve it is no option. Empty: not stated. */
    country: optional(countryCode()),
    source: text(),
  },
  omittable: ["traffic_profile_id", "country"],
});

export const SERVING_MODES = ["single_stream", "batched"] as const;
export const PROMPT_RATE_BASES = ["measured", "derived"] as const;

/** The tables below arrived with capacity and sensitivity analysis; a folder without them still loads. */
export const throughput = defineTable({
  file: "throughput.csv",
  optionalFile: true,
  key: ["hardware_id", "serving", "model"],
  omittable: ["prompt_rate_basis", "concurrency", "ttft_p95_seconds", "output_tokens_per_second_per_user_p95"],
  columns: {
    hardware_id: identifier(),
    /** single_stream: one request at a time (prefill and generation add up); batched: many at once, overlapped. */
    serving: oneOf(SERVING_MODES),
    engine: text(),
    model: text(),
    params_b: positiveNumber(),
    quantisation: text(),
    /** Generated tokens per second, summed over concurrent requests. */
    output_tokens_per_second: positiveNumber(),
    /** Prompt (prefill) tokens per second, summed over concurrent requests. */
    prompt_tokens_per_second: positiveNumber(),
    /**
     * Whether the prompt rate was `measured` or `derived` (worked out from the output rate, as for a source that
     * publishes only one throughput). Empty or absent: read from the source text (see `promptRateBasis`).
     */
    prompt_rate_basis: optional(oneOf(PROMPT_RATE_BASES)),
    /** The prompt and output lengths the figure was measured at. */
    benchmark_input_tokens: positiveInteger(),
    benchmark_output_tokens: positiveInteger(),
    /** Requests served at once when measured; empty: not stated (a maximum-load figure says so in its source). */
    concurrency: optional(positiveInteger()),
    /** Time to first token at the 95th percentile at that load, seconds; empty: not measured. */
    ttft_p95_seconds: optional(positiveNumber()),
    /** Output tokens a second each request saw at the 95th percentile (its slowest 5%) at that load; empty: not measured. */
    output_tokens_per_second_per_user_p95: optional(positiveNumber()),
    as_of: isoDate(),
    source: text(),
  },
});

export const trafficProfiles = defineTable({
  file: "traffic_profiles.csv",
  optionalFile: true,
  key: ["profile_id", "hour"],
  columns: {
    profile_id: identifier(),
    /** Hour of the day, 0–23; every profile lists all 24. */
    hour: nonNegativeInteger(),
    /** Calls in this hour relative to the others (any scale). */
    relative_load: nonNegativeNumber(),
    source: text(),
  },
});

export const quantisation = defineTable({
  file: "quantisation.csv",
  optionalFile: true,
  key: ["quant_id", "reference_model"],
  columns: {
    quant_id: identifier(),
    /** The model the quality figures were measured on. */
    reference_model: text(),
    /** The nominal bit width the chapter's question speaks of (16, 8, 5, 4). */
    bits_label: positiveInteger(),
    /** Effective bits per weight, scales and mixed tensors included. */
    bits_per_weight: positiveNumber(),
    /**
     * Perplexity of the quantised model and of its FP16 original on the same text: the quality cost. Empty where
     * none is published, as for a format the model was released in (gpt-oss's MXFP4 has no FP16 original).
     */
    perplexity: optional(positiveNumber()),
    perplexity_fp16: optional(positiveNumber()),
    /** Mean KL divergence of the token distributions from FP16's, where measured. */
    kld_vs_fp16: optional(nonNegativeNumber()),
    source: text(),
  },
});

export const modelArchitectures = defineTable({
  file: "model_architectures.csv",
  optionalFile: true,
  key: ["model_id"],
  columns: {
    model_id: identifier(),
    model: text(),
    params_b: positiveNumber(),
    layers: positiveInteger(),
    /** Key/value heads, which set the KV cache's size. */
    kv_heads: positiveInteger(),
    head_dim: positiveInteger(),
    source: text(),
  },
});

/** The break-even inputs a Monte Carlo may vary, named as in hardware.csv, models.csv and workloads.csv. */
export const UNCERTAIN_INPUTS = SENSITIVITY_INPUTS.map((input) => input.column);

export const uncertaintyRanges = defineTable({
  file: "uncertainty_ranges.csv",
  optionalFile: true,
  key: ["input"],
  columns: {
    input: oneOf(UNCERTAIN_INPUTS),
    /** Multipliers of the input's base value. */
    low_factor: nonNegativeNumber(),
    high_factor: nonNegativeNumber(),
    distribution: oneOf(["uniform", "triangular"]),
    /** The most likely multiplier of a triangular range. */
    mode_factor: optional(nonNegativeNumber()),
    rationale: text(),
  },
});

export const failover = defineTable({
  file: "failover.csv",
  optionalFile: true,
  key: ["scenario_id"],
  columns: {
    scenario_id: identifier(),
    hardware_id: identifier(),
    cloud_model_id: identifier(),
    calls_per_day: nonNegativeNumber(),
    local_downtime_hours_per_month: nonNegativeNumber(),
    outages_per_month: nonNegativeNumber(),
    detection_seconds: nonNegativeNumber(),
    cloud_availability: fraction(),
    /** Calls sent to the cloud even while the local server is up. */
    cloud_share: fraction(),
    source: text(),
  },
});

/** GPU rental offers: a server like a hardware row, rented by the hour instead of bought. */
export const gpuRentals = defineTable({
  anyCurrency: true,
  file: "gpu_rentals.csv",
  optionalFile: true,
  key: ["rental_id"],
  omittable: ["region"],
  columns: {
    rental_id: identifier(),
    /** The configuration rented: its GPUs, and through `serving` its measured throughput. */
    hardware_id: identifier(),
    /** The throughput.csv row (of this hardware) the rented server serves at. */
    serving: oneOf(SERVING_MODES),
    provider: text(),
    offer: text(),
    /** On demand, USD per GPU-hour. */
    usd_per_gpu_hour: nonNegativeNumber(),
    /** With a 1-year commitment, USD per GPU-hour; empty where the source states none. */
    committed_1y_usd_per_gpu_hour: optional(nonNegativeNumber()),
    /** The smallest unit billed: 1 for per-second billing, 60 per-minute, 3600 hourly. */
    billing_increment_seconds: positiveNumber(),
    /** The least billed for one rental run, hours (0: none). */
    minimum_billed_hours: nonNegativeNumber(),
    /** Operations the rented fleet still needs, USD per month; empty: the same as the bought configuration's. */
    ops_usd_per_month: optional(nonNegativeNumber()),
    /** Where the rented servers process data (`US`, `EU`…), as the source states; empty: not known. */
    region: optional(text()),
    as_of: isoDate(),
    source: text(),
  },
});

export const publishedFigures = defineTable({
  file: "published_figures.csv",
  key: ["figure_id"],
  omittable: ["chapter_inputs"],
  columns: {
    figure_id: text(),
    section: text(),
    label: text(),
    value: nonNegativeNumber(),
    /** Upper end where the source states a range ("60-75%"). */
    value_high: optional(nonNegativeNumber()),
    unit: oneOf(["usd", "kw", "kwh", "calls_per_day", "calls_per_month", "percent", "tokens_per_second", "gb"]),
    /** The rounding step of the printed figure: 1 for whole dollars, 0.01 for cents, 10 for "about 93,270". */
    precision: positiveNumber(),
    kind: oneOf(["table_cell", "printed_output", "stated_total", "prose_claim"]),
    /**
     * Inputs the chapter itself states for this figure where they differ from the data's (its code's rounded
     * $115 of power), as `file.csv:row_id:column=number;…`: the audit also recomputes the figure from them.
     */
    chapter_inputs: assignments(),
    /** What the arithmetic shows where the printed figure differs from the data's formulas. */
    note: optional(text()),
  },
});

export type ModelRow = RowOf<typeof models.columns>;
export type LongContextPriceRow = RowOf<typeof longContextPrices.columns>;
export type BenchmarkRow = RowOf<typeof benchmarks.columns>;
export type HardwareRow = RowOf<typeof hardware.columns>;
/** A workload as written; `WorkloadRow` is the same with the chapter's calendar filled in for either form. */
export type WorkloadCsvRow = RowOf<typeof workloads.columns>;
export type WorkloadRow = Omit<WorkloadCsvRow, "callsPerDay" | "daysPerMonth"> & {
  /** Calls per day of `daysPerMonth` alike days; for a weekday/weekend workload, the month's calls over its calendar days. */
  callsPerDay: number;
  /** Days per month: as written, or a calendar month's 365.25 / 12 for a weekday/weekend workload. */
  daysPerMonth: number;
};
export type TaskTypeRow = RowOf<typeof taskTypes.columns>;
export type TaskMixRow = RowOf<typeof taskMix.columns>;
export type RoutingTierRow = RowOf<typeof routingTiers.columns>;
export type RoutingConfigRow = RowOf<typeof routingConfig.columns>;
export type CaseStudyRow = RowOf<typeof caseStudy.columns>;
export type PublishedFigureRow = RowOf<typeof publishedFigures.columns>;

/** What the chapter states about a quantity in more than one place (a formula's unit, an example's), for the audit. */
export const chapterStatements = defineTable({
  file: "chapter_statements.csv",
  key: ["statement_id"],
  optionalFile: true,
  columns: {
    statement_id: identifier(),
    section: text(),
    /** The quantity stated; statements of the same quantity are compared (`electricity_price`). */
    quantity: identifier(),
    /** `formula`: a general rule the chapter gives; `example`: a worked number. */
    role: oneOf(["formula", "example"]),
    /** The stated number; empty for a formula. */
    value: optional(nonNegativeNumber()),
    /** A currency, or a currency per unit of something. */
    unit: oneOf(["usd", "cny", "usd_per_kwh", "cny_per_kwh"]),
    /** The data cell that carries this statement's value, `file.csv:row_id:column`. */
    data_cell: cellReference(),
    source: text(),
  },
});

export type ChapterStatementRow = RowOf<typeof chapterStatements.columns>;
export type ThroughputRow = RowOf<typeof throughput.columns>;
export type TrafficProfileRow = RowOf<typeof trafficProfiles.columns>;
export type QuantisationRow = RowOf<typeof quantisation.columns>;
export type ModelArchitectureRow = RowOf<typeof modelArchitectures.columns>;
export type UncertaintyRangeRow = RowOf<typeof uncertaintyRanges.columns>;
export type FailoverRow = RowOf<typeof failover.columns>;
export type GpuRentalRow = RowOf<typeof gpuRentals.columns>;

/** Prices a model charges during a daily window in UTC (DeepSeek's daytime hours), replacing its models.csv prices then. */
export const timeOfDayPrices = defineTable({
  anyCurrency: true,
  file: "time_of_day_prices.csv",
  optionalFile: true,
  key: ["model_id", "label"],
  omittable: ["cached_input_usd_per_mtok", "cache_write_usd_per_mtok"],
  columns: {
    model_id: identifier(),
    /** What the window is called on a bill (`peak`, `off-peak`). */
    label: identifier(),
    /** The window runs from start_utc up to end_utc, UTC; an end not after the start runs over midnight. */
    start_utc: clockTime(),
    end_utc: clockTime(),
    /** Empty: the model's own price of that token holds in the window. */
    input_usd_per_mtok: optional(nonNegativeNumber()),
    output_usd_per_mtok: optional(nonNegativeNumber()),
    cached_input_usd_per_mtok: optional(nonNegativeNumber()),
    cache_write_usd_per_mtok: optional(nonNegativeNumber()),
    as_of: isoDate(),
    source: text(),
  },
});

/** Dated exchange rates: what `--currency` converts roilab's USD figures with. */
export const exchangeRates = defineTable({
  file: "exchange_rates.csv",
  optionalFile: true,
  key: ["currency"],
  columns: {
    currency: currencyCode(),
    /** Units of the currency one US dollar buys. */
    per_usd: positiveNumber(),
    as_of: isoDate(),
    source: text(),
  },
});

export type TimeOfDayPriceRow = RowOf<typeof timeOfDayPrices.columns>;
export type ExchangeRateRow = RowOf<typeof exchangeRates.columns>;

/** What `roilab workload import` measured of each kind of token: its mean and percentiles over the logged calls. */
export const workloadTokenStats = defineTable({
  file: "workload_token_stats.csv",
  optionalFile: true,
  key: ["workload_id", "token_kind"],
  columns: {
    workload_id: identifier(),
    token_kind: oneOf(["input", "output", "cache_read", "cache_write", "reasoning"]),
    /** Calls the statistics are over. */
    calls: nonNegativeInteger(),
    mean: nonNegativeNumber(),
    p50: nonNegativeNumber(),
    p90: nonNegativeNumber(),
    p99: nonNegativeNumber(),
    source: text(),
  },
});

export type WorkloadTokenStatRow = RowOf<typeof workloadTokenStats.columns>;

/** Whether an API provider serves a country, sourced: OpenAI and Anthropic, for one, do not serve mainland China. */
export const providerAvailability = defineTable({
  file: "provider_availability.csv",
  optionalFile: true,
  key: ["provider", "country"],
  columns: {
    /** As models.csv names the provider. */
    provider: text(),
    country: countryCode(),
    serves: oneOf(["yes", "no"]),
    as_of: isoDate(),
    source: text(),
  },
});

export type ProviderAvailabilityRow = RowOf<typeof providerAvailability.columns>;
