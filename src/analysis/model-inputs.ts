/**
 * The one adapter from data rows to the model's inputs: a model's whole price sheet, a workload's call, shares
 * and month, a traffic profile's hours, a hardware row's cost inputs and its split per server. Every notebook
 * helper, panel, sensitivity run and command reads the data through these, so each rule of the model (which
 * stated bill wins, how long a month is) applies the same way everywhere.
 */
import type { Dataset, HardwareRow, ModelRow, WorkloadRow } from "../data";
import { InputError } from "../errors";
import {
  averageDayMix,
  callBilling,
  fleetCostOfSplit,
  flatCalendar,
  localCostInputsInForce,
  localMonthlyCost,
  utcOffsetMinutes,
  weeklyCalendar,
  type BilledCall,
  type BillingShares,
  type BreakEvenInputs,
  type FleetCostOptions,
  type LocalCostOptions,
  type LocalMonthlyCost,
  type ServerCostSplit,
  type TimedPriceSheet,
  type WorkloadCalendar,
} from "../model";
import { findHardware, findModel, findWorkload } from "./lookup";

/** A model's whole price sheet: its prices in models.csv, its tiers in long_context_prices.csv and its hours in time_of_day_prices.csv. */
export function modelPriceSheet(data: Dataset, model: ModelRow): TimedPriceSheet {
  return {
    inputUsdPerMTok: model.inputUsdPerMTok,
    outputUsdPerMTok: model.outputUsdPerMTok,
    cachedInputUsdPerMTok: model.cachedInputUsdPerMTok,
    cacheWriteUsdPerMTok: model.cacheWriteUsdPerMTok,
    cacheWrite1hUsdPerMTok: model.cacheWrite1hUsdPerMTok,
    batchInputUsdPerMTok: model.batchInputUsdPerMTok,
    batchOutputUsdPerMTok: model.batchOutputUsdPerMTok,
    timeOfDay: data.timeOfDayPrices
      .filter((row) => row.modelId === model.modelId)
      .map((row) => ({
        label: row.label,
        startMinuteUtc: row.startUtc,
        endMinuteUtc: row.endUtc,
        inputUsdPerMTok: row.inputUsdPerMTok,
        outputUsdPerMTok: row.outputUsdPerMTok,
        cachedInputUsdPerMTok: row.cachedInputUsdPerMTok,
        cacheWriteUsdPerMTok: row.cacheWriteUsdPerMTok,
      })),
    longContextTiers: data.longContextPrices
      .filter((row) => row.modelId === model.modelId)
      .map((row) => ({
        aboveInputTokens: row.aboveInputTokens,
        inputUsdPerMTok: row.inputUsdPerMTok,
        outputUsdPerMTok: row.outputUsdPerMTok,
        cachedInputUsdPerMTok: row.cachedInputUsdPerMTok,
        cacheWriteUsdPerMTok: row.cacheWriteUsdPerMTok,
      })),
  };
}

/** The workload's cache and batch shares, 0 where its row leaves them empty. */
export function billingSharesOf(workload: WorkloadRow): Required<BillingShares> {
  return {
    cachedInputShare: workload.cachedInputShare ?? 0,
    cacheWriteShare: workload.cacheWriteShare ?? 0,
    batchShare: workload.batchShare ?? 0,
    cacheWriteTtl: workload.cacheWriteTtl ?? "5m",
  };
}

/** One call of the workload as this model bills it: hidden reasoning tokens only on a model that reasons. */
export function callOf(model: Pick<ModelRow, "reasons">, workload: WorkloadRow): BilledCall {
  return {
    inputTokensPerCall: workload.inputTokensPerCall,
    outputTokensPerCall: workload.outputTokensPerCall,
    reasoningTokensPerCall: model.reasons ? (workload.reasoningTokensPerCall ?? 0) : 0,
    ...billingSharesOf(workload),
  };
}

/** Whether the workload states weekday and weekend volumes (else: the chapter's alike days). */
export const isWeeklyWorkload = (workload: WorkloadRow): boolean => workload.weekdayCallsPerDay !== undefined;

/** The date a workload's time zone offset is read on: the newest price date, so a summer-time zone is priced as its prices were. */
function offsetInstant(data: Dataset): Date {
  const newest = data.models
    .map((row) => row.asOf)
    .sort()
    .at(-1);
  return newest ? new Date(`${newest}T12:00:00Z`) : new Date(0);
}

/**
 * The workload's month. A weekday/weekend workload keeps its split and hourly shapes, scaled so that its month
 * holds `callsPerDay` × days calls: code that moves a workload's volume by its `callsPerDay` (a what-if, a
 * break-even scan) moves both kinds of day in proportion.
 */
export function workloadCalendar(data: Dataset, workload: WorkloadRow): WorkloadCalendar {
  const utcOffset = workload.timeZone ? utcOffsetMinutes(workload.timeZone, offsetInstant(data)) : 0;
  // The chapter's alike days follow the weekday profile where one is given (a case study's office hours), else the flat day.
  if (!isWeeklyWorkload(workload))
    return flatCalendar(
      workload.callsPerDay,
      workload.daysPerMonth,
      workload.weekdayProfileId ? profileLoads(data, workload.weekdayProfileId).relativeLoadByHour : undefined,
      utcOffset,
    );
  const weekday = workload.weekdayCallsPerDay ?? 0;
  const weekend = workload.weekendCallsPerDay ?? 0;
  const mix = averageDayMix();
  const statedPerCalendarDay = (weekday * mix.weekdays + weekend * mix.weekendDays) / (mix.weekdays + mix.weekendDays);
  const scale = statedPerCalendarDay > 0 ? workload.callsPerDay / statedPerCalendarDay : 0;
  if (statedPerCalendarDay === 0 && workload.callsPerDay > 0)
    throw new InputError(`workload ${workload.workloadId} states no weekday or weekend calls to scale to ${workload.callsPerDay} a day`);
  return weeklyCalendar({
    weekdayCallsPerDay: weekday * scale,
    weekendCallsPerDay: weekend * scale,
    // An empty profile id spreads that day's calls evenly over 24 hours, as workloads.csv documents.
    weekdayLoadByHour: profileLoads(data, workload.weekdayProfileId).relativeLoadByHour,
    weekendLoadByHour: profileLoads(data, workload.weekendProfileId).relativeLoadByHour,
    utcOffsetMinutes: utcOffset,
  });
}

export const FLAT_PROFILE_ID = "flat-24h";

/** A profile's relative load of hours 0–23 and its source, all zero for a day type with no calls (an import's weekend without any). */
export function profileLoads(data: Dataset, profileId: string = FLAT_PROFILE_ID): { relativeLoadByHour: number[]; source: string } {
  // A decision prices a month thousands of times: each profile is read from the rows once per table.
  const byId = PROFILES.get(data.trafficProfiles) ?? new Map<string, { relativeLoadByHour: number[]; source: string }>();
  PROFILES.set(data.trafficProfiles, byId);
  const known = byId.get(profileId) ?? readProfileLoads(data, profileId);
  byId.set(profileId, known);
  return { relativeLoadByHour: [...known.relativeLoadByHour], source: known.source };
}

const PROFILES = new WeakMap<Dataset["trafficProfiles"], Map<string, { relativeLoadByHour: number[]; source: string }>>();

function readProfileLoads(data: Dataset, profileId: string): { relativeLoadByHour: number[]; source: string } {
  const rows = data.trafficProfiles.filter((row) => row.profileId === profileId);
  if (rows.length === 0) {
    if (profileId === FLAT_PROFILE_ID) return { relativeLoadByHour: Array(24).fill(1), source: "calls spread evenly over 24 hours" };
    const known = [...new Set(data.trafficProfiles.map((row) => row.profileId))];
    throw new InputError(`unknown profile_id ${JSON.stringify(profileId)}; known: ${known.join(", ")}`);
  }
  return {
    relativeLoadByHour: Array.from({ length: 24 }, (_, hour) => rows.find((row) => row.hour === hour)?.relativeLoad ?? 0),
    source: rows[0]?.source ?? "",
  };
}

/**
 * A hardware row's monthly cost inputs, in force by the one rule (`localCostInputsInForce`): a stated total for a
 * row whose cost_basis is stated, else its items, each stated bill in place of its formula.
 */
export function localCostOptionsOf(row: HardwareRow, daysPerMonth?: number): LocalCostOptions {
  return localCostInputsInForce({
    capexUsd: row.capexUsd,
    depreciationMonths: row.depreciationMonths,
    powerKw: row.powerKw,
    electricityUsdPerKwh: row.electricityUsdPerKwh,
    powerUsdPerMonth: row.powerUsdPerMonth,
    opsFte: row.opsFte,
    opsSalaryUsdPerMonth: row.opsSalaryUsdPerMonth,
    opsUsdPerMonth: row.opsUsdPerMonth,
    monthlyFixedUsd: row.costBasis === "stated" ? row.monthlyFixedUsd : undefined,
    daysPerMonth,
  });
}

/** A hardware row's monthly cost over a month of `daysPerMonth` days (the workload's). */
export function hardwareMonthlyCost(row: HardwareRow, daysPerMonth?: number): LocalMonthlyCost {
  return localMonthlyCost(localCostOptionsOf(row, daysPerMonth));
}

/**
 * One server's cost split by the one rule every fleet uses: hardware per machine, operations growing by the
 * row's share per added server. A stated total is split where the data gives its operations part; where it
 * does not, `opsKnown` is false and the whole total counts as hardware, paid per machine.
 */
export function serverCostSplit(row: HardwareRow, daysPerMonth?: number): ServerCostSplit & { opsKnown: boolean } {
  const cost = hardwareMonthlyCost(row, daysPerMonth);
  const opsOneServerUsdPerMonth = cost.opsUsd ?? 0;
  return {
    hardwareUsdPerMonth: cost.totalUsd - opsOneServerUsdPerMonth,
    opsOneServerUsdPerMonth,
    opsSharePerAddedServer: row.opsSharePerAddedServer ?? 0,
    opsKnown: cost.opsUsd !== undefined,
  };
}

/** Each machine's cost and the fleet's fixed cost, from `serverCostSplit`. */
export function fleetCostOf(row: HardwareRow, daysPerMonth?: number): FleetCostOptions {
  return fleetCostOfSplit(serverCostSplit(row, daysPerMonth));
}

/** The break-even inputs of an itemised hardware row against an API model at the workload. */
export function breakEvenInputsOf(
  data: Dataset,
  hardwareId: string,
  apiModelId: string,
  workload: WorkloadRow = findWorkload(data),
): BreakEvenInputs {
  const hardware = findHardware(data, hardwareId);
  if (hardware.costBasis !== "itemised" || hardware.capexUsd === undefined || hardware.depreciationMonths === undefined) {
    throw new InputError(
      `hardware_id ${JSON.stringify(hardwareId)} has a stated monthly cost only; sensitivity needs itemised capex and depreciation`,
    );
  }
  const model = findModel(data, apiModelId);
  const local = localCostOptionsOf(hardware, workload.daysPerMonth);
  return {
    inputUsdPerMTok: model.inputUsdPerMTok,
    outputUsdPerMTok: model.outputUsdPerMTok,
    billing: callBilling(modelPriceSheet(data, model), callOf(model, workload)),
    inputTokensPerCall: workload.inputTokensPerCall,
    outputTokensPerCall: workload.outputTokensPerCall,
    capexUsd: hardware.capexUsd,
    depreciationMonths: hardware.depreciationMonths,
    powerKw: local.powerKw,
    electricityUsdPerKwh: local.electricityUsdPerKwh,
    powerUsdPerMonth: local.powerUsdPerMonth,
    opsFte: local.opsFte,
    opsSalaryUsdPerMonth: local.opsSalaryUsdPerMonth,
    opsUsdPerMonth: local.opsUsdPerMonth,
    daysPerMonth: workload.daysPerMonth,
  };
}
