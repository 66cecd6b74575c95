/**
 * Quantisation (the chapter's first closing question): the GPU memory a model needs at a given bit width,
 * weights plus the KV cache for the contexts it serves at once, against what a configuration has.
 */
import { InputError } from "../errors";

/** GPU memory is sold in binary units: a "24 GB" card holds 24 GiB. */
const BYTES_PER_GIB = 2 ** 30;

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
  /** Effective bits per weight of the quantisation (Q4_K_M ≈ 4.89, Q8_0 ≈ 8.5, FP16 = 16). */
  bitsPerWeight: number;
  /** Tokens of context held per sequence. */
  contextTokens: number;
  /** Sequences served at once. Default 1. */
  concurrentSequences?: number;
  /** Bytes per cached key or value element. Default 2 (an FP16 cache). */
  kvBytesPerElement?: number;
  /** Runtime buffers, CUDA context and activations, GiB. Default 2. */
  overheadGib?: number;
}

export interface VramNeed {
  weightsGib: number;
  kvCacheGib: number;
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
  const weightsGib = (arch.paramsBillion * 1e9 * options.bitsPerWeight) / 8 / BYTES_PER_GIB;
  const kvCacheGib = (kvBytesPerToken(arch, options.kvBytesPerElement) * options.contextTokens * (options.concurrentSequences ?? 1)) / BYTES_PER_GIB;
  const overheadGib = options.overheadGib ?? 2;
  return { weightsGib, kvCacheGib, overheadGib, totalGib: weightsGib + kvCacheGib + overheadGib };
}

/** Whether a need fits a configuration's total VRAM, keeping `headroom` (default 5%) free for fragmentation. */
export function fitsVram(need: VramNeed, totalVramGib: number, headroom = 0.05): boolean {
  return need.totalGib <= totalVramGib * (1 - headroom);
}

/** The most context (tokens per sequence) that fits beside the weights, or 0 when the weights alone do not fit. */
export function maxContextTokens(arch: ModelArchitecture, options: Omit<VramOptions, "contextTokens">, totalVramGib: number, headroom = 0.05): number {
  const base = vramNeeded(arch, { ...options, contextTokens: 0 });
  const free = totalVramGib * (1 - headroom) - base.totalGib;
  if (free <= 0) return 0;
  return Math.floor((free * BYTES_PER_GIB) / (kvBytesPerToken(arch, options.kvBytesPerElement) * (options.concurrentSequences ?? 1)));
}
