import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cloudCost, cloudCostPerCall } from "../../src/model";

const typical = { inputTokensPerCall: 8000, outputTokensPerCall: 1500, callsPerDay: 1000 };

describe("cloud cost", () => {
  it("prices Claude 3.5 Sonnet at $0.0465 a call, $46.50 a day and $1,395 a month for the typical workload", () => {
    const cost = cloudCost({ inputUsdPerMTok: 3, outputUsdPerMTok: 15 }, typical);
    expect(cost.usdPerCall).toBeCloseTo(0.0465, 6);
    expect(cost.usdPerDay).toBeCloseTo(46.5, 2);
    expect(cost.usdPerMonth).toBeCloseTo(1395, 2);
  });

  it("uses the given days per month", () => {
    expect(cloudCost({ inputUsdPerMTok: 2.5, outputUsdPerMTok: 10 }, { ...typical, daysPerMonth: 31 }).usdPerMonth).toBeCloseTo(1085, 2);
  });

  it("charges nothing for a call with no tokens", () => {
    expect(cloudCostPerCall({ inputUsdPerMTok: 3, outputUsdPerMTok: 15 }, { inputTokensPerCall: 0, outputTokensPerCall: 0 })).toBe(0);
  });

  it("grows with volume (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.nat(1e6),
        fc.nat(1e6),
        (input, output, a, b) => {
          const prices = { inputUsdPerMTok: input, outputUsdPerMTok: output };
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(cloudCost(prices, { ...typical, callsPerDay: low }).usdPerMonth).toBeLessThanOrEqual(
            cloudCost(prices, { ...typical, callsPerDay: high }).usdPerMonth,
          );
        },
      ),
    );
  });
});
