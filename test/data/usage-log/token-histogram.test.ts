import { describe, expect, it } from "vitest";
import { TokenHistogram } from "../../../src/data/usage-log/token-histogram";

const histogramOf = (values: readonly number[]) => {
  const histogram = new TokenHistogram();
  for (const value of values) histogram.add(value);
  return histogram;
};

describe("token counts kept as a count per value", () => {
  it("gives nearest-rank percentiles: the value of the ⌈p/100 × N⌉-th call in ascending order", () => {
    // 10 calls: p50 is the 5th (30), p90 the 9th (90), p99 the 10th (1000).
    const histogram = histogramOf([1000, 10, 20, 30, 30, 50, 60, 70, 90, 30].reverse());
    expect(histogram.percentiles([50, 90, 99])).toEqual([30, 90, 1000]);
    expect(histogram.calls).toBe(10);
    expect(histogram.tokens).toBe(1390);
    expect(histogram.mean).toBe(139);
  });

  it("ranks exactly where p × N is a whole number, with no binary rounding (29% of 100 calls is the 29th)", () => {
    const histogram = histogramOf(Array.from({ length: 100 }, (_, index) => index + 1));
    expect(histogram.percentiles([29, 50, 90, 99, 100])).toEqual([29, 50, 90, 99, 100]);
  });

  it("answers one call with its own count, and no calls with 0", () => {
    expect(histogramOf([7]).percentiles([50, 99])).toEqual([7, 7]);
    expect(histogramOf([]).percentiles([50])).toEqual([0]);
    expect(histogramOf([]).mean).toBe(0);
  });
});
