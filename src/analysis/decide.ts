/**
 * Call, rent or buy, for one workload: every option the data can price (each API, each self-hosted server
 * bought, each rental always on or scaled hour by hour), its month and its average call on the workload's own
 * calendar, and the volume from which it costs less than the API the workload runs on today.
 */
import type { Dataset, GpuRentalRow, HardwareRow, ModelRow, ThroughputRow, WorkloadRow } from "../data";
import { InputError } from "../errors";
import {
  alwaysOnMonthlyUsd,
  busiestHourCalls,
  calendarDaysPerMonth,
  callsByHour,
  callsPerHourPerMachine,
  callsPerMonth,
  DEFAULT_TARGET_UTILISATION,
  fleetCostOfSplit,
  fleetMonthlyCost,
  fleetOpsUsdPerMonth,
  machinesNeeded,
  scaledDailyUsd,
  type RentalOffer,
  type WorkloadCalendar,
} from "../model";
import { serverCostSplit } from "./capacity";
import { apiMonthlyBill } from "./cost";
import { findModel } from "./lookup";
import { callOf, headlineVolume, workloadAtVolume, workloadById, workloadCalendar } from "./workload";

export type OptionKind = "api" | "buy" | "rent-always-on" | "rent-by-hour";

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
}

export interface DecideOptions {
  workloadId?: string;
  /** The API the options are measured against; default the workload's current_model_id. */
  currentModelId?: string;
  /** Highest share of a server's measured throughput it is planned to run at. Default 0.7. */
  targetUtilisation?: number;
}

/** The most a break-even search looks above today's volume. */
const MAX_SCALE = 1000;

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
    data.throughput.filter((row) => row.hardwareId === hardware.hardwareId).map((throughput) => ({ hardware, throughput, ...servedModelOf(data, hardware, throughput) })),
  );
}

/** Calls one server carries an hour at the target, with the served model's hidden reasoning decoded as output. */
function capacityPerHour(server: Server, workload: WorkloadRow, targetUtilisation: number): number {
  const call = callOf(server.servedModel ?? { reasons: false }, workload);
  const shape = { inputTokensPerCall: call.inputTokensPerCall, outputTokensPerCall: call.outputTokensPerCall + (call.reasoningTokensPerCall ?? 0) };
  const measured = { serving: server.throughput.serving, outputTokensPerSecond: server.throughput.outputTokensPerSecond, promptTokensPerSecond: server.throughput.promptTokensPerSecond };
  return callsPerHourPerMachine(shape, measured, { targetUtilisation });
}

/** A bought fleet's month: as many servers as the busiest hour needs, each written off and powered every calendar day. */
function buyUsdPerMonth(server: Server, calendar: WorkloadCalendar, perHour: number): { usd: number; servers: number } {
  const count = machinesNeeded(busiestHourCalls(calendar), perHour);
  return { usd: fleetMonthlyCost(count, fleetCostOfSplit(serverCostSplit(server.hardware, calendarDaysPerMonth(calendar)))), servers: count };
}

function rentalOffer(rental: GpuRentalRow, hardware: HardwareRow): RentalOffer {
  return { usdPerGpuHour: rental.usdPerGpuHour, gpuCount: hardware.gpuCount, billingIncrementHours: rental.billingIncrementSeconds / 3600, minimumHours: rental.minimumBilledHours };
}

function rentalOps(rental: GpuRentalRow, hardware: HardwareRow, days: number) {
  const bought = serverCostSplit(hardware, days);
  return { opsOneServerUsdPerMonth: rental.opsUsdPerMonth ?? bought.opsOneServerUsdPerMonth, opsSharePerAddedServer: bought.opsSharePerAddedServer };
}

/** Rented around the clock: the busiest hour's servers for every hour of every calendar day, with their operations. */
function rentAlwaysOnUsdPerMonth(rental: GpuRentalRow, hardware: HardwareRow, calendar: WorkloadCalendar, perHour: number): { usd: number; servers: number } {
  const days = calendarDaysPerMonth(calendar);
  const count = machinesNeeded(busiestHourCalls(calendar), perHour);
  return { usd: alwaysOnMonthlyUsd(rentalOffer(rental, hardware), count, days) + fleetOpsUsdPerMonth(count, rentalOps(rental, hardware, days)), servers: count };
}

/** Rented hour by hour: on each kind of day, each hour the servers its calls need, billed by the offer's increments; operations for the busiest hour's fleet. */
function rentByHourUsdPerMonth(rental: GpuRentalRow, hardware: HardwareRow, calendar: WorkloadCalendar, perHour: number): { usd: number; servers: number } {
  const offer = rentalOffer(rental, hardware);
  let usd = 0;
  let peak = 0;
  for (const day of calendar.dayTypes) {
    const hourly = callsByHour(day).map((calls) => Math.ceil(calls / perHour - 1e-9));
    peak = Math.max(peak, ...hourly);
    usd += scaledDailyUsd(hourly, offer) * day.daysPerMonth;
  }
  return { usd: usd + fleetOpsUsdPerMonth(Math.max(1, peak), rentalOps(rental, hardware, calendarDaysPerMonth(calendar))), servers: peak };
}

/** An option's month at a workload: everything the volume search re-evaluates. */
type MonthAt = (workload: WorkloadRow) => { usd: number; servers: number | undefined };

interface OptionSpec extends Omit<DecisionOption, "usdPerMonth" | "usdPerCall" | "servers" | "beatsCurrentFromCallsPerDay"> {
  monthAt: MonthAt;
}

function optionSpecs(data: Dataset, targetUtilisation: number): OptionSpec[] {
  const apis: OptionSpec[] = data.models.map((model) => ({
    kind: "api",
    id: `api:${model.modelId}`,
    label: model.modelName,
    modelId: model.modelId,
    modelName: model.modelName,
    region: model.dataRegion,
    basis: `${model.provider} API`,
    monthAt: (workload) => ({ usd: apiMonthlyBill(data, model, workload).usdPerMonth, servers: undefined }),
  }));
  const bought: OptionSpec[] = servers(data)
    .filter((server) => server.hardware.costBasis === "itemised" || server.hardware.monthlyFixedUsd !== undefined)
    .map((server) => ({
      kind: "buy",
      id: `buy:${server.hardware.hardwareId}:${server.throughput.serving}`,
      label: `Buy ${server.hardware.name.replace(/ \([^)]*\)$/, "")}`,
      modelId: server.servedModel?.modelId,
      modelName: server.servedName,
      region: "on_premises",
      basis: `${server.throughput.engine}, ${server.throughput.serving.replace("_", " ")}, ${server.throughput.quantisation}`,
      monthAt: (workload) => {
        const calendar = workloadCalendar(data, workload);
        const result = buyUsdPerMonth(server, calendar, capacityPerHour(server, workload, targetUtilisation));
        return { usd: result.usd, servers: result.servers };
      },
    }));
  const rented: OptionSpec[] = data.gpuRentals.flatMap((rental) => {
    const server = servers(data).find((candidate) => candidate.hardware.hardwareId === rental.hardwareId && candidate.throughput.serving === rental.serving);
    if (!server) return [];
    const common = { modelId: server.servedModel?.modelId, modelName: server.servedName, region: rental.provider, basis: `${rental.provider}, ${rental.offer}` };
    const name = server.hardware.name.replace(/ \([^)]*\)$/, "");
    return [
      {
        ...common,
        kind: "rent-always-on" as const,
        id: `rent-always-on:${rental.rentalId}`,
        label: `Rent ${name} from ${rental.provider}, always on`,
        monthAt: (workload: WorkloadRow) => rentAlwaysOnUsdPerMonth(rental, server.hardware, workloadCalendar(data, workload), capacityPerHour(server, workload, targetUtilisation)),
      },
      {
        ...common,
        kind: "rent-by-hour" as const,
        id: `rent-by-hour:${rental.rentalId}`,
        label: `Rent ${name} from ${rental.provider}, by the hour`,
        monthAt: (workload: WorkloadRow) => rentByHourUsdPerMonth(rental, server.hardware, workloadCalendar(data, workload), capacityPerHour(server, workload, targetUtilisation)),
      },
    ];
  });
  return [...apis, ...bought, ...rented];
}

/**
 * The least volume (the workload's unit) at which `option` costs no more than `current`, scanning from a
 * thousandth to a thousand times today's volume on a fine geometric grid, then narrowing the first crossing by
 * bisection. Self-hosted costs step with servers, so "from" is the first such volume, not every volume after it.
 */
export function firstVolumeAtOrBelow(option: MonthAt, current: MonthAt, workload: WorkloadRow, todayCallsPerDay: number): number {
  const gap = (volume: number) => {
    const at = workloadAtVolume(workload, volume);
    return option(at).usd - current(at).usd;
  };
  if (!(todayCallsPerDay > 0)) return gap(1) <= 1e-9 ? 0 : Infinity;
  const steps = 600;
  const low = todayCallsPerDay / MAX_SCALE;
  if (gap(low) <= 1e-9) {
    // Cheaper already at the bottom of the grid: an API that is cheaper per call is cheaper at any volume.
    return gap(todayCallsPerDay * MAX_SCALE) <= 1e-9 && gap(todayCallsPerDay) <= 1e-9 ? 0 : low;
  }
  let previous = low;
  for (let step = 1; step <= steps; step++) {
    const volume = low * MAX_SCALE ** ((2 * step) / steps);
    if (gap(volume) <= 1e-9) {
      let [above, below] = [previous, volume];
      for (let round = 0; round < 60; round++) {
        const middle = (above + below) / 2;
        if (gap(middle) <= 1e-9) below = middle;
        else above = middle;
      }
      return below;
    }
    previous = volume;
  }
  return Infinity;
}

/** Every option for the workload, priced on its calendar, cheapest first, each against the current API. */
export function decide(data: Dataset, options: DecideOptions = {}): Decision {
  const workload = workloadById(data, options.workloadId);
  const currentId = options.currentModelId ?? workload.currentModelId;
  if (currentId === undefined) throw new InputError(`workload ${workload.workloadId} names no current_model_id: say which API it runs on today (--current MODEL_ID)`);
  findModel(data, currentId);
  const targetUtilisation = options.targetUtilisation ?? DEFAULT_TARGET_UTILISATION;
  if (!(targetUtilisation > 0 && targetUtilisation <= 1)) throw new InputError(`target utilisation must be above 0 and at most 1, got ${targetUtilisation}`);
  const calendar = workloadCalendar(data, workload);
  const calls = callsPerMonth(calendar);
  const volume = headlineVolume(workload);
  const specs = optionSpecs(data, targetUtilisation);
  const currentSpec = specs.find((spec) => spec.id === `api:${currentId}`) as OptionSpec;
  const priced = specs.map((spec): DecisionOption => {
    const { monthAt, ...described } = spec;
    const month = monthAt(workload);
    return {
      ...described,
      usdPerMonth: month.usd,
      usdPerCall: calls > 0 ? month.usd / calls : 0,
      servers: month.servers,
      beatsCurrentFromCallsPerDay: spec === currentSpec ? 0 : firstVolumeAtOrBelow(monthAt, currentSpec.monthAt, workload, volume.callsPerDay),
    };
  });
  const current = priced.find((option) => option.id === currentSpec.id) as DecisionOption;
  return {
    workload,
    volume,
    callsPerMonth: calls,
    calendarDays: calendarDaysPerMonth(calendar),
    busiestHourCalls: busiestHourCalls(calendar),
    current,
    options: [...priced].sort((a, b) => a.usdPerMonth - b.usdPerMonth),
    targetUtilisation,
  };
}
