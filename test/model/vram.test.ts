import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fitsInVram, fitsVram, kvBytesPerToken, maxContextTokens, RUNTIME_OVERHEAD_GIB_PER_GPU, vramNeeded } from "../../src/model/vram";

// Llama 3.1 70B / 8B as published in their config.json files.
const llama70b = { paramsBillion: 70.55, layers: 80, kvHeads: 8, headDim: 128 };
const llama8b = { paramsBillion: 8.03, layers: 32, kvHeads: 8, headDim: 128 };

describe("quantisation: VRAM", () => {
  it("counts 327,680 bytes of FP16 KV cache per token for a 70B model and 131,072 for an 8B", () => {
    expect(kvBytesPerToken(llama70b)).toBe(327_680);
    expect(kvBytesPerToken(llama8b)).toBe(131_072);
  });

  it("puts a 70B model at Q4_K_M (4.82 bits, its own size's) at 39.59 GiB of weights, not the chapter's 35 GB (about 4 bits)", () => {
    // 70.55e9 weights × 4.8203 bits / 8 = 42,509,020,625 bytes = 42.51 GB; / 2^30 = 39.590 GiB, the 39.59 GiB llama-bench reports.
    const need = vramNeeded(llama70b, { bitsPerWeight: 4.8203, contextTokens: 9500, gpuCount: 2 });
    expect(need.weightsGib).toBeCloseTo(42_509_020_625 / 2 ** 30, 9);
    expect(need.weightsGib).toBeCloseTo(39.59, 2);
    expect(vramNeeded(llama70b, { bitsPerWeight: 4, contextTokens: 0, overheadGibPerGpu: 0 }).weightsGib).toBeCloseTo(32.85, 2);
  });

  it("sizes the KV cache for a whole call, input and output: 9,500 tokens hold 2.90 GiB, 0.46 GiB more than 8,000", () => {
    // 327,680 bytes/token × 9,500 tokens = 3,112,960,000 bytes / 2^30 = 2.8992 GiB; × 8,000 = 2,621,440,000 bytes = 2.4414 GiB.
    const call = vramNeeded(llama70b, { bitsPerWeight: 4.8203, contextTokens: 9500 });
    const inputOnly = vramNeeded(llama70b, { bitsPerWeight: 4.8203, contextTokens: 8000 });
    expect(call.kvCacheGib).toBeCloseTo(2.899_169_92, 8);
    expect(inputOnly.kvCacheGib).toBeCloseTo(2.441_406_25, 8);
    expect(call.kvCacheGib - inputOnly.kvCacheGib).toBeCloseTo(0.457_763_67, 8);
  });

  it("charges the runtime overhead once per GPU: 1 GiB on one card, 2 on two, 8 on eight", () => {
    expect(RUNTIME_OVERHEAD_GIB_PER_GPU).toBe(1);
    expect(vramNeeded(llama8b, { bitsPerWeight: 4.8944, contextTokens: 9500 }).overheadGib).toBe(1);
    expect(vramNeeded(llama8b, { bitsPerWeight: 4.8944, contextTokens: 9500, gpuCount: 2 }).overheadGib).toBe(2);
    // 8B Q4_K_M: 8.03e9 × 4.8944 / 8 = 4,912,754,000 bytes = 4.5754 GiB; KV 131,072 × 9,500 = 1,245,184,000 bytes = 1.1597 GiB;
    // on eight cards 4.5754 + 1.1597 + 8 × 1 = 13.7350 GiB, on one 6.7350 GiB.
    expect(vramNeeded(llama8b, { bitsPerWeight: 4.8944, contextTokens: 9500, gpuCount: 8 }).totalGib).toBeCloseTo(13.735_03, 4);
    expect(vramNeeded(llama8b, { bitsPerWeight: 4.8944, contextTokens: 9500, gpuCount: 1 }).totalGib).toBeCloseTo(6.735_03, 4);
    expect(vramNeeded(llama8b, { bitsPerWeight: 4.8944, contextTokens: 9500, gpuCount: 2, overheadGibPerGpu: 1.5 }).overheadGib).toBe(3);
    expect(() => vramNeeded(llama8b, { bitsPerWeight: 4.8944, contextTokens: 9500, gpuCount: 0 })).toThrow(/gpuCount/);
    expect(() => vramNeeded(llama8b, { bitsPerWeight: 4.8944, contextTokens: 9500, overheadGibPerGpu: -1 })).toThrow(/overheadGibPerGpu/);
  });

  it("fits 70B Q4_K_M on 2x RTX 4090 for a 9,500-token call with 1.11 GiB to spare: 44.49 of 45.6 GiB", () => {
    // 39.5896 weights + 2.8992 KV + 2 × 1 overhead = 44.4888 GiB; 2 × 24 GiB × 0.95 = 45.6 GiB; 45.6 − 44.4888 = 1.1112.
    const fit = fitsInVram(llama70b, { bitsPerWeight: 4.8203, contextTokens: 9500 }, { gpuCount: 2, vramGibPerGpu: 24 });
    expect(fit.requiredGiB).toBeCloseTo(44.488_78, 4);
    expect(fit.availableGiB).toBeCloseTo(45.6, 10);
    expect(fit.availableGiB - fit.requiredGiB).toBeCloseTo(1.1112, 4);
    expect(fit.fits).toBe(true);
    // At 1.6 GiB a card the two cards need 39.5896 + 2.8992 + 3.2 = 45.6888 GiB, beyond 45.6.
    expect(
      fitsInVram(llama70b, { bitsPerWeight: 4.8203, contextTokens: 9500, overheadGibPerGpu: 1.6 }, { gpuCount: 2, vramGibPerGpu: 24 }).fits,
    ).toBe(false);
    expect(fitsInVram(llama70b, { bitsPerWeight: 4.8203, contextTokens: 9500 }, { gpuCount: 1, vramGibPerGpu: 24 }).fits).toBe(false);
    expect(() => fitsInVram(llama70b, { bitsPerWeight: 4.8203, contextTokens: 9500 }, { gpuCount: 2, vramGibPerGpu: 0 })).toThrow(
      /vramGibPerGpu/,
    );
  });

  it("fits 70B Q4 on 2x 24 GB for one call but not FP16 on 4x A100 beside 16 sequences of 128K", () => {
    expect(fitsVram(vramNeeded(llama70b, { bitsPerWeight: 4.8203, contextTokens: 9500, gpuCount: 2 }), 48)).toBe(true);
    expect(fitsVram(vramNeeded(llama70b, { bitsPerWeight: 16, contextTokens: 128_000, concurrentSequences: 16, gpuCount: 4 }), 320)).toBe(
      false,
    );
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
      fc.property(
        fc.double({ min: 2, max: 16, noNaN: true }),
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 1, max: 64 }),
        (bits, context, sequences) => {
          const need = vramNeeded(llama8b, { bitsPerWeight: bits, contextTokens: context, concurrentSequences: sequences }).totalGib;
          expect(
            vramNeeded(llama8b, { bitsPerWeight: bits + 1, contextTokens: context, concurrentSequences: sequences }).totalGib,
          ).toBeGreaterThan(need);
          expect(
            vramNeeded(llama8b, { bitsPerWeight: bits, contextTokens: context + 1000, concurrentSequences: sequences }).totalGib,
          ).toBeGreaterThan(need);
          expect(
            vramNeeded(llama8b, { bitsPerWeight: bits, contextTokens: context, concurrentSequences: sequences + 1 }).totalGib,
          ).toBeGreaterThanOrEqual(need);
        },
      ),
    );
  });
});
