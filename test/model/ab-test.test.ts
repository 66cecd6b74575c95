import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { abTestPlan, nonInferiorityPlan, nonInferioritySampleSize, normalQuantile, twoProportionSampleSize } from "../../src/model/ab-test";

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
    expect(plan.tasksPerArm).toBe(Math.ceil(twoProportionSampleSize({ baselineRate: 0.841, candidateRate: 0.812 })));
    expect(plan.callsPerArm).toBe(plan.tasksPerArm);
    expect(plan.callsPerArm).toBeGreaterThan(2000);
    expect(plan.days).toBe(Math.ceil((2 * plan.callsPerArm) / 1500));
  });

  it("counts tasks, not calls, when success is judged per task: 388 tasks of 4 calls are 1,552 calls per arm, 7 days", () => {
    // 50% vs 60%: 387.3 tasks per arm, rounded up to 388; × 4 calls = 1,552 calls per arm, 3,104 in all;
    // half of 1,000 calls a day in the test is 500 a day: 3,104 / 500 = 6.2, so 7 days.
    const plan = abTestPlan({ baselineRate: 0.5, candidateRate: 0.6, callsPerDay: 1000, testShare: 0.5, callsPerTask: 4 });
    expect(plan).toEqual({ tasksPerArm: 388, callsPerArm: 1552, callsInTotal: 3104, days: 7 });
    // Counted per call, the same test would claim 388 calls per arm and 2 days (776 / 500 = 1.55).
    expect(abTestPlan({ baselineRate: 0.5, candidateRate: 0.6, callsPerDay: 1000, testShare: 0.5 })).toEqual({
      tasksPerArm: 388,
      callsPerArm: 388,
      callsInTotal: 776,
      days: 2,
    });
    expect(() => abTestPlan({ baselineRate: 0.5, candidateRate: 0.6, callsPerDay: 1000, callsPerTask: 0.5 })).toThrow(/callsPerTask/);
  });

  it("sizes a one-sided non-inferiority test: 80% success, 5-point margin, α = 0.05, 80% power needs 792 tasks per arm", () => {
    // z(0.95) = 1.644854, z(0.80) = 0.841621; (1.644854 + 0.841621)² = 2.486475² = 6.182557;
    // variance 0.8 × 0.2 + 0.8 × 0.2 = 0.32; n = 6.182557 × 0.32 / 0.05² = 1.978418 / 0.0025 = 791.37, so 792.
    expect(nonInferioritySampleSize({ baselineRate: 0.8, margin: 0.05 })).toBeCloseTo(791.37, 2);
    // Planned 2 points better the distance is 0.07: 6.182557 × (0.16 + 0.82 × 0.18) / 0.07² = 6.182557 × 0.3076 / 0.0049 = 388.11.
    expect(nonInferioritySampleSize({ baselineRate: 0.8, candidateRate: 0.82, margin: 0.05 })).toBeCloseTo(388.11, 2);
    // A candidate planned 5 points worse can never be shown within a 5-point margin.
    expect(nonInferioritySampleSize({ baselineRate: 0.8, candidateRate: 0.75, margin: 0.05 })).toBe(Infinity);
    // 792 tasks × 3 calls = 2,376 calls per arm, 4,752 in all, at 2,000 test calls a day: 2.4, so 3 days.
    expect(nonInferiorityPlan({ baselineRate: 0.8, margin: 0.05, callsPerDay: 2000, callsPerTask: 3 })).toEqual({
      tasksPerArm: 792,
      callsPerArm: 2376,
      callsInTotal: 4752,
      days: 3,
    });
    expect(() => nonInferioritySampleSize({ baselineRate: 0.8, margin: 0 })).toThrow(/margin/);
  });

  it("needs fewer tasks one-sided than two-sided for the same distance and power", () => {
    // Two-sided α = 0.05 uses z = 1.96, one-sided 1.645: same rates and a 5-point distance.
    expect(nonInferioritySampleSize({ baselineRate: 0.8, margin: 0.05 })).toBeLessThan(
      twoProportionSampleSize({ baselineRate: 0.8, candidateRate: 0.75 }),
    );
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
