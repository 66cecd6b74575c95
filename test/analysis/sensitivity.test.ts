import { describe, expect, it } from "vitest";
import { breakEvenUncertainty, uncertaintyFigures, uncertaintyRanges } from "../../src/analysis/sensitivity";
import type { Figure, Trace } from "../../src/charts";
import { loadDataset } from "../../src/data";
import { DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);
const trace = (figure: Figure, name: string): Trace => {
  const found = figure.data.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no trace ${name}; have ${figure.data.map((candidate) => candidate.name).join(", ")}`);
  return found;
};

describe("uncertainty from data", () => {
  it("maps uncertainty_ranges.csv columns onto the model's inputs", () => {
    const ranges = uncertaintyRanges(data);
    expect(ranges.inputUsdPerMTok).toEqual({ lowFactor: 0.5, highFactor: 1, distribution: "triangular", modeFactor: 1 });
    expect(ranges.depreciationMonths?.highFactor).toBe(1.3333);
    expect(Object.keys(ranges)).toHaveLength(data.uncertaintyRanges.length);
  });

  it("names the depreciation period as the input that moves the A100 vs Claude break-even most, and reproduces its Monte Carlo from the seed", () => {
    const first = breakEvenUncertainty(data, "a100x4-70b", "claude-3-5-sonnet", { samples: 500, seed: 11 });
    const again = breakEvenUncertainty(data, "a100x4-70b", "claude-3-5-sonnet", { samples: 500, seed: 11 });
    expect(first.tornado.bars[0]?.input).toBe("depreciationMonths");
    expect(first.p50).toBe(again.p50);
    expect(first.p5).toBeLessThan(first.p50);
    expect(first.p50).toBeLessThan(first.p95);
    // Ranges lean towards cheaper APIs and more ops time, so the median break-even sits above the point estimate.
    expect(first.p50).toBeGreaterThan(first.tornado.baseBreakEven);
  });

  it("refuses hardware priced only as a stated total", () => {
    expect(() => breakEvenUncertainty(data, "h100x8", "claude-3-5-sonnet")).toThrow(/stated monthly cost only/);
  });
});

describe("Figures 59.8a and 59.8b, sensitivity and uncertainty", () => {
  const uncertainty = breakEvenUncertainty(data, "a100x4-70b", "claude-3-5-sonnet", { samples: 400, seed: 59 });
  const figures = uncertaintyFigures(data, uncertainty, { comparison: "4x A100 vs Claude 3.5 Sonnet", swing: 0.2, samples: 400, seed: 59 });

  it("puts the longest bar on top, each bar starting at the base break-even", () => {
    const low = trace(figures.tornado, "input 20% lower");
    const labels = low.y as string[];
    expect(labels.at(-1)).toBe("Depreciation period (28.8–43.2 months)");
    expect((low.base as number[]).every((value) => value === uncertainty.tornado.baseBreakEven)).toBe(true);
    // Depreciation 20% shorter raises the break-even to 3,508/day.
    expect(((low.x as number[]).at(-1) as number) + uncertainty.tornado.baseBreakEven).toBeCloseTo(3507.51, 2);
    expect((low.text as string[]).at(-1)).toBe("3,508");
    expect((figures.tornado.layout.xaxis as { title: { text: string } }).title.text).toContain("3,109/day");
  });

  it("fills the 5–95% band between its edges and marks the break-even percentiles", () => {
    const band = trace(figures.band, "5–95% of simulated inputs");
    expect(band.fill).toBe("tonexty");
    const low = trace(figures.band, "5th percentile").y as number[];
    (band.y as number[]).forEach((high, index) => expect(high).toBeGreaterThanOrEqual(low[index] as number));
    const texts = (figures.band.layout.annotations ?? []).map((annotation) => annotation.text);
    expect(texts).toContain(`median break-even<br>${Math.round(uncertainty.p50).toLocaleString("en-US")}/day`);
    expect(texts).toContain("400 draws, seed 59");
  });
});
