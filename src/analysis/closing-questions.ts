/** The chapter's four closing questions, answered from a data folder. */
import { InputError } from "../errors";
import type { Dataset, HardwareRow, QuantisationRow } from "../data";
import {
  abTestPlan,
  failoverCost,
  fitsInVram,
  nonInferiorityPlan,
  nonInferioritySampleSize,
  opsSweep,
  RUNTIME_OVERHEAD_GIB_PER_GPU,
  twoProportionSampleSize,
  VRAM_HEADROOM,
  vramNeeded,
  type AbTestPlan,
  type FailoverResult,
  type ModelArchitecture,
  type OpsSweepPoint,
} from "../model";
import { failoverChart, HARDWARE_PALETTE, MODEL_PALETTE, opsSweepChart, sampleSizeChart, vramChart, type Figure, type SampleSizeLine } from "../charts";
import { trafficProfile } from "./capacity";
import { apiUsdPerCall } from "./cost";
import { provenance } from "./figure-context";
import { byId, findHardware, findModel, findWorkload } from "./lookup";
import { FLAT_PROFILE_ID, hardwareMonthlyCost } from "./model-inputs";

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
  /** Perplexity increase over FP16 on the reference model, percent: the quality cost; undefined where unmeasured. */
  perplexityIncreasePercent: number | undefined;
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
    perplexityIncreasePercent: row.perplexity !== undefined && row.perplexityFp16 !== undefined ? ((row.perplexity - row.perplexityFp16) / row.perplexityFp16) * 100 : undefined,
    kldVsFp16: row.kldVsFp16,
    referenceModel: row.referenceModel,
    source: row.source,
  }));
}

/** Tokens a call holds in the KV cache by its end: the workload's input plus its output. */
export function callContextTokens(data: Dataset, workloadId?: string): number {
  const workload = findWorkload(data, workloadId);
  return workload.inputTokensPerCall + workload.outputTokensPerCall;
}

/** "70B" from "Hermes 3 70B (Llama 3.1 70B)" or "Llama 3 70B": the size that makes two model names comparable. */
function sizeLabel(name: string): string | undefined {
  return name.match(/\d+(?:\.\d+)?B\b/)?.[0];
}

export interface QuantisationMatch {
  row: QuantisationRow;
  /** Whether the row was measured on a model of this size; otherwise it is another size's (named in `row.referenceModel`). */
  ownSize: boolean;
}

/**
 * The quantisation.csv row of a format for a model: the one measured on the model's own size where the file
 * has it (bits per weight differ with size: Q4_K_M is 4.89 on an 8B and 4.82 on a 70B), else the first one.
 */
export function quantisationFor(data: Dataset, quantId: string, model: string): QuantisationMatch {
  const rows = data.quantisation.filter((row) => row.quantId === quantId);
  if (rows.length === 0) throw new InputError(`unknown quant_id ${JSON.stringify(quantId)}; known: ${[...new Set(data.quantisation.map((row) => row.quantId))].join(", ")}`);
  const size = sizeLabel(model);
  const own = rows.find((row) => size !== undefined && sizeLabel(row.referenceModel) === size);
  return { row: own ?? (rows[0] as QuantisationRow), ownSize: own !== undefined };
}

export interface VramSizing {
  /** Tokens per sequence. Default: a call's input plus output tokens (`callContextTokens`). */
  contextTokens?: number;
  /** Sequences served at once. Default 1. */
  concurrentSequences?: number;
  /** Runtime overhead each GPU holds, GiB. Default `RUNTIME_OVERHEAD_GIB_PER_GPU`. */
  overheadGibPerGpu?: number;
}

export interface ConfigurationFit {
  fits: boolean;
  /** Weights, KV cache and the runtime overhead of every GPU of the configuration, GiB. */
  requiredGiB: number;
  /** The configuration's VRAM less the headroom kept free, GiB. */
  availableGiB: number;
}

export interface VramCell {
  modelId: string;
  model: string;
  quantId: string;
  bitsLabel: number;
  bitsPerWeight: number;
  /** The model the bits per weight and quality cost were measured on. */
  measuredOn: string;
  /** Whether that is this model's size. */
  measuredOnOwnSize: boolean;
  contextTokens: number;
  weightsGib: number;
  kvCacheGib: number;
  overheadGibPerGpu: number;
  /** Against each GPU configuration, by label: the overhead is paid once per GPU, so the need differs by configuration. */
  byConfiguration: Record<string, ConfigurationFit>;
  /** Whether it fits each GPU configuration, by label. */
  fits: Record<string, boolean>;
}

function architectureOf(row: Dataset["modelArchitectures"][number]): ModelArchitecture {
  return { paramsBillion: row.paramsB, layers: row.layers, kvHeads: row.kvHeads, headDim: row.headDim };
}

/** The distinct quant_ids of quantisation.csv, widest first. */
function quantIds(data: Dataset): string[] {
  const widths = new Map<string, number>();
  for (const row of data.quantisation) if (!widths.has(row.quantId)) widths.set(row.quantId, row.bitsLabel);
  return [...widths.keys()].sort((a, b) => (widths.get(b) as number) - (widths.get(a) as number));
}

/** VRAM each architecture needs at each bit width (one per quant_id, at its own size's bits where measured) against each GPU configuration. */
export function vramTable(data: Dataset, options: VramSizing = {}): VramCell[] {
  const configurations = gpuConfigurations(data);
  const contextTokens = options.contextTokens ?? callContextTokens(data);
  const overheadGibPerGpu = options.overheadGibPerGpu ?? RUNTIME_OVERHEAD_GIB_PER_GPU;
  return data.modelArchitectures.flatMap((arch) =>
    quantIds(data).map((quantId) => {
      const { row, ownSize } = quantisationFor(data, quantId, arch.model);
      const sizing = { bitsPerWeight: row.bitsPerWeight, contextTokens, concurrentSequences: options.concurrentSequences, overheadGibPerGpu };
      const need = vramNeeded(architectureOf(arch), sizing);
      const byConfiguration = Object.fromEntries(
        configurations.map((config) => {
          const fit = fitsInVram(architectureOf(arch), sizing, { gpuCount: config.gpuCount, vramGibPerGpu: config.totalVramGib / config.gpuCount });
          return [config.label, { fits: fit.fits, requiredGiB: fit.requiredGiB, availableGiB: fit.availableGiB }];
        }),
      );
      return {
        modelId: arch.modelId,
        model: arch.model,
        quantId,
        bitsLabel: row.bitsLabel,
        bitsPerWeight: row.bitsPerWeight,
        measuredOn: row.referenceModel,
        measuredOnOwnSize: ownSize,
        contextTokens,
        weightsGib: need.weightsGib,
        kvCacheGib: need.kvCacheGib,
        overheadGibPerGpu,
        byConfiguration,
        fits: Object.fromEntries(Object.entries(byConfiguration).map(([label, fit]) => [label, fit.fits])),
      };
    }),
  );
}

export interface HardwareFit extends ConfigurationFit {
  gpuCount: number;
  contextTokens: number;
  bitsPerWeight: number;
}

/**
 * Whether a hardware.csv configuration can hold a model_architectures.csv model at a quant_id, for a call's
 * context by default: weights, KV cache and a runtime overhead on each of its GPUs, within its VRAM less 5%.
 */
export function modelFitsHardware(data: Dataset, hardwareId: string, modelArchitectureId: string, quantId: string, options: VramSizing = {}): HardwareFit {
  const hardware = findHardware(data, hardwareId);
  const arch = byId(data.modelArchitectures, modelArchitectureId, (row) => row.modelId, "model_architectures.csv model_id");
  const bitsPerWeight = quantisationFor(data, quantId, arch.model).row.bitsPerWeight;
  const contextTokens = options.contextTokens ?? callContextTokens(data);
  const fit = fitsInVram(
    architectureOf(arch),
    { bitsPerWeight, contextTokens, concurrentSequences: options.concurrentSequences, overheadGibPerGpu: options.overheadGibPerGpu },
    { gpuCount: hardware.gpuCount, vramGibPerGpu: hardware.vramGbPerGpu },
  );
  return { fits: fit.fits, requiredGiB: fit.requiredGiB, availableGiB: fit.availableGiB, gpuCount: hardware.gpuCount, contextTokens, bitsPerWeight };
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

export interface AbTestDesign {
  /** Calls one agent task takes on average: success is judged per task, so each task costs this many calls. Default 1. */
  callsPerTask?: number;
  /** Share of daily calls in the test, split evenly between the arms. Default 1. */
  testShare?: number;
  alpha?: number;
  power?: number;
}

export interface ModelSwitchTest {
  baselineModel: string;
  candidateModel: string;
  baselineRate: number;
  candidateRate: number;
  /** Two-sided test able to detect the benchmark gap. */
  plan: AbTestPlan;
  /**
   * One-sided test that the candidate, planned as good as the baseline, is no worse by more than the margin;
   * `atBenchmarkGap` plans the same test for a candidate as far behind as the benchmark says (Infinity when the
   * gap reaches the margin).
   */
  nonInferiority?: AbTestPlan & { marginPoints: number; atBenchmarkGap: AbTestPlan };
}

/**
 * The A/B tests that would settle a switch between two models on live traffic: the two-sided test that detects
 * their benchmark gap, and, given a margin, the one-sided non-inferiority test a "no worse than" decision needs.
 */
export function modelSwitchTest(data: Dataset, options: AbTestDesign & { baselineModelId: string; candidateModelId: string; benchmark: string; callsPerDay: number; nonInferiorityMarginPoints?: number }): ModelSwitchTest {
  const baselineRate = successRate(data, options.baselineModelId, options.benchmark);
  const candidateRate = successRate(data, options.candidateModelId, options.benchmark);
  const traffic = { callsPerDay: options.callsPerDay, testShare: options.testShare, callsPerTask: options.callsPerTask };
  const margin = options.nonInferiorityMarginPoints;
  return {
    baselineModel: findModel(data, options.baselineModelId).modelName,
    candidateModel: findModel(data, options.candidateModelId).modelName,
    baselineRate,
    candidateRate,
    plan: abTestPlan({ baselineRate, candidateRate, alpha: options.alpha, power: options.power, ...traffic }),
    ...(margin === undefined
      ? {}
      : {
          nonInferiority: {
            marginPoints: margin,
            ...nonInferiorityPlan({ baselineRate, margin: margin / 100, alpha: options.alpha, power: options.power, ...traffic }),
            atBenchmarkGap: nonInferiorityPlan({ baselineRate, candidateRate, margin: margin / 100, alpha: options.alpha, power: options.power, ...traffic }),
          },
        }),
  };
}

export interface SampleSizePoint {
  /** The drop to detect, or for a non-inferiority test the margin, percentage points. */
  dropPoints: number;
  tasksPerArm: number;
  callsPerArm: number;
}

function curvePoint(dropPoints: number, tasksExact: number, callsPerTask: number): SampleSizePoint {
  const tasksPerArm = Math.ceil(tasksExact);
  return { dropPoints, tasksPerArm, callsPerArm: Math.ceil(tasksPerArm * callsPerTask) };
}

/** Tasks and calls per arm over a range of detectable drops (percentage points) from a baseline rate, two-sided. */
export function sampleSizeCurve(baselineRate: number, dropsPoints: readonly number[], options: { alpha?: number; power?: number; callsPerTask?: number } = {}): SampleSizePoint[] {
  return dropsPoints.map((dropPoints) => curvePoint(dropPoints, twoProportionSampleSize({ baselineRate, candidateRate: baselineRate - dropPoints / 100, alpha: options.alpha, power: options.power }), options.callsPerTask ?? 1));
}

/** Tasks and calls per arm over a range of non-inferiority margins (points), one-sided, for a candidate as good as the baseline. */
export function nonInferiorityCurve(baselineRate: number, marginsPoints: readonly number[], options: { alpha?: number; power?: number; callsPerTask?: number } = {}): SampleSizePoint[] {
  return marginsPoints.map((marginPoints) => curvePoint(marginPoints, nonInferioritySampleSize({ baselineRate, margin: marginPoints / 100, alpha: options.alpha, power: options.power }), options.callsPerTask ?? 1));
}

export interface BusiestHour {
  profileId: string;
  /** Share of a day's calls in its busiest hour. */
  peakHourShare: number;
  /** Calls in the busiest hour over calls in an average hour (daily ÷ 24): peak share × 24. */
  peakToAverage: number;
}

/**
 * How much busier than the average hour a traffic profile's busiest hour is: a break-even quoted per hour is
 * the daily break-even ÷ 24, a flat-day average. Default profile: the case study's.
 */
export function busiestHour(data: Dataset, profileId?: string): BusiestHour {
  const id = profileId ?? data.caseStudy[0]?.trafficProfileId ?? FLAT_PROFILE_ID;
  const profile = trafficProfile(data, id);
  return { profileId: profile.profileId, peakHourShare: profile.peakHourShare, peakToAverage: profile.peakHourShare * 24 };
}

/** The sentence that goes beside a per-hour break-even: it is a flat-day average, and the busiest hour carries more. */
export function perHourBreakEvenNote(data: Dataset, breakEvenDailyCalls: number, profileId?: string): string {
  const peak = busiestHour(data, profileId);
  // Whole calls down, as the break-even tables print the hourly figure.
  const averageHour = Math.trunc(breakEvenDailyCalls / 24).toLocaleString("en-US");
  const busiest = Math.round(breakEvenDailyCalls * peak.peakHourShare).toLocaleString("en-US");
  return `${averageHour} calls an hour is the daily break-even spread evenly over 24 hours; on the ${peak.profileId} profile the busiest hour carries ${peak.peakToAverage.toFixed(2)} times the average hour (${busiest} calls at that volume), so compare a day's calls with the daily figure, not an hour's.`;
}

/** Figure 59.9a: every architecture at every bit width against the room each GPU configuration leaves for it. */
export function vramFigure(data: Dataset, options: VramSizing = {}): Figure {
  const levels = quantisationLevels(data);
  const sizeOf = (name: string) => sizeLabel(name) ?? name;
  // Quality cost as measured on this model size, or on another size (named) where this one has no measurement.
  const quality = (cell: VramCell) => {
    const level = levels.find((candidate) => candidate.quantId === cell.quantId && candidate.referenceModel === cell.measuredOn);
    if (!level || level.perplexityIncreasePercent === undefined || level.perplexityIncreasePercent <= 0) return cell.measuredOnOwnSize ? undefined : `bits as ${sizeOf(cell.measuredOn)}`;
    const measuredOn = cell.measuredOnOwnSize ? "" : ` (${sizeOf(cell.measuredOn)})`;
    return `+${level.perplexityIncreasePercent.toFixed(level.perplexityIncreasePercent < 0.1 ? 2 : 1)}% ppl${measuredOn}`;
  };
  const cells = vramTable(data, options);
  const overheadGibPerGpu = options.overheadGibPerGpu ?? RUNTIME_OVERHEAD_GIB_PER_GPU;
  const configurations = gpuConfigurations(data).map((config, index) => ({
    label: config.label,
    totalVramGib: config.totalVramGib,
    // What is left for weights and KV cache once the headroom and every card's runtime overhead are set aside.
    usableGib: config.totalVramGib * (1 - VRAM_HEADROOM) - overheadGibPerGpu * config.gpuCount,
    color: HARDWARE_PALETTE[index % HARDWARE_PALETTE.length] as string,
  }));
  return vramChart(
    cells.map((cell) => ({ label: `${sizeLabel(cell.model) ?? cell.modelId} ${cell.quantId.toUpperCase()}`, weightsGib: cell.weightsGib, kvCacheGib: cell.kvCacheGib, qualityNote: quality(cell) })),
    configurations,
    {
      contextTokens: cells[0]?.contextTokens ?? options.contextTokens ?? callContextTokens(data),
      concurrentSequences: options.concurrentSequences ?? 1,
      overheadGibPerGpu,
      headroom: VRAM_HEADROOM,
      provenance: provenance(data, ["model_architectures.csv", "quantisation.csv", "hardware.csv", "workloads.csv"]),
    },
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

/** Figure 59.9d: calls per arm by detectable drop at two power levels and by non-inferiority margin, with one model switch marked. */
export function sampleSizeFigure(data: Dataset, options: AbTestDesign & { baselineModelId: string; candidateModelId: string; benchmark: string; callsPerDay: number; testShare: number; powers?: readonly number[]; nonInferiorityMarginPoints?: number }): Figure {
  const powers = options.powers ?? [0.8, 0.9];
  const test = modelSwitchTest(data, { ...options, power: powers[0] });
  const drops = Array.from({ length: 19 }, (_, index) => 1 + index * 0.5);
  const alpha = options.alpha ?? 0.05;
  const callsPerTask = options.callsPerTask ?? 1;
  const lines: SampleSizeLine[] = powers.map((power, index) => ({
    label: `detect a drop, two-sided: ${Math.round(power * 100)}% power, α = ${alpha}`,
    color: MODEL_PALETTE[index * 4] as string,
    points: sampleSizeCurve(test.baselineRate, drops, { alpha, power, callsPerTask }),
  }));
  if (options.nonInferiorityMarginPoints !== undefined) {
    lines.push({
      label: `no worse than the margin, one-sided: ${Math.round((powers[0] as number) * 100)}% power, α = ${alpha}`,
      color: MODEL_PALETTE[2] as string,
      points: nonInferiorityCurve(test.baselineRate, drops, { alpha, power: powers[0], callsPerTask }),
      dash: "dash",
      goal: "show no worse than",
    });
  }
  return sampleSizeChart(lines, {
    baselineRate: test.baselineRate,
    testCallsPerDay: options.callsPerDay * options.testShare,
    callsPerTask,
    highlight: { label: `${test.baselineModel} → ${test.candidateModel} (${options.benchmark})`, dropPoints: +((test.baselineRate - test.candidateRate) * 100).toFixed(2), tasksPerArm: test.plan.tasksPerArm, callsPerArm: test.plan.callsPerArm, days: test.plan.days },
    provenance: provenance(data, ["benchmarks.csv", "models.csv"]),
  });
}
