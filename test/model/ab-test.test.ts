import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { abTestPlan, normalQuantile, twoProportionSampleSize } from "../../src/model/ab-test";

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
