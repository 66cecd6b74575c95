import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { abTestPlan, failoverCost, fitsVram, kvBytesPerToken, maxContextTokens, normalQuantile, opsFteLimit, opsSweep, twoProportionSampleSize, vramNeeded } from "../../src/model";

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

describe("failover", () => {
  const base = { callsPerMonth: 90_000, localMonthlyUsd: 693.33, cloudUsdPerCall: 0.009, localDowntimeHoursPerMonth: 7.2, outagesPerMonth: 2, detectionSeconds: 60, cloudAvailability: 0.999 };

  it("serves 99% locally alone and 99.995% with a cloud fallback at 7.2 hours of downtime a month", () => {
    const result = failoverCost(base);
    expect(result.availabilityLocalOnly).toBeCloseTo(0.99, 12);
    // 0.99 + (0.01 − 120 s / 2,592,000 s) × 0.999
    expect(result.availabilityWithFailover).toBeCloseTo(0.99 + (0.01 - 120 / 2_592_000) * 0.999, 12);
    expect(result.cloudCallsPerMonth).toBeCloseTo(90_000 * (0.01 - 120 / 2_592_000) * 0.999, 6);
    expect(result.totalUsdPerMonth).toBeCloseTo(693.33 + result.cloudCallsPerMonth * 0.009, 9);
    expect(result.failedCallsPerMonth).toBeCloseTo(90_000 * (1 - result.availabilityWithFailover), 9);
  });

  it("sends the cloud share to the cloud and falls back to local when the cloud is down", () => {
    const result = failoverCost({ ...base, cloudShare: 1 });
    expect(result.availabilityWithFailover).toBeCloseTo(0.999 + 0.001 * 0.99, 12);
    expect(result.cloudCallsPerMonth).toBeCloseTo(90_000 * 0.999, 6);
  });

  it("rejects downtime beyond the month and shares outside 0–1", () => {
    expect(() => failoverCost({ ...base, localDowntimeHoursPerMonth: 800 })).toThrow(/downtime/);
    expect(() => failoverCost({ ...base, cloudAvailability: 1.5 })).toThrow(/cloudAvailability/);
  });

  it("is at least as available as local alone and costs at least the local server (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 720, noNaN: true }), fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 3600, noNaN: true }), fc.double({ min: 0.9, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (downtime, outages, detection, cloud, share) => {
        const result = failoverCost({ ...base, localDowntimeHoursPerMonth: downtime, outagesPerMonth: outages, detectionSeconds: detection, cloudAvailability: cloud, cloudShare: share });
        expect(result.availabilityWithFailover).toBeGreaterThanOrEqual(Math.min(result.availabilityLocalOnly, result.availabilityCloudOnly) - 1e-12);
        expect(result.availabilityWithFailover).toBeLessThanOrEqual(1 + 1e-12);
        expect(result.totalUsdPerMonth).toBeGreaterThanOrEqual(base.localMonthlyUsd);
      }),
    );
  });
});

describe("ops cost", () => {
  it("moves the A100 vs Claude break-even from 1,676 calls/day without ops to 5,974 at 0.5 FTE of $12,000", () => {
    const points = opsSweep({ hardwareUsdPerMonth: 2337.42, apiUsdPerCall: 0.0465, opsFte: [0, 0.2, 0.5], salariesUsdPerMonth: [10_000, 12_000] });
    expect(points).toHaveLength(6);
    expect(points.find((point) => point.opsFte === 0.2 && point.salaryUsdPerMonth === 10_000)?.breakEvenDailyCalls).toBe(3109);
    expect(points.find((point) => point.opsFte === 0)?.breakEvenDailyCalls).toBe(1675);
    expect(points.find((point) => point.opsFte === 0.5 && point.salaryUsdPerMonth === 12_000)?.breakEvenDailyCalls).toBe(5976);
  });

  it("finds the ops share at which local stops paying at a volume, where the costs meet", () => {
    const fte = opsFteLimit({ hardwareUsdPerMonth: 2337.42, apiUsdPerCall: 0.0465, callsPerDay: 5000, salaryUsdPerMonth: 10_000 });
    expect(fte).toBeCloseTo((5000 * 0.0465 * 30 - 2337.42) / 10_000, 12);
    expect(2337.42 + fte * 10_000).toBeCloseTo(5000 * 0.0465 * 30, 9);
  });
});

describe("A/B test sample size", () => {
  it("inverts the normal distribution to 1e-8", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 8);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 8);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(() => normalQuantile(1)).toThrow(/p must be/);
  });

  it("needs 387.3 calls per arm to tell 50% from 60% at α = 0.05 and 80% power (R's power.prop.test gives 387.3)", () => {
    expect(twoProportionSampleSize({ baselineRate: 0.5, candidateRate: 0.6 })).toBeCloseTo(387.3, 1);
    expect(twoProportionSampleSize({ baselineRate: 0.5, candidateRate: 0.5 })).toBe(Infinity);
  });

  it("plans Claude 3.5's 84.1% against Hermes 4's 81.2% GAIA Level 1 at 3,000 calls a day with half the traffic in the test", () => {
    const plan = abTestPlan({ baselineRate: 0.841, candidateRate: 0.812, callsPerDay: 3000, testShare: 0.5 });
    expect(plan.callsPerArm).toBe(Math.ceil(twoProportionSampleSize({ baselineRate: 0.841, candidateRate: 0.812 })));
    expect(plan.callsPerArm).toBeGreaterThan(2000);
    expect(plan.days).toBe(Math.ceil((2 * plan.callsPerArm) / 1500));
  });

  it("needs more calls for a smaller drop or more power (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.2, max: 0.9, noNaN: true }), fc.double({ min: 0.01, max: 0.1, noNaN: true }), (baseline, drop) => {
        const n = twoProportionSampleSize({ baselineRate: baseline, candidateRate: baseline - drop });
        expect(twoProportionSampleSize({ baselineRate: baseline, candidateRate: baseline - drop / 2 })).toBeGreaterThan(n);
        expect(twoProportionSampleSize({ baselineRate: baseline, candidateRate: baseline - drop, power: 0.9 })).toBeGreaterThan(n);
      }),
    );
  });
});
