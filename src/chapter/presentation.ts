import type { Dataset } from "../data";
import { colorMap, HARDWARE_PALETTE, MODEL_PALETTE, type BreakEvenPanelInputs, type BreakEvenPanelSpec, type Provenance, type ThresholdPoint } from "../charts";
import { savingsAfterHardware } from "../model";
import { findWorkload, hardwareMonthlyCost, routerFromData } from "./analysis";

/** What the chapter's figures need from a dataset beyond model results: stable colours and provenance. */

/** One colour per model, by its order in models.csv, so every figure agrees. */
export function modelColors(data: Dataset): Map<string, string> {
  return colorMap(data.models.map((model) => model.modelId), MODEL_PALETTE);
}

/** One colour per hardware configuration, by its order in hardware.csv. */
export function hardwareColors(data: Dataset): Map<string, string> {
  return colorMap(data.hardware.map((row) => row.hardwareId), HARDWARE_PALETTE);
}

/** The files behind a figure and the newest as_of among the prices and hardware it uses. */
export function provenance(data: Dataset, files: string[]): Provenance {
  const dates = [
    ...(files.includes("models.csv") ? data.models.map((model) => model.asOf) : []),
    ...(files.includes("hardware.csv") ? data.hardware.map((row) => row.asOf) : []),
  ].sort();
  return { files, asOf: dates.at(-1) };
}

/**
 * Savings of the data's router set-up at each complexity threshold, as the chapter counts them and with the
 * local hardware's monthly cost paid.
 */
export function savingsByThreshold(data: Dataset, thresholds: readonly number[], localMonthlyUsd: number, configId?: string): ThresholdPoint[] {
  const { router, config, distribution, dailyVolume } = routerFromData(data, configId);
  return thresholds.map((complexityThreshold) => {
    const estimate = router.estimateMonthlySavings(distribution, dailyVolume, { ...config, complexityThreshold });
    return {
      complexityThreshold,
      savingsPercentage: estimate.savingsPercentage,
      savingsAfterHardwarePercentage: savingsAfterHardware(estimate, localMonthlyUsd).savingsPercentage,
    };
  });
}

export interface BreakEvenPanelOptions {
  title?: string;
  /** APIs offered, by model_id. Default: every model. */
  apiModelIds?: readonly string[];
  /** Default inputs; hardware defaults to the first itemised configuration. */
  defaults?: Partial<BreakEvenPanelInputs>;
}

/** The break-even what-if panel for the HTML report, from a dataset: every API, and every hardware row with an itemised cost. */
export function breakEvenPanelSpec(data: Dataset, options: BreakEvenPanelOptions = {}): BreakEvenPanelSpec {
  const workload = findWorkload(data);
  const models = modelColors(data);
  const machines = hardwareColors(data);
  const apis = (options.apiModelIds ?? data.models.map((model) => model.modelId)).map((id) => {
    const model = data.models.find((candidate) => candidate.modelId === id);
    if (!model) throw new RangeError(`unknown model_id ${JSON.stringify(id)}`);
    return { id, name: model.modelName, inputUsdPerMTok: model.inputUsdPerMtok, outputUsdPerMTok: model.outputUsdPerMtok, color: models.get(id) ?? "#777777" };
  });
  const hardware = data.hardware
    .filter((row) => row.costBasis === "itemised" && row.capexUsd !== undefined && row.depreciationMonths !== undefined)
    .map((row) => {
      const cost = hardwareMonthlyCost(row, workload.daysPerMonth);
      return {
        id: row.hardwareId,
        name: row.name,
        capexUsd: row.capexUsd as number,
        depreciationMonths: row.depreciationMonths as number,
        powerKw: row.powerKw,
        powerUsdPerMonth: cost.basis === "itemised" ? cost.powerUsd : undefined,
        opsUsdPerMonth: cost.basis === "itemised" ? cost.opsUsd : 0,
        color: machines.get(row.hardwareId) ?? "#777777",
      };
    });
  const firstHardware = hardware.find((row) => row.id === options.defaults?.hardwareId) ?? hardware[0];
  const firstRow = data.hardware.find((row) => row.hardwareId === firstHardware?.id);
  return {
    kind: "break-even",
    title: options.title ?? "break-even for your server and traffic",
    daysPerMonth: workload.daysPerMonth,
    apis,
    hardware,
    provenance: provenance(data, ["models.csv", "hardware.csv", "workloads.csv"]),
    defaults: {
      callsPerDay: workload.callsPerDay,
      inputTokensPerCall: workload.inputTokensPerCall,
      outputTokensPerCall: workload.outputTokensPerCall,
      apiId: apis[0]?.id ?? "",
      hardwareId: firstHardware?.id ?? "",
      electricityUsdPerKwh: firstRow?.electricityUsdPerKwh ?? 0.1,
      opsUsdPerMonth: firstHardware?.opsUsdPerMonth ?? 0,
      ...options.defaults,
    },
  };
}
