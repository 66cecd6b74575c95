/**
 * Call, rent or buy, for one workload: every option the data can price (each API, each self-hosted server
 * bought, each rental always on or scaled hour by hour), its month and its average call on the workload's own
 * calendar, and the volume from which it costs less than the API the workload runs on today.
 */
import type { Dataset, GpuRentalRow, HardwareRow, ModelRow, ThroughputRow, UncertaintyRangeRow, WorkloadRow } from "../data";
import { InputError } from "../errors";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import {
  busiestHourCalls,
  calendarDaysPerMonth,
  callsPerHourPerMachine,
  callsPerMonth,
  DEFAULT_TARGET_UTILISATION,
  fleetCostOfSplit,
  fleetMonthlyCost,
  drawFactor,
  byMonthlyCost,
  firstVolumeCheaper,
  optionMonth,
  quantile,
  seededRandom,
  serverBandEdges as bandEdgesOf,
  type OptionCost,
  type RentalOffer,
  type RentalOps,
  type WorkloadCalendar,
} from "../model";
import { apiMonthlyBill } from "./cost";
import { hasLatencyTarget, latencyStatus, type LatencyStatus } from "./latency";
import { findModel } from "./lookup";
import { compareWithToday, keepsQuality, qualityMatchText, qualityOf, TIER_SHARES, type Quality, type QualityMatch } from "./quality";
import { headlineVolume, workloadAtVolume, workloadById } from "./workload";
import { callOf, modelPriceSheet, serverCostSplit, workloadCalendar } from "./model-inputs";

export type OptionKind = "api" | "buy" | "rent-always-on" | "rent-by-hour" | "hybrid";

export interface DecisionOption {
  kind: OptionKind;
  /** Stable id: `api:<model_id>`, `buy:<hardware_id>:<serving>`, `rent-always-on:<rental_id>`, `rent-by-hour:<rental_id>`. */
  id: string;
  /** What a reader calls it: the model, or the server and the model it serves. */
  label: string;
  /** The model whose answers the option gives (models.csv id where the data has it). */
  modelId: string | undefined;
  modelName: string;
  usdPerMonth: number;
  usdPerCall: number;
  /** Servers a self-hosted option runs at the busiest hour; undefined for an API. */
  servers: number | undefined;
  /** Where the option processes data: the API's region, `on_premises`, or the rental provider. */
  region: string;
  /**
   * The volume, in the workload's own unit (calls a weekday, or a day), from which the option costs no more
   * than the current API: 0 when it already does at any volume, Infinity when it never does up to 1,000 times today's.
   */
  beatsCurrentFromCallsPerDay: number;
  /** How the figure was reached, in a few words (billing parts, sizing). */
  basis: string;
  /** Whether the option's region is among the allowed regions; `no rule` where none are given. */
  compliance: Compliance;
  /** Whether its API provider serves the workload's country (provider_availability.csv); undefined without a country or an API. */
  servesCountry: "yes" | "no" | "not stated" | undefined;
  /** The served model's score and the tier computed from it (see `qualityRule`); a hybrid's local model's. */
  quality: Quality;
  /** The served model against today's (a hybrid: its local model against the share of today's score it must reach). */
  qualityVsToday: QualityMatch;
  /** A self-hosted option's throughput row against the workload's latency target; an API's latency is not in the data. */
  latency: LatencyStatus | "not in the data";
  /** A self-hosted option's measured precision (FP8, NVFP4…) and the requests served at once (undefined: not stated). */
  precision: string | undefined;
  concurrency: number | undefined;
  /** For a self-hosted option, the API option serving the same model, where the data has one: its like-for-like comparison. */
  sameModelApiId: string | undefined;
  /** Passes the workload's rules whatever its quality: compliant (or no rule), offered in its country, meeting a latency target. */
  passesRules: boolean;
  /** Counts for the winner: compliant (or no rule), at today's quality (see `keepsQuality`) and, for a self-hosted option under a latency target, measured to meet it. */
  eligible: boolean;
  /** The month's 5th and 95th percentile over uncertainty_ranges.csv, USD; undefined where the data has no ranges. */
  usdPerMonthP5: number | undefined;
  usdPerMonthP95: number | undefined;
}

export type Compliance = "compliant" | "not compliant" | "no rule";

/** Whether a region is among the allowed ones (case-insensitive; `on_premises` for own servers); `no rule` without any. */
export function regionCompliance(region: string, allowedRegions: readonly string[] | undefined): Compliance {
  if (allowedRegions === undefined) return "no rule";
  return allowedRegions.some((allowed) => allowed.toLowerCase() === region.toLowerCase()) ? "compliant" : "not compliant";
}

/** An input the decision depends on, moved until another option wins. */
export type FlipInput = "API prices" | "volume" | "utilisation" | "salary";

export interface Flip {
  input: FlipInput;
  /** The multiplier of the input at which the winner changes (0.8: 20% lower). */
  factor: number;
  /** The option that wins from there. */
  newWinner: DecisionOption;
}

export interface Decision {
  workload: WorkloadRow;
  /** The workload's volume in its own unit and the unit's name. */
  volume: { callsPerDay: number; unit: string };
  callsPerMonth: number;
  /** Calendar days the month's fixed costs are paid for. */
  calendarDays: number;
  busiestHourCalls: number;
  current: DecisionOption;
  /** Every option, cheapest first. */
  options: DecisionOption[];
  targetUtilisation: number;
  /** The regions the options were checked against (lower case); undefined: no rule. */
  allowedRegions: string[] | undefined;
  /** The country whose availability the APIs were checked against; undefined: not stated. */
  country: string | undefined;
  /** The cheapest eligible option (compliant, at today's quality, meeting the latency target); undefined when none is. */
  winner: DecisionOption | undefined;
  /** The cheapest option that is compliant and meets the latency target whatever its quality, where it is cheaper than the winner. */
  cheaperAtLowerQuality: DecisionOption | undefined;
  /** Today's model's quality: the floor every option is held to; `no rating` leaves quality uncompared. */
  todayQuality: Quality;
  /** The hybrids' split: the share of calls sent to the local model and where that share comes from; undefined: no hybrid priced. */
  hybrid: HybridSplit | undefined;
  /** Of the four inputs, the one whose smallest move (as a ratio) makes another option win; undefined when none does within a tenth to ten times. */
  flip: Flip | undefined;
  /** Every input's flip point, nearest first. */
  flips: Flip[];
  /** Hardware configurations whose throughput rows meet the workload's latency target at no row. */
  serversMissingLatency: string[];
  /** Monte Carlo draws behind the P5–P95 ranges (0: none). */
  samples: number;
}

export interface DecideOptions {
  workloadId?: string;
  /** The API the options are measured against; default the workload's current_model_id. */
  currentModelId?: string;
  /** Highest share of a server's measured throughput it is planned to run at. Default 0.7. */
  targetUtilisation?: number;
  /** Regions the workload's data may be processed in (`on_premises`: own servers). Default: the workload's allowed_regions; none: no rule. */
  allowedRegions?: readonly string[];
  /** Where the team is, for provider availability. Default: the workload's country; none: not checked. */
  country?: string;
  /** Monte Carlo draws over uncertainty_ranges.csv for each option's P5–P95. Default 200; 0: none. */
  samples?: number;
  /** The draws' seed. Default 59. */
  seed?: number;
  /** How hybrids split the calls; undefined: no hybrid option. */
  hybrid?: HybridSplit;
}

/** A hybrid's split: this share of calls on a self-hosted model, the rest on today's API. */
export interface HybridSplit {
  /** Share of the workload's calls served locally, 0–1. */
  localShare: number;
  /** Where the share comes from, in a few words ("the router's tasks at or below complexity 0.7"). */
  basis: string;
}

/**
 * A hybrid keeps today's model for the calls it sends to the cloud, so its local model need not match today's: it
 * must score at least this share of today's score (the middle tier's share of the best).
 */
export const HYBRID_LOCAL_SHARE_OF_TODAY = TIER_SHARES.middle;

/** A self-hosted configuration: its hardware, the throughput row it serves at, and what it serves. */
interface Server {
  hardware: HardwareRow;
  throughput: ThroughputRow;
  servedModel: ModelRow | undefined;
  servedName: string;
}

function servedModelOf(data: Dataset, hardware: HardwareRow, throughput: ThroughputRow): Pick<Server, "servedModel" | "servedName"> {
  const model = hardware.servesModelId === undefined ? undefined : data.models.find((row) => row.modelId === hardware.servesModelId);
  return { servedModel: model, servedName: model?.modelName.replace(/ \([^)]*\)$/, "") ?? throughput.model };
}

/** Every hardware configuration with a measured throughput, once per way it is measured to serve. */
function servers(data: Dataset): Server[] {
  return data.hardware.flatMap((hardware) =>
    data.throughput
      .filter((row) => row.hardwareId === hardware.hardwareId)
      .map((throughput) => ({ hardware, throughput, ...servedModelOf(data, hardware, throughput) })),
  );
}

/** Calls one server carries an hour at the target, with the served model's hidden reasoning decoded as output. */
function capacityPerHour(server: Server, workload: WorkloadRow, targetUtilisation: number): number {
  const call = callOf(server.servedModel ?? { reasons: false }, workload);
  const shape = {
    inputTokensPerCall: call.inputTokensPerCall,
    outputTokensPerCall: call.outputTokensPerCall + (call.reasoningTokensPerCall ?? 0),
  };
  const measured = {
    serving: server.throughput.serving,
    outputTokensPerSecond: server.throughput.outputTokensPerSecond,
    promptTokensPerSecond: server.throughput.promptTokensPerSecond,
  };
  return callsPerHourPerMachine(shape, measured, { targetUtilisation });
}

function rentalOffer(rental: GpuRentalRow, hardware: HardwareRow): RentalOffer {
  return {
    usdPerGpuHour: rental.usdPerGpuHour,
    gpuCount: hardware.gpuCount,
    billingIncrementHours: rental.billingIncrementSeconds / 3600,
    minimumHours: rental.minimumBilledHours,
  };
}

/** A rental's operations: its own where it states them, else the bought server's. */
function rentalOps(rental: GpuRentalRow, hardware: HardwareRow, days: number): RentalOps {
  const bought = serverCostSplit(hardware, days);
  return {
    opsOneServerUsdPerMonth: rental.opsUsdPerMonth ?? bought.opsOneServerUsdPerMonth,
    opsSharePerAddedServer: bought.opsSharePerAddedServer,
  };
}

/** A bought server set against the API serving its own model: like for like, one server at full planned load. */
export interface SameModelComparison {
  hardwareId: string;
  serverName: string;
  modelId: string;
  modelName: string;
  /** One server's month: depreciation, power and operations, USD. */
  serverUsdPerMonth: number;
  /** Calls it carries in a month running every hour at the planned utilisation. */
  callsPerMonthAtFullLoad: number;
  /** serverUsdPerMonth / callsPerMonthAtFullLoad: the least a call can cost on it. */
  usdPerCallAtFullLoad: number;
  /** The same model's API at the workload's call, USD. */
  apiUsdPerCall: number;
  /** Calls a day from which one server costs less than the API; Infinity where it never does, even full. */
  breakEvenCallsPerDay: number;
}

/**
 * Every bought server whose model an API in models.csv also serves, against that API at the workload's call: the
 * comparison that holds quality equal. A server whose call at full planned load costs more than the API's never
 * pays off against it, whatever the volume.
 */
export function sameModelComparisons(
  data: Dataset,
  workloadId?: string,
  targetUtilisation = DEFAULT_TARGET_UTILISATION,
): SameModelComparison[] {
  const workload = workloadById(data, workloadId);
  const days = calendarDaysPerMonth(workloadCalendar(data, workload));
  return servers(data)
    .filter(
      (server) =>
        server.servedModel !== undefined && (server.hardware.costBasis === "itemised" || server.hardware.monthlyFixedUsd !== undefined),
    )
    .map((server) => {
      const model = server.servedModel as ModelRow;
      const serverUsdPerMonth = fleetMonthlyCost(1, fleetCostOfSplit(serverCostSplit(server.hardware, days)));
      const callsPerMonthAtFullLoad = capacityPerHour(server, workload, targetUtilisation) * 24 * days;
      const apiUsdPerCall = apiMonthlyBill(data, model, workload).usdPerCall;
      const usdPerCallAtFullLoad = serverUsdPerMonth / callsPerMonthAtFullLoad;
      return {
        hardwareId: server.hardware.hardwareId,
        serverName: server.hardware.name.replace(/ \([^)]*\)$/, ""),
        modelId: model.modelId,
        modelName: model.modelName,
        serverUsdPerMonth,
        callsPerMonthAtFullLoad,
        usdPerCallAtFullLoad,
        apiUsdPerCall,
        breakEvenCallsPerDay: usdPerCallAtFullLoad < apiUsdPerCall ? serverUsdPerMonth / apiUsdPerCall / days : Infinity,
      };
    });
}

/**
 * What a break-even of a server against an API compares besides cost: the server's model against the API's on
 * the benchmarks scoring both, in words ("Hermes 4 70B against Claude Sonnet 5: no shared score, not like for like").
 */
export function serverAgainstApiQuality(data: Dataset, hardwareId: string, apiModelId: string, lang: Lang = DEFAULT_LANG): string {
  const hardware = data.hardware.find((row) => row.hardwareId === hardwareId);
  const served = hardware?.servesModelId === undefined ? undefined : data.models.find((row) => row.modelId === hardware.servesModelId);
  const api = findModel(data, apiModelId);
  // A server's model by its models.csv name, else model_architectures.csv's, else its own name's ("4x A100 80GB (Hermes 3 70B)").
  const architecture = data.modelArchitectures.find((row) => row.modelId === hardware?.servesModelId)?.model;
  const servedName =
    (served?.modelName ?? architecture)?.replace(/ \([^)]*\)$/, "") ??
    /\(([^)]+)\)$/.exec(hardware?.name ?? "")?.[1] ??
    hardware?.servesModelId ??
    (lang === "en" ? "its model" : "其模型");
  const match = compareWithToday(data, served?.modelId, apiModelId);
  if (lang === "zh-CN") {
    // The API stands where today's model stands in a match: "低于对方", not 低于现用.
    const verdictsZh: Record<QualityMatch["kind"], string> = {
      "same model": "同一模型，质量可比",
      "at least today's": "在同时评测两者的每项基准上都不低于对方，质量可比",
      "below today's": `${qualityMatchText(match, lang).replace(/现用/g, "对方")}，质量不可比`,
      "no shared score": "没有任何基准同时评测两者，因此不能视为质量可比",
      "today's not rated": `未比较，因为 ${api.modelName} 没有评分`,
    };
    return `${servedName} 对比 ${api.modelName}：${verdictsZh[match.kind]}`;
  }
  const verdicts: Record<QualityMatch["kind"], string> = {
    "same model": "the same model, like for like",
    "at least today's": "at least as good on every benchmark scoring both, like for like",
    "below today's": `${qualityMatchText(match).replace("below today's", "below it")}, not like for like`,
    "no shared score": "no benchmark scores both, so not shown like for like",
    "today's not rated": `not compared, ${api.modelName} has no score`,
  };
  return `${servedName} against ${api.modelName}: ${verdicts[match.kind]}`;
}

/** An option's month at a workload: everything the volume search re-evaluates. */
type MonthAt = (workload: WorkloadRow) => { usd: number; servers: number | undefined };

type Described = Pick<DecisionOption, "kind" | "id" | "label" | "modelId" | "modelName" | "region" | "basis"> & {
  /** The API provider (models.csv), whose countries provider_availability.csv states; a hybrid's cloud provider. */
  provider?: string;
  /** Every place the option processes data, where it is more than its one `region` (a hybrid: its server's and its API's). */
  regions?: readonly string[];
};

interface OptionSpec extends Described {
  monthAt: MonthAt;
  /** What the month is made of at a workload, as plain data; undefined for a hybrid, made of two options (`hybridOf`). */
  costAt?: (workload: WorkloadRow, calendar: WorkloadCalendar) => OptionCost;
  /** A hybrid's parts: its self-hosted option's id for `localShare` of the calls, today's API's for the rest. */
  hybridOf?: { localId: string; cloudId: string; localShare: number };
  /** The throughput row a self-hosted option is sized with. */
  throughput?: ThroughputRow;
  /** Calls one of its servers takes in an hour at the planned utilisation: where its cost steps up a server. */
  serverCallsPerHour?: (workload: WorkloadRow) => number;
}

/** What hybrids need to be built: today's API and the split. */
interface SpecContext {
  currentId: string;
  hybrid: HybridSplit | undefined;
}

function optionSpecs(data: Dataset, targetUtilisation: number, context: SpecContext): OptionSpec[] {
  // Every option but a hybrid prices its month from plain data, with the model's own function.
  const priced = (costAt: (workload: WorkloadRow, calendar: WorkloadCalendar) => OptionCost) => ({
    costAt,
    monthAt: (workload: WorkloadRow) => {
      const calendar = workloadCalendar(data, workload);
      return optionMonth(costAt(workload, calendar), calendar);
    },
  });
  const apis: OptionSpec[] = data.models.map((model) => ({
    kind: "api",
    id: `api:${model.modelId}`,
    label: model.modelName,
    modelId: model.modelId,
    modelName: model.modelName,
    region: model.dataRegion,
    provider: model.provider,
    basis: `${model.provider} API`,
    ...priced((workload) => ({ way: "api", sheet: modelPriceSheet(data, model), call: callOf(model, workload) })),
  }));
  const bought: OptionSpec[] = servers(data)
    .filter((server) => server.hardware.costBasis === "itemised" || server.hardware.monthlyFixedUsd !== undefined)
    .map((server) => ({
      kind: "buy",
      id: `buy:${server.hardware.hardwareId}:${server.throughput.serving}`,
      // A server measured two ways (one request at a time, batched) is two options: the label says which.
      label: `Buy ${server.hardware.name.replace(/ \([^)]*\)$/, "")}${data.throughput.filter((row) => row.hardwareId === server.hardware.hardwareId).length > 1 ? `, ${server.throughput.serving.replace("_", " ")}` : ""}`,
      modelId: server.servedModel?.modelId,
      modelName: server.servedName,
      region: "on_premises",
      basis: `${server.throughput.engine}, ${server.throughput.serving.replace("_", " ")}, ${server.throughput.quantisation}`,
      throughput: server.throughput,
      serverCallsPerHour: (workload) => capacityPerHour(server, workload, targetUtilisation),
      ...priced((workload, calendar) => ({
        way: "buy",
        callsPerHour: capacityPerHour(server, workload, targetUtilisation),
        fleet: fleetCostOfSplit(serverCostSplit(server.hardware, calendarDaysPerMonth(calendar))),
      })),
    }));
  const rented: OptionSpec[] = data.gpuRentals.flatMap((rental) => {
    const server = servers(data).find(
      (candidate) => candidate.hardware.hardwareId === rental.hardwareId && candidate.throughput.serving === rental.serving,
    );
    if (!server) return [];
    const common = {
      modelId: server.servedModel?.modelId,
      modelName: server.servedName,
      region: rental.region ?? "unknown",
      basis: `${rental.provider}, ${rental.offer}`,
      throughput: server.throughput,
      serverCallsPerHour: (workload: WorkloadRow) => capacityPerHour(server, workload, targetUtilisation),
    };
    const name = server.hardware.name.replace(/ \([^)]*\)$/, "");
    const rentedCost = (way: "rent-always-on" | "rent-by-hour") => (workload: WorkloadRow, calendar: WorkloadCalendar) => ({
      way,
      callsPerHour: capacityPerHour(server, workload, targetUtilisation),
      offer: rentalOffer(rental, server.hardware),
      ops: rentalOps(rental, server.hardware, calendarDaysPerMonth(calendar)),
    });
    return [
      {
        ...common,
        kind: "rent-always-on" as const,
        id: `rent-always-on:${rental.rentalId}`,
        label: `Rent ${name} from ${rental.provider}, always on`,
        ...priced(rentedCost("rent-always-on")),
      },
      {
        ...common,
        kind: "rent-by-hour" as const,
        id: `rent-by-hour:${rental.rentalId}`,
        label: `Rent ${name} from ${rental.provider}, by the hour`,
        ...priced(rentedCost("rent-by-hour")),
      },
    ];
  });
  const selfHosted = [...bought, ...rented];
  const current = apis.find((spec) => spec.modelId === context.currentId);
  const split = context.hybrid;
  if (current === undefined || split === undefined || !(split.localShare > 0 && split.localShare < 1)) return [...apis, ...selfHosted];
  return [
    ...apis,
    ...selfHosted,
    ...selfHosted.filter((spec) => spec.modelId !== context.currentId).map((spec) => hybridSpec(spec, current, split)),
  ];
}

/** Today's API for the calls a hybrid sends to the cloud, a self-hosted option for the share it keeps local, each at its own volume. */
function hybridSpec(local: OptionSpec, cloud: OptionSpec, split: HybridSplit): OptionSpec {
  const part = (workload: WorkloadRow, share: number) => workloadAtVolume(workload, headlineVolume(workload).callsPerDay * share);
  const percent = `${+(split.localShare * 100).toFixed(1)}%`;
  return {
    kind: "hybrid",
    id: `hybrid:${local.id}`,
    label: `${local.label} for ${percent} of calls (${local.modelName}), ${cloud.label} for the rest`,
    modelId: local.modelId,
    modelName: `${local.modelName} + ${cloud.modelName}`,
    // One place named once: a rental in the US beside a US API processes data in the US.
    region: local.region === cloud.region ? local.region : `${local.region} + ${cloud.region}`,
    regions: [local.region, cloud.region],
    provider: cloud.provider,
    basis: `${split.basis}; ${local.basis}`,
    hybridOf: { localId: local.id, cloudId: cloud.id, localShare: split.localShare },
    throughput: local.throughput,
    // A hybrid steps up a server where its local share does.
    serverCallsPerHour:
      local.serverCallsPerHour && ((workload) => (local.serverCallsPerHour as (w: WorkloadRow) => number)(workload) / split.localShare),
    monthAt: (workload) => {
      const served = local.monthAt(part(workload, split.localShare));
      return { usd: served.usd + cloud.monthAt(part(workload, 1 - split.localShare)).usd, servers: served.servers };
    },
  };
}

/**
 * The least volume (the workload's unit) at which `option` costs less than `current`, from a thousandth to a
 * thousand times today's volume: Infinity when it never does there, 0 when it does at any volume (`firstVolumeCheaper`).
 */
export function firstVolumeBelow(
  option: MonthAt,
  current: MonthAt,
  workload: WorkloadRow,
  todayCallsPerDay: number,
  bandEdges: readonly number[] = [],
): number {
  const gap = (volume: number) => {
    const at = workloadAtVolume(workload, volume);
    return option(at).usd - current(at).usd;
  };
  return firstVolumeCheaper(gap, todayCallsPerDay, bandEdges);
}

/** The volumes (the workload's unit) at which a self-hosted option needs one more server, up to a thousand times today's. */
function serverBandEdges(spec: OptionSpec, workload: WorkloadRow, calendar: WorkloadCalendar, todayCallsPerDay: number): number[] {
  return bandEdgesOf(spec.serverCallsPerHour?.(workload), todayCallsPerDay, busiestHourCalls(calendar));
}

/** Multipliers of the inputs uncertainty_ranges.csv names, applied to every row that carries them. */
type Factors = Partial<Record<UncertaintyRangeRow["input"], number>>;

const times = (value: number | undefined, factor: number | undefined) =>
  value === undefined || factor === undefined ? value : value * factor;

/**
 * Every API price of the dataset (models, their hours of the day and long-context tiers), those billed for input
 * times `input` and those for output times `output`; undefined leaves them as they are.
 */
export function apiPricesScaled(
  data: Dataset,
  input: number | undefined,
  output: number | undefined,
): Pick<Dataset, "models" | "timeOfDayPrices" | "longContextPrices"> {
  const prices = <
    T extends { inputUsdPerMTok?: number; outputUsdPerMTok?: number; cachedInputUsdPerMTok?: number; cacheWriteUsdPerMTok?: number },
  >(
    row: T,
  ): T => ({
    ...row,
    inputUsdPerMTok: times(row.inputUsdPerMTok, input),
    outputUsdPerMTok: times(row.outputUsdPerMTok, output),
    cachedInputUsdPerMTok: times(row.cachedInputUsdPerMTok, input),
    cacheWriteUsdPerMTok: times(row.cacheWriteUsdPerMTok, input),
  });
  return {
    models: data.models.map((row) => ({
      ...prices(row),
      cacheWrite1hUsdPerMTok: times(row.cacheWrite1hUsdPerMTok, input),
      batchInputUsdPerMTok: times(row.batchInputUsdPerMTok, input),
      batchOutputUsdPerMTok: times(row.batchOutputUsdPerMTok, output),
    })),
    timeOfDayPrices: data.timeOfDayPrices.map(prices),
    longContextPrices: data.longContextPrices.map(prices),
  };
}

/** The dataset and workload with each named input multiplied: API prices, tokens a call, a server's capex, life, power and operations, a rental's operations. */
function scaled(data: Dataset, workload: WorkloadRow, factors: Factors): { data: Dataset; workload: WorkloadRow } {
  return {
    data: {
      ...data,
      ...apiPricesScaled(data, factors.input_usd_per_mtok, factors.output_usd_per_mtok),
      hardware: data.hardware.map((row) => ({
        ...row,
        capexUsd: times(row.capexUsd, factors.capex_usd),
        depreciationMonths: times(row.depreciationMonths, factors.depreciation_months),
        powerKw: times(row.powerKw, factors.power_kw),
        electricityUsdPerKwh: times(row.electricityUsdPerKwh, factors.electricity_usd_per_kwh),
        powerUsdPerMonth: times(row.powerUsdPerMonth, factors.power_usd_per_month),
        opsFte: times(row.opsFte, factors.ops_fte),
        opsSalaryUsdPerMonth: times(row.opsSalaryUsdPerMonth, factors.ops_salary_usd_per_month),
        opsUsdPerMonth: times(row.opsUsdPerMonth, factors.ops_usd_per_month),
        // A stated monthly cost holds its operations part: it moves with them.
        monthlyFixedUsd:
          row.monthlyFixedUsd === undefined
            ? undefined
            : row.monthlyFixedUsd + (row.opsUsdPerMonth ?? 0) * ((factors.ops_usd_per_month ?? 1) - 1),
      })),
      gpuRentals: data.gpuRentals.map((row) => ({ ...row, opsUsdPerMonth: times(row.opsUsdPerMonth, factors.ops_usd_per_month) })),
    },
    workload: {
      ...workload,
      inputTokensPerCall: times(workload.inputTokensPerCall, factors.input_tokens_per_call) as number,
      outputTokensPerCall: times(workload.outputTokensPerCall, factors.output_tokens_per_call) as number,
    },
  };
}

/** Each listed option's month, USD, at a dataset, workload and utilisation. */
function monthsOf(
  data: Dataset,
  workload: WorkloadRow,
  targetUtilisation: number,
  ids: ReadonlySet<string>,
  context: SpecContext,
): Map<string, number> {
  return new Map(
    optionSpecs(data, targetUtilisation, context)
      .filter((spec) => ids.has(spec.id))
      .map((spec) => [spec.id, spec.monthAt(workload).usd]),
  );
}

const cheapestOf = (months: Map<string, number>): string | undefined => [...months].sort((a, b) => a[1] - b[1])[0]?.[0];

/** How each flip input moves the decision's inputs by a factor. */
function flipEvaluators(
  data: Dataset,
  workload: WorkloadRow,
  targetUtilisation: number,
  volume: number,
  ids: ReadonlySet<string>,
  context: SpecContext,
): Record<FlipInput, { evaluate: (factor: number) => Map<string, number>; maxFactor: number }> {
  const atFactors = (factors: Factors) => {
    const moved = scaled(data, workload, factors);
    return monthsOf(moved.data, moved.workload, targetUtilisation, ids, context);
  };
  return {
    "API prices": { evaluate: (factor) => atFactors({ input_usd_per_mtok: factor, output_usd_per_mtok: factor }), maxFactor: 10 },
    volume: {
      evaluate: (factor) => monthsOf(data, workloadAtVolume(workload, volume * factor), targetUtilisation, ids, context),
      maxFactor: 10,
    },
    utilisation: {
      evaluate: (factor) => monthsOf(data, workload, targetUtilisation * factor, ids, context),
      maxFactor: Math.min(10, 1 / targetUtilisation),
    },
    salary: { evaluate: (factor) => atFactors({ ops_salary_usd_per_month: factor, ops_usd_per_month: factor }), maxFactor: 10 },
  };
}

/**
 * The factor nearest 1, between a tenth and `maxFactor`, at which another option than `winnerId` is cheapest: scanned on a
 * geometric grid of 40 steps per tenfold both ways, then narrowed by bisection. Undefined when the winner holds throughout.
 */
function flipFactor(
  evaluate: (factor: number) => Map<string, number>,
  winnerId: string,
  maxFactor: number,
): { factor: number; winnerId: string } | undefined {
  const found: { factor: number; winnerId: string }[] = [];
  for (const [limit, sign] of [
    [maxFactor, 1],
    [0.1, -1],
  ] as const) {
    const steps = Math.ceil(Math.abs(Math.log10(limit)) * 40);
    let previous = 1;
    for (let step = 1; step <= steps; step++) {
      const factor = sign > 0 ? Math.min(limit, 10 ** (step / 40)) : Math.max(limit, 10 ** (-step / 40));
      const other = cheapestOf(evaluate(factor));
      if (other !== undefined && other !== winnerId) {
        let [held, flipped] = [previous, factor];
        for (let round = 0; round < 40; round++) {
          const middle = Math.sqrt(held * flipped);
          if (cheapestOf(evaluate(middle)) === winnerId) held = middle;
          else flipped = middle;
        }
        found.push({ factor: flipped, winnerId: cheapestOf(evaluate(flipped)) as string });
        break;
      }
      previous = factor;
    }
  }
  return found.sort((a, b) => Math.abs(Math.log(a.factor)) - Math.abs(Math.log(b.factor)))[0];
}

/** Each option's month at the 5th and 95th percentile over `samples` draws of every input uncertainty_ranges.csv ranges. */
function monthRanges(
  data: Dataset,
  workload: WorkloadRow,
  targetUtilisation: number,
  ids: ReadonlySet<string>,
  samples: number,
  seed: number,
  context: SpecContext,
): Map<string, [number, number]> {
  if (samples === 0 || data.uncertaintyRanges.length === 0) return new Map();
  const random = seededRandom(seed);
  const draws = new Map<string, number[]>([...ids].map((id) => [id, []]));
  for (let sample = 0; sample < samples; sample++) {
    const factors: Factors = Object.fromEntries(
      data.uncertaintyRanges.map((row) => [
        row.input,
        drawFactor(
          { lowFactor: row.lowFactor, highFactor: row.highFactor, distribution: row.distribution, modeFactor: row.modeFactor },
          random(),
        ),
      ]),
    );
    const moved = scaled(data, workload, factors);
    for (const [id, usd] of monthsOf(moved.data, moved.workload, targetUtilisation, ids, context)) draws.get(id)?.push(usd);
  }
  return new Map([...draws].map(([id, values]) => [id, [quantile(values, 0.05), quantile(values, 0.95)]]));
}

/** Of the hybrids, the cheapest of each way at today's volume, preferring those that pass the rules: a hybrid per server would double the list. */
function cheapestHybrids(specs: readonly OptionSpec[], workload: WorkloadRow, passes: (spec: OptionSpec) => boolean): OptionSpec[] {
  const hybrids = specs
    .filter((spec) => spec.kind === "hybrid")
    .map((spec) => ({ spec, usd: spec.monthAt(workload).usd, way: spec.id.split(":")[1] as string }));
  const ways = [...new Set(hybrids.map((hybrid) => hybrid.way))];
  return ways.flatMap((way) => {
    const mine = hybrids
      .filter((hybrid) => hybrid.way === way)
      .sort((a, b) => Number(passes(b.spec)) - Number(passes(a.spec)) || a.usd - b.usd);
    return mine[0] ? [mine[0].spec] : [];
  });
}

/** What a decision holds whatever the volume: the workload, today's API, the rules, and every option with its verdicts. */
function decisionSetup(data: Dataset, options: DecideOptions) {
  const workload = workloadById(data, options.workloadId);
  const currentId = options.currentModelId ?? workload.currentModelId;
  if (currentId === undefined)
    throw new InputError(`workload ${workload.workloadId} names no current_model_id: say which API it runs on today (--current MODEL_ID)`);
  findModel(data, currentId);
  const targetUtilisation = options.targetUtilisation ?? DEFAULT_TARGET_UTILISATION;
  if (!(targetUtilisation > 0 && targetUtilisation <= 1))
    throw new InputError(`target utilisation must be above 0 and at most 1, got ${targetUtilisation}`);
  const rule = options.allowedRegions ?? workload.allowedRegions;
  const allowedRegions = rule === undefined ? undefined : rule.map((region) => region.toLowerCase());
  const calendar = workloadCalendar(data, workload);
  const calls = callsPerMonth(calendar);
  const volume = headlineVolume(workload);
  const context: SpecContext = { currentId, hybrid: options.hybrid };
  const todayQuality = qualityOf(data, currentId);
  const latencyOf = (spec: OptionSpec) => (spec.throughput === undefined ? "not in the data" : latencyStatus(spec.throughput, workload));
  const complianceOf = (spec: OptionSpec): Compliance => {
    // A hybrid processes data in both its places: it complies only where both do.
    const each = (spec.regions ?? [spec.region]).map((region) => regionCompliance(region, allowedRegions));
    return each.includes("not compliant") ? "not compliant" : (each[0] as Compliance);
  };
  // A hybrid keeps today's model for its cloud calls: its local model need reach only part of today's score.
  const qualityMatchOf = (spec: OptionSpec): QualityMatch =>
    compareWithToday(data, spec.modelId, currentId, spec.kind === "hybrid" ? HYBRID_LOCAL_SHARE_OF_TODAY : 1);
  const country = options.country ?? workload.country;
  const servesOf = (spec: OptionSpec): DecisionOption["servesCountry"] => {
    if (country === undefined || spec.provider === undefined) return undefined;
    const row = data.providerAvailability.find(
      (entry) => entry.provider.toLowerCase() === spec.provider?.toLowerCase() && entry.country === country,
    );
    return row?.serves ?? "not stated";
  };
  const passesRules = (spec: OptionSpec) =>
    complianceOf(spec) !== "not compliant" &&
    servesOf(spec) !== "no" &&
    (spec.throughput === undefined || !hasLatencyTarget(workload) || latencyOf(spec) === "meets");
  const eligibleOf = (spec: OptionSpec) => passesRules(spec) && keepsQuality(qualityMatchOf(spec));
  const allSpecs = optionSpecs(data, targetUtilisation, context);
  const currentSpec = allSpecs.find((spec) => spec.id === `api:${currentId}`) as OptionSpec;
  return {
    workload,
    currentId,
    targetUtilisation,
    allowedRegions,
    calendar,
    calls,
    volume,
    context,
    todayQuality,
    country,
    latencyOf,
    complianceOf,
    qualityMatchOf,
    servesOf,
    passesRules,
    eligibleOf,
    allSpecs,
    currentSpec,
  };
}

/** Every option for the workload, priced on its calendar, cheapest first, each against the current API, checked against its rules. */
export function decide(data: Dataset, options: DecideOptions = {}): Decision {
  const setup = decisionSetup(data, options);
  const { workload, targetUtilisation, allowedRegions, calendar, calls, volume, context, todayQuality, country } = setup;
  const samples = options.samples ?? 200;
  if (!(Number.isInteger(samples) && samples >= 0)) throw new InputError(`samples must be a whole number of draws, got ${samples}`);
  const specs = setup.allSpecs.filter((spec) => spec.kind !== "hybrid").concat(cheapestHybrids(setup.allSpecs, workload, setup.eligibleOf));
  const passingIds = new Set(specs.filter(setup.passesRules).map((spec) => spec.id));
  const eligibleIds = new Set(specs.filter(setup.eligibleOf).map((spec) => spec.id));
  const ranges = monthRanges(
    data,
    workload,
    targetUtilisation,
    new Set(specs.map((spec) => spec.id)),
    samples,
    options.seed ?? 59,
    context,
  );
  const priced = specs.map((spec): DecisionOption => {
    const { monthAt, throughput, serverCallsPerHour: _capacity, provider: _provider, regions: _regions, ...described } = spec;
    const month = monthAt(workload);
    const range = ranges.get(spec.id);
    return {
      ...described,
      usdPerMonth: month.usd,
      usdPerCall: calls > 0 ? month.usd / calls : 0,
      servers: month.servers,
      beatsCurrentFromCallsPerDay:
        spec.id === setup.currentSpec.id
          ? 0
          : firstVolumeBelow(
              monthAt,
              setup.currentSpec.monthAt,
              workload,
              volume.callsPerDay,
              serverBandEdges(spec, workload, calendar, volume.callsPerDay),
            ),
      compliance: setup.complianceOf(spec),
      servesCountry: setup.servesOf(spec),
      quality: qualityOf(data, spec.modelId),
      qualityVsToday: setup.qualityMatchOf(spec),
      latency: setup.latencyOf(spec),
      precision: throughput?.quantisation,
      concurrency: throughput?.concurrency,
      sameModelApiId:
        spec.kind !== "api" &&
        spec.kind !== "hybrid" &&
        spec.modelId !== undefined &&
        data.models.some((model) => model.modelId === spec.modelId)
          ? `api:${spec.modelId}`
          : undefined,
      passesRules: passingIds.has(spec.id),
      eligible: eligibleIds.has(spec.id),
      usdPerMonthP5: range?.[0],
      usdPerMonthP95: range?.[1],
    };
  });
  const sorted = [...priced].sort(byMonthlyCost);
  const winner = sorted.find((option) => option.eligible);
  const cheapestPassing = sorted.find((option) => option.passesRules);
  const cheaperAtLowerQuality =
    cheapestPassing !== undefined && (winner === undefined || cheapestPassing.usdPerMonth < winner.usdPerMonth)
      ? cheapestPassing
      : undefined;
  const byId = (id: string) => priced.find((option) => option.id === id) as DecisionOption;
  const evaluators = flipEvaluators(data, workload, targetUtilisation, volume.callsPerDay, eligibleIds, context);
  const flips =
    winner === undefined || eligibleIds.size < 2
      ? []
      : (Object.keys(evaluators) as FlipInput[])
          .flatMap((input) => {
            const found = flipFactor(evaluators[input].evaluate, winner.id, evaluators[input].maxFactor);
            return found === undefined ? [] : [{ input, factor: found.factor, newWinner: byId(found.winnerId) }];
          })
          .sort((a, b) => Math.abs(Math.log(a.factor)) - Math.abs(Math.log(b.factor)));
  const latencyRows = specs.filter((spec) => spec.kind === "buy" && spec.throughput !== undefined);
  const serversMissingLatency = hasLatencyTarget(workload)
    ? [...new Set(latencyRows.map((spec) => spec.throughput?.hardwareId as string))].filter(
        (hardwareId) => !data.throughput.some((row) => row.hardwareId === hardwareId && latencyStatus(row, workload) === "meets"),
      )
    : [];
  return {
    workload,
    volume,
    callsPerMonth: calls,
    calendarDays: calendarDaysPerMonth(calendar),
    busiestHourCalls: busiestHourCalls(calendar),
    current: byId(setup.currentSpec.id),
    options: sorted,
    targetUtilisation,
    allowedRegions,
    country,
    winner,
    cheaperAtLowerQuality,
    todayQuality,
    hybrid: specs.some((spec) => spec.kind === "hybrid") ? options.hybrid : undefined,
    flip: flips[0],
    flips,
    serversMissingLatency,
    samples: ranges.size > 0 ? samples : 0,
  };
}

/** An option as a what-if re-prices it at any volume: what does not move with volume, and its cost as plain data. */
export interface OptionAtAnyVolume {
  option: Omit<
    DecisionOption,
    "usdPerMonth" | "usdPerCall" | "servers" | "beatsCurrentFromCallsPerDay" | "usdPerMonthP5" | "usdPerMonthP95"
  >;
  cost: OptionCost | { way: "hybrid"; localId: string; cloudId: string; localShare: number };
  /** Calls one of its servers takes in the busiest hour: where its cost steps up a server. */
  serverCallsPerHour: number | undefined;
}

/**
 * Every option `decide` could list, every hybrid included (which is cheapest of its way depends on the volume), with
 * what the decision holds whatever the volume: the page's what-if prices them at the reader's volume.
 */
export function decisionAtAnyVolume(data: Dataset, options: DecideOptions = {}) {
  const setup = decisionSetup(data, options);
  const { workload, calendar } = setup;
  const rows: OptionAtAnyVolume[] = setup.allSpecs.map((spec) => {
    const {
      monthAt: _month,
      costAt,
      hybridOf,
      throughput,
      serverCallsPerHour,
      provider: _provider,
      regions: _regions,
      ...described
    } = spec;
    const quality = setup.qualityMatchOf(spec);
    const cost =
      costAt !== undefined ? costAt(workload, calendar) : { way: "hybrid" as const, ...(hybridOf as NonNullable<typeof hybridOf>) };
    return {
      option: {
        ...described,
        compliance: setup.complianceOf(spec),
        servesCountry: setup.servesOf(spec),
        quality: qualityOf(data, spec.modelId),
        qualityVsToday: quality,
        latency: setup.latencyOf(spec),
        precision: throughput?.quantisation,
        concurrency: throughput?.concurrency,
        sameModelApiId: undefined,
        passesRules: setup.passesRules(spec),
        eligible: setup.eligibleOf(spec),
      },
      cost,
      serverCallsPerHour: serverCallsPerHour?.(workload),
    };
  });
  return { ...setup, options: rows };
}
