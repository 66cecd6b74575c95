/**
 * Rent, buy or call (beyond the chapter): a configuration rented by the hour, always on or scaled to each
 * hour's servers, beside buying it and calling an API; and every way's cost per million tokens.
 */
import {
  breakEvenHeatmap,
  colorApartFrom,
  colorOf,
  costPerMillionChart,
  threeWayCostChart,
  wrapLongCaption,
  type CostLine,
  type Figure,
  WAY_COLORS,
} from "../charts";
import type { Dataset, GpuRentalRow, HardwareRow, ThroughputRow, WorkloadRow } from "../data";
import { formatInteger } from "../format";
import {
  alwaysOnMonthlyUsd,
  breakEvenMatrix,
  callsPerHourPerMachine,
  capacityBreakEven,
  crossover,
  DEFAULT_TARGET_UTILISATION,
  fleetCostOfSplit,
  fleetMonthlyCost,
  fleetOpsUsdPerMonth,
  machinesNeeded,
  savingsAfterHardware,
  scaledDailyUsd,
  selfHostedUsdPerCall,
  serverUsdPerHour,
  serversByHour,
  usdPerMillionTokens,
  type CapacityBreakEven,
  type Crossover,
  type FleetCostOptions,
  type RentalOffer,
  type ServerCostSplit,
  HOURS_PER_DAY,
} from "../model";
import { throughputRow, trafficProfile, type TrafficProfile } from "./capacity";
import { apiUsdPerCall } from "./cost";
import { hardwareColors, modelColors, provenance } from "./figure-context";
import { fitLabel } from "./vram";
import { hybridSavings, routingLocalServer } from "./hybrid-routing";
import { byId, findHardware, findModel, findWorkload } from "./lookup";
import { hardwareMonthlyCost, serverCostSplit } from "./model-inputs";

const RENTAL_FILES = ["gpu_rentals.csv", "hardware.csv", "throughput.csv", "models.csv", "workloads.csv"];

export interface RentalSetup {
  rental: GpuRentalRow;
  hardware: HardwareRow;
  throughput: ThroughputRow;
  offer: RentalOffer;
  profile: TrafficProfile;
  workload: WorkloadRow;
  /** Calls one server takes an hour at the planned utilisation (for sizing) and at its full measured rate. */
  callsPerHourAtTarget: number;
  callsPerHourAtFullRate: number;
  /** The bought fleet: depreciation and power per server, operations growing with the fleet (`serverCostSplit`). */
  buy: FleetCostOptions;
  /** Operations of the rented fleet: the offer's own where it states one, else the bought server's, growing alike. */
  rentOps: Pick<ServerCostSplit, "opsOneServerUsdPerMonth" | "opsSharePerAddedServer">;
  /** The rented fleet kept on around the clock: each server's month of rent, operations as `rentOps`. */
  rentAlwaysOn: FleetCostOptions;
}

export interface RentalOptions {
  /** Traffic profile for sizing and for scaling rented servers hour by hour. Default: the flat 24-hour profile. */
  profileId?: string;
  /** Default 0.7. */
  targetUtilisation?: number;
  workload?: WorkloadRow;
}

/** A rental row with its configuration, measured throughput and both fleets' cost split. */
export function rentalSetup(data: Dataset, rentalId: string, options: RentalOptions = {}): RentalSetup {
  const rental = byId(data.gpuRentals, rentalId, (row) => row.rentalId, "rental_id");
  const hardware = findHardware(data, rental.hardwareId);
  const throughput = throughputRow(data, rental.hardwareId, rental.serving);
  const workload = options.workload ?? findWorkload(data);
  const measured = {
    serving: throughput.serving,
    outputTokensPerSecond: throughput.outputTokensPerSecond,
    promptTokensPerSecond: throughput.promptTokensPerSecond,
  };
  const offer: RentalOffer = {
    usdPerGpuHour: rental.usdPerGpuHour,
    gpuCount: hardware.gpuCount,
    billingIncrementHours: rental.billingIncrementSeconds / 3600,
    minimumHours: rental.minimumBilledHours,
  };
  const bought = serverCostSplit(hardware, workload.daysPerMonth);
  const rentOps = {
    opsOneServerUsdPerMonth: rental.opsUsdPerMonth ?? bought.opsOneServerUsdPerMonth,
    opsSharePerAddedServer: bought.opsSharePerAddedServer,
  };
  return {
    rental,
    hardware,
    throughput,
    offer,
    profile: trafficProfile(data, options.profileId),
    workload,
    callsPerHourAtTarget: callsPerHourPerMachine(workload, measured, {
      targetUtilisation: options.targetUtilisation ?? DEFAULT_TARGET_UTILISATION,
    }),
    callsPerHourAtFullRate: callsPerHourPerMachine(workload, measured, { targetUtilisation: 1 }),
    buy: fleetCostOfSplit(bought),
    rentOps,
    rentAlwaysOn: fleetCostOfSplit({ hardwareUsdPerMonth: alwaysOnMonthlyUsd(offer, 1, workload.daysPerMonth), ...rentOps }),
  };
}

export interface ThreeWayCosts {
  callsPerDay: number;
  apiUsd: number;
  buyUsd: number;
  buyServers: number;
  rentAlwaysOnUsd: number;
  /** Rented hour by hour: each hour the servers its calls need. */
  rentScaledUsd: number;
  /** The most servers any hour rents. */
  rentScaledPeakServers: number;
}

/** What each way costs a month at one daily volume. */
export function threeWayCosts(setup: RentalSetup, apiUsdPerCallAtWorkload: number, callsPerDay: number): ThreeWayCosts {
  const days = setup.workload.daysPerMonth;
  const servers = machinesNeeded(callsPerDay * setup.profile.peakHourShare, setup.callsPerHourAtTarget);
  const hourly = serversByHour(callsPerDay, setup.profile.relativeLoadByHour, setup.callsPerHourAtTarget);
  return {
    callsPerDay,
    apiUsd: callsPerDay * apiUsdPerCallAtWorkload * days,
    buyUsd: fleetMonthlyCost(servers, setup.buy),
    buyServers: servers,
    rentAlwaysOnUsd: fleetMonthlyCost(servers, setup.rentAlwaysOn),
    // Operations are sized for the busiest hour's servers: the team runs that fleet whenever it is up.
    rentScaledUsd: scaledDailyUsd(hourly, setup.offer) * days + fleetOpsUsdPerMonth(Math.max(1, ...hourly), setup.rentOps),
    rentScaledPeakServers: Math.max(...hourly),
  };
}

export interface ThreeWay {
  setup: RentalSetup;
  apiModelId: string;
  apiUsdPerCall: number;
  costs: ThreeWayCosts[];
  /** Volumes where a way starts to cost no more than another (exact where capacity steps allow a closed form). */
  buyVsApi: CapacityBreakEven;
  rentAlwaysOnVsApi: CapacityBreakEven;
  /** On the grid of volumes the costs were computed at. */
  rentScaledVsApi: Crossover;
  buyVsRentScaled: Crossover;
  buyVsRentAlwaysOn: Crossover;
  /** Grid step, calls/day: the resolution of the grid crossovers. */
  stepCallsPerDay: number;
}

/** The three ways against one API from no calls to `maxCallsPerDay`. */
export function threeWay(
  data: Dataset,
  options: RentalOptions & { rentalId: string; apiModelId: string; maxCallsPerDay: number; steps?: number },
): ThreeWay {
  const setup = rentalSetup(data, options.rentalId, options);
  const usdPerCall = apiUsdPerCall(data, options.apiModelId, setup.workload);
  const steps = options.steps ?? 400;
  const step = Math.max(1, Math.ceil(options.maxCallsPerDay / steps));
  const volumes = Array.from({ length: Math.floor(options.maxCallsPerDay / step) + 1 }, (_, index) => index * step);
  const costs = volumes.map((volume) => threeWayCosts(setup, usdPerCall, volume));
  const at = (pick: (cost: ThreeWayCosts) => number) => (volume: number) => pick(costs[Math.round(volume / step)] as ThreeWayCosts);
  const callsPerDayPerServer = setup.callsPerHourAtTarget / setup.profile.peakHourShare;
  const days = setup.workload.daysPerMonth;
  return {
    setup,
    apiModelId: options.apiModelId,
    apiUsdPerCall: usdPerCall,
    costs,
    buyVsApi: capacityBreakEven({
      ...setup.buy,
      callsPerDayPerMachine: callsPerDayPerServer,
      apiUsdPerCall: usdPerCall,
      daysPerMonth: days,
    }),
    rentAlwaysOnVsApi: capacityBreakEven({
      ...setup.rentAlwaysOn,
      callsPerDayPerMachine: callsPerDayPerServer,
      apiUsdPerCall: usdPerCall,
      daysPerMonth: days,
    }),
    // From 1 call a day: at none, every way but the API still pays for its operations.
    rentScaledVsApi: crossover(
      at((cost) => cost.rentScaledUsd),
      at((cost) => cost.apiUsd),
      volumes.slice(1),
    ),
    buyVsRentScaled: crossover(
      at((cost) => cost.buyUsd),
      at((cost) => cost.rentScaledUsd),
      volumes.slice(1),
    ),
    buyVsRentAlwaysOn: crossover(
      at((cost) => cost.buyUsd),
      at((cost) => cost.rentAlwaysOnUsd),
      volumes.slice(1),
    ),
    stepCallsPerDay: step,
  };
}

/** "never" or a whole number of calls a day. */
const calls = (value: number) => (Number.isFinite(value) ? Math.round(value) : Infinity);

/**
 * Where a way of serving beats another, in words a reader can act on: "never", "from 516", or, for a server that
 * fills up and loses again, "from 3,628 to 3,987, for good from 5,644" (or "and not again up to 20,000").
 */
export function crossoverRangeText(
  crossover: Pick<Crossover, "firstDailyCalls" | "sustainedFromDailyCalls" | "firstRunEndsDailyCalls">,
  gridEndDailyCalls: number,
): string {
  const calls = (value: number) => formatInteger(Math.ceil(value - 1e-9));
  if (!Number.isFinite(crossover.firstDailyCalls)) return "never";
  if (!Number.isFinite(crossover.firstRunEndsDailyCalls)) return `from ${calls(crossover.firstDailyCalls)}`;
  const again = Number.isFinite(crossover.sustainedFromDailyCalls)
    ? `, for good from ${calls(crossover.sustainedFromDailyCalls)}`
    : `, and not for good up to ${calls(gridEndDailyCalls)}`;
  return `from ${calls(crossover.firstDailyCalls)} to ${calls(crossover.firstRunEndsDailyCalls)}${again}`;
}

/** Figure 59.10a: the three ways' monthly cost against volume, each crossover labelled. */
export function threeWayFigure(data: Dataset, result: ThreeWay): Figure {
  const { setup } = result;
  const x = result.costs.map((cost) => cost.callsPerDay);
  const api = findModel(data, result.apiModelId);
  const apiColor = colorOf(modelColors(data), api.modelId);
  // Models and servers share one palette: the bought line must not take the API's colour (or a rented line's).
  const machine = colorApartFrom(colorOf(hardwareColors(data), setup.hardware.hardwareId), [
    apiColor,
    WAY_COLORS.rentAlwaysOn,
    WAY_COLORS.rentByHour,
  ]);
  const lines: CostLine[] = [
    {
      label: `${api.modelName} API`,
      color: apiColor,
      callsPerDay: x,
      usdPerMonth: result.costs.map((cost) => cost.apiUsd),
    },
    {
      label: `bought (${setup.hardware.name.replace(/ \(.*\)$/, "")})`,
      color: machine,
      callsPerDay: x,
      usdPerMonth: result.costs.map((cost) => cost.buyUsd),
    },
    {
      label: `rented always on (${setup.rental.provider})`,
      color: WAY_COLORS.rentAlwaysOn,
      dash: "dash",
      callsPerDay: x,
      usdPerMonth: result.costs.map((cost) => cost.rentAlwaysOnUsd),
    },
    {
      label: `rented hour by hour (${setup.profile.profileId})`,
      color: WAY_COLORS.rentByHour,
      dash: "dot",
      callsPerDay: x,
      usdPerMonth: result.costs.map((cost) => cost.rentScaledUsd),
    },
  ];
  const mark = (label: string, volume: number, pick: (cost: ThreeWayCosts) => number) => {
    const cost = result.costs[Math.min(result.costs.length - 1, Math.round(volume / result.stepCallsPerDay))];
    return { label, callsPerDay: calls(volume), usdPerMonth: cost ? pick(cost) : 0 };
  };
  const crossovers = [
    mark("buy beats API", result.buyVsApi.firstDailyCalls, (cost) => cost.apiUsd),
    mark("rent (always on) beats API", result.rentAlwaysOnVsApi.firstDailyCalls, (cost) => cost.apiUsd),
    mark("rent (hourly) beats API", result.rentScaledVsApi.firstDailyCalls, (cost) => cost.apiUsd),
  ];
  // Buying that beats hourly renting from the grid's first volume beats it everywhere: no point to mark.
  if (result.buyVsRentScaled.sustainedFromDailyCalls > result.stepCallsPerDay)
    crossovers.push(mark("buy beats hourly rent", result.buyVsRentScaled.sustainedFromDailyCalls, (cost) => cost.buyUsd));
  const comparison = `${setup.hardware.name.replace(/ \(.*\)$/, "")} vs ${api.modelName}, ${setup.throughput.serving.replace("_", "-")}`;
  return threeWayCostChart(lines, crossovers, {
    number: "59.10a",
    comparison,
    provenance: provenance(data, [...RENTAL_FILES, "traffic_profiles.csv"]),
  });
}

export interface UnitCostRow {
  rentalId: string;
  name: string;
  utilisationPercent: number;
  boughtUsdPerCall: number;
  rentedUsdPerCall: number;
  boughtUsdPerMillionTokens: number;
  rentedUsdPerMillionTokens: number;
}

/**
 * What a call and a million tokens cost on each rentable configuration, bought (its whole monthly cost,
 * operations included, spread over the hours of the month) and rented (rent plus operations), at each utilisation.
 */
export function unitCosts(
  data: Dataset,
  options: { rentalIds?: readonly string[]; utilisations: readonly number[]; workload?: WorkloadRow },
): UnitCostRow[] {
  const workload = options.workload ?? findWorkload(data);
  const hoursPerMonth = HOURS_PER_DAY * workload.daysPerMonth;
  return (options.rentalIds ?? data.gpuRentals.map((row) => row.rentalId)).flatMap((rentalId) => {
    const setup = rentalSetup(data, rentalId, { workload });
    const boughtPerHour = hardwareMonthlyCost(setup.hardware, workload.daysPerMonth).totalUsd / hoursPerMonth;
    const rentedPerHour = serverUsdPerHour(setup.offer) + setup.rentOps.opsOneServerUsdPerMonth / hoursPerMonth;
    return options.utilisations.map((utilisation) => {
      const bought = selfHostedUsdPerCall(boughtPerHour, setup.callsPerHourAtFullRate, utilisation);
      const rented = selfHostedUsdPerCall(rentedPerHour, setup.callsPerHourAtFullRate, utilisation);
      return {
        rentalId,
        name: setup.hardware.name,
        utilisationPercent: Math.round(utilisation * 100),
        boughtUsdPerCall: bought,
        rentedUsdPerCall: rented,
        boughtUsdPerMillionTokens: usdPerMillionTokens(bought, workload),
        rentedUsdPerMillionTokens: usdPerMillionTokens(rented, workload),
      };
    });
  });
}

/** Figure 59.10b: cost per million tokens of self-hosting, bought and rented, against utilisation, beside the APIs. */
export function unitCostFigure(
  data: Dataset,
  options: { rentalIds: readonly string[]; apiModelIds: readonly string[]; utilisations: readonly number[] },
): Figure {
  const workload = findWorkload(data);
  const rows = unitCosts(data, options);
  const colors = hardwareColors(data);
  const lines = options.rentalIds.flatMap((rentalId) => {
    const mine = rows.filter((row) => row.rentalId === rentalId);
    const hardwareId = byId(data.gpuRentals, rentalId, (row) => row.rentalId, "rental_id").hardwareId;
    const name = (mine[0]?.name ?? rentalId).replace(/ \(.*\)$/, "");
    const color = colorOf(colors, hardwareId);
    const x = mine.map((row) => row.utilisationPercent);
    return [
      {
        label: `${name}, bought`,
        color,
        group: rentalId,
        utilisationPercent: x,
        usdPerMillionTokens: mine.map((row) => row.boughtUsdPerMillionTokens),
      },
      {
        label: `${name}, rented`,
        color,
        group: rentalId,
        dash: "dash" as const,
        utilisationPercent: x,
        usdPerMillionTokens: mine.map((row) => row.rentedUsdPerMillionTokens),
      },
    ];
  });
  const apis = options.apiModelIds.map((id) => ({
    name: findModel(data, id).modelName,
    usdPerMillionTokens: usdPerMillionTokens(apiUsdPerCall(data, id, workload), workload),
    color: colorOf(modelColors(data), id),
  }));
  const shape = `${workload.inputTokensPerCall.toLocaleString("en-US")} in + ${workload.outputTokensPerCall.toLocaleString("en-US")} out per call`;
  return costPerMillionChart(lines, apis, { number: "59.10b", workload: shape, provenance: provenance(data, RENTAL_FILES) });
}

/**
 * Figure 59.10c: the chapter's break-even heatmap (one server's flat monthly cost against each API) with every
 * rented configuration, kept on around the clock, below the bought ones.
 */
export function rentalHeatmapFigure(data: Dataset, options: { apiModelIds: readonly string[] }): Figure {
  const workload = findWorkload(data);
  const bought = data.hardware.map((row) => ({
    id: row.hardwareId,
    name: fitLabel(data, row.hardwareId),
    monthlyCostUsd: hardwareMonthlyCost(row, workload.daysPerMonth).totalUsd,
  }));
  const rented = data.gpuRentals.map((row) => {
    const setup = rentalSetup(data, row.rentalId, { workload });
    return {
      id: `rented:${row.rentalId}`,
      name: fitLabel(data, row.hardwareId, `${setup.hardware.name.replace(/ \(.*\)$/, "")}, rented (${row.provider})`),
      monthlyCostUsd: setup.rentAlwaysOn.perMachineUsdPerMonth + setup.rentAlwaysOn.sharedUsdPerMonth,
    };
  });
  const apis = options.apiModelIds.map((id) => ({
    id,
    name: findModel(data, id).modelName,
    usdPerCall: apiUsdPerCall(data, id, workload),
  }));
  const cells = breakEvenMatrix([...bought, ...rented], apis, { daysPerMonth: workload.daysPerMonth });
  // One server's flat cost against per-call prices: throughput plays no part, so its file is not cited.
  return wrapLongCaption(
    breakEvenHeatmap(cells, [...bought, ...rented], apis, provenance(data, ["gpu_rentals.csv", "hardware.csv", "models.csv"]), {
      number: "59.10c",
      title: "Break-even by configuration, bought or rented, and API (calls per day)",
    }),
    90,
  );
}

export interface CaseStudyRental {
  setup: RentalSetup;
  /** Servers the weekday's busiest hour needs. */
  servers: number;
  /** Monthly cost, USD: the servers bought, rented around the clock, rented hour by hour, and every call to the API. */
  buyUsd: number;
  rentAlwaysOnUsd: number;
  rentScaledUsd: number;
  allCloudUsd: number;
  /** The most servers any weekday hour rents, and the server-hours rented on a weekday. */
  weekdayPeakServers: number;
  weekdayServerHours: number;
}

/** The 59.5 case study's volume served on its own configuration rented instead of bought, on its traffic profile. */
export function caseStudyRental(
  data: Dataset,
  options: {
    rentalId: string;
    profileId: string;
    targetUtilisation?: number;
    weekdayCallsPerDay: number;
    weekdayDays: number;
    weekendCallsPerDay: number;
    weekendDays: number;
    apiUsdPerCall: number;
  },
): CaseStudyRental {
  const setup = rentalSetup(data, options.rentalId, { profileId: options.profileId, targetUtilisation: options.targetUtilisation });
  const servers = machinesNeeded(options.weekdayCallsPerDay * setup.profile.peakHourShare, setup.callsPerHourAtTarget);
  const weekday = serversByHour(options.weekdayCallsPerDay, setup.profile.relativeLoadByHour, setup.callsPerHourAtTarget);
  const weekend = serversByHour(options.weekendCallsPerDay, setup.profile.relativeLoadByHour, setup.callsPerHourAtTarget);
  const days = options.weekdayDays + options.weekendDays;
  const ops = fleetOpsUsdPerMonth(servers, setup.rentOps);
  return {
    setup,
    servers,
    buyUsd: fleetMonthlyCost(servers, setup.buy),
    rentAlwaysOnUsd: alwaysOnMonthlyUsd(setup.offer, servers, days) + ops,
    rentScaledUsd:
      scaledDailyUsd(weekday, setup.offer) * options.weekdayDays +
      scaledDailyUsd(weekend, setup.offer) * options.weekendDays +
      fleetOpsUsdPerMonth(Math.max(1, ...weekday, ...weekend), setup.rentOps),
    allCloudUsd:
      (options.weekdayCallsPerDay * options.weekdayDays + options.weekendCallsPerDay * options.weekendDays) * options.apiUsdPerCall,
    weekdayPeakServers: Math.max(...weekday),
    weekdayServerHours: weekday.reduce((sum, count) => sum + count, 0),
  };
}

export interface RouterCapacityOption {
  /** "bought" or the rental_id serving the router's local tiers. */
  capacity: string;
  label: string;
  localMonthlyUsd: number;
  hybridMonthlyUsd: number;
  savingsPercentage: number;
}

/**
 * The 59.4 router's savings net of the capacity that serves its local tiers: the configuration bought, or
 * each rental of it kept on around the clock (the router sends local calls at any hour).
 */
export function routerSavingsByCapacity(data: Dataset, configId?: string): RouterCapacityOption[] {
  const estimate = hybridSavings(data, configId);
  const local = routingLocalServer(data, configId);
  const options = [{ capacity: "bought", label: `${local.hardware.name}, bought`, localMonthlyUsd: local.monthlyUsd }];
  for (const row of data.gpuRentals.filter((rental) => rental.hardwareId === local.hardware.hardwareId)) {
    const setup = rentalSetup(data, row.rentalId);
    options.push({
      capacity: row.rentalId,
      label: `${local.hardware.name}, rented around the clock (${row.provider})`,
      localMonthlyUsd: setup.rentAlwaysOn.perMachineUsdPerMonth + setup.rentAlwaysOn.sharedUsdPerMonth,
    });
  }
  return options.map((option) => {
    const paid = savingsAfterHardware(estimate, option.localMonthlyUsd);
    return { ...option, hybridMonthlyUsd: paid.hybridMonthly, savingsPercentage: paid.savingsPercentage };
  });
}
