/**
 * Quantisation (the chapter's first closing question): the GPU memory a model needs at a given bit width,
 * weights plus the KV cache for the contexts it serves at once plus each GPU's runtime overhead, against what a
 * configuration has.
 */
import { InputError } from "../errors";

/** GPU memory is sold in binary units: a "24 GB" card holds 24 GiB. */
const BYTES_PER_GIB = 2 ** 30;

/**
 * Runtime memory every GPU of a configuration holds besides its share of weights and KV cache, GiB. Each card
 * keeps its own CUDA context and cuBLAS workspace (0.3 to 1 GB per process by the NAIRR GPU-estimation guide)
 * and its own compute buffer: llama.cpp allocated 640 MiB on each of two RTX 4090s for Llama 3 8B at an
 * 8,192-token context (XiongjieDai/GPU-Benchmarks-on-LLM-Inference, LLaMA 3/Gaming GPUs/4090_2_v3). About
 * 1 GiB per card is the sum's low end; a larger model without flash attention needs more scratch, so pass
 * `overheadGibPerGpu` where a log of your own server says otherwise.
 */
export const RUNTIME_OVERHEAD_GIB_PER_GPU = 1;

/** Share of a configuration's VRAM kept free for fragmentation and uneven layer splits across cards. */
export const VRAM_HEADROOM = 0.05;

/** The shape of a transformer that sets its KV-cache size. */
export interface ModelArchitecture {
  /** Parameters, billions. */
  paramsBillion: number;
  layers: number;
  /** Key/value heads (fewer than attention heads under grouped-query attention). */
  kvHeads: number;
  headDim: number;
}

export interface VramOptions {
  /** Effective bits per weight of the quantisation for this model (Q4_K_M: 4.89 on an 8B, 4.82 on a 70B). */
  bitsPerWeight: number;
  /** Tokens of context held per sequence: a call's input plus its output. */
  contextTokens: number;
  /** Sequences served at once. Default 1. */
  concurrentSequences?: number;
  /** Bytes per cached key or value element. Default 2 (an FP16 cache). */
  kvBytesPerElement?: number;
  /** GPUs the model is split across; each pays the runtime overhead. Default 1. */
  gpuCount?: number;
  /** Runtime overhead of each GPU, GiB. Default `RUNTIME_OVERHEAD_GIB_PER_GPU`. */
  overheadGibPerGpu?: number;
}

export interface VramNeed {
  weightsGib: number;
  kvCacheGib: number;
  /** Runtime overhead over all GPUs: per-GPU overhead × GPU count. */
  overheadGib: number;
  totalGib: number;
}

/** Bytes of KV cache one token takes: a key and a value vector per layer and KV head. */
export function kvBytesPerToken(arch: ModelArchitecture, kvBytesPerElement = 2): number {
  return 2 * arch.layers * arch.kvHeads * arch.headDim * kvBytesPerElement;
}

export function vramNeeded(arch: ModelArchitecture, options: VramOptions): VramNeed {
  if (!(options.bitsPerWeight > 0)) throw new InputError("vramNeeded: bitsPerWeight must be positive");
  if (!(options.contextTokens >= 0)) throw new InputError("vramNeeded: contextTokens must be non-negative");
  const gpuCount = options.gpuCount ?? 1;
  if (!(Number.isInteger(gpuCount) && gpuCount >= 1))
    throw new InputError(`vramNeeded: gpuCount must be a whole number of at least 1, got ${gpuCount}`);
  const overheadGibPerGpu = options.overheadGibPerGpu ?? RUNTIME_OVERHEAD_GIB_PER_GPU;
  if (!(overheadGibPerGpu >= 0)) throw new InputError("vramNeeded: overheadGibPerGpu must be non-negative");
  const weightsGib = (arch.paramsBillion * 1e9 * options.bitsPerWeight) / 8 / BYTES_PER_GIB;
  const kvCacheGib =
    (kvBytesPerToken(arch, options.kvBytesPerElement) * options.contextTokens * (options.concurrentSequences ?? 1)) / BYTES_PER_GIB;
  const overheadGib = overheadGibPerGpu * gpuCount;
  return { weightsGib, kvCacheGib, overheadGib, totalGib: weightsGib + kvCacheGib + overheadGib };
}

/** Whether a need fits a configuration's total VRAM, keeping `headroom` (default 5%) free for fragmentation. */
export function fitsVram(need: VramNeed, totalVramGib: number, headroom = VRAM_HEADROOM): boolean {
  return need.totalGib <= totalVramGib * (1 - headroom);
}

/** A GPU configuration as the memory check sees it. */
export interface GpuMemory {
  gpuCount: number;
  vramGibPerGpu: number;
}

export interface VramFit {
  fits: boolean;
  /** Weights, KV cache and every card's runtime overhead, GiB. */
  requiredGiB: number;
  /** The configuration's VRAM less the headroom kept free, GiB. */
  availableGiB: number;
  need: VramNeed;
}

/** Whether a model at a bit width and context fits a configuration, with the overhead paid on each of its GPUs. */
export function fitsInVram(
  arch: ModelArchitecture,
  options: Omit<VramOptions, "gpuCount">,
  gpus: GpuMemory,
  headroom = VRAM_HEADROOM,
): VramFit {
  if (!(gpus.vramGibPerGpu > 0)) throw new InputError("fitsInVram: vramGibPerGpu must be positive");
  const need = vramNeeded(arch, { ...options, gpuCount: gpus.gpuCount });
  const availableGiB = gpus.gpuCount * gpus.vramGibPerGpu * (1 - headroom);
  return { fits: need.totalGib <= availableGiB, requiredGiB: need.totalGib, availableGiB, need };
}

/** The most context (tokens per sequence) that fits beside the weights, or 0 when the weights alone do not fit. */
export function maxContextTokens(
  arch: ModelArchitecture,
  options: Omit<VramOptions, "contextTokens">,
  totalVramGib: number,
  headroom = VRAM_HEADROOM,
): number {
  const base = vramNeeded(arch, { ...options, contextTokens: 0 });
  const free = totalVramGib * (1 - headroom) - base.totalGib;
  if (free <= 0) return 0;
  return Math.floor((free * BYTES_PER_GIB) / (kvBytesPerToken(arch, options.kvBytesPerElement) * (options.concurrentSequences ?? 1)));
}
