/** The chapter's four closing questions, answered from a data folder. */
import { InputError } from "../errors";
import type { Dataset, HardwareRow } from "../data";
import {
  abTestPlan,
  failoverCost,
  fitsVram,
  opsSweep,
  twoProportionSampleSize,
  vramNeeded,
  type AbTestPlan,
  type FailoverResult,
  type OpsSweepPoint,
  type VramNeed,
} from "../model";
import { failoverChart, HARDWARE_PALETTE, MODEL_PALETTE, opsSweepChart, sampleSizeChart, vramChart, type Figure } from "../charts";
import { apiUsdPerCall, hardwareMonthlyCost } from "./cost";
import { provenance } from "./figure-context";
import { findHardware, findModel, findWorkload } from "./lookup";

export interface GpuConfiguration {
  /** e.g. "2× NVIDIA RTX 4090". */
  label: string;
  gpuCount: number;
  totalVramGib: number;
  hardwareIds: string[];
}

/** The distinct GPU configurations of hardware.csv (several rows may share one), smallest first. */
export function gpuConfigurations(data: Dataset): GpuConfiguration[] {
  const byLabel = new Map<string, GpuConfiguration>();
  for (const row of data.hardware) {
    const label = `${row.gpuCount}× ${row.gpuModel.replace(/^NVIDIA /, "")}`;
    const entry = byLabel.get(label) ?? { label, gpuCount: row.gpuCount, totalVramGib: row.gpuCount * row.vramGbPerGpu, hardwareIds: [] };
    entry.hardwareIds.push(row.hardwareId);
    byLabel.set(label, entry);
  }
  return [...byLabel.values()].sort((a, b) => a.totalVramGib - b.totalVramGib || a.label.localeCompare(b.label));
}

export interface QuantisationLevel {
  quantId: string;
  bitsLabel: number;
  bitsPerWeight: number;
  /** Perplexity increase over FP16 on the reference model, percent: the quality cost. */
  perplexityIncreasePercent: number;
  kldVsFp16: number | undefined;
  referenceModel: string;
  source: string;
}

/** quantisation.csv with the quality cost as a percentage. */
export function quantisationLevels(data: Dataset): QuantisationLevel[] {
  return data.quantisation.map((row) => ({
    quantId: row.quantId,
    bitsLabel: row.bitsLabel,
    bitsPerWeight: row.bitsPerWeight,
    perplexityIncreasePercent: ((row.perplexity - row.perplexityFp16) / row.perplexityFp16) * 100,
    kldVsFp16: row.kldVsFp16,
    referenceModel: row.referenceModel,
    source: row.source,
  }));
}

export interface VramCell extends VramNeed {
  modelId: string;
  model: string;
  quantId: string;
  bitsLabel: number;
  /** Whether it fits each GPU configuration, by label. */
  fits: Record<string, boolean>;
}

/** VRAM each architecture needs at each bit width (one per quant_id) for a context, against each GPU configuration. */
export function vramTable(data: Dataset, options: { contextTokens: number; concurrentSequences?: number; overheadGib?: number }): VramCell[] {
  const configurations = gpuConfigurations(data);
  const levels = [...new Map(data.quantisation.map((row) => [row.quantId, row])).values()].sort((a, b) => b.bitsPerWeight - a.bitsPerWeight);
  return data.modelArchitectures.flatMap((arch) =>
    levels.map((level) => {
      const need = vramNeeded(
        { paramsBillion: arch.paramsB, layers: arch.layers, kvHeads: arch.kvHeads, headDim: arch.headDim },
        { bitsPerWeight: level.bitsPerWeight, contextTokens: options.contextTokens, concurrentSequences: options.concurrentSequences, overheadGib: options.overheadGib },
      );
      return {
        modelId: arch.modelId,
        model: arch.model,
        quantId: level.quantId,
        bitsLabel: level.bitsLabel,
        ...need,
        fits: Object.fromEntries(configurations.map((config) => [config.label, fitsVram(need, config.totalVramGib)])),
      };
    }),
  );
}

export interface FailoverScenario {
  hardware: HardwareRow;
  cloudModelId: string;
  cloudUsdPerCall: number;
  callsPerMonth: number;
  result: FailoverResult;
}

/** A failover.csv scenario (the first by default), with any field overridden. */
export function failoverFromData(data: Dataset, scenarioId?: string, overrides: { localDowntimeHoursPerMonth?: number; cloudShare?: number; detectionSeconds?: number } = {}): FailoverScenario {
  const row = scenarioId === undefined ? data.failover[0] : data.failover.find((candidate) => candidate.scenarioId === scenarioId);
  if (!row) throw new InputError(`no failover.csv row${scenarioId ? ` ${JSON.stringify(scenarioId)}` : "s"}`);
  const workload = findWorkload(data);
  const hardware = findHardware(data, row.hardwareId);
  const cloudUsdPerCall = apiUsdPerCall(data, row.cloudModelId, workload);
  const callsPerMonth = row.callsPerDay * workload.daysPerMonth;
  const result = failoverCost({
    callsPerMonth,
    localMonthlyUsd: hardwareMonthlyCost(hardware, workload.daysPerMonth).totalUsd,
    cloudUsdPerCall,
    localDowntimeHoursPerMonth: overrides.localDowntimeHoursPerMonth ?? row.localDowntimeHoursPerMonth,
    outagesPerMonth: row.outagesPerMonth,
    detectionSeconds: overrides.detectionSeconds ?? row.detectionSeconds,
    cloudAvailability: row.cloudAvailability,
    cloudShare: overrides.cloudShare ?? row.cloudShare,
  });
  return { hardware, cloudModelId: row.cloudModelId, cloudUsdPerCall, callsPerMonth, result };
}

/** The break-even of an itemised hardware row against an API across ops shares and salaries. */
export function opsSweepFromData(data: Dataset, hardwareId: string, apiModelId: string, opsFte: readonly number[], salariesUsdPerMonth: readonly number[]): OpsSweepPoint[] {
  const workload = findWorkload(data);
  const cost = hardwareMonthlyCost(findHardware(data, hardwareId), workload.daysPerMonth);
  if (cost.basis !== "itemised") throw new InputError(`hardware_id ${JSON.stringify(hardwareId)} has a stated monthly cost only; an ops sweep needs it itemised`);
  return opsSweep({ hardwareUsdPerMonth: cost.depreciationUsd + cost.powerUsd, apiUsdPerCall: apiUsdPerCall(data, apiModelId, workload), opsFte, salariesUsdPerMonth, daysPerMonth: workload.daysPerMonth });
}

/** A benchmark score as a success rate, 0–1 (percent benchmarks only). */
export function successRate(data: Dataset, modelId: string, benchmark: string): number {
  const row = data.benchmarks.find((candidate) => candidate.modelId === modelId && candidate.benchmark === benchmark);
  if (!row) throw new InputError(`no benchmarks.csv row for ${modelId} on ${JSON.stringify(benchmark)}`);
  if (row.unit !== "percent") throw new InputError(`${benchmark} is scored in ${row.unit}, not as a success rate`);
  return row.score / 100;
}

export interface ModelSwitchTest {
  baselineModel: string;
  candidateModel: string;
  baselineRate: number;
  candidateRate: number;
  plan: AbTestPlan;
}

/** The A/B test that would confirm a benchmark's gap between two models on live traffic. */
export function modelSwitchTest(data: Dataset, options: { baselineModelId: string; candidateModelId: string; benchmark: string; callsPerDay: number; testShare?: number; alpha?: number; power?: number }): ModelSwitchTest {
  const baselineRate = successRate(data, options.baselineModelId, options.benchmark);
  const candidateRate = successRate(data, options.candidateModelId, options.benchmark);
  return {
    baselineModel: findModel(data, options.baselineModelId).modelName,
    candidateModel: findModel(data, options.candidateModelId).modelName,
    baselineRate,
    candidateRate,
    plan: abTestPlan({ baselineRate, candidateRate, callsPerDay: options.callsPerDay, testShare: options.testShare, alpha: options.alpha, power: options.power }),
  };
}

/** Calls per arm over a range of detectable drops (percentage points) from a baseline rate. */
export function sampleSizeCurve(baselineRate: number, dropsPoints: readonly number[], options: { alpha?: number; power?: number } = {}): Array<{ dropPoints: number; callsPerArm: number }> {
  return dropsPoints.map((dropPoints) => ({ dropPoints, callsPerArm: Math.ceil(twoProportionSampleSize({ baselineRate, candidateRate: baselineRate - dropPoints / 100, ...options })) }));
}

/** Figure 59.9a: every architecture at every bit width against the GPU configurations. */
export function vramFigure(data: Dataset, options: { contextTokens: number; concurrentSequences: number }): Figure {
  const levels = quantisationLevels(data);
  // Quality cost as measured on this model size, or on another size (named) where this one has no measurement.
  const quality = (quantId: string, model: string) => {
    const size = model.match(/\d+B/)?.[0];
    const own = levels.find((candidate) => candidate.quantId === quantId && size !== undefined && candidate.referenceModel.includes(size));
    const level = own ?? levels.find((candidate) => candidate.quantId === quantId);
    if (!level || level.perplexityIncreasePercent <= 0) return undefined;
    const measuredOn = own ? "" : ` (${level.referenceModel.match(/\d+B/)?.[0] ?? level.referenceModel})`;
    return `+${level.perplexityIncreasePercent.toFixed(level.perplexityIncreasePercent < 0.1 ? 2 : 1)}% ppl${measuredOn}`;
  };
  const cells = vramTable(data, options);
  const configurations = gpuConfigurations(data).map((config, index) => ({ label: config.label, totalVramGib: config.totalVramGib, color: HARDWARE_PALETTE[index % HARDWARE_PALETTE.length] as string }));
  return vramChart(
    cells.map((cell) => ({ label: `${cell.model.match(/\d+B/)?.[0] ?? cell.modelId} ${cell.quantId.toUpperCase()}`, weightsGib: cell.weightsGib, kvCacheGib: cell.kvCacheGib, overheadGib: cell.overheadGib, qualityNote: quality(cell.quantId, cell.model) })),
    configurations,
    { ...options, provenance: provenance(data, ["model_architectures.csv", "quantisation.csv", "hardware.csv"]) },
  );
}

/** Figure 59.9b: the failover scenario across local downtime from 0 to `maxDowntimeHours`. */
export function failoverFigure(data: Dataset, options: { scenarioId?: string; maxDowntimeHours?: number; cloudShare?: number } = {}): Figure {
  const scenario = failoverFromData(data, options.scenarioId, { cloudShare: options.cloudShare });
  const row = data.failover.find((candidate) => options.scenarioId === undefined || candidate.scenarioId === options.scenarioId);
  const max = options.maxDowntimeHours ?? 72;
  const points = Array.from({ length: 72 }, (_, index) => (max * (index + 1)) / 72).map((downtime) => ({
    downtimeHoursPerMonth: downtime,
    ...failoverFromData(data, options.scenarioId, { localDowntimeHoursPerMonth: downtime, cloudShare: options.cloudShare }).result,
  }));
  return failoverChart(points, {
    callsPerMonth: scenario.callsPerMonth,
    currentDowntimeHours: row?.localDowntimeHoursPerMonth ?? 0,
    cloudName: findModel(data, scenario.cloudModelId).modelName,
    provenance: provenance(data, ["failover.csv", "hardware.csv", "models.csv"]),
  });
}

/** Figure 59.9c: break-even by ops share for a few salaries. */
export function opsSweepFigure(data: Dataset, options: { hardwareId: string; apiModelId: string; salariesUsdPerMonth: readonly number[]; chapterFte: number; chapterSalaryUsdPerMonth: number; volumeCallsPerDay?: number }): Figure {
  const fte = Array.from({ length: 21 }, (_, index) => index / 20);
  const lines = options.salariesUsdPerMonth.map((salary, index) => ({
    salaryUsdPerMonth: salary,
    color: MODEL_PALETTE[(index * 2) % MODEL_PALETTE.length] as string,
    points: opsSweepFromData(data, options.hardwareId, options.apiModelId, fte, [salary]),
  }));
  const chapter = opsSweepFromData(data, options.hardwareId, options.apiModelId, [options.chapterFte], [options.chapterSalaryUsdPerMonth])[0];
  const hardware = data.hardware.find((row) => row.hardwareId === options.hardwareId);
  return opsSweepChart(lines, {
    comparison: `${(hardware?.name ?? options.hardwareId).replace(/ \(.*\)$/, "")} vs ${findModel(data, options.apiModelId).modelName}`,
    chapterPoint: { opsFte: options.chapterFte, breakEvenDailyCalls: chapter?.breakEvenDailyCalls ?? 0 },
    volumeCallsPerDay: options.volumeCallsPerDay,
    provenance: provenance(data, ["hardware.csv", "models.csv", "workloads.csv"]),
  });
}

/** Figure 59.9d: calls per arm by detectable drop at two power levels, with one model switch marked. */
export function sampleSizeFigure(data: Dataset, options: { baselineModelId: string; candidateModelId: string; benchmark: string; callsPerDay: number; testShare: number; alpha?: number; powers?: readonly number[] }): Figure {
  const test = modelSwitchTest(data, { ...options, power: options.powers?.[0] });
  const drops = Array.from({ length: 19 }, (_, index) => 1 + index * 0.5);
  const powers = options.powers ?? [0.8, 0.9];
  return sampleSizeChart(
    powers.map((power, index) => ({ label: `${Math.round(power * 100)}% power, α = ${options.alpha ?? 0.05}`, color: MODEL_PALETTE[index * 4] as string, points: sampleSizeCurve(test.baselineRate, drops, { alpha: options.alpha, power }) })),
    {
      baselineRate: test.baselineRate,
      testCallsPerDay: options.callsPerDay * options.testShare,
      highlight: { label: `${test.baselineModel} → ${test.candidateModel} (${options.benchmark})`, dropPoints: +((test.baselineRate - test.candidateRate) * 100).toFixed(2), callsPerArm: test.plan.callsPerArm, days: test.plan.days },
      provenance: provenance(data, ["benchmarks.csv", "models.csv"]),
    },
  );
}
