/** 59.1, the cost model: each model's cloud cost at a workload, one local server's monthly cost, and their figures. */
import { costVersusVolume, monthlyCostByModel, type Figure } from "../charts";
import type { Dataset, HardwareRow, ModelRow, WorkloadRow } from "../data";
import { formatInteger } from "../format";
import { cloudCost, cloudCostPerCall, localMonthlyCost, type CloudCost, type LocalMonthlyCost } from "../model";
import { modelColors, provenance } from "./figure-context";
import { findModel, findWorkload } from "./lookup";

export function modelPrices(model: ModelRow) {
  return { inputUsdPerMTok: model.inputUsdPerMtok, outputUsdPerMTok: model.outputUsdPerMtok };
}

/** What one call of the workload costs on a model, USD. */
export function apiUsdPerCall(data: Dataset, modelId: string, workload: WorkloadRow = findWorkload(data)): number {
  return cloudCostPerCall(modelPrices(findModel(data, modelId)), workload);
}

export interface ModelCloudCost extends CloudCost {
  model: ModelRow;
}

/** Daily and monthly cloud cost of every model at the workload (the 59.1 table, for all models in the data). */
export function cloudCostTable(data: Dataset, workload: WorkloadRow = findWorkload(data)): ModelCloudCost[] {
  return data.models.map((model) => ({ model, ...cloudCost(modelPrices(model), workload) }));
}

export function hardwareMonthlyCost(row: HardwareRow, daysPerMonth?: number): LocalMonthlyCost {
  return localMonthlyCost({
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

const COST_FILES = ["models.csv", "workloads.csv"];

/** Figure 59.1a: every model's monthly cost at the workload; `label` names the volume in the title (default "N calls/day"). */
export function monthlyCostFigure(data: Dataset, workload: WorkloadRow = findWorkload(data), label = `${formatInteger(workload.callsPerDay)} calls/day`): Figure {
  const rows = cloudCostTable(data, workload).map((row) => ({ modelId: row.model.modelId, modelName: row.model.modelName, usdPerMonth: row.usdPerMonth }));
  return monthlyCostByModel(rows, modelColors(data), provenance(data, COST_FILES), label);
}

/** Figure 59.1b: every model's monthly cost against calls per day, with the workload's volume marked. */
export function costVolumeFigure(data: Dataset, workload: WorkloadRow, callsPerDay: readonly number[]): Figure {
  const rows = cloudCostTable(data, workload).map((row) => ({ modelId: row.model.modelId, modelName: row.model.modelName, usdPerCall: row.usdPerCall }));
  return costVersusVolume(rows, callsPerDay, workload.daysPerMonth, modelColors(data), provenance(data, COST_FILES), workload.callsPerDay);
}
