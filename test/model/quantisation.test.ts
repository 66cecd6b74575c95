import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fitsVram, kvBytesPerToken, maxContextTokens, vramNeeded } from "../../src/model/quantisation";

// Llama 3.1 70B / 8B as published in their config.json files.
const llama70b = { paramsBillion: 70.55, layers: 80, kvHeads: 8, headDim: 128 };
const llama8b = { paramsBillion: 8.03, layers: 32, kvHeads: 8, headDim: 128 };

describe("quantisation: VRAM", () => {
  it("counts 327,680 bytes of FP16 KV cache per token for a 70B model and 131,072 for an 8B", () => {
    expect(kvBytesPerToken(llama70b)).toBe(327_680);
    expect(kvBytesPerToken(llama8b)).toBe(131_072);
  });

  it("puts a 70B model at Q4_K_M (4.89 bits) at 40.20 GiB of weights, not the chapter's 35 GB (about 4 bits)", () => {
    const need = vramNeeded(llama70b, { bitsPerWeight: 4.8944, contextTokens: 8000 });
    expect(need.weightsGib).toBeCloseTo((70.55e9 * 4.8944) / 8 / 2 ** 30, 9);
    expect(need.weightsGib).toBeCloseTo(40.2, 2);
    expect(need.kvCacheGib).toBeCloseTo(2.44, 2);
    expect(need.totalGib).toBeCloseTo(40.2 + 2.44 + 2, 1);
    expect(vramNeeded(llama70b, { bitsPerWeight: 4, contextTokens: 0, overheadGib: 0 }).weightsGib).toBeCloseTo(32.85, 2);
  });

  it("fits 70B Q4 on 2x 24 GB for one 8K context but not FP16 on 4x A100 beside 16 sequences of 128K", () => {
    expect(fitsVram(vramNeeded(llama70b, { bitsPerWeight: 4.8944, contextTokens: 8000 }), 48)).toBe(true);
    expect(fitsVram(vramNeeded(llama70b, { bitsPerWeight: 16, contextTokens: 128_000, concurrentSequences: 16 }), 320)).toBe(false);
    expect(fitsVram(vramNeeded(llama70b, { bitsPerWeight: 16, contextTokens: 8000 }), 48)).toBe(false);
  });

  it("gives the longest context that fits, and 0 when the weights alone do not", () => {
    const tokens = maxContextTokens(llama70b, { bitsPerWeight: 4.8944 }, 48);
    expect(fitsVram(vramNeeded(llama70b, { bitsPerWeight: 4.8944, contextTokens: tokens }), 48)).toBe(true);
    expect(fitsVram(vramNeeded(llama70b, { bitsPerWeight: 4.8944, contextTokens: tokens + 1 }), 48)).toBe(false);
    expect(maxContextTokens(llama70b, { bitsPerWeight: 16 }, 48)).toBe(0);
  });

  it("needs more memory with more bits, context or sequences (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 2, max: 16, noNaN: true }), fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 1, max: 64 }), (bits, context, sequences) => {
        const need = vramNeeded(llama8b, { bitsPerWeight: bits, contextTokens: context, concurrentSequences: sequences }).totalGib;
        expect(vramNeeded(llama8b, { bitsPerWeight: bits + 1, contextTokens: context, concurrentSequences: sequences }).totalGib).toBeGreaterThan(need);
        expect(vramNeeded(llama8b, { bitsPerWeight: bits, contextTokens: context + 1000, concurrentSequences: sequences }).totalGib).toBeGreaterThan(need);
        expect(vramNeeded(llama8b, { bitsPerWeight: bits, contextTokens: context, concurrentSequences: sequences + 1 }).totalGib).toBeGreaterThanOrEqual(need);
      }),
    );
  });
});
