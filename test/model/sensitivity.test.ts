import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  breakEvenDailyCallsOf,
  drawFactor,
  monteCarloDraws,
  quantile,
  rangeTornado,
  savingBand,
  seededRandom,
  tornado,
  type BreakEvenInputs,
} from "../../src/model";

// Scenario 1 of the chapter: 4x A100 against Claude 3.5 Sonnet at 8K in + 1.5K out.
const a100VsClaude: BreakEvenInputs = {
  inputUsdPerMTok: 3,
  outputUsdPerMTok: 15,
  inputTokensPerCall: 8000,
  outputTokensPerCall: 1500,
  capexUsd: 80_000,
  depreciationMonths: 36,
  powerKw: 1.6,
  electricityUsdPerKwh: 0.1,
  opsFte: 0.2,
  opsSalaryUsdPerMonth: 10_000,
};

describe("breakEvenDailyCallsOf", () => {
  it("gives the chapter's scenario 1 untruncated: $4,337.42 / ($0.0465 × 30) = 3,109.26 calls/day", () => {
    expect(breakEvenDailyCallsOf(a100VsClaude)).toBeCloseTo(4337.4222 / 1.395, 3);
    expect(breakEvenDailyCallsOf(a100VsClaude)).toBeCloseTo(3109.26, 2);
  });

  it("is Infinity when calls cost nothing on the API", () => {
    expect(breakEvenDailyCallsOf({ ...a100VsClaude, inputUsdPerMTok: 0, outputUsdPerMTok: 0 })).toBe(Infinity);
  });
});

describe("tornado", () => {
  it("ranks the depreciation period first for A100 vs Claude at ±20%: 2,843.76 to 3,507.51 calls/day", () => {
    const result = tornado(a100VsClaude);
    expect(result.baseBreakEven).toBeCloseTo(3109.26, 2);
    const [first, second] = result.bars;
    expect(first?.input).toBe("depreciationMonths");
    expect(first?.breakEvenAtLow).toBeCloseTo(3507.51, 2); // 28.8 months
    expect(first?.breakEvenAtHigh).toBeCloseTo(2843.76, 2); // 43.2 months
    // Input price and input tokens move the per-call price identically.
    expect(["inputUsdPerMTok", "inputTokensPerCall"]).toContain(second?.input);
    expect(second?.spread).toBeCloseTo(3467.16 - 2818.34, 1);
    expect(result.bars.map((bar) => bar.input)).not.toContain("opsUsdPerMonth"); // not defined in these inputs
    expect(result.bars).toHaveLength(10);
  });

  it("moves each input over its own range when given ranges: capex 0.9–1.25 of $80,000 gives 2,949.96 to 3,507.51 calls/day", () => {
    const result = rangeTornado(a100VsClaude, {
      capexUsd: { lowFactor: 0.9, highFactor: 1.25, distribution: "uniform" },
      opsFte: { lowFactor: 1, highFactor: 1, distribution: "uniform" },
    });
    expect(result.bars.map((bar) => bar.input)).toEqual(["capexUsd", "opsFte"]);
    // (72,000/36 + 115.20 + 2,000) / 1.395 and (100,000/36 + 115.20 + 2,000) / 1.395.
    expect(result.bars[0]?.breakEvenAtLow).toBeCloseTo((2000 + 115.2 + 2000) / 1.395, 6);
    expect(result.bars[0]?.breakEvenAtHigh).toBeCloseTo((100_000 / 36 + 115.2 + 2000) / 1.395, 6);
    expect(result.bars[1]?.spread).toBe(0);
    expect(() => rangeTornado(a100VsClaude, { capexUsd: { lowFactor: 2, highFactor: 1, distribution: "uniform" } })).toThrow(
      /lowFactor 2 is above/,
    );
  });

  it("takes the swing and the inputs to vary as options", () => {
    const result = tornado(a100VsClaude, { swing: 0.5, inputs: ["capexUsd", "opsFte"] });
    expect(result.bars.map((bar) => bar.input)).toEqual(["capexUsd", "opsFte"]);
    expect(result.bars[0]?.lowValue).toBe(40_000);
    expect(() => tornado(a100VsClaude, { swing: 1 })).toThrow(/swing/);
  });

  it("orders bars by spread, and every bar brackets the base when the input moves the break-even one way (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.9, noNaN: true }), (swing) => {
        const { bars, baseBreakEven } = tornado(a100VsClaude, { swing });
        for (let index = 1; index < bars.length; index++) expect(bars[index - 1]!.spread).toBeGreaterThanOrEqual(bars[index]!.spread);
        for (const bar of bars) {
          expect(Math.min(bar.breakEvenAtLow, bar.breakEvenAtHigh)).toBeLessThanOrEqual(baseBreakEven * (1 + 1e-12));
          expect(Math.max(bar.breakEvenAtLow, bar.breakEvenAtHigh)).toBeGreaterThanOrEqual(baseBreakEven * (1 - 1e-12));
        }
      }),
    );
  });
});

describe("Monte Carlo", () => {
  const ranges = {
    capexUsd: { lowFactor: 0.9, highFactor: 1.2, distribution: "uniform" as const },
    opsFte: { lowFactor: 0.5, highFactor: 3, distribution: "triangular" as const, modeFactor: 1 },
  };

  it("is reproducible from its seed and changes with it", () => {
    const first = monteCarloDraws(a100VsClaude, ranges, { samples: 50, seed: 7 }).map((draw) => draw.breakEvenDailyCalls);
    const again = monteCarloDraws(a100VsClaude, ranges, { samples: 50, seed: 7 }).map((draw) => draw.breakEvenDailyCalls);
    const other = monteCarloDraws(a100VsClaude, ranges, { samples: 50, seed: 8 }).map((draw) => draw.breakEvenDailyCalls);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect(seededRandom(1)()).toBe(seededRandom(1)());
  });

  it("keeps every draw inside its ranges and leaves unranged inputs at base", () => {
    for (const draw of monteCarloDraws(a100VsClaude, ranges, { samples: 500 })) {
      expect(draw.inputs.capexUsd).toBeGreaterThanOrEqual(72_000);
      expect(draw.inputs.capexUsd).toBeLessThanOrEqual(96_000);
      expect(draw.inputs.opsFte).toBeGreaterThanOrEqual(0.1);
      expect(draw.inputs.opsFte).toBeLessThanOrEqual(0.6);
      expect(draw.inputs.outputUsdPerMTok).toBe(15);
    }
  });

  it("draws a triangular range with the mean (a + b + c)/3 and a uniform one with (a + b)/2", () => {
    const random = seededRandom(3);
    const triangular = Array.from({ length: 20_000 }, () =>
      drawFactor({ lowFactor: 0.5, highFactor: 3, distribution: "triangular", modeFactor: 1 }, random()),
    );
    expect(triangular.reduce((sum, value) => sum + value, 0) / triangular.length).toBeCloseTo(1.5, 1);
    const uniform = Array.from({ length: 20_000 }, () =>
      drawFactor({ lowFactor: 0.8, highFactor: 1.2, distribution: "uniform" }, random()),
    );
    expect(quantile(uniform, 0.5)).toBeCloseTo(1, 1);
    expect(() => drawFactor({ lowFactor: 2, highFactor: 1, distribution: "uniform" }, 0.5)).toThrow(/above/);
  });

  it("interpolates quantiles between order statistics", () => {
    expect(quantile([3, 1, 2, 4], 0.5)).toBe(2.5);
    expect(quantile([5], 0.9)).toBe(5);
    expect(quantile([1, 2, 3], 1)).toBe(3);
  });

  it("gives a saving band whose median crosses zero near the median break-even and whose low edge stays below its high edge", () => {
    const draws = monteCarloDraws(a100VsClaude, ranges, { samples: 1000, seed: 59 });
    const medianBreakEven = quantile(
      draws.map((draw) => draw.breakEvenDailyCalls),
      0.5,
    );
    const band = savingBand(draws, [medianBreakEven * 0.5, medianBreakEven, medianBreakEven * 2]);
    for (const point of band) expect(point.low).toBeLessThanOrEqual(point.high);
    expect(band[0]!.median).toBeLessThan(0);
    expect(band[2]!.median).toBeGreaterThan(0);
    expect(Math.abs(band[1]!.median)).toBeLessThan(200);
  });
});
