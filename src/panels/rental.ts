/**
 * The rent-buy-call what-if panel of the HTML report (59.10): a configuration, an API, a price per GPU-hour,
 * the hours rented a day, the utilisation planned and a daily volume give each way's monthly cost and the
 * cheapest, recomputed in the page with the model's own rental functions.
 */
import { threeWayCostChart } from "../charts/rental";
import type { Figure, Provenance } from "../charts/figure";
import { InputError } from "../errors";
import { checkRanges, type PanelRanges } from "./ranges";
import { countOf } from "../format";
import {
  billedHours,
  breakEvenVolumes,
  crossover,
  fleetMonthlyCost,
  fleetOpsUsdPerMonth,
  machinesNeeded,
  serverUsdPerHour,
  type RentalOffer,
  type ServerCostSplit,
} from "../model";
import type { PanelDefinition } from "./definition";

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
  defaults: RentalPanelInputs;
  provenance: Provenance;
}

export interface RentalPanelCosts {
  servers: number;
  apiUsd: number;
  buyUsd: number;
  rentUsd: number;
}

export interface RentalPanelResult extends RentalPanelCosts {
  cheapest: "API" | "buy" | "rent";
  /** Where one rented server's month (its hours every day, plus operations) meets the API bill, as the chapter counts a break-even. */
  oneServerBreakEvenDailyCalls: number;
  summary: string;
  figure: Figure;
}

/** Each way's monthly cost at one volume: servers sized for the calls of a rented hour, rented those hours every day. */
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
  // Calls spread evenly over the rented hours, so every rented hour is as busy as the busiest.
  const servers = machinesNeeded(callsPerDay / inputs.hoursPerDay, perServerHour);
  const offer: RentalOffer = {
    usdPerGpuHour: inputs.usdPerGpuHour,
    gpuCount: configuration.gpuCount,
    billingIncrementHours: configuration.billingIncrementHours,
    minimumHours: configuration.minimumHours,
  };
  const rentPerServerDay = billedHours(inputs.hoursPerDay, offer) * serverUsdPerHour(offer);
  return {
    servers,
    apiUsd: callsPerDay * usdPerCall * spec.daysPerMonth,
    buyUsd: fleetMonthlyCost(servers, {
      perMachineUsdPerMonth: configuration.buyPerServerUsdPerMonth,
      sharedUsdPerMonth: configuration.buySharedUsdPerMonth,
    }),
    rentUsd: servers * rentPerServerDay * spec.daysPerMonth + fleetOpsUsdPerMonth(servers, configuration.rentOps),
  };
}

const usd = (value: number) => `$${Math.round(value).toLocaleString("en-US")}`;

export function evaluateRentalPanel(spec: RentalPanelSpec, inputs: RentalPanelInputs): RentalPanelResult {
  const configuration = spec.configurations.find((candidate) => candidate.id === inputs.rentalId) ?? spec.configurations[0];
  const api = spec.apis.find((candidate) => candidate.id === inputs.apiId) ?? spec.apis[0];
  if (!configuration || !api) throw new InputError("the rental panel needs at least one configuration and one API");
  checkRanges(RENTAL_PANEL_RANGES, inputs);
  const costs = rentalPanelCosts(spec, configuration, api.usdPerCall, inputs, inputs.callsPerDay);
  const ways = [
    { way: "API" as const, usd: costs.apiUsd },
    { way: "buy" as const, usd: costs.buyUsd },
    { way: "rent" as const, usd: costs.rentUsd },
  ].sort((a, b) => a.usd - b.usd);
  const cheapest = (ways[0] as (typeof ways)[number]).way;
  const oneServer = rentalPanelCosts(spec, configuration, api.usdPerCall, inputs, 0);
  const oneServerBreakEvenDailyCalls = breakEvenVolumes(oneServer.rentUsd, api.usdPerCall, spec.daysPerMonth).breakEvenDailyCalls;
  const summary = `${configuration.name} against ${api.name} at ${Math.round(inputs.callsPerDay).toLocaleString("en-US")} calls a day: ${countOf(costs.servers, "server")}; API ${usd(costs.apiUsd)}, bought ${usd(costs.buyUsd)}, rented ${inputs.hoursPerDay} h a day ${usd(costs.rentUsd)} a month. Cheapest: ${cheapest === "API" ? "the API" : cheapest === "buy" ? "buying" : "renting"}. One rented server breaks even with the API at ${Number.isFinite(oneServerBreakEvenDailyCalls) ? `${oneServerBreakEvenDailyCalls.toLocaleString("en-US")} calls a day` : "no volume"}.`;

  // Wide enough to show where the ways cross at the chapter's volumes, and twice the volume asked about.
  const max = Math.max(10_000, inputs.callsPerDay * 2);
  const step = Math.max(1, Math.ceil(max / 300));
  const volumes = Array.from({ length: Math.floor(max / step) + 1 }, (_, index) => index * step);
  const grid = volumes.map((volume) => rentalPanelCosts(spec, configuration, api.usdPerCall, inputs, volume));
  const at = (pick: (cost: RentalPanelCosts) => number) => (volume: number) => pick(grid[Math.round(volume / step)] as RentalPanelCosts);
  const exact = (volume: number) => rentalPanelCosts(spec, configuration, api.usdPerCall, inputs, volume);
  const crossing = (label: string, challenger: (cost: RentalPanelCosts) => number, incumbent: (cost: RentalPanelCosts) => number) => {
    const onGrid = crossover(at(challenger), at(incumbent), volumes.slice(1)).firstDailyCalls;
    if (!Number.isFinite(onGrid)) return { label, callsPerDay: onGrid, usdPerMonth: 0 };
    // The grid only bounds the crossing: whole calls in its last step find the break-even as the chapter counts
    // it (the last volume at which the API is no dearer), the number the summary and Figure 59.10c print.
    let volume = Math.max(0, onGrid - step);
    while (volume < onGrid && !(incumbent(exact(volume + 1)) > challenger(exact(volume + 1)))) volume += 1;
    return { label, callsPerDay: volume, usdPerMonth: incumbent(exact(volume)) };
  };
  const figure = threeWayCostChart(
    [
      { label: `${api.name} API`, color: api.color, callsPerDay: volumes, usdPerMonth: grid.map((cost) => cost.apiUsd) },
      { label: "bought", color: "#E69F00", callsPerDay: volumes, usdPerMonth: grid.map((cost) => cost.buyUsd) },
      {
        label: `rented ${inputs.hoursPerDay} h a day`,
        color: "#CC79A7",
        dash: "dash",
        callsPerDay: volumes,
        usdPerMonth: grid.map((cost) => cost.rentUsd),
      },
    ],
    [
      crossing(
        "buying breaks even",
        (cost) => cost.buyUsd,
        (cost) => cost.apiUsd,
      ),
      crossing(
        "renting breaks even",
        (cost) => cost.rentUsd,
        (cost) => cost.apiUsd,
      ),
    ],
    { number: "59.10w", comparison: `${configuration.name} vs ${api.name}`, provenance: spec.provenance },
  );
  // The summary names the pair; the figure's title stays short enough for a phone.
  figure.layout.title.text = "Figure 59.10w — Rent, buy or call, at your price and hours";
  return { ...costs, cheapest, oneServerBreakEvenDailyCalls, summary, figure };
}

/** The panel as the page offers it: an offer and an API, the price per GPU-hour, the hours rented and the volume. */
export const RENTAL_PANEL: PanelDefinition<RentalPanelSpec, RentalPanelInputs> = {
  kind: "rental",
  computes: "the three ways' costs",
  controls: (spec) => {
    const d = spec.defaults;
    const r = RENTAL_PANEL_RANGES;
    return [
      {
        key: "rentalId",
        label: "Configuration rented",
        options: spec.configurations.map((configuration) => ({ id: configuration.id, name: configuration.name })),
        value: d.rentalId,
      },
      { key: "apiId", label: "Cloud API", options: spec.apis, value: d.apiId },
      { key: "usdPerGpuHour", range: r.usdPerGpuHour, value: d.usdPerGpuHour },
      { key: "hoursPerDay", range: r.hoursPerDay, value: d.hoursPerDay },
      { key: "utilisationPercent", range: r.utilisationPercent, value: d.utilisationPercent },
      { key: "callsPerDay", range: r.callsPerDay, value: d.callsPerDay },
    ];
  },
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
        "data-break-even": String(evaluated.oneServerBreakEvenDailyCalls),
      },
    };
  },
};
