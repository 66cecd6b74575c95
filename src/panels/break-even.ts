/**
 * The break-even what-if panel of the HTML report: a notebook declares it (inputs, choices, defaults), the
 * page recomputes the break-even and its figure in the browser with this same code.
 */
import { InputError } from "../errors";
import {
  billCall,
  breakEvenVolumes,
  localCostInputsInForce,
  localMonthlyCost,
  type BillingShares,
  type BreakEvenVolumes,
  type PriceSheet,
} from "../model";
import { formatBreakEvenCalls } from "../format";
import { checkRanges, type PanelRanges } from "./ranges";
import { breakEvenCurves } from "../charts/break-even";
import type { Figure, Provenance } from "../charts/figure";
import type { PanelDefinition } from "./definition";

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
  color: string;
}

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
}

/** What each number of the panel may be: volumes and prices are never negative; a kWh costs at most $10. */
export const BREAK_EVEN_PANEL_RANGES: PanelRanges<BreakEvenPanelInputs> = {
  callsPerDay: { label: "Calls per day", min: 0, max: 100_000_000, step: 1 },
  inputTokensPerCall: { label: "Input tokens per call", min: 0, max: 10_000_000, step: 1 },
  outputTokensPerCall: { label: "Output tokens per call", min: 0, max: 10_000_000, step: 1 },
  electricityUsdPerKwh: { label: "Electricity ($/kWh)", min: 0, max: 10, step: 0.001 },
  opsUsdPerMonth: { label: "Operations ($/month)", min: 0, max: 10_000_000, step: 0.01 },
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
  provenance: Provenance;
}

export interface BreakEvenPanelResult {
  localMonthlyUsd: number;
  apiUsdPerCall: number;
  apiMonthlyUsd: number;
  breakEven: BreakEvenVolumes;
  summary: string;
  figure: Figure;
}

const usd = (value: number) => `$${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const calls = (value: number) => Math.round(value).toLocaleString("en-US");

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

/** Recomputes the panel: local monthly cost, API cost, break-even, a one-line summary and the figure. */
export function evaluateBreakEvenPanel(spec: BreakEvenPanelSpec, inputs: BreakEvenPanelInputs): BreakEvenPanelResult {
  const api = spec.apis.find((candidate) => candidate.id === inputs.apiId) ?? spec.apis[0];
  const machine = spec.hardware.find((candidate) => candidate.id === inputs.hardwareId) ?? spec.hardware[0];
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
  const cheaper = apiMonthlyUsd > localMonthlyUsd ? "local is cheaper" : "the API is cheaper";
  const summary =
    `${machine.name} costs ${usd(localMonthlyUsd)} a month; ${api.name} costs $${apiUsdPerCall.toFixed(4)} a call. ` +
    `Break-even: ${formatBreakEvenCalls(breakEven.breakEvenDailyCalls)} calls a day. At ${calls(inputs.callsPerDay)} calls a day the API bill is ${usd(apiMonthlyUsd)}: ${cheaper}.`;
  const maxCallsPerDay = Math.max(
    100,
    Math.ceil(Math.max(inputs.callsPerDay, Number.isFinite(breakEven.breakEvenDailyCalls) ? breakEven.breakEvenDailyCalls : 0) * 1.5),
  );
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
      hardwareColors: new Map([[machine.id, machine.color]]),
      provenance: spec.provenance,
      number: "59.3w",
      logScale: false,
    },
  );
  figure.layout.title.text = `Figure 59.3w — ${spec.title}`;
  return { localMonthlyUsd, apiUsdPerCall, apiMonthlyUsd, breakEven, summary, figure };
}

const machineOf = (spec: BreakEvenPanelSpec, id: string) => spec.hardware.find((candidate) => candidate.id === id);

/** The panel as the page offers it: volume, call size, an API, a configuration and its running costs. */
export const BREAK_EVEN_PANEL: PanelDefinition<BreakEvenPanelSpec, BreakEvenPanelInputs> = {
  kind: "break-even",
  computes: "the break-even",
  controls: (spec) => {
    const d = spec.defaults;
    const r = BREAK_EVEN_PANEL_RANGES;
    return [
      { key: "callsPerDay", range: r.callsPerDay, value: d.callsPerDay },
      { key: "inputTokensPerCall", range: r.inputTokensPerCall, value: d.inputTokensPerCall },
      { key: "outputTokensPerCall", range: r.outputTokensPerCall, value: d.outputTokensPerCall },
      { key: "apiId", label: "Cloud API", options: spec.apis, value: d.apiId },
      { key: "hardwareId", label: "Local hardware", options: spec.hardware, value: d.hardwareId },
      { key: "electricityUsdPerKwh", range: r.electricityUsdPerKwh, value: d.electricityUsdPerKwh },
      { key: "opsUsdPerMonth", range: r.opsUsdPerMonth, value: d.opsUsdPerMonth },
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
  unused: (spec, values) => {
    const machine = machineOf(spec, values.hardwareId);
    return machine && !usesElectricityPrice(machine) ? ["electricityUsdPerKwh"] : [];
  },
  show: (spec, values) => {
    const evaluated = evaluateBreakEvenPanel(spec, values);
    return {
      summary: evaluated.summary,
      figure: evaluated.figure,
      attributes: { "data-break-even": String(evaluated.breakEven.breakEvenDailyCalls) },
    };
  },
};
