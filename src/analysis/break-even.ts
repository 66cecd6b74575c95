/** 59.3, break-even: where each local configuration's flat monthly cost meets each API's bill, and its figures. */
import { breakEvenCurves, breakEvenHeatmap, THEME_COLORS, type Figure } from "../charts";
import type { Dataset, WorkloadRow } from "../data";
import { breakEvenMatrix, breakEvenVolumes, calculateBreakEven, type BreakEvenCell, type BreakEvenResult } from "../model";
import { apiUsdPerCall } from "./cost";
import { hardwareColors, modelColors, provenance } from "./figure-context";
import { fitLabel } from "./vram";
import { findHardware, findModel, findWorkload } from "./lookup";
import { hardwareMonthlyCost } from "./model-inputs";

export interface BreakEvenMatrixOptions {
  /** Default: every hardware row. */
  hardwareIds?: readonly string[];
  /** Default: every model. */
  apiModelIds?: readonly string[];
  workload?: WorkloadRow;
}

/** Break-even calls of each hardware configuration against each API at the workload's tokens per call. */
export function breakEvenTable(data: Dataset, options: BreakEvenMatrixOptions = {}): BreakEvenCell[] {
  const workload = options.workload ?? findWorkload(data);
  const hardware = (options.hardwareIds ?? data.hardware.map((row) => row.hardwareId)).map((id) => findHardware(data, id));
  const apis = options.apiModelIds ?? data.models.map((row) => row.modelId);
  return breakEvenMatrix(
    hardware.map((row) => ({ id: row.hardwareId, monthlyCostUsd: hardwareMonthlyCost(row, workload.daysPerMonth).totalUsd })),
    apis.map((id) => ({ id, usdPerCall: apiUsdPerCall(data, id, workload) })),
    { daysPerMonth: workload.daysPerMonth },
  );
}

/** One break-even of one hardware row against one API, with the local cost itemised. */
export function breakEvenOf(data: Dataset, hardwareId: string, apiModelId: string, workload: WorkloadRow = findWorkload(data)) {
  const local = hardwareMonthlyCost(findHardware(data, hardwareId), workload.daysPerMonth);
  const usdPerCall = apiUsdPerCall(data, apiModelId, workload);
  return { local, apiUsdPerCall: usdPerCall, ...breakEvenVolumes(local.totalUsd, usdPerCall, workload.daysPerMonth) };
}

const BREAK_EVEN_FILES = ["models.csv", "hardware.csv", "workloads.csv"];

function apiOptions(data: Dataset, apiModelIds: readonly string[], workload: WorkloadRow) {
  return apiModelIds.map((id) => ({ id, name: findModel(data, id).modelName, usdPerCall: apiUsdPerCall(data, id, workload) }));
}

/** Figure 59.3a: the monthly cost of each configuration and API against calls per day, every crossover labelled. */
export function breakEvenCurvesFigure(
  data: Dataset,
  options: { hardwareIds: readonly string[]; apiModelIds: readonly string[]; maxCallsPerDay: number; workload?: WorkloadRow },
): Figure {
  const workload = options.workload ?? findWorkload(data);
  const hardware = options.hardwareIds.map((id) => ({
    id,
    name: fitLabel(data, id),
    monthlyUsd: hardwareMonthlyCost(findHardware(data, id), workload.daysPerMonth).totalUsd,
  }));
  const cells = breakEvenTable(data, { hardwareIds: options.hardwareIds, apiModelIds: options.apiModelIds, workload });
  return breakEvenCurves(hardware, apiOptions(data, options.apiModelIds, workload), cells, {
    maxCallsPerDay: options.maxCallsPerDay,
    daysPerMonth: workload.daysPerMonth,
    modelColors: modelColors(data),
    hardwareColors: hardwareColors(data),
    provenance: provenance(data, BREAK_EVEN_FILES),
  });
}

/** Figure 59.3b: the break-even of every hardware configuration against each API. */
export function breakEvenHeatmapFigure(data: Dataset, options: { apiModelIds: readonly string[]; workload?: WorkloadRow }): Figure {
  const workload = options.workload ?? findWorkload(data);
  const cells = breakEvenTable(data, { apiModelIds: options.apiModelIds, workload });
  const hardware = data.hardware.map((row) => ({ id: row.hardwareId, name: fitLabel(data, row.hardwareId) }));
  return breakEvenHeatmap(cells, hardware, apiOptions(data, options.apiModelIds, workload), provenance(data, BREAK_EVEN_FILES));
}

/** A server the analyst describes, priced by its parts, against one API at a workload. */
export interface ServerWhatIf {
  hardwareCostUsd: number;
  depreciationMonths: number;
  powerUsdPerMonth: number;
  opsUsdPerMonth: number;
  apiModelId: string;
  workload: WorkloadRow;
}

export interface ServerBreakEven {
  apiUsdPerCall: number;
  result: BreakEvenResult;
  /** Figure 59.3c: the server's flat cost against the API's bill, on linear axes. */
  figure: Figure;
}

/** The break-even of a described server against one API, with its figure (the 59.3 what-if). */
export function serverBreakEven(data: Dataset, server: ServerWhatIf): ServerBreakEven {
  const usdPerCall = apiUsdPerCall(data, server.apiModelId, server.workload);
  const result = calculateBreakEven({
    hardwareCost: server.hardwareCostUsd,
    monthlyPowerCost: server.powerUsdPerMonth,
    monthlyOpsCost: server.opsUsdPerMonth,
    depreciationMonths: server.depreciationMonths,
    apiCostPerCall: usdPerCall,
    daysPerMonth: server.workload.daysPerMonth,
  });
  const local = { id: "what-if", name: "What-if server", monthlyUsd: result.totalMonthlyLocalCost };
  const cell: BreakEvenCell = {
    hardwareId: local.id,
    apiId: server.apiModelId,
    monthlyLocalUsd: result.totalMonthlyLocalCost,
    apiUsdPerCall: usdPerCall,
    breakEvenMonthlyCalls: result.breakEvenMonthlyCalls,
    breakEvenDailyCalls: result.breakEvenDailyCalls,
    breakEvenPerHour: result.breakEvenPerHour,
  };
  const figure = breakEvenCurves(
    [local],
    [{ id: server.apiModelId, name: findModel(data, server.apiModelId).modelName, usdPerCall }],
    [cell],
    {
      maxCallsPerDay: Math.max(1000, Math.min(result.breakEvenDailyCalls * 2, 1e6)),
      daysPerMonth: server.workload.daysPerMonth,
      modelColors: modelColors(data),
      hardwareColors: new Map([[local.id, THEME_COLORS.whatIf]]),
      provenance: provenance(data, BREAK_EVEN_FILES),
      number: "59.3c",
      logScale: false,
    },
  );
  return { apiUsdPerCall: usdPerCall, result, figure };
}
