/**
 * The rent-buy-call what-if panel of the HTML report (59.10): a configuration, an API, a price per GPU-hour,
 * the hours rented a day, the utilisation planned and a daily volume give each way's monthly cost and the
 * cheapest, recomputed in the page with the model's own rental functions.
 */
import { WAY_COLORS } from "../charts/theme";
import { threeWayCostChart, type CostLine } from "../charts/rental";
import type { Figure, Provenance } from "../charts/figure";
import { InputError } from "../errors";
import { checkRanges, type PanelRanges } from "./ranges";
import { countIn, formatUsd, type CountNoun } from "../format";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { RENTAL_WORDS } from "../i18n/rental";
import {
  billedHours,
  breakEvenVolumes,
  crossover,
  fleetMonthlyCost,
  fleetOpsUsdPerMonth,
  capacityBreakEven,
  fleetCostOfSplit,
  machinesNeeded,
  scaledDailyUsd,
  serversByHour,
  serverUsdPerHour,
  type FleetCostOptions,
  type RentalOffer,
  type ServerCostSplit,
} from "../model";
import { numberControls, type PanelDefinition } from "./definition";
import { markVolume, wholeUsd } from "./advice";

/** The choice that spreads the day's calls evenly over the hours rented, instead of a traffic profile's hours. */
export const EVEN_HOURS_ID = "even";

/** A day's shape the servers are sized for: each hour's relative load and the busiest hour's share of the day. */
export interface RentalPanelProfile {
  id: string;
  relativeLoadByHour: number[];
  peakHourShare: number;
}

/** A configuration as the panel offers it: what it serves at full rate, and what buying it or renting it costs. */
export interface RentalPanelConfiguration {
  /** rental_id. */
  id: string;
  name: string;
  provider: string;
  gpuCount: number;
  usdPerGpuHour: number;
  billingIncrementHours: number;
  minimumHours: number;
  /** Calls a server takes an hour at its full measured rate. */
  callsPerHourAtFullRate: number;
  /** Bought: what each server adds (depreciation, power, its share of operations) and the fixed part of operations. */
  buyPerServerUsdPerMonth: number;
  buySharedUsdPerMonth: number;
  /** Operations a rented fleet still needs, growing with the fleet as the bought one's do. */
  rentOps: Pick<ServerCostSplit, "opsOneServerUsdPerMonth" | "opsSharePerAddedServer">;
}

export interface RentalPanelInputs {
  rentalId: string;
  apiId: string;
  usdPerGpuHour: number;
  /** Hours a day the servers are rented and the calls arrive, 1–24. */
  hoursPerDay: number;
  /** Share of a server's full rate planned, 1–100 %. */
  utilisationPercent: number;
  callsPerDay: number;
  /**
   * A traffic profile's id: servers sized for its busiest hour, rented around the clock or hour by hour as its
   * hours need them (`hoursPerDay` unused); or `EVEN_HOURS_ID`: the calls spread evenly over `hoursPerDay`.
   */
  profileId: string;
}

/** What each number may be: an offer rents whole days at most, and a server is planned at 1–100% of its rate. */
export const RENTAL_PANEL_RANGES: PanelRanges<RentalPanelInputs> = {
  usdPerGpuHour: { label: "Price ($ per GPU-hour)", min: 0, max: 1_000, step: 0.0001 },
  hoursPerDay: { label: "Hours rented a day", min: 1, max: 24, step: 0.25 },
  utilisationPercent: { label: "Planned utilisation (%)", min: 1, max: 100, step: 1 },
  callsPerDay: { label: "Calls per day", min: 0, max: 100_000_000, step: 1 },
};

export interface RentalPanelSpec {
  kind: "rental";
  title: string;
  daysPerMonth: number;
  configurations: RentalPanelConfiguration[];
  apis: Array<{ id: string; name: string; usdPerCall: number; color: string }>;
  profiles: RentalPanelProfile[];
  /** The figure shows at least this many calls a day. */
  minShownCallsPerDay: number;
  defaults: RentalPanelInputs;
  provenance: Provenance;
  /** The language of the summary, the controls and the figure: the page's script shows what the notebook showed. */
  lang?: Lang;
}

export interface RentalPanelCosts {
  servers: number;
  apiUsd: number;
  buyUsd: number;
  /** Rented its hours every day: around the clock on a traffic profile. */
  rentUsd: number;
  /** On a traffic profile: rented hour by hour, each hour the servers its calls need. */
  rentScaledUsd?: number;
}

export interface RentalPanelResult extends RentalPanelCosts {
  cheapest: "API" | "buy" | "rent" | "rent-scaled";
  /** Calls a day one server carries: at the planned utilisation, over the hours rented or under the profile's busiest hour. */
  callsPerDayPerServer: number;
  /** Where the rented fleet (around the clock on a profile), with the servers each volume needs, first costs no more than the API. */
  rentBreakEvenDailyCalls: number;
  /** Where one rented server's month (its hours every day, plus operations) meets the API bill, as the chapter counts a break-even. */
  oneServerBreakEvenDailyCalls: number;
  summary: string;
  figure: Figure;
}

/** The offer at the reader's price per GPU-hour, on its provider's billing terms. */
const offerOf = (configuration: RentalPanelConfiguration, inputs: RentalPanelInputs): RentalOffer => ({
  usdPerGpuHour: inputs.usdPerGpuHour,
  gpuCount: configuration.gpuCount,
  billingIncrementHours: configuration.billingIncrementHours,
  minimumHours: configuration.minimumHours,
});

const profileOf = (spec: RentalPanelSpec, inputs: RentalPanelInputs) =>
  inputs.profileId === EVEN_HOURS_ID ? undefined : spec.profiles.find((candidate) => candidate.id === inputs.profileId);

/**
 * Each way's monthly cost at one volume. On a traffic profile: servers sized for its busiest hour, bought or rented
 * around the clock, or rented hour by hour as each hour needs them (as 59.10's tables count). Spread evenly: the
 * servers the calls of a rented hour need, rented those hours every day.
 */
export function rentalPanelCosts(
  spec: RentalPanelSpec,
  configuration: RentalPanelConfiguration,
  usdPerCall: number,
  inputs: RentalPanelInputs,
  callsPerDay: number,
): RentalPanelCosts {
  if (!(inputs.hoursPerDay >= 1 && inputs.hoursPerDay <= 24)) throw new InputError("hours rented a day must be from 1 to 24");
  if (!(inputs.utilisationPercent > 0 && inputs.utilisationPercent <= 100))
    throw new InputError("utilisation must be above 0% and at most 100%");
  if (!(inputs.usdPerGpuHour >= 0)) throw new InputError("the price per GPU-hour must not be negative");
  if (!(callsPerDay >= 0)) throw new InputError("calls per day must not be negative");
  const perServerHour = configuration.callsPerHourAtFullRate * (inputs.utilisationPercent / 100);
  const profile = profileOf(spec, inputs);
  const offer = offerOf(configuration, inputs);
  const hoursRented = profile ? 24 : inputs.hoursPerDay;
  // Calls spread evenly over the rented hours make every rented hour as busy as the busiest.
  const servers = machinesNeeded(profile ? callsPerDay * profile.peakHourShare : callsPerDay / hoursRented, perServerHour);
  const hourly = profile ? serversByHour(callsPerDay, profile.relativeLoadByHour, perServerHour) : undefined;
  return {
    servers,
    apiUsd: callsPerDay * usdPerCall * spec.daysPerMonth,
    buyUsd: fleetMonthlyCost(servers, boughtFleet(configuration)),
    rentUsd: fleetMonthlyCost(servers, rentedFleet(spec, configuration, inputs)),
    // Operations are sized for the busiest hour's servers: the team runs that fleet whenever it is up.
    ...(hourly && {
      rentScaledUsd: scaledDailyUsd(hourly, offer) * spec.daysPerMonth + fleetOpsUsdPerMonth(Math.max(1, ...hourly), configuration.rentOps),
    }),
  };
}

/** The bought fleet's cost line: what each server adds, and the operations paid once. */
const boughtFleet = (configuration: RentalPanelConfiguration): FleetCostOptions => ({
  perMachineUsdPerMonth: configuration.buyPerServerUsdPerMonth,
  sharedUsdPerMonth: configuration.buySharedUsdPerMonth,
});

/** The rented fleet's cost line: each server's rent for its hours every day, operations growing with the fleet. */
function rentedFleet(spec: RentalPanelSpec, configuration: RentalPanelConfiguration, inputs: RentalPanelInputs): FleetCostOptions {
  const offer = offerOf(configuration, inputs);
  const hoursRented = profileOf(spec, inputs) ? 24 : inputs.hoursPerDay;
  return fleetCostOfSplit({
    hardwareUsdPerMonth: billedHours(hoursRented, offer) * serverUsdPerHour(offer) * spec.daysPerMonth,
    ...configuration.rentOps,
  });
}

const usdEn = (value: number) => `$${Math.round(value).toLocaleString("en-US")}`;
/** Whole money as the summary writes it: dollars in English (the page shows them in its currency), the currency's own rule otherwise. */
const usdIn = (value: number, lang: Lang) => (lang === "en" ? usdEn(value) : formatUsd(Math.round(value), 0, lang));
const callsText = (value: number) => Math.round(value).toLocaleString("en-US");

/** A server counted: "2 servers", "2 台服务器". */
const SERVER: CountNoun = { one: "server", other: "servers", zh: "台服务器" };

export function evaluateRentalPanel(spec: RentalPanelSpec, inputs: RentalPanelInputs): RentalPanelResult {
  const configuration = spec.configurations.find((candidate) => candidate.id === inputs.rentalId) ?? spec.configurations[0];
  const api = spec.apis.find((candidate) => candidate.id === inputs.apiId) ?? spec.apis[0];
  if (!configuration || !api) throw new InputError("the rental panel needs at least one configuration and one API");
  checkRanges(RENTAL_PANEL_RANGES, inputs);
  const lang = spec.lang ?? DEFAULT_LANG;
  const words = RENTAL_WORDS[lang];
  const usd = (value: number) => usdIn(value, lang);
  const profile = profileOf(spec, inputs);
  const rented = profile ? words.rentedAroundTheClock : words.rentedHours(inputs.hoursPerDay);
  const exact = (volume: number) => rentalPanelCosts(spec, configuration, api.usdPerCall, inputs, volume);
  const costs = exact(inputs.callsPerDay);
  const ways = [
    { way: "API" as const, usd: costs.apiUsd },
    { way: "buy" as const, usd: costs.buyUsd },
    { way: "rent" as const, usd: costs.rentUsd },
    ...(costs.rentScaledUsd === undefined ? [] : [{ way: "rent-scaled" as const, usd: costs.rentScaledUsd }]),
  ].sort((a, b) => a.usd - b.usd);
  const [best, next] = ways as [(typeof ways)[number], (typeof ways)[number]];
  const cheapest = best.way;
  const oneServer = exact(0);
  const oneServerBreakEvenDailyCalls = breakEvenVolumes(oneServer.rentUsd, api.usdPerCall, spec.daysPerMonth).breakEvenDailyCalls;
  const perServerHour = configuration.callsPerHourAtFullRate * (inputs.utilisationPercent / 100);
  const callsPerDayPerServer = profile ? perServerHour / profile.peakHourShare : perServerHour * inputs.hoursPerDay;

  // Wide enough to show where the ways cross at the chapter's volumes, and twice the volume asked about.
  const wanted = Math.max(spec.minShownCallsPerDay, inputs.callsPerDay * 2);
  const step = Math.max(1, Math.ceil(wanted / 400));
  const max = Math.ceil(wanted / step) * step;
  const volumes = Array.from({ length: Math.floor(max / step) + 1 }, (_, index) => index * step);
  const grid = volumes.map(exact);
  const at = (pick: (cost: RentalPanelCosts) => number) => (volume: number) => pick(grid[Math.round(volume / step)] as RentalPanelCosts);
  const crossing = (label: string, challenger: (cost: RentalPanelCosts) => number, incumbent: (cost: RentalPanelCosts) => number) => {
    const onGrid = crossover(at(challenger), at(incumbent), volumes.slice(1)).firstDailyCalls;
    if (!Number.isFinite(onGrid)) return { label, callsPerDay: onGrid, usdPerMonth: 0 };
    // The grid only bounds the crossing: whole calls in its last step find the break-even as the chapter counts
    // it (the last volume at which the API is no dearer), the number the summary and Figure 59.10c print.
    let volume = Math.max(0, onGrid - step);
    while (volume < onGrid && !(incumbent(exact(volume + 1)) > challenger(exact(volume + 1)))) volume += 1;
    return { label, callsPerDay: volume, usdPerMonth: incumbent(exact(volume)) };
  };
  const apiOf = (cost: RentalPanelCosts) => cost.apiUsd;
  // A fleet's break-even has a closed form (the servers each volume needs, operations growing with them), so no
  // short stretch where it wins falls between the grid's points; in whole calls, as the chapter counts them.
  const fleetCrossing = (label: string, fleet: FleetCostOptions) => {
    const first = capacityBreakEven({
      ...fleet,
      callsPerDayPerMachine: callsPerDayPerServer,
      apiUsdPerCall: api.usdPerCall,
      daysPerMonth: spec.daysPerMonth,
    }).firstDailyCalls;
    const volume = Math.trunc(first);
    return { label, callsPerDay: volume, usdPerMonth: Number.isFinite(volume) ? exact(volume).apiUsd : 0 };
  };
  const renting = fleetCrossing(
    profile ? words.rentingAroundBreaksEven : words.rentingBreaksEven,
    rentedFleet(spec, configuration, inputs),
  );
  const crossings = [fleetCrossing(words.buyingBreaksEven, boughtFleet(configuration)), renting];
  // Hour by hour breaking even where around the clock does is one point: one label, so labels do not pile up on a phone.
  const scaled = profile ? crossing(words.hourlyBreaksEven, (cost) => cost.rentScaledUsd ?? Infinity, apiOf) : undefined;
  if (scaled && scaled.callsPerDay !== renting.callsPerDay) crossings.push(scaled);

  const perServer = callsText(Math.floor(callsPerDayPerServer));
  const serversText =
    costs.servers === 1
      ? words.oneServer(perServer, inputs.utilisationPercent)
      : words.manyServers(countIn(costs.servers, SERVER, lang), perServer, inputs.utilisationPercent);
  const shape = profile ? words.onProfile(profile.id) : words.spreadOver(inputs.hoursPerDay);
  const who = profile ? words.rentingAround : words.rentingCap;
  const breakEvenText = Number.isFinite(renting.callsPerDay)
    ? words.breaksEvenAt(who, callsText(renting.callsPerDay))
    : words.costsMore(who, callsText(max));
  // One server's break-even past what one server carries is no break-even: the fleet a volume needs is.
  const oneServerWarning =
    Number.isFinite(oneServerBreakEvenDailyCalls) && oneServerBreakEvenDailyCalls > callsPerDayPerServer
      ? words.oneServerWarning(callsText(oneServerBreakEvenDailyCalls), perServer)
      : "";
  const wayNames = { API: words.theApi, buy: words.buying, rent: words.renting(rented), "rent-scaled": words.rentingHourly } as const;
  const wayLabel = (way: (typeof ways)[number]["way"]) => wayNames[way];
  const months = [
    words.monthApi(usd(costs.apiUsd)),
    words.monthBought(usd(costs.buyUsd)),
    words.monthRented(rented, usd(costs.rentUsd)),
    ...(costs.rentScaledUsd === undefined ? [] : [words.monthHourly(usd(costs.rentScaledUsd))]),
  ].join(lang === "en" ? ", " : "，");
  const cheapestText =
    Math.round(next.usd - best.usd) === 0
      ? words.sameCost(wayLabel(best.way), wayLabel(next.way))
      : words.cheaperBy(wayLabel(best.way), lang === "en" ? wholeUsd(next.usd - best.usd) : usd(next.usd - best.usd), wayLabel(next.way));
  const summary = words.summary(
    configuration.name,
    api.name,
    callsText(inputs.callsPerDay),
    shape,
    serversText,
    months,
    cheapestText,
    breakEvenText,
    oneServerWarning,
  );

  const lines: CostLine[] = [
    { label: words.apiLine(api.name), color: api.color, callsPerDay: volumes, usdPerMonth: grid.map((cost) => cost.apiUsd) },
    { label: words.boughtPanelLine, color: WAY_COLORS.buy, callsPerDay: volumes, usdPerMonth: grid.map((cost) => cost.buyUsd) },
    { label: rented, color: WAY_COLORS.rentAlwaysOn, dash: "dash", callsPerDay: volumes, usdPerMonth: grid.map((cost) => cost.rentUsd) },
  ];
  if (profile)
    lines.push({
      label: words.rentedHourlyPanelLine,
      color: WAY_COLORS.rentByHour,
      dash: "dot",
      callsPerDay: volumes,
      usdPerMonth: grid.map((cost) => cost.rentScaledUsd ?? 0),
    });
  const figure = threeWayCostChart(lines, crossings, {
    number: "59.10w",
    comparison: `${configuration.name} vs ${api.name}`,
    provenance: spec.provenance,
    lang,
  });
  // The summary names the pair; the figure's title stays short enough for a phone.
  figure.layout.title.text = `${lang === "en" ? "Figure" : "图"} 59.10w — ${words.panelFigureTitle}`;
  markVolume(figure, inputs.callsPerDay, words.yourVolume, lang);
  return {
    ...costs,
    cheapest,
    callsPerDayPerServer,
    rentBreakEvenDailyCalls: renting.callsPerDay,
    oneServerBreakEvenDailyCalls,
    summary,
    figure,
  };
}

/** The panel's number fields, labelled in the language; their limits are the same in every language. */
function rangesIn(lang: Lang): PanelRanges<RentalPanelInputs> {
  if (lang === "en") return RENTAL_PANEL_RANGES;
  const words = RENTAL_WORDS[lang];
  const r = RENTAL_PANEL_RANGES;
  return {
    usdPerGpuHour: { ...r.usdPerGpuHour, label: words.price },
    hoursPerDay: { ...r.hoursPerDay, label: words.hours },
    utilisationPercent: { ...r.utilisationPercent, label: words.utilisation },
    callsPerDay: { ...r.callsPerDay, label: words.calls },
  };
}

/** The panel as the page offers it: an offer and an API, the price per GPU-hour, the hours rented and the volume. */
export const RENTAL_PANEL: PanelDefinition<RentalPanelSpec, RentalPanelInputs> = {
  kind: "rental",
  computes: { en: "the three ways' costs", "zh-CN": "三种方式的成本" },
  controls: (spec) => {
    const d = spec.defaults;
    const lang = spec.lang ?? DEFAULT_LANG;
    const words = RENTAL_WORDS[lang];
    const r = rangesIn(lang);
    return [
      {
        key: "rentalId",
        label: words.configurationRented,
        options: spec.configurations.map((configuration) => ({ id: configuration.id, name: configuration.name })),
        value: d.rentalId,
      },
      { key: "apiId", label: words.cloudApi, options: spec.apis, value: d.apiId },
      ...numberControls(r, d, ["usdPerGpuHour", "hoursPerDay", "utilisationPercent", "callsPerDay"]),
      {
        key: "profileId",
        label: words.callsArrive,
        options: [
          ...spec.profiles.map((profile) => ({
            id: profile.id,
            name: words.asProfile(profile.id, (profile.peakHourShare * 100).toFixed(1)),
          })),
          { id: EVEN_HOURS_ID, name: words.evenly },
        ],
        value: d.profileId,
      },
    ];
  },
  // A traffic profile rents around the clock or hour by hour: the hours rented a day apply to calls spread evenly.
  unused: (_spec, values) => (values.profileId === EVEN_HOURS_ID ? [] : ["hoursPerDay"]),
  follow: (spec, changedKey, values) => {
    if (changedKey !== "rentalId") return undefined;
    const configuration = spec.configurations.find((candidate) => candidate.id === values.rentalId);
    return configuration ? { usdPerGpuHour: configuration.usdPerGpuHour } : undefined;
  },
  show: (spec, values) => {
    const evaluated = evaluateRentalPanel(spec, values);
    return {
      summary: evaluated.summary,
      figure: evaluated.figure,
      attributes: {
        "data-cheapest": evaluated.cheapest,
        "data-servers": String(evaluated.servers),
        "data-api-usd": evaluated.apiUsd.toFixed(2),
        "data-buy-usd": evaluated.buyUsd.toFixed(2),
        "data-rent-usd": evaluated.rentUsd.toFixed(2),
        "data-rent-scaled-usd": evaluated.rentScaledUsd === undefined ? "" : evaluated.rentScaledUsd.toFixed(2),
        "data-break-even": String(evaluated.oneServerBreakEvenDailyCalls),
        "data-rent-break-even": String(evaluated.rentBreakEvenDailyCalls),
      },
    };
  },
};
