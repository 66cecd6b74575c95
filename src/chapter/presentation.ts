import type { Dataset } from "../data";
import { colorMap, HARDWARE_PALETTE, MODEL_PALETTE, type Provenance, type ThresholdPoint } from "../charts";
import { savingsAfterHardware } from "../model";
import { routerFromData } from "./analysis";

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
