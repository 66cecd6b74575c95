import { withAssignments, type Dataset, type PublishedFigureRow } from "../data";
import { breakEvenOf } from "./break-even";
import { caseStudyFromData } from "./case-study";
import { apiUsdPerCall, cloudCostTable } from "./cost";
import { hybridSavings } from "./hybrid-routing";
import { findHardware, findModel, findWorkload } from "./lookup";
import { auditDifferences, type Figure } from "../charts";
import { quantisationFor } from "./vram";
import { provenance } from "./figure-context";
import { hardwareMonthlyCost } from "./model-inputs";
import { checkPrintedFigure, type PrintedFigureCheck } from "../model";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";

/**
 * Recomputes each figure the chapter prints from the data folder's inputs. A figure id names what it is:
 * `cloud/<model>/usd_per_day`, `local/<hardware>/total_usd_per_month`, `breakeven/<hardware>/<model>/calls_per_day`,
 * `router/<tier>/usd_per_call`, `router/savings_percent`, `case/<option>/<item>`, and `summary/<any of these>`.
 */
export function reproduceFigure(data: Dataset, figureId: string): number | undefined {
  const [kind, ...rest] = figureId.split("/");
  const workload = findWorkload(data);
  switch (kind) {
    case "summary":
      return reproduceFigure(data, rest.join("/"));
    case "cloud": {
      const [modelId, metric] = rest as [string, string];
      const cost = cloudCostTable(data, workload).find((row) => row.model.modelId === findModel(data, modelId).modelId)!;
      return { usd_per_call: cost.usdPerCall, usd_per_day: cost.usdPerDay, usd_per_month: cost.usdPerMonth }[metric];
    }
    case "local": {
      const [hardwareId, metric] = rest as [string, string];
      const row = findHardware(data, hardwareId);
      const cost = hardwareMonthlyCost(row, workload.daysPerMonth);
      if (cost.basis === "stated") return metric === "total_usd_per_month" ? cost.totalUsd : undefined;
      return {
        power_kw: row.powerKw,
        kwh_per_month: cost.energyKwhPerMonth,
        depreciation_usd_per_month: cost.depreciationUsd,
        power_usd_per_month: cost.powerUsd,
        ops_usd_per_month: cost.opsUsd,
        total_usd_per_month: cost.totalUsd,
      }[metric];
    }
    case "breakeven": {
      if (rest.length === 2) {
        const [hardwareId, metric] = rest as [string, string];
        return metric === "local_usd_per_month"
          ? hardwareMonthlyCost(findHardware(data, hardwareId), workload.daysPerMonth).totalUsd
          : undefined;
      }
      const [hardwareId, modelId, metric] = rest as [string, string, string];
      const result = breakEvenOf(data, hardwareId, modelId, workload);
      return {
        local_usd_per_month: result.local.totalUsd,
        api_usd_per_call: result.apiUsdPerCall,
        calls_per_day: result.breakEvenDailyCalls,
        calls_per_month: result.breakEvenMonthlyCalls,
      }[metric];
    }
    case "router": {
      if (rest[0] === "savings_percent") return hybridSavings(data).savingsPercentage;
      const [tier, metric] = rest as [string, string];
      const row = data.routingTiers.find((candidate) => candidate.tier === tier);
      // Recomputed from the tier model's prices, not read back from the stated figure being checked.
      if (metric !== "usd_per_call" || row?.modelId === undefined) return undefined;
      return apiUsdPerCall(data, row.modelId, workload);
    }
    case "case": {
      const { inputs, local, result } = caseStudyFromData(data);
      const option = (name: string) => result.options.find((candidate) => candidate.option === name);
      const items: Record<string, number | undefined> = {
        "local/depreciation_usd_per_month": local.basis === "itemised" ? local.depreciationUsd : undefined,
        "local/power_usd_per_month": local.basis === "itemised" ? local.powerUsd : undefined,
        "local/ops_usd_per_month": local.basis === "itemised" ? local.opsUsd : undefined,
        "local/total_usd_per_month": local.totalUsd,
        "cloud/weekday_usd_per_month": result.cloudWeekdayUsd,
        "cloud/weekend_usd_per_month": result.cloudWeekendUsd,
        "cloud/total_usd_per_month": option("all_cloud")?.totalUsd,
        "hybrid/cloud_usd_per_month": option("hybrid")?.cloudUsd,
        "hybrid/total_usd_per_month": option("hybrid")?.totalUsd,
        "hybrid/extra_vs_cloud_usd_per_month": result.hybridExtraOverCloudUsd,
        // Output tokens per second the local server must sustain on a weekday, spread evenly over 24 hours.
        "capacity/required_output_tokens_per_second": (inputs.weekdayCallsPerDay * workload.outputTokensPerCall) / 86_400,
        // Weights alone of the 70B model at llama.cpp's 4-bit format, in the chapter's decimal GB.
        "vram/q4_weights_gb": q4WeightsGb(data),
      };
      return items[rest.join("/")];
    }
    default:
      return undefined;
  }
}

function q4WeightsGb(data: Dataset): number | undefined {
  const model = data.modelArchitectures.find((row) => row.modelId === "hermes-3-70b");
  if (!model || !data.quantisation.some((row) => row.quantId === "q4_k_m")) return undefined;
  // Bits per weight as measured on the model's own size where the data has it (70B: 4.82, not the 8B's 4.89).
  return (model.paramsB * quantisationFor(data, "q4_k_m", model.model).row.bitsPerWeight) / 8;
}

/** A published figure as the chapter prints it: `823`, or `60-75` for a range. */
export function printedValue(figure: PublishedFigureRow): string {
  return figure.valueHigh === undefined ? String(figure.value) : `${figure.value}-${figure.valueHigh}`;
}

export interface FigureCheck extends PrintedFigureCheck {
  figure: PublishedFigureRow;
  /** What the chapter's formulas give from the data; undefined when the id names nothing roilab computes. */
  recomputed: number | undefined;
  /** The same formulas from the inputs the chapter states for this figure (`chapter_inputs`); undefined where it states none. */
  recomputedAtChapterInputs: number | undefined;
}

/**
 * Compares every published figure with its recomputed value, from the data and, where the chapter states
 * its own inputs for the figure, from those; a figure is flagged only when neither gives it. The tolerance is
 * half the printed rounding step, times `slack` (default 1) for a looser look.
 */
export function checkPublishedFigures(data: Dataset, slack = 1): FigureCheck[] {
  return data.publishedFigures.map((figure) => {
    const recomputed = reproduceFigure(data, figure.figureId);
    const stated =
      figure.chapterInputs.length > 0 ? reproduceFigure(withAssignments(data, figure.chapterInputs), figure.figureId) : undefined;
    return { figure, recomputed, recomputedAtChapterInputs: stated, ...checkPrintedFigure(figure, recomputed, stated, slack) };
  });
}

/**
 * The API price per call a printed break-even implies, as the open-closed interval (low, high] of prices whose
 * truncated calls per day are the printed figure: monthly cost / ((calls + 1) × days) to monthly cost / (calls × days).
 */
export function impliedUsdPerCall(
  monthlyLocalUsd: number,
  printedCallsPerDay: number,
  daysPerMonth: number,
): { low: number; high: number } {
  return { low: monthlyLocalUsd / ((printedCallsPerDay + 1) * daysPerMonth), high: monthlyLocalUsd / (printedCallsPerDay * daysPerMonth) };
}

/** Figure 59.6a: how far each flagged figure is from its formula, in percent (those with a finite relative difference). */
export function auditFigure(data: Dataset, flagged: readonly FigureCheck[], lang: Lang = DEFAULT_LANG): Figure {
  const rows = flagged.map((check) => ({ label: check.figure.label, relativePercent: check.relativeDifference * 100 }));
  return auditDifferences(rows, provenance(data, ["published_figures.csv"]), undefined, lang);
}
