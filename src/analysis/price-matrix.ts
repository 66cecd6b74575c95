/** 59.2, the price matrix: what each model costs at each daily volume, price against the chapter's ratings, and the benchmarks. */
import { benchmarkComparison, costMatrixHeatmap, priceVersusQuality, type Figure, type MatrixCell } from "../charts";
import type { Dataset, WorkloadRow } from "../data";
import type { TableColumn } from "../display/html-table";
import { formatUsd } from "../format";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { PRICE_MATRIX_WORDS } from "../i18n/price-matrix";
import { cloudCostTable, type ModelCloudCost } from "./cost";
import { dataFileName, modelColors, provenance } from "./figure-context";
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
  options: { workload?: WorkloadRow; title?: string; defaults: PriceMatrixPanelInputs; lang?: Lang },
): PriceMatrixPanelSpec {
  const workload = options.workload ?? findWorkload(data);
  const lang = options.lang ?? DEFAULT_LANG;
  return {
    kind: "price-matrix",
    title: options.title ?? PRICE_MATRIX_WORDS[lang].panelTitle,
    models: matrixModels(data, workload),
    daysPerMonth: workload.daysPerMonth,
    // To the cent, as the budget's field takes it: a converted budget carries more decimals.
    defaults: { ...options.defaults, budgetUsdPerMonth: Math.round(options.defaults.budgetUsdPerMonth * 100) / 100 },
    provenance: provenance(data, ["models.csv", "workloads.csv"]),
    // Only a page in another language says so: an English spec stays as it was.
    ...(lang === "en" ? {} : { lang }),
  };
}

/** Figure 59.2a: the cost matrix, model × daily volume. */
export function costMatrixFigure(
  data: Dataset,
  dailyVolumes: readonly number[],
  workload: WorkloadRow = findWorkload(data),
  lang: Lang = DEFAULT_LANG,
): Figure {
  return costMatrixHeatmap(costMatrix(data, dailyVolumes, workload), provenance(data, ["models.csv", "workloads.csv"]), undefined, lang);
}

/** Figure 59.2b: cost per call against the chapter's quality and tool-use stars; a model the data rates not is shown as unrated. */
export function priceQualityFigure(data: Dataset, workload: WorkloadRow = findWorkload(data), lang: Lang = DEFAULT_LANG): Figure {
  const rows = cloudCostTable(data, workload).map((row) => ({
    modelId: row.model.modelId,
    modelName: row.model.modelName,
    usdPerCall: row.usdPerCall,
    qualityStars: row.model.qualityStars,
    toolUseStars: row.model.toolUseStars,
  }));
  return priceVersusQuality(rows, modelColors(data), provenance(data, ["models.csv", "workloads.csv"]), lang);
}

/** A model's display name by id; the id itself for a benchmark row whose model is not in models.csv. */
export function modelNameOf(data: Dataset, modelId: string): string {
  return data.models.find((model) => model.modelId === modelId)?.modelName ?? modelId;
}

/** Figure 59.2c: every benchmark score, grouped by benchmark. */
export function benchmarkFigure(data: Dataset, lang: Lang = DEFAULT_LANG): Figure {
  return benchmarkComparison(
    data.benchmarks.map((row) => ({ ...row, modelName: modelNameOf(data, row.modelId) })),
    modelColors(data),
    provenance(data, ["benchmarks.csv"]),
    lang,
  );
}

/** The ratings table's columns: the chapter's stars, the context and the prices per million tokens. */
export function ratingsColumns(lang: Lang = DEFAULT_LANG): TableColumn[] {
  const words = PRICE_MATRIX_WORDS[lang];
  return [
    { key: "model", label: words.hModel },
    { key: "quality", label: words.hReasoning, format: "stars" },
    { key: "toolUse", label: words.hToolUse, format: "stars" },
    { key: "speed", label: words.hSpeed, format: "stars" },
    { key: "context", label: words.hContext, format: "integer" },
    { key: "input", label: words.hInput, format: "usd" },
    { key: "output", label: words.hOutput, format: "usd" },
    { key: "value", label: words.hValue, format: "stars" },
  ];
}

export const ratingsCaption = (data: Dataset, lang: Lang = DEFAULT_LANG): string =>
  PRICE_MATRIX_WORDS[lang].ratingsCaption(dataFileName(data, "models.csv"));

/** The finding: the cheapest and the dearest call at the workload, and how many times the one is the other. */
export function perCallRangeText(costs: readonly ModelCloudCost[], lang: Lang = DEFAULT_LANG): string {
  const byCall = [...costs].sort((a, b) => a.usdPerCall - b.usdPerCall);
  const [low, high] = [byCall[0], byCall.at(-1)];
  return PRICE_MATRIX_WORDS[lang].perCallRange(
    formatUsd(low?.usdPerCall ?? 0, 5, lang),
    String(low?.model.modelName),
    formatUsd(high?.usdPerCall ?? 0, 5, lang),
    String(high?.model.modelName),
    Math.round((high?.usdPerCall ?? 0) / (low?.usdPerCall ?? 1)),
  );
}

/** The benchmark table's columns: the benchmark, then one per model that has a score. */
export function benchmarkColumns(modelNames: readonly string[], lang: Lang = DEFAULT_LANG): TableColumn[] {
  return [
    { key: "benchmark", label: PRICE_MATRIX_WORDS[lang].hBenchmark },
    ...modelNames.map((name) => ({ key: name, format: "number" as const })),
  ];
}

export const benchmarkCaption = (data: Dataset, lang: Lang = DEFAULT_LANG): string =>
  PRICE_MATRIX_WORDS[lang].benchmarkCaption(dataFileName(data, "benchmarks.csv"));

/** "42 scores for 12 models on 5 benchmarks." */
export const benchmarkCountText = (scores: number, models: number, benchmarks: number, lang: Lang = DEFAULT_LANG): string =>
  PRICE_MATRIX_WORDS[lang].benchmarkCount(scores, models, benchmarks);
