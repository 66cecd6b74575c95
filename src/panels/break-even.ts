/**
 * The break-even what-if panel of the HTML report: a notebook declares it (inputs, choices, defaults), the
 * page recomputes the break-even and its figure in the browser with this same code.
 */
import { InputError } from "../errors";
import { billCall, calculateBreakEven, type BillingShares, type BreakEvenResult, type PriceSheet } from "../model";
import { breakEvenCurves } from "../charts/break-even";
import type { Figure, Provenance } from "../charts/figure";

/** An API offered by the panel, with its whole price sheet: the page bills calls of the reader's size with it. */
export interface PanelApi extends PriceSheet {
  id: string;
  name: string;
  color: string;
}

export interface PanelHardware {
  id: string;
  name: string;
  capexUsd: number;
  depreciationMonths: number;
  /** Power draw, kW; when absent, powerUsdPerMonth is the stated bill and the electricity price does not apply. */
  powerKw?: number;
  powerUsdPerMonth?: number;
  opsUsdPerMonth: number;
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
  breakEven: BreakEvenResult;
  summary: string;
  figure: Figure;
}

const usd = (value: number) => `$${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const calls = (value: number) => (value === Infinity ? "never" : Math.round(value).toLocaleString("en-US"));

/** Recomputes the panel: local monthly cost, API cost, break-even, a one-line summary and the figure. */
export function evaluateBreakEvenPanel(spec: BreakEvenPanelSpec, inputs: BreakEvenPanelInputs): BreakEvenPanelResult {
  const api = spec.apis.find((candidate) => candidate.id === inputs.apiId) ?? spec.apis[0];
  const machine = spec.hardware.find((candidate) => candidate.id === inputs.hardwareId) ?? spec.hardware[0];
  if (!api || !machine) throw new InputError("the what-if panel needs at least one API and one hardware configuration");
  const hours = 24 * spec.daysPerMonth;
  const power = machine.powerKw !== undefined ? machine.powerKw * hours * inputs.electricityUsdPerKwh : (machine.powerUsdPerMonth ?? 0);
  const apiUsdPerCall = billCall(api, { ...spec.billingShares, inputTokensPerCall: inputs.inputTokensPerCall, outputTokensPerCall: inputs.outputTokensPerCall }).usdPerCall;
  const breakEven = calculateBreakEven({
    hardwareCost: machine.capexUsd,
    depreciationMonths: machine.depreciationMonths,
    monthlyPowerCost: power,
    monthlyOpsCost: inputs.opsUsdPerMonth,
    apiCostPerCall: apiUsdPerCall,
    daysPerMonth: spec.daysPerMonth,
  });
  const apiMonthlyUsd = inputs.callsPerDay * apiUsdPerCall * spec.daysPerMonth;
  const cheaper = apiMonthlyUsd > breakEven.totalMonthlyLocalCost ? "local is cheaper" : "the API is cheaper";
  const summary =
    `${machine.name} costs ${usd(breakEven.totalMonthlyLocalCost)} a month; ${api.name} costs $${apiUsdPerCall.toFixed(4)} a call. ` +
    `Break-even: ${calls(breakEven.breakEvenDailyCalls)} calls a day. At ${calls(inputs.callsPerDay)} calls a day the API bill is ${usd(apiMonthlyUsd)}: ${cheaper}.`;
  const maxCallsPerDay = Math.max(100, Math.ceil(Math.max(inputs.callsPerDay, Number.isFinite(breakEven.breakEvenDailyCalls) ? breakEven.breakEvenDailyCalls : 0) * 1.5));
  const figure = breakEvenCurves(
    [{ id: machine.id, name: machine.name, monthlyUsd: breakEven.totalMonthlyLocalCost }],
    [{ id: api.id, name: api.name, usdPerCall: apiUsdPerCall }],
    [{ hardwareId: machine.id, apiId: api.id, monthlyLocalUsd: breakEven.totalMonthlyLocalCost, apiUsdPerCall, breakEvenMonthlyCalls: breakEven.breakEvenMonthlyCalls, breakEvenDailyCalls: breakEven.breakEvenDailyCalls, breakEvenPerHour: breakEven.breakEvenPerHour }],
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
  return { localMonthlyUsd: breakEven.totalMonthlyLocalCost, apiUsdPerCall, apiMonthlyUsd, breakEven, summary, figure };
}
