/** 59.2, the price matrix: what each model costs at each daily volume, price against the chapter's ratings, and the benchmarks. */
import { benchmarkComparison, costMatrixHeatmap, priceVersusQuality, type Figure, type MatrixCell } from "../charts";
import type { Dataset, WorkloadRow } from "../data";
import { cloudCostTable } from "./cost";
import { modelColors, provenance } from "./figure-context";
import { findWorkload } from "./lookup";
import {
  costMatrixCells,
  type PriceMatrixPanelInputs,
  type PriceMatrixPanelModel,
  type PriceMatrixPanelSpec,
} from "../panels/price-matrix";

/** Each model as the matrix prices it: the workload's average call, from its month's bill. */
function matrixModels(data: Dataset, workload: WorkloadRow): PriceMatrixPanelModel[] {
  return cloudCostTable(data, workload).map((row) => ({ id: row.model.modelId, name: row.model.modelName, usdPerCall: row.usdPerCall }));
}

/** Monthly cost of every model at every daily volume, at the workload's tokens per call and days per month. */
export function costMatrix(data: Dataset, dailyVolumes: readonly number[], workload: WorkloadRow = findWorkload(data)): MatrixCell[] {
  return costMatrixCells(matrixModels(data, workload), dailyVolumes, workload.daysPerMonth);
}

/** The 59.2 what-if panel: every model at three daily volumes against a monthly budget (in the data's currency). */
export function priceMatrixPanelSpec(
  data: Dataset,
  options: { workload?: WorkloadRow; title?: string; defaults: PriceMatrixPanelInputs },
): PriceMatrixPanelSpec {
  const workload = options.workload ?? findWorkload(data);
  return {
    kind: "price-matrix",
    title: options.title ?? "what each model costs at your volumes, against your budget",
    models: matrixModels(data, workload),
    daysPerMonth: workload.daysPerMonth,
    // To the cent, as the budget's field takes it: a converted budget carries more decimals.
    defaults: { ...options.defaults, budgetUsdPerMonth: Math.round(options.defaults.budgetUsdPerMonth * 100) / 100 },
    provenance: provenance(data, ["models.csv", "workloads.csv"]),
  };
}

/** Figure 59.2a: the cost matrix, model × daily volume. */
export function costMatrixFigure(data: Dataset, dailyVolumes: readonly number[], workload: WorkloadRow = findWorkload(data)): Figure {
  return costMatrixHeatmap(costMatrix(data, dailyVolumes, workload), provenance(data, ["models.csv", "workloads.csv"]));
}

/** Figure 59.2b: cost per call against the chapter's quality and tool-use stars; a model the data rates not is shown as unrated. */
export function priceQualityFigure(data: Dataset, workload: WorkloadRow = findWorkload(data)): Figure {
  const rows = cloudCostTable(data, workload).map((row) => ({
    modelId: row.model.modelId,
    modelName: row.model.modelName,
    usdPerCall: row.usdPerCall,
    qualityStars: row.model.qualityStars,
    toolUseStars: row.model.toolUseStars,
  }));
  return priceVersusQuality(rows, modelColors(data), provenance(data, ["models.csv", "workloads.csv"]));
}

/** A model's display name by id; the id itself for a benchmark row whose model is not in models.csv. */
export function modelNameOf(data: Dataset, modelId: string): string {
  return data.models.find((model) => model.modelId === modelId)?.modelName ?? modelId;
}

/** Figure 59.2c: every benchmark score, grouped by benchmark. */
export function benchmarkFigure(data: Dataset): Figure {
  return benchmarkComparison(
    data.benchmarks.map((row) => ({ ...row, modelName: modelNameOf(data, row.modelId) })),
    modelColors(data),
    provenance(data, ["benchmarks.csv"]),
  );
}
