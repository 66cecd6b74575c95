/** 59.2, the price matrix: what each model costs at each daily volume, price against the chapter's ratings, and the benchmarks. */
import { benchmarkComparison, costMatrixHeatmap, priceVersusQuality, type Figure, type MatrixCell } from "../charts";
import type { Dataset, WorkloadRow } from "../data";
import { cloudCostTable } from "./cost";
import { modelColors, provenance } from "./figure-context";
import { findWorkload } from "./lookup";

/** Monthly cost of every model at every daily volume, at the workload's tokens per call and days per month. */
export function costMatrix(data: Dataset, dailyVolumes: readonly number[], workload: WorkloadRow = findWorkload(data)): MatrixCell[] {
  return cloudCostTable(data, workload).flatMap((row) =>
    dailyVolumes.map((calls) => ({
      modelId: row.model.modelId,
      modelName: row.model.modelName,
      callsPerDay: calls,
      usdPerMonth: calls * row.usdPerCall * workload.daysPerMonth,
    })),
  );
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
