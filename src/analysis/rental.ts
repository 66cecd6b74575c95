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
import { displayCurrencyCode, formatInteger, formatUsd } from "../format";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { RENTAL_WORDS } from "../i18n/rental";
import { complianceIn } from "../panels/decision";
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
import { regionCompliance, serverAgainstApiQuality } from "./decide";
import { bottomLine, caseStudyDecision } from "./decision-page";
import { caseStudyFromData } from "./case-study";
import { caseStudyCapacity } from "./capacity";
import { displayCurrency } from "./currency";
import type { PageTable } from "./page-table";
import { dataFileName, hardwareColors, modelColors, provenance } from "./figure-context";
import { fitLabel } from "./vram";
import { hybridSavings, routingLocalServer } from "./hybrid-routing";
import { byId, findHardware, findModel, findWorkload } from "./lookup";
import { hardwareMonthlyCost, serverCostSplit } from "./model-inputs";
import { moneyCell, moneyHeader, type PageColumn } from "./page-table";

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
  lang: Lang = DEFAULT_LANG,
): string {
  const words = RENTAL_WORDS[lang];
  const calls = (value: number) => formatInteger(Math.ceil(value - 1e-9), lang);
  if (!Number.isFinite(crossover.firstDailyCalls)) return words.rangeNever;
  if (!Number.isFinite(crossover.firstRunEndsDailyCalls)) return words.rangeFrom(calls(crossover.firstDailyCalls));
  const again = Number.isFinite(crossover.sustainedFromDailyCalls)
    ? words.rangeForGood(calls(crossover.sustainedFromDailyCalls))
    : words.rangeNotForGood(calls(gridEndDailyCalls));
  return words.rangeFromTo(calls(crossover.firstDailyCalls), calls(crossover.firstRunEndsDailyCalls), again);
}

/** Figure 59.10a: the three ways' monthly cost against volume, each crossover labelled. */
export function threeWayFigure(data: Dataset, result: ThreeWay, lang: Lang = DEFAULT_LANG): Figure {
  const words = RENTAL_WORDS[lang];
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
      label: words.apiLine(api.modelName),
      color: apiColor,
      callsPerDay: x,
      usdPerMonth: result.costs.map((cost) => cost.apiUsd),
    },
    {
      label: words.boughtLine(setup.hardware.name.replace(/ \(.*\)$/, "")),
      color: machine,
      callsPerDay: x,
      usdPerMonth: result.costs.map((cost) => cost.buyUsd),
    },
    {
      label: words.rentedAlwaysOnLine(setup.rental.provider),
      color: WAY_COLORS.rentAlwaysOn,
      dash: "dash",
      callsPerDay: x,
      usdPerMonth: result.costs.map((cost) => cost.rentAlwaysOnUsd),
    },
    {
      label: words.rentedHourlyLine(setup.profile.profileId),
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
    mark(words.buyBeatsApi, result.buyVsApi.firstDailyCalls, (cost) => cost.apiUsd),
    mark(words.rentBeatsApi, result.rentAlwaysOnVsApi.firstDailyCalls, (cost) => cost.apiUsd),
    mark(words.hourlyBeatsApi, result.rentScaledVsApi.firstDailyCalls, (cost) => cost.apiUsd),
  ];
  // Buying that beats hourly renting from the grid's first volume beats it everywhere: no point to mark.
  if (result.buyVsRentScaled.sustainedFromDailyCalls > result.stepCallsPerDay)
    crossovers.push(mark(words.buyBeatsHourly, result.buyVsRentScaled.sustainedFromDailyCalls, (cost) => cost.buyUsd));
  const comparison = words.comparison(setup.hardware.name.replace(/ \(.*\)$/, ""), api.modelName, words.serving(setup.throughput.serving));
  return threeWayCostChart(lines, crossovers, {
    number: "59.10a",
    comparison,
    provenance: provenance(data, [...RENTAL_FILES, "traffic_profiles.csv"]),
    lang,
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
  lang: Lang = DEFAULT_LANG,
): Figure {
  const words = RENTAL_WORDS[lang];
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
        label: words.boughtUnit(name),
        color,
        group: rentalId,
        utilisationPercent: x,
        usdPerMillionTokens: mine.map((row) => row.boughtUsdPerMillionTokens),
      },
      {
        label: words.rentedUnit(name),
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
  const shape = words.callShape(workload.inputTokensPerCall.toLocaleString("en-US"), workload.outputTokensPerCall.toLocaleString("en-US"));
  return costPerMillionChart(lines, apis, { number: "59.10b", workload: shape, provenance: provenance(data, RENTAL_FILES), lang });
}

/**
 * Figure 59.10c: the chapter's break-even heatmap (one server's flat monthly cost against each API) with every
 * rented configuration, kept on around the clock, below the bought ones.
 */
export function rentalHeatmapFigure(data: Dataset, options: { apiModelIds: readonly string[] }, lang: Lang = DEFAULT_LANG): Figure {
  const words = RENTAL_WORDS[lang];
  const workload = findWorkload(data);
  const bought = data.hardware.map((row) => ({
    id: row.hardwareId,
    name: fitLabel(data, row.hardwareId, undefined, lang),
    monthlyCostUsd: hardwareMonthlyCost(row, workload.daysPerMonth).totalUsd,
  }));
  const rented = data.gpuRentals.map((row) => {
    const setup = rentalSetup(data, row.rentalId, { workload });
    return {
      id: `rented:${row.rentalId}`,
      name: fitLabel(data, row.hardwareId, words.rentedConfiguration(setup.hardware.name.replace(/ \(.*\)$/, ""), row.provider), lang),
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
    breakEvenHeatmap(
      cells,
      [...bought, ...rented],
      apis,
      provenance(data, ["gpu_rentals.csv", "hardware.csv", "models.csv"]),
      { number: "59.10c", title: words.heatmapTitle },
      lang,
    ),
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
export function routerSavingsByCapacity(data: Dataset, configId?: string, lang: Lang = DEFAULT_LANG): RouterCapacityOption[] {
  const words = RENTAL_WORDS[lang];
  const estimate = hybridSavings(data, configId);
  const local = routingLocalServer(data, configId);
  const options = [{ capacity: "bought", label: words.routerBought(local.hardware.name), localMonthlyUsd: local.monthlyUsd }];
  for (const row of data.gpuRentals.filter((rental) => rental.hardwareId === local.hardware.hardwareId)) {
    const setup = rentalSetup(data, row.rentalId);
    options.push({
      capacity: row.rentalId,
      label: words.routerRented(local.hardware.name, row.provider),
      localMonthlyUsd: setup.rentAlwaysOn.perMachineUsdPerMonth + setup.rentAlwaysOn.sharedUsdPerMonth,
    });
  }
  return options.map((option) => {
    const paid = savingsAfterHardware(estimate, option.localMonthlyUsd);
    return { ...option, hybridMonthlyUsd: paid.hybridMonthly, savingsPercentage: paid.savingsPercentage };
  });
}

/** 59.10's first table: every GPU rental offer, its price on demand and committed, its billing and operations. */
export function rentalOffersTable(data: Dataset, lang: Lang = DEFAULT_LANG): PageTable {
  const words = RENTAL_WORDS[lang];
  const billed = (seconds: number) =>
    seconds === 1 ? words.billedPerSecond : seconds === 60 ? words.billedPerMinute : words.billedPer(seconds);
  const rows = data.gpuRentals.map((row) => ({
    configuration: findHardware(data, row.hardwareId).name,
    provider: row.provider,
    offer: row.offer,
    onDemand: moneyCell(row.usdPerGpuHour, 2, lang),
    committed: moneyCell(row.committed1yUsdPerGpuHour, 2, lang),
    billing: billed(row.billingIncrementSeconds),
    ops: moneyCell(row.opsUsdPerMonth, 0, lang),
    asOf: row.asOf,
  }));
  const columns: PageColumn[] = [
    { key: "configuration", label: words.hConfiguration },
    { key: "provider", label: words.hProvider },
    { key: "offer", label: words.hOffer },
    { key: "onDemand", label: moneyHeader(words.hGpuHour, lang), format: "usd" },
    { key: "committed", label: moneyHeader(words.hGpuHourYear, lang), format: "usd" },
    { key: "billing", label: words.hBilled },
    { key: "ops", label: moneyHeader(words.hOps, lang), format: "usd0" },
    { key: "asOf", label: words.hAsOf },
  ];
  return { rows, columns, caption: words.offersCaption(dataFileName(data, "gpu_rentals.csv")) };
}

/** 59.10's three ways against the API: the table of where each way starts to pay, for each scenario. */
export function threeWayTable(
  data: Dataset,
  scenarios: readonly ThreeWay[],
  options: { profileId: string; maxCallsPerDay: number },
  lang: Lang = DEFAULT_LANG,
): PageTable {
  const words = RENTAL_WORDS[lang];
  const never = (value: number) => (Number.isFinite(value) ? formatInteger(value, lang) : words.never);
  // A crossover at the grid's first volume holds at every volume the grid shows.
  const from = (value: number, step: number) => (value <= step ? words.anyVolume : never(value));
  const rows = scenarios.map((result) => ({
    scenario: words.scenario(result.setup.hardware.name, findModel(data, result.apiModelId).modelName),
    rentUsdPerMonth: moneyCell(result.setup.rentAlwaysOn.perMachineUsdPerMonth, 2, lang),
    buyUsdPerMonth: moneyCell(result.setup.buy.perMachineUsdPerMonth, 2, lang),
    buy: never(result.buyVsApi.firstDailyCalls),
    rentAlwaysOn: never(result.rentAlwaysOnVsApi.firstDailyCalls),
    rentHourly: never(result.rentScaledVsApi.firstDailyCalls),
    buyOverRent: from(result.buyVsRentScaled.sustainedFromDailyCalls, result.stepCallsPerDay),
  }));
  const columns: PageColumn[] = [
    { key: "scenario", label: words.hScenario },
    { key: "buyUsdPerMonth", label: moneyHeader(words.hBoughtMonth, lang), format: "usd" },
    { key: "rentUsdPerMonth", label: moneyHeader(words.hRentedMonth, lang), format: "usd" },
    { key: "buy", label: words.hBuyBeats },
    { key: "rentAlwaysOn", label: words.hRentBeats },
    { key: "rentHourly", label: words.hHourlyBeats },
    { key: "buyOverRent", label: words.hBuyOverRent },
  ];
  const caption = words.threeWayCaption(
    options.profileId,
    formatInteger(options.maxCallsPerDay, lang),
    Number(scenarios[0]?.stepCallsPerDay),
  );
  return { rows, columns, caption };
}

/** The two paragraphs under it: where buying and each way of renting pay for each scenario, and the quality each compares. */
export function threeWayText(
  data: Dataset,
  scenarios: readonly ThreeWay[],
  apiModelIds: readonly [string, string],
  maxCallsPerDay: number,
  lang: Lang = DEFAULT_LANG,
): string {
  const words = RENTAL_WORDS[lang];
  const [one, two] = scenarios;
  // A server that fills up can lose again to the API: each range says where it stops, and whether it wins for good.
  const range = (crossover: Parameters<typeof crossoverRangeText>[0] | undefined) =>
    crossover === undefined ? words.rangeNever : crossoverRangeText(crossover, maxCallsPerDay, lang);
  const server = (result: ThreeWay | undefined) => fitLabel(data, result?.setup.hardware.hardwareId ?? "", undefined, lang);
  const quality = (result: ThreeWay | undefined, apiId: string) =>
    serverAgainstApiQuality(data, result?.setup.hardware.hardwareId ?? "", apiId, lang);
  const [oneApi, twoApi] = apiModelIds;
  return [
    words.firstPair(
      server(one),
      findModel(data, oneApi).modelName,
      range(one?.buyVsApi),
      range(one?.rentAlwaysOnVsApi),
      range(one?.rentScaledVsApi),
      formatUsd(one?.setup.rentAlwaysOn.perMachineUsdPerMonth ?? 0, 2, lang),
      formatUsd(one?.setup.buy.perMachineUsdPerMonth ?? 0, 2, lang),
      quality(one, oneApi),
    ),
    words.secondPair(
      server(two),
      findModel(data, twoApi).modelName,
      range(two?.buyVsApi),
      range(two?.rentAlwaysOnVsApi),
      range(two?.rentScaledVsApi),
      quality(two, twoApi),
    ),
  ].join("\n\n");
}

/** 59.10's unit costs: a call and a million tokens on each configuration, bought and rented, at each utilisation. */
export function unitCostTable(units: readonly UnitCostRow[], lang: Lang = DEFAULT_LANG): PageTable {
  const words = RENTAL_WORDS[lang];
  const rows = units.map((row) => ({
    name: row.name,
    utilisation: row.utilisationPercent,
    bought: moneyCell(row.boughtUsdPerMillionTokens, 2, lang),
    rented: moneyCell(row.rentedUsdPerMillionTokens, 2, lang),
    boughtCall: moneyCell(row.boughtUsdPerCall, 5, lang),
    rentedCall: moneyCell(row.rentedUsdPerCall, 5, lang),
  }));
  const columns: PageColumn[] = [
    { key: "name", label: words.hConfiguration },
    { key: "utilisation", label: words.hBusy, format: "integer" },
    { key: "bought", label: moneyHeader(words.hBoughtMillion, lang), format: "usd" },
    { key: "rented", label: moneyHeader(words.hRentedMillion, lang), format: "usd" },
    { key: "boughtCall", label: moneyHeader(words.hBoughtCall, lang), format: "usdPerCall" },
    { key: "rentedCall", label: moneyHeader(words.hRentedCall, lang), format: "usdPerCall" },
  ];
  return { rows, columns, caption: words.unitCaption };
}

/** 59.10's router table: the 59.4 router's savings with its local tiers on the server bought, or rented around the clock. */
export function routerSavingsTable(data: Dataset, lang: Lang = DEFAULT_LANG): PageTable {
  const words = RENTAL_WORDS[lang];
  const rows = routerSavingsByCapacity(data, undefined, lang).map((option) => ({
    capacity: option.label,
    local: moneyCell(option.localMonthlyUsd, 2, lang),
    hybrid: moneyCell(option.hybridMonthlyUsd, 2, lang),
    saved: option.savingsPercentage,
  }));
  const columns: PageColumn[] = [
    { key: "capacity", label: words.hLocalTiers },
    { key: "local", label: moneyHeader(words.hCapacityMonth, lang), format: "usd" },
    { key: "hybrid", label: moneyHeader(words.hHybridMonth, lang), format: "usd" },
    { key: "saved", label: words.hSaved, format: "percent" },
  ];
  return { rows, columns, caption: words.routerCaption };
}

/**
 * 59.10's last section: the case study's volume bought, rented around the clock, rented hour by hour and sent to its
 * API, each way's compliance from its region against the case study's allowed regions, as on the decision page; then
 * the cheapest compliant way and the decision page's answer over everything the data prices.
 */
export function caseStudyRentalSection(
  data: Dataset,
  options: { scenarioId: string; profileId: string; rentalId: string },
  lang: Lang = DEFAULT_LANG,
): { table: PageTable; text: string } {
  const words = RENTAL_WORDS[lang];
  const study = caseStudyFromData(data, options.scenarioId);
  const rented = caseStudyRental(data, {
    rentalId: options.rentalId,
    profileId: options.profileId,
    weekdayCallsPerDay: study.inputs.weekdayCallsPerDay,
    weekdayDays: study.inputs.weekdayDaysPerMonth,
    weekendCallsPerDay: study.inputs.weekendCallsPerDay,
    weekendDays: study.inputs.weekendDaysPerMonth,
    apiUsdPerCall: study.inputs.cloud.usdPerCall,
  });
  const hybridSized = caseStudyCapacity(data, { scenarioId: options.scenarioId, profileId: options.profileId }).withCapacity.options.find(
    (option) => option.option === "hybrid",
  );
  const allowed = study.inputs.allowedRegions;
  const rentedRegion = rented.setup.rental.region ?? "unknown";
  const cloudRegion = study.inputs.cloud.dataRegion;
  const ways = [
    { way: words.wayBuy(rented.servers), usd: rented.buyUsd, compliance: regionCompliance("on_premises", allowed) },
    {
      way: words.wayRentAlwaysOn(rented.servers, words.region(rentedRegion)),
      usd: rented.rentAlwaysOnUsd,
      compliance: regionCompliance(rentedRegion, allowed),
    },
    {
      way: words.wayRentHourly(formatInteger(rented.weekdayServerHours, lang), rented.weekdayPeakServers, words.region(rentedRegion)),
      usd: rented.rentScaledUsd,
      compliance: regionCompliance(rentedRegion, allowed),
    },
    {
      // English keeps the case study's id, as its table always has; another language names the model.
      way: words.wayAllCloud(
        lang === "en"
          ? study.inputs.cloud.id
          : (data.models.find((model) => model.modelId === study.inputs.cloud.id)?.modelName ?? study.inputs.cloud.id),
        words.region(cloudRegion),
      ),
      usd: rented.allCloudUsd,
      compliance: regionCompliance(cloudRegion, allowed),
    },
  ];
  const cheapest = ways.filter((option) => option.compliance !== "not compliant").sort((a, b) => a.usd - b.usd)[0];
  const rows = ways.map((option) => ({
    way: option.way,
    usd: moneyCell(option.usd, 2, lang),
    compliance: complianceIn(option.compliance, lang),
  }));
  const columns: PageColumn[] = [
    { key: "way", label: words.hWay },
    { key: "usd", label: moneyHeader(words.hPerMonth, lang), format: "usd" },
    { key: "compliance", label: words.hCompliance },
  ];
  const caption = words.caseCaption(rented.setup.hardware.name, rented.setup.rental.provider, options.profileId, allowed);
  const overall = caseStudyDecision(data, options.scenarioId);
  // The data is in the page's currency already: the bottom line shows it at a rate of one, in its own code.
  const money = lang === "en" ? displayCurrency(data, "USD") : { ...displayCurrency(data, "USD"), code: displayCurrencyCode() };
  const text = [
    words.caseText(
      formatUsd(rented.rentScaledUsd, 2, lang),
      formatUsd(rented.buyUsd, 2, lang),
      cheapest === undefined ? words.cheapestNone : words.cheapestWay(cheapest.way, formatUsd(cheapest.usd, 2, lang)),
      String(hybridSized?.machines),
      formatUsd(hybridSized?.totalUsd ?? 0, 2, lang),
    ),
    words.overall(formatInteger(overall.callsPerMonth, lang), bottomLine(overall, money, lang)),
  ].join("\n\n");
  return { table: { rows, columns, caption }, text };
}
