/** 59.1, the cost model: each model's cloud cost at a workload, one local server's monthly cost, and their figures. */
import { costVersusVolume, monthlyCostByModel, type Figure } from "../charts";
import type { Dataset, ModelRow, WorkloadRow } from "../data";
import { formatInteger } from "../format";
import { billCall, monthlyApiBill, type BillingNote, type CallBill, type CloudCost, type MonthlyBill } from "../model";
import { modelColors, provenance } from "./figure-context";
import { findModel, findWorkload } from "./lookup";
import { callOf, modelPriceSheet, workloadCalendar } from "./model-inputs";

/** How one call of the workload is billed on a model at its standard prices: cost, breakdown and the fallback prices it used. */
export function apiCallBill(data: Dataset, modelId: string, workload: WorkloadRow = findWorkload(data)): CallBill {
  const model = findModel(data, modelId);
  return billCall(modelPriceSheet(data, model), callOf(model, workload));
}

/** A month of the workload's calls on a model, each hour at the prices in force then. */
export function apiMonthlyBill(data: Dataset, model: ModelRow, workload: WorkloadRow): MonthlyBill {
  return monthlyApiBill(modelPriceSheet(data, model), callOf(model, workload), workloadCalendar(data, workload));
}

/** What the workload's average call costs on a model, USD: its month's bill over its month's calls. */
export function apiUsdPerCall(data: Dataset, modelId: string, workload: WorkloadRow = findWorkload(data)): number {
  return apiMonthlyBill(data, findModel(data, modelId), workload).usdPerCall;
}

export interface ModelCloudCost extends CloudCost {
  model: ModelRow;
  /** How a call is billed at standard prices: breakdown by kind of token, batch against interactive, fallback prices. */
  bill: CallBill;
  /** The month billed hour by hour, with a part per set of prices. */
  month: MonthlyBill;
}

/** Daily and monthly cloud cost of every model at the workload (the 59.1 table, for all models in the data). A day is the month over its days. */
export function cloudCostTable(data: Dataset, workload: WorkloadRow = findWorkload(data)): ModelCloudCost[] {
  return data.models.map((model) => {
    const month = apiMonthlyBill(data, model, workload);
    return {
      model,
      usdPerCall: month.usdPerCall,
      usdPerDay: month.usdPerMonth / workload.daysPerMonth,
      usdPerMonth: month.usdPerMonth,
      bill: month.parts[0]!.bill,
      month,
    };
  });
}

const NOTE_TEXT: Record<BillingNote, string> = {
  "cache-read-at-input-price": "Cached input billed at the plain input price (no cache-read price listed)",
  "cache-write-at-input-price": "Input written to the cache billed at the plain input price (no cache-write price listed)",
  "cache-write-1h-at-5m-price": "One-hour cache writes billed at the five-minute write price (no one-hour write price listed)",
  "batch-input-at-input-price": "Batch input billed at the interactive price (no batch input price listed)",
  "batch-output-at-output-price": "Batch output billed at the interactive price (no batch output price listed)",
};

/** One sentence per fallback a bill used, naming the models it concerns ("Cached input billed at … : GPT-4o, Mistral Large."). */
export function billingNoteSentences(rows: readonly { model: ModelRow; bill: CallBill }[]): string[] {
  return (Object.keys(NOTE_TEXT) as BillingNote[]).flatMap((note) => {
    const names = rows.filter((row) => row.bill.notes.includes(note)).map((row) => row.model.modelName);
    return names.length > 0 ? [`${NOTE_TEXT[note]}: ${names.join(", ")}.`] : [];
  });
}

/** The files a cost figure draws on: long_context_prices.csv only where a call of the workload passes a tier. */
function costFiles(costs: readonly ModelCloudCost[]): string[] {
  return ["models.csv", ...(costs.some((row) => row.bill.longContextTier) ? ["long_context_prices.csv"] : []), "workloads.csv"];
}

/** Figure 59.1a: every model's monthly cost at the workload; `label` names the volume in the title (default "N calls/day"). */
export function monthlyCostFigure(
  data: Dataset,
  workload: WorkloadRow = findWorkload(data),
  label = `${formatInteger(workload.callsPerDay)} calls/day`,
): Figure {
  const costs = cloudCostTable(data, workload);
  const rows = costs.map((row) => ({ modelId: row.model.modelId, modelName: row.model.modelName, usdPerMonth: row.usdPerMonth }));
  return monthlyCostByModel(rows, modelColors(data), provenance(data, costFiles(costs)), label);
}

/** Figure 59.1b: every model's monthly cost against calls per day, with the workload's volume marked. */
export function costVolumeFigure(data: Dataset, workload: WorkloadRow, callsPerDay: readonly number[]): Figure {
  const costs = cloudCostTable(data, workload);
  const rows = costs.map((row) => ({ modelId: row.model.modelId, modelName: row.model.modelName, usdPerCall: row.usdPerCall }));
  return costVersusVolume(
    rows,
    callsPerDay,
    workload.daysPerMonth,
    modelColors(data),
    provenance(data, costFiles(costs)),
    workload.callsPerDay,
  );
}
