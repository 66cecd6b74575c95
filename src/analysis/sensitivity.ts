/** Sensitivity and uncertainty of one hardware-versus-API break-even, from a data folder. */
import type { Dataset, WorkloadRow } from "../data";
import {
  monteCarloDraws,
  quantile,
  rangeTornado,
  savingBand,
  SENSITIVITY_INPUTS,
  tornado,
  type BreakEvenInputs,
  type InputRange,
  type MonteCarloDraw,
  type SensitivityInput,
  type Tornado,
} from "../model";
import { savingBandChart, tornadoChart, type Figure } from "../charts";
import { provenance } from "./figure-context";
import { findWorkload } from "./lookup";
import { breakEvenInputsOf } from "./model-inputs";
import type { Lang } from "../i18n/lang";

/** uncertainty_ranges.csv as Monte Carlo ranges keyed by input. */
export function uncertaintyRanges(data: Dataset): Partial<Record<SensitivityInput, InputRange>> {
  return Object.fromEntries(
    data.uncertaintyRanges.map((row) => [
      SENSITIVITY_INPUTS.find((input) => input.column === row.input)!.key,
      { lowFactor: row.lowFactor, highFactor: row.highFactor, distribution: row.distribution, modeFactor: row.modeFactor },
    ]),
  );
}

export interface BreakEvenUncertainty {
  inputs: BreakEvenInputs;
  /** Each input over its own range from uncertainty_ranges.csv, one at a time. */
  rangeTornado: Tornado;
  /** Each of the same inputs moved by the same share, one at a time. */
  tornado: Tornado;
  /** Inputs the comparison depends on that no range covers: held at base in every view, and said so. */
  heldFixed: SensitivityInput[];
  draws: MonteCarloDraw[];
  /** Break-even calls/day at the 5th, 50th and 95th percentile of the draws. */
  p5: number;
  p50: number;
  p95: number;
  /** Share of draws in which the break-even lies above the workload's volume: local does not pay there. */
  shareAboveWorkload: number;
}

export interface UncertaintyOptions {
  /** Tornado swing, 0.2 = ±20%. */
  swing?: number;
  samples?: number;
  seed?: number;
  workload?: WorkloadRow;
}

export function breakEvenUncertainty(
  data: Dataset,
  hardwareId: string,
  apiModelId: string,
  options: UncertaintyOptions = {},
): BreakEvenUncertainty {
  const workload = options.workload ?? findWorkload(data);
  const inputs = breakEvenInputsOf(data, hardwareId, apiModelId, workload);
  const ranges = uncertaintyRanges(data);
  // Both tornadoes and the Monte Carlo vary the same inputs: those the comparison has and a range covers.
  const present = SENSITIVITY_INPUTS.map((input) => input.key).filter((key) => inputs[key] !== undefined);
  const varied = present.filter((key) => ranges[key] !== undefined);
  const draws = monteCarloDraws(inputs, ranges, { samples: options.samples, seed: options.seed });
  const volumes = draws.map((draw) => draw.breakEvenDailyCalls);
  return {
    inputs,
    rangeTornado: rangeTornado(inputs, ranges),
    tornado: tornado(inputs, { swing: options.swing, inputs: varied }),
    heldFixed: present.filter((key) => ranges[key] === undefined),
    draws,
    p5: quantile(volumes, 0.05),
    p50: quantile(volumes, 0.5),
    p95: quantile(volumes, 0.95),
    shareAboveWorkload: volumes.filter((volume) => volume > workload.callsPerDay).length / volumes.length,
  };
}

/** Figures 59.8a (ranges from data), 59.8b (all inputs at once) and 59.8c (an equal share) from a computed uncertainty. */
export function uncertaintyFigures(
  data: Dataset,
  uncertainty: BreakEvenUncertainty,
  options: { comparison: string; swing: number; samples: number; seed: number; maxCallsPerDay?: number; lang?: Lang },
): { rangeTornado: Figure; tornado: Figure; band: Figure } {
  const source = provenance(data, ["models.csv", "hardware.csv", "workloads.csv", "uncertainty_ranges.csv"]);
  const max = options.maxCallsPerDay ?? Math.ceil((uncertainty.p95 * 1.5) / 1000) * 1000;
  const volumes = Array.from({ length: 41 }, (_, index) => (max * index) / 40);
  return {
    rangeTornado: tornadoChart(uncertainty.rangeTornado.bars, {
      baseBreakEven: uncertainty.rangeTornado.baseBreakEven,
      swing: undefined,
      comparison: options.comparison,
      provenance: source,
      lang: options.lang,
    }),
    tornado: tornadoChart(uncertainty.tornado.bars, {
      baseBreakEven: uncertainty.tornado.baseBreakEven,
      swing: options.swing,
      comparison: options.comparison,
      provenance: source,
      lang: options.lang,
    }),
    band: savingBandChart(savingBand(uncertainty.draws, volumes), {
      comparison: options.comparison,
      percentiles: uncertainty,
      samples: options.samples,
      seed: options.seed,
      provenance: source,
      lang: options.lang,
    }),
  };
}
