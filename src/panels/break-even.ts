/**
 * The break-even what-if panel of the HTML report: a notebook declares it (inputs, choices, defaults), the
 * page recomputes the break-even and its figure in the browser with this same code.
 */
import { THEME_COLORS } from "../charts/theme";
import { InputError } from "../errors";
import {
  billCall,
  breakEvenVolumes,
  callsPerHourPerMachine,
  capacityBreakEven,
  fleetCostOfSplit,
  fleetMonthlyCost,
  localCostInputsInForce,
  localMonthlyCost,
  machinesNeeded,
  type BillingShares,
  type BreakEvenVolumes,
  type CapacityBreakEven,
  type MachineThroughput,
  type PriceSheet,
} from "../model";
import { countIn, formatBreakEvenCalls, formatInteger, formatLeastCalls, formatUsd, type CountNoun } from "../format";
import { BREAK_EVEN_WORDS } from "../i18n/break-even";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { markVolume, verdictBy } from "./advice";
import { checkRanges, type PanelRanges } from "./ranges";
import { breakEvenCurves, moneyFormat } from "../charts/break-even";
import { colorApartFrom } from "../charts/theme";
import type { Figure, Provenance } from "../charts/figure";
import { numberControls, type PanelDefinition } from "./definition";

/** An API offered by the panel, with its whole price sheet: the page bills calls of the reader's size with it. */
export interface PanelApi extends PriceSheet {
  id: string;
  name: string;
  color: string;
  /** Hidden reasoning tokens a call of the workload costs on this model (0 or absent on one that does not reason). */
  reasoningTokensPerCall?: number;
}

/**
 * A configuration as the panel offers it, with every input its monthly cost is made of, so that choosing it
 * loads its own operations and electricity price and the panel gives the figure's own number.
 */
export interface PanelHardware {
  id: string;
  name: string;
  /** Itemised: bought for capexUsd, written off over depreciationMonths. Absent on a stated cost. */
  capexUsd?: number;
  depreciationMonths?: number;
  /** Power draw, kW, priced at the reader's electricity price; absent where the electricity bill is stated. */
  powerKw?: number;
  /** The stated electricity bill, USD per month; the electricity price then does not apply. */
  powerUsdPerMonth?: number;
  /** The configuration's own electricity price, USD per kWh, loaded when it is chosen. */
  electricityUsdPerKwh?: number;
  /** Operations, USD per month (on a stated cost, the part of it that is operations, 0 where unknown). */
  opsUsdPerMonth: number;
  /** A stated whole monthly cost, USD, operations included, for configurations the source does not itemise. */
  monthlyFixedUsd?: number;
  /** Share of one server's operations each added server adds, 0–1 (hardware.csv's ops_share_per_added_server). */
  opsSharePerAddedServer?: number;
  /** Its fastest measured serving (throughput.csv), and how it was measured; absent where none is measured. */
  throughput?: MachineThroughput & { basis: string };
  color: string;
}

/** The choice that prices the reader's own server from its price, depreciation, power and operations. */
export const OWN_SERVER_ID = "own-server";

export interface BreakEvenPanelInputs {
  callsPerDay: number;
  inputTokensPerCall: number;
  outputTokensPerCall: number;
  apiId: string;
  hardwareId: string;
  /** USD per kWh. */
  electricityUsdPerKwh: number;
  /** USD per month; replaces the hardware's own operations cost. */
  opsUsdPerMonth: number;
  /** Your own server (hardwareId `OWN_SERVER_ID`): its price, USD, the months it is written off over, and its power bill, USD a month. */
  capexUsd: number;
  depreciationMonths: number;
  powerUsdPerMonth: number;
}

/** What each number of the panel may be: volumes and prices are never negative; a kWh costs at most $10. */
export const BREAK_EVEN_PANEL_RANGES: PanelRanges<BreakEvenPanelInputs> = {
  callsPerDay: { label: "Calls per day", min: 0, max: 100_000_000, step: 1 },
  inputTokensPerCall: { label: "Input tokens per call", min: 0, max: 10_000_000, step: 1 },
  outputTokensPerCall: { label: "Output tokens per call", min: 0, max: 10_000_000, step: 1 },
  electricityUsdPerKwh: { label: "Electricity ($/kWh)", min: 0, max: 10, step: 0.001 },
  opsUsdPerMonth: { label: "Operations ($/month)", min: 0, max: 10_000_000, step: 0.01 },
  capexUsd: { label: "Server price ($)", min: 0, max: 1_000_000_000, step: 0.01 },
  depreciationMonths: { label: "Written off over (months)", min: 1, max: 600, step: 1 },
  powerUsdPerMonth: { label: "Power ($/month)", min: 0, max: 10_000_000, step: 0.01 },
};

export interface BreakEvenPanelSpec {
  kind: "break-even";
  title: string;
  daysPerMonth: number;
  defaults: BreakEvenPanelInputs;
  apis: PanelApi[];
  hardware: PanelHardware[];
  /** The workload's cache and batch shares; absent: none. */
  billingShares?: BillingShares;
  /** Share of a day's calls in its busiest hour (the workload's day), which sizes the servers a volume needs. */
  peakHourShare: number;
  /** Share of a server's measured throughput it is planned at, 0–1. */
  targetUtilisation: number;
  /** Where the throughput of a configuration would come from, for "no throughput is measured" (`throughput.csv`). */
  throughputFile: string;
  provenance: Provenance;
  /** The language of the summary, the controls and the figure: the page's script shows what the notebook showed. */
  lang?: Lang;
}

/** The servers the reader's volume needs, where the configuration's throughput is measured. */
export interface BreakEvenPanelCapacity {
  callsPerDayPerServer: number;
  servers: number;
  /** The servers' month, operations growing with the fleet as hardware.csv says. */
  fleetMonthlyUsd: number;
  /** The break-even once every volume is served by the servers it needs. */
  breakEven: CapacityBreakEven;
}

export interface BreakEvenPanelResult {
  localMonthlyUsd: number;
  apiUsdPerCall: number;
  apiMonthlyUsd: number;
  breakEven: BreakEvenVolumes;
  /** Undefined where no throughput is measured for the configuration: the servers a volume needs are unknown. */
  capacity?: BreakEvenPanelCapacity;
  /** What local costs at the reader's volume: the servers it needs, or one server where that is unknown. */
  localAtVolumeUsd: number;
  summary: string;
  figure: Figure;
}

const usdEn = (value: number) => `$${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
/** Money as the summary writes it: dollars in English (the page shows them in its currency), the currency's own rule in another language. */
const money = (value: number, lang: Lang, digits = 2) => (lang === "en" && digits === 2 ? usdEn(value) : formatUsd(value, digits, lang));
const langOf = (spec: BreakEvenPanelSpec): Lang => spec.lang ?? DEFAULT_LANG;

/** A server counted: "2 servers", "2 台服务器". */
const SERVER: CountNoun = { one: "server", other: "servers", zh: "台服务器" };

/** "local is cheaper by $1,234 a month" in the spec's language. */
function verdictIn(lang: Lang, local: { name: string; usd: number }, other: { name: string; usd: number }): string {
  if (lang === "en") return verdictBy(local, other);
  const words = BREAK_EVEN_WORDS[lang];
  const difference = Math.round(Math.abs(local.usd - other.usd));
  if (difference === 0) return words.sameCost(local.name, other.name);
  return words.cheaperBy(local.usd < other.usd ? local.name : other.name, formatUsd(difference, 0, lang));
}

/** Whether the configuration's electricity bill follows the reader's price per kWh. */
export const usesElectricityPrice = (machine: PanelHardware) => localCostInputsInForce(machine).powerKw !== undefined;

/** The configuration's monthly cost with the reader's electricity price and operations, by the model's own rule. */
export function panelHardwareMonthlyUsd(
  machine: PanelHardware,
  inputs: Pick<BreakEvenPanelInputs, "electricityUsdPerKwh" | "opsUsdPerMonth">,
  daysPerMonth: number,
): number {
  if (machine.monthlyFixedUsd !== undefined) {
    // A stated total: the reader's operations replace the part of it that is operations.
    return localMonthlyCost({ monthlyFixedUsd: machine.monthlyFixedUsd }).totalUsd - machine.opsUsdPerMonth + inputs.opsUsdPerMonth;
  }
  return localMonthlyCost({
    capexUsd: machine.capexUsd,
    depreciationMonths: machine.depreciationMonths,
    powerKw: machine.powerKw,
    powerUsdPerMonth: machine.powerUsdPerMonth,
    electricityUsdPerKwh: inputs.electricityUsdPerKwh,
    opsUsdPerMonth: inputs.opsUsdPerMonth,
    daysPerMonth,
  }).totalUsd;
}

/** The configuration the inputs choose: one of the spec's, or the reader's own server from its price and bills. */
export function chosenMachine(spec: BreakEvenPanelSpec, inputs: BreakEvenPanelInputs): PanelHardware | undefined {
  if (inputs.hardwareId === OWN_SERVER_ID)
    return {
      id: OWN_SERVER_ID,
      name: BREAK_EVEN_WORDS[langOf(spec)].yourServer,
      capexUsd: inputs.capexUsd,
      depreciationMonths: inputs.depreciationMonths,
      powerUsdPerMonth: inputs.powerUsdPerMonth,
      opsUsdPerMonth: inputs.opsUsdPerMonth,
      color: THEME_COLORS.whatIf,
    };
  return spec.hardware.find((candidate) => candidate.id === inputs.hardwareId) ?? spec.hardware[0];
}

/** The servers a volume needs on the configuration's measured throughput, and what they cost; undefined where none is measured. */
function capacityAt(
  spec: BreakEvenPanelSpec,
  machine: PanelHardware,
  inputs: BreakEvenPanelInputs,
  localMonthlyUsd: number,
  apiUsdPerCall: number,
): BreakEvenPanelCapacity | undefined {
  if (!machine.throughput) return undefined;
  const perHour = callsPerHourPerMachine(inputs, machine.throughput, { targetUtilisation: spec.targetUtilisation });
  const callsPerDayPerServer = perHour / spec.peakHourShare;
  // A call of no tokens takes no time: one server carries any volume of them.
  if (!(callsPerDayPerServer > 0 && Number.isFinite(callsPerDayPerServer))) return undefined;
  const fleet = fleetCostOfSplit({
    hardwareUsdPerMonth: localMonthlyUsd - inputs.opsUsdPerMonth,
    opsOneServerUsdPerMonth: inputs.opsUsdPerMonth,
    opsSharePerAddedServer: machine.opsSharePerAddedServer ?? 0,
  });
  const servers = machinesNeeded(inputs.callsPerDay, callsPerDayPerServer);
  return {
    callsPerDayPerServer,
    servers,
    fleetMonthlyUsd: fleetMonthlyCost(servers, fleet),
    breakEven: capacityBreakEven({ ...fleet, callsPerDayPerMachine: callsPerDayPerServer, apiUsdPerCall, daysPerMonth: spec.daysPerMonth }),
  };
}

/** What the summary says of the reader's volume: the servers it needs, the verdict and by how much. */
function adviceAt(
  spec: BreakEvenPanelSpec,
  machine: PanelHardware,
  inputs: BreakEvenPanelInputs,
  local: { monthlyUsd: number; capacity?: BreakEvenPanelCapacity },
  apiMonthlyUsd: number,
): string {
  const lang = langOf(spec);
  const words = BREAK_EVEN_WORDS[lang];
  const volume = words.atVolume(formatInteger(Math.round(inputs.callsPerDay), lang));
  const api = { name: words.theApi, usd: apiMonthlyUsd };
  const capacity = local.capacity;
  if (!capacity) {
    const unmeasured = machine.id === OWN_SERVER_ID ? words.ownUnmeasured : words.fileUnmeasured(spec.throughputFile);
    return words.unmeasured(
      volume,
      money(apiMonthlyUsd, lang),
      verdictIn(lang, { name: words.local, usd: local.monthlyUsd }, api),
      unmeasured,
    );
  }
  const fleet = { name: words.local, usd: capacity.fleetMonthlyUsd };
  const perServer = formatInteger(Math.floor(capacity.callsPerDayPerServer), lang);
  const basis = String(machine.throughput?.basis);
  // A break-even one server cannot carry: say where the servers each volume needs start to pay, if ever.
  const first = capacity.breakEven.firstDailyCalls;
  const beyond =
    capacity.breakEven.uncappedDailyCalls > capacity.callsPerDayPerServer
      ? words.beyond(Number.isFinite(first) ? formatLeastCalls(first, lang) : undefined)
      : "";
  const servers =
    capacity.servers === 1
      ? words.oneServer(words.carriesOne(perServer, basis))
      : words.manyServers(countIn(capacity.servers, SERVER, lang), words.carries(perServer, basis), money(capacity.fleetMonthlyUsd, lang));
  return words.advice(volume, servers, money(apiMonthlyUsd, lang), verdictIn(lang, fleet, api), beyond);
}

/** Recomputes the panel: local monthly cost, API cost, break-even, the servers the volume needs, a summary and the figure. */
export function evaluateBreakEvenPanel(spec: BreakEvenPanelSpec, inputs: BreakEvenPanelInputs): BreakEvenPanelResult {
  const api = spec.apis.find((candidate) => candidate.id === inputs.apiId) ?? spec.apis[0];
  const machine = chosenMachine(spec, inputs);
  if (!api || !machine) throw new InputError("the what-if panel needs at least one API and one hardware configuration");
  checkRanges(BREAK_EVEN_PANEL_RANGES, inputs);
  const localMonthlyUsd = panelHardwareMonthlyUsd(machine, inputs, spec.daysPerMonth);
  const apiUsdPerCall = billCall(api, {
    ...spec.billingShares,
    reasoningTokensPerCall: api.reasoningTokensPerCall,
    inputTokensPerCall: inputs.inputTokensPerCall,
    outputTokensPerCall: inputs.outputTokensPerCall,
  }).usdPerCall;
  const breakEven = breakEvenVolumes(localMonthlyUsd, apiUsdPerCall, spec.daysPerMonth);
  const apiMonthlyUsd = inputs.callsPerDay * apiUsdPerCall * spec.daysPerMonth;
  const capacity = capacityAt(spec, machine, inputs, localMonthlyUsd, apiUsdPerCall);
  const localAtVolumeUsd = capacity?.fleetMonthlyUsd ?? localMonthlyUsd;
  const lang = langOf(spec);
  const words = BREAK_EVEN_WORDS[lang];
  const summary =
    words.panelCosts(
      machine.name,
      money(localMonthlyUsd, lang),
      api.name,
      lang === "en" ? `$${apiUsdPerCall.toFixed(4)}` : formatUsd(apiUsdPerCall, 4, lang),
      formatBreakEvenCalls(breakEven.breakEvenDailyCalls, lang),
    ) + adviceAt(spec, machine, inputs, { monthlyUsd: localMonthlyUsd, capacity }, apiMonthlyUsd);
  const maxCallsPerDay = Math.max(
    100,
    Math.ceil(Math.max(inputs.callsPerDay, Number.isFinite(breakEven.breakEvenDailyCalls) ? breakEven.breakEvenDailyCalls : 0) * 1.5),
  );
  // Models and servers share one palette: the server's lines must not take the API's colour.
  const machineColor = colorApartFrom(machine.color, [api.color]);
  const figure = breakEvenCurves(
    [{ id: machine.id, name: machine.name, monthlyUsd: localMonthlyUsd }],
    [{ id: api.id, name: api.name, usdPerCall: apiUsdPerCall }],
    [
      {
        hardwareId: machine.id,
        apiId: api.id,
        monthlyLocalUsd: localMonthlyUsd,
        apiUsdPerCall,
        breakEvenMonthlyCalls: breakEven.breakEvenMonthlyCalls,
        breakEvenDailyCalls: breakEven.breakEvenDailyCalls,
        breakEvenPerHour: breakEven.breakEvenPerHour,
      },
    ],
    {
      maxCallsPerDay,
      daysPerMonth: spec.daysPerMonth,
      modelColors: new Map([[api.id, api.color]]),
      hardwareColors: new Map([[machine.id, machineColor]]),
      provenance: spec.provenance,
      number: "59.3w",
      logScale: false,
      lang,
    },
  );
  figure.layout.title.text = `${lang === "en" ? "Figure" : "图"} 59.3w — ${spec.title}`;
  if (capacity && capacity.callsPerDayPerServer < maxCallsPerDay)
    drawServersNeeded(figure, { ...machine, color: machineColor }, localMonthlyUsd, inputs, capacity, maxCallsPerDay, lang);
  // The plot reaches the costs at the reader's volume, where the verdict is.
  const yaxis = figure.layout.yaxis as { range: [number, number] };
  yaxis.range = [0, Math.max(yaxis.range[1], 1.15 * Math.max(Math.min(apiMonthlyUsd, 4 * localAtVolumeUsd), localAtVolumeUsd))];
  markVolume(figure, inputs.callsPerDay, words.yourVolume, lang);
  return { localMonthlyUsd, apiUsdPerCall, apiMonthlyUsd, breakEven, capacity, localAtVolumeUsd, summary, figure };
}

/** The servers' month as volume grows, a step at each server added, beside one server's flat line. */
function drawServersNeeded(
  figure: Figure,
  machine: PanelHardware,
  localMonthlyUsd: number,
  inputs: BreakEvenPanelInputs,
  capacity: BreakEvenPanelCapacity,
  maxCallsPerDay: number,
  lang: Lang,
): void {
  const words = BREAK_EVEN_WORDS[lang];
  const fleet = fleetCostOfSplit({
    hardwareUsdPerMonth: localMonthlyUsd - inputs.opsUsdPerMonth,
    opsOneServerUsdPerMonth: inputs.opsUsdPerMonth,
    opsSharePerAddedServer: machine.opsSharePerAddedServer ?? 0,
  });
  // Past a few hundred steps they are finer than a pixel: sample the volumes instead.
  const steps = Math.ceil(maxCallsPerDay / capacity.callsPerDayPerServer);
  const x =
    steps <= 300
      ? Array.from({ length: steps + 1 }, (_, index) => Math.min(index * capacity.callsPerDayPerServer, maxCallsPerDay))
      : Array.from({ length: 301 }, (_, index) => (maxCallsPerDay * index) / 300);
  figure.data.push({
    type: "scatter",
    mode: "lines",
    name: words.serversNeeded(machine.name),
    x,
    y: x.map((calls) => fleetMonthlyCost(machinesNeeded(calls, capacity.callsPerDayPerServer), fleet)),
    line: { color: machine.color, width: 2, shape: "vh" },
    hovertemplate: words.serversNeededHover(moneyFormat(lang).hover("y")),
  });
}

/** The panel's number fields, labelled in the language; their limits are the same in every language. */
function rangesIn(lang: Lang): PanelRanges<BreakEvenPanelInputs> {
  if (lang === "en") return BREAK_EVEN_PANEL_RANGES;
  const words = BREAK_EVEN_WORDS[lang];
  const r = BREAK_EVEN_PANEL_RANGES;
  return {
    callsPerDay: { ...r.callsPerDay, label: words.calls },
    inputTokensPerCall: { ...r.inputTokensPerCall, label: words.inputTokens },
    outputTokensPerCall: { ...r.outputTokensPerCall, label: words.outputTokens },
    electricityUsdPerKwh: { ...r.electricityUsdPerKwh, label: words.electricity },
    opsUsdPerMonth: { ...r.opsUsdPerMonth, label: words.operations },
    capexUsd: { ...r.capexUsd, label: words.serverPrice },
    depreciationMonths: { ...r.depreciationMonths, label: words.writtenOff },
    powerUsdPerMonth: { ...r.powerUsdPerMonth, label: words.power },
  };
}

const machineOf = (spec: BreakEvenPanelSpec, id: string) => spec.hardware.find((candidate) => candidate.id === id);

/** The panel as the page offers it: volume, call size, an API, a configuration and its running costs. */
export const BREAK_EVEN_PANEL: PanelDefinition<BreakEvenPanelSpec, BreakEvenPanelInputs> = {
  kind: "break-even",
  computes: { en: "the break-even", "zh-CN": "盈亏平衡点" },
  controls: (spec) => {
    const d = spec.defaults;
    const words = BREAK_EVEN_WORDS[langOf(spec)];
    const r = rangesIn(langOf(spec));
    return [
      ...numberControls(r, d, ["callsPerDay", "inputTokensPerCall", "outputTokensPerCall"]),
      { key: "apiId", label: words.cloudApi, options: spec.apis, value: d.apiId },
      {
        key: "hardwareId",
        label: words.localHardware,
        options: [...spec.hardware, { id: OWN_SERVER_ID, name: words.yourOwnServer }],
        value: d.hardwareId,
      },
      ...numberControls(r, d, ["capexUsd", "depreciationMonths", "powerUsdPerMonth", "electricityUsdPerKwh", "opsUsdPerMonth"]),
    ];
  },
  // A configuration brings its own operations and electricity price: the panel then gives the figure's number.
  follow: (spec, changedKey, values) => {
    const machine = changedKey === "hardwareId" ? machineOf(spec, values.hardwareId) : undefined;
    if (!machine) return undefined;
    return {
      opsUsdPerMonth: machine.opsUsdPerMonth,
      ...(machine.electricityUsdPerKwh !== undefined ? { electricityUsdPerKwh: machine.electricityUsdPerKwh } : {}),
    };
  },
  // Your own server's price, write-off and power bill apply only to it; a stated power bill ignores the price per kWh.
  unused: (spec, values) => {
    const machine = chosenMachine(spec, values);
    const own = values.hardwareId === OWN_SERVER_ID ? [] : ["capexUsd", "depreciationMonths", "powerUsdPerMonth"];
    return machine && !usesElectricityPrice(machine) ? [...own, "electricityUsdPerKwh"] : own;
  },
  show: (spec, values) => {
    const evaluated = evaluateBreakEvenPanel(spec, values);
    return {
      summary: evaluated.summary,
      figure: evaluated.figure,
      attributes: {
        "data-break-even": String(evaluated.breakEven.breakEvenDailyCalls),
        "data-servers": evaluated.capacity ? String(evaluated.capacity.servers) : "",
      },
    };
  },
};
