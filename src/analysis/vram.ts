/** How much GPU memory a model needs at each bit width and context, and which configurations hold it (59.9a). */
import { InputError } from "../errors";
import type { Dataset, HardwareRow, QuantisationRow } from "../data";
import { fitsInVram, RUNTIME_OVERHEAD_GIB_PER_GPU, VRAM_HEADROOM, vramNeeded, type ModelArchitecture } from "../model";
import { SERIES_PALETTE, vramChart, type Figure } from "../charts";
import type { VramPanelModel } from "../panels";
import { CLOSING_QUESTIONS_WORDS } from "../i18n/closing-questions";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { provenance } from "./figure-context";
import { byId, findHardware, findWorkload } from "./lookup";

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
    perplexityIncreasePercent:
      row.perplexity !== undefined && row.perplexityFp16 !== undefined
        ? ((row.perplexity - row.perplexityFp16) / row.perplexityFp16) * 100
        : undefined,
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
  if (rows.length === 0)
    throw new InputError(
      `unknown quant_id ${JSON.stringify(quantId)}; known: ${[...new Set(data.quantisation.map((row) => row.quantId))].join(", ")}`,
    );
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
      const sizing = {
        bitsPerWeight: row.bitsPerWeight,
        contextTokens,
        concurrentSequences: options.concurrentSequences,
        overheadGibPerGpu,
      };
      const need = vramNeeded(architectureOf(arch), sizing);
      const byConfiguration = Object.fromEntries(
        configurations.map((config) => {
          const fit = fitsInVram(architectureOf(arch), sizing, {
            gpuCount: config.gpuCount,
            vramGibPerGpu: config.totalVramGib / config.gpuCount,
          });
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
export function modelFitsHardware(
  data: Dataset,
  hardwareId: string,
  modelArchitectureId: string,
  quantId: string,
  options: VramSizing = {},
): HardwareFit {
  const hardware = findHardware(data, hardwareId);
  const arch = byId(data.modelArchitectures, modelArchitectureId, (row) => row.modelId, "model_architectures.csv model_id");
  const bitsPerWeight = quantisationFor(data, quantId, arch.model).row.bitsPerWeight;
  const contextTokens = options.contextTokens ?? callContextTokens(data);
  const fit = fitsInVram(
    architectureOf(arch),
    { bitsPerWeight, contextTokens, concurrentSequences: options.concurrentSequences, overheadGibPerGpu: options.overheadGibPerGpu },
    { gpuCount: hardware.gpuCount, vramGibPerGpu: hardware.vramGbPerGpu },
  );
  return {
    fits: fit.fits,
    requiredGiB: fit.requiredGiB,
    availableGiB: fit.availableGiB,
    gpuCount: hardware.gpuCount,
    contextTokens,
    bitsPerWeight,
  };
}

/** A model's bars are labelled by its size ("70B"), else by its id. */
const barLabel = (model: string, modelId: string): string => sizeLabel(model) ?? modelId;

/** The quality cost above a bar: as measured on this model's size, or on another size (named) where this one has no measurement. */
function qualityNote(
  levels: readonly QuantisationLevel[],
  quantId: string,
  measuredOn: string,
  ownSize: boolean,
  lang: Lang = DEFAULT_LANG,
): string | undefined {
  const words = CLOSING_QUESTIONS_WORDS[lang];
  const sizeOf = (name: string) => sizeLabel(name) ?? name;
  const level = levels.find((candidate) => candidate.quantId === quantId && candidate.referenceModel === measuredOn);
  if (!level || level.perplexityIncreasePercent === undefined || level.perplexityIncreasePercent <= 0)
    return ownSize ? undefined : words.bitsAs(sizeOf(measuredOn));
  return words.ppl(
    level.perplexityIncreasePercent.toFixed(level.perplexityIncreasePercent < 0.1 ? 2 : 1),
    ownSize ? "" : sizeOf(measuredOn),
  );
}

/** The GPU configurations, smallest first, each with the colour of its line in Figure 59.9a. */
export function vramConfigurations(data: Dataset): (GpuConfiguration & { color: string })[] {
  return gpuConfigurations(data).map((config, index) => ({ ...config, color: SERIES_PALETTE[index % SERIES_PALETTE.length] as string }));
}

/** Every architecture with each bit width as Figure 59.9a draws it, for the closing questions' what-if panel. */
export function vramPanelModels(data: Dataset, lang: Lang = DEFAULT_LANG): VramPanelModel[] {
  const levels = quantisationLevels(data);
  return data.modelArchitectures.map((arch) => ({
    modelId: arch.modelId,
    name: arch.model,
    barLabel: barLabel(arch.model, arch.modelId),
    architecture: architectureOf(arch),
    formats: quantIds(data).map((quantId) => {
      const { row, ownSize } = quantisationFor(data, quantId, arch.model);
      return { quantId, bitsPerWeight: row.bitsPerWeight, qualityNote: qualityNote(levels, quantId, row.referenceModel, ownSize, lang) };
    }),
  }));
}

/** Figure 59.9a: every architecture at every bit width against the room each GPU configuration leaves for it. */
export function vramFigure(data: Dataset, options: VramSizing & { lang?: Lang } = {}): Figure {
  const levels = quantisationLevels(data);
  const cells = vramTable(data, options);
  const overheadGibPerGpu = options.overheadGibPerGpu ?? RUNTIME_OVERHEAD_GIB_PER_GPU;
  const configurations = vramConfigurations(data).map((config) => ({
    label: config.label,
    totalVramGib: config.totalVramGib,
    // What is left for weights and KV cache once the headroom and every card's runtime overhead are set aside.
    usableGib: config.totalVramGib * (1 - VRAM_HEADROOM) - overheadGibPerGpu * config.gpuCount,
    color: config.color,
  }));
  return vramChart(
    cells.map((cell) => ({
      label: `${barLabel(cell.model, cell.modelId)} ${cell.quantId.toUpperCase()}`,
      weightsGib: cell.weightsGib,
      kvCacheGib: cell.kvCacheGib,
      qualityNote: qualityNote(levels, cell.quantId, cell.measuredOn, cell.measuredOnOwnSize, options.lang),
    })),
    configurations,
    {
      contextTokens: cells[0]?.contextTokens ?? options.contextTokens ?? callContextTokens(data),
      concurrentSequences: options.concurrentSequences ?? 1,
      overheadGibPerGpu,
      headroom: VRAM_HEADROOM,
      provenance: provenance(data, ["model_architectures.csv", "quantisation.csv", "hardware.csv", "workloads.csv"]),
      lang: options.lang,
    },
  );
}

/*
 * Whether a local configuration can hold the model its break-even assumes: the model it stands in for
 * (hardware.csv `serves_model_id` at `serves_quant_id`) against its VRAM for one call's context. A pairing whose
 * hardware cannot hold that model prices a server that could not do the job; these marks say so wherever such a
 * pairing is shown, and what the configuration holds instead.
 */
export interface ServedModel {
  modelId: string;
  model: string;
  quantId: string;
  bitsLabel: number;
}

export interface HardwareModelFit {
  hardware: HardwareRow;
  /** The model the configuration stands in for, at its quantisation. */
  assumed: ServedModel;
  fits: boolean;
  /** Weights, one call's KV cache and every GPU's runtime overhead, GiB. */
  requiredGiB: number;
  /** The configuration's VRAM less the headroom kept free, GiB. */
  availableGiB: number;
  /** When the assumed model does not fit: the largest model in the data that does, at the lightest quantisation. */
  largestThatFits: ServedModel | undefined;
}

function servedModel(data: Dataset, modelId: string, quantId: string): ServedModel {
  const arch = byId(data.modelArchitectures, modelId, (row) => row.modelId, "model_architectures.csv model_id");
  const quant = byId(data.quantisation, quantId, (row) => row.quantId, "quant_id");
  return { modelId, model: arch.model, quantId, bitsLabel: quant.bitsLabel };
}

/** The fit of a configuration's assumed model; undefined when its row names no model to serve. */
export function hardwareModelFit(data: Dataset, hardwareId: string): HardwareModelFit | undefined {
  const hardware = findHardware(data, hardwareId);
  if (hardware.servesModelId === undefined || hardware.servesQuantId === undefined) return undefined;
  const fit = modelFitsHardware(data, hardwareId, hardware.servesModelId, hardware.servesQuantId);
  let largestThatFits: ServedModel | undefined;
  if (!fit.fits) {
    const lightest = [...data.quantisation].sort((a, b) => a.bitsPerWeight - b.bitsPerWeight)[0];
    const largestFirst = [...data.modelArchitectures].sort((a, b) => b.paramsB - a.paramsB);
    const holds = lightest && largestFirst.find((arch) => modelFitsHardware(data, hardwareId, arch.modelId, lightest.quantId).fits);
    if (lightest && holds) largestThatFits = servedModel(data, holds.modelId, lightest.quantId);
  }
  return {
    hardware,
    assumed: servedModel(data, hardware.servesModelId, hardware.servesQuantId),
    fits: fit.fits,
    requiredGiB: fit.requiredGiB,
    availableGiB: fit.availableGiB,
    largestThatFits,
  };
}

/** A short note for tables, captions and labels: empty when the model fits or none is assumed. */
export function fitNote(fit: HardwareModelFit | undefined, lang: Lang = DEFAULT_LANG): string {
  if (!fit || fit.fits) return "";
  if (lang === "zh-CN") {
    const insteadZh = fit.largestThatFits
      ? `；它最多能运行 ${fit.largestThatFits.bitsLabel} 位的 ${fit.largestThatFits.model}`
      : "；它无法运行数据中的任何模型";
    return `无法运行 ${fit.assumed.bitsLabel} 位的 ${fit.assumed.model}（需要 ${fit.requiredGiB.toFixed(1)} GiB，可用 ${fit.availableGiB.toFixed(1)} GiB）${insteadZh}`;
  }
  const instead = fit.largestThatFits
    ? `; it holds ${fit.largestThatFits.model} at ${fit.largestThatFits.bitsLabel} bits at most`
    : "; it holds no model in the data";
  return `cannot hold ${fit.assumed.model} at ${fit.assumed.bitsLabel} bits (needs ${fit.requiredGiB.toFixed(1)} GiB, has ${fit.availableGiB.toFixed(1)} usable)${instead}`;
}

/**
 * A configuration's name for figures and tables, marked where it cannot hold the model its comparisons
 * assume: "1x RTX 4090 (too small for Hermes 3 70B)". `name` defaults to the row's own.
 */
export function fitLabel(
  data: Dataset,
  hardwareId: string,
  name: string = findHardware(data, hardwareId).name,
  lang: Lang = DEFAULT_LANG,
): string {
  const fit = hardwareModelFit(data, hardwareId);
  if (!fit || fit.fits) return name;
  const model = fit.assumed.model.replace(/ \(.*\)$/, "");
  return lang === "en" ? `${name} (too small for ${model})` : `${name}（显存不足以运行 ${model}）`;
}
