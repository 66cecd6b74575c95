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
import { apiUsdPerCall, findHardware, findModel, findWorkload, hardwareMonthlyCost } from "./analysis";

/** The chapter's four closing questions, answered from a data folder. */

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
  if (!row) throw new RangeError(`no failover.csv row${scenarioId ? ` ${JSON.stringify(scenarioId)}` : "s"}`);
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
  if (cost.basis !== "itemised") throw new RangeError(`hardware_id ${JSON.stringify(hardwareId)} has a stated monthly cost only; an ops sweep needs it itemised`);
  return opsSweep({ hardwareUsdPerMonth: cost.depreciationUsd + cost.powerUsd, apiUsdPerCall: apiUsdPerCall(data, apiModelId, workload), opsFte, salariesUsdPerMonth, daysPerMonth: workload.daysPerMonth });
}

/** A benchmark score as a success rate, 0–1 (percent benchmarks only). */
export function successRate(data: Dataset, modelId: string, benchmark: string): number {
  const row = data.benchmarks.find((candidate) => candidate.modelId === modelId && candidate.benchmark === benchmark);
  if (!row) throw new RangeError(`no benchmarks.csv row for ${modelId} on ${JSON.stringify(benchmark)}`);
  if (row.unit !== "percent") throw new RangeError(`${benchmark} is scored in ${row.unit}, not as a success rate`);
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
