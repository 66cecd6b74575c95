import { describe, expect, it } from "vitest";
import { breakEvenUncertainty, uncertaintyFigures, uncertaintyRanges } from "../../src/analysis/sensitivity";
import type { Figure, Trace } from "../../src/charts";
import { loadDataset } from "../../src/data";
import { DATA_DIR } from "../helpers/data-folder";
import * as path from "node:path";
import { apiUsdPerCall } from "../../src/analysis/cost";
import { findModel, findWorkload } from "../../src/analysis/lookup";
import { breakEvenInputsOf } from "../../src/analysis/model-inputs";
import { breakEvenPanelSpec } from "../../src/analysis/panels";
import { selectWorkload } from "../../src/analysis/workload";
import { apiUsdPerCallOf } from "../../src/model";
import { evaluateBreakEvenPanel } from "../../src/panels";

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

  it("leads with the data's own ranges: operations FTE (0.1–0.6) moves the A100 vs Claude break-even most, 2,392 to 5,977, not the depreciation period", () => {
    const result = breakEvenUncertainty(data, "a100x4-70b", "claude-3-5-sonnet", { samples: 50 });
    const [first, second] = result.rangeTornado.bars;
    expect(first?.input).toBe("opsFte");
    // 0.1 FTE: (2,222.22 + 115.20 + 1,000) / (0.0465 x 30); 0.6 FTE: (2,222.22 + 115.20 + 6,000) / 1.395.
    expect(first?.breakEvenAtLow).toBeCloseTo((80_000 / 36 + 115.2 + 1000) / 1.395, 6);
    expect(first?.breakEvenAtHigh).toBeCloseTo((80_000 / 36 + 115.2 + 6000) / 1.395, 6);
    // 24 to 48 months (0.6667 and 1.3333 of 36): about 3,906 and 2,711 calls a day, a narrower bar.
    const depreciation = result.rangeTornado.bars.find((bar) => bar.input === "depreciationMonths");
    expect(depreciation?.breakEvenAtLow).toBeCloseTo((80_000 / (36 * 0.6667) + 2115.2) / 1.395, 6);
    expect(depreciation?.breakEvenAtHigh).toBeCloseTo((80_000 / (36 * 1.3333) + 2115.2) / 1.395, 6);
    expect(second?.spread).toBeLessThan(first?.spread ?? 0);
    expect(result.tornado.bars[0]?.input).toBe("depreciationMonths");
  });

  it("varies a stated operations bill and electricity bill in the band and in both tornadoes alike", () => {
    const result = breakEvenUncertainty(data, "rtx4090-server", "gpt-4o", { samples: 200, seed: 3 });
    const inputsOf = (bars: ReadonlyArray<{ input: string }>) => bars.map((bar) => bar.input).sort();
    expect(inputsOf(result.rangeTornado.bars)).toEqual(inputsOf(result.tornado.bars));
    expect(inputsOf(result.tornado.bars)).toContain("opsUsdPerMonth");
    expect(inputsOf(result.tornado.bars)).toContain("powerUsdPerMonth");
    expect(result.heldFixed).toEqual([]);
    // Every draw moves the stated $500 of operations within 0.5–3.0 of it.
    const ops = result.draws.map((draw) => draw.inputs.opsUsdPerMonth as number);
    expect(new Set(ops).size).toBe(200);
    expect(Math.min(...ops)).toBeGreaterThanOrEqual(250);
    expect(Math.max(...ops)).toBeLessThanOrEqual(1500);
  });

  it("holds an input without a range at base in every view, and says which", () => {
    const withoutOps = { ...data, uncertaintyRanges: data.uncertaintyRanges.filter((row) => row.input !== "ops_usd_per_month") };
    const result = breakEvenUncertainty(withoutOps, "rtx4090-server", "gpt-4o", { samples: 20 });
    expect(result.heldFixed).toEqual(["opsUsdPerMonth"]);
    expect(result.tornado.bars.some((bar) => bar.input === "opsUsdPerMonth")).toBe(false);
    expect(result.draws.every((draw) => draw.inputs.opsUsdPerMonth === 500)).toBe(true);
  });

  it("refuses hardware priced only as a stated total", () => {
    expect(() => breakEvenUncertainty(data, "h100x8", "claude-3-5-sonnet")).toThrow(/stated monthly cost only/);
  });
});

describe("Figures 59.8a–c, sensitivity and uncertainty", () => {
  const uncertainty = breakEvenUncertainty(data, "a100x4-70b", "claude-3-5-sonnet", { samples: 400, seed: 59 });
  const figures = uncertaintyFigures(data, uncertainty, { comparison: "4x A100 vs Claude 3.5 Sonnet", swing: 0.2, samples: 400, seed: 59 });

  it("numbers the ranges tornado 59.8a and the equal-share one 59.8c", () => {
    expect(figures.rangeTornado.layout.title.text).toBe("Figure 59.8a — Each input over its range from data: 4x A100 vs Claude 3.5 Sonnet");
    expect((trace(figures.rangeTornado, "input at the high end of its range").y as string[]).at(-1)).toBe(
      "Ops share of an engineer (0.1–0.6 FTE)",
    );
    expect(figures.tornado.layout.title.text).toBe("Figure 59.8c — Break-even sensitivity, each input ±20%: 4x A100 vs Claude 3.5 Sonnet");
  });

  it("puts the longest bar on top, each bar starting at the base break-even", () => {
    const low = trace(figures.tornado, "input 20% lower");
    const labels = low.y as string[];
    expect(labels.at(-1)).toBe("Depreciation period (28.8–43.2 months)");
    expect((low.base as number[]).every((value) => value === uncertainty.tornado.baseBreakEven)).toBe(true);
    // Depreciation 20% shorter raises the break-even to 3,507.51/day: 3,507 whole calls, as every break-even prints.
    expect(((low.x as number[]).at(-1) as number) + uncertainty.tornado.baseBreakEven).toBeCloseTo(3507.51, 2);
    expect((low.text as string[]).at(-1)).toBe("3,507");
    expect((figures.tornado.layout.xaxis as { title: { text: string } }).title.text).toContain("3,109/day");
  });

  it("fills the 5–95% band between its edges and marks the break-even percentiles", () => {
    const band = trace(figures.band, "5–95% of simulated inputs");
    expect(band.fill).toBe("tonexty");
    const low = trace(figures.band, "5th percentile").y as number[];
    (band.y as number[]).forEach((high, index) => {
      expect(high).toBeGreaterThanOrEqual(low[index] as number);
    });
    const texts = (figures.band.layout.annotations ?? []).map((annotation) => annotation.text);
    expect(texts).toContain(`median break-even<br>${Math.trunc(uncertainty.p50).toLocaleString("en-US")}/day`);
    expect(texts).toContain("400 draws, seed 59");
  });
});

describe("a break-even's API call, billed as the workload's bill bills it", () => {
  // The 2026 edition's agent: 30,000 input and 1,200 output tokens a call, 800 reasoning tokens on a model that
  // reasons, 70% of the input read from the cache; Claude Sonnet 5 reasons.
  const edition = selectWorkload(loadDataset(path.join(DATA_DIR, "2026-11")), { workloadId: "agent-example" });
  const workload = findWorkload(edition);

  it("in sensitivity, in the break-even panel and in the tornado panel alike, reasoning tokens included", () => {
    const perCall = apiUsdPerCall(edition, "claude-sonnet-5", workload);
    const inputs = breakEvenInputsOf(edition, "h100x1-70b", "claude-sonnet-5", workload);
    expect(inputs.billing?.reasoningTokensPerCall).toBe(800);
    expect(apiUsdPerCallOf(inputs)).toBeCloseTo(perCall, 10);
    const panel = breakEvenPanelSpec(edition, { defaults: { apiId: "claude-sonnet-5", callsPerDay: 20_000 } });
    expect(evaluateBreakEvenPanel(panel, panel.defaults).apiUsdPerCall).toBeCloseTo(perCall, 10);
    // Without the reasoning tokens a call would cost 800 output tokens less: the figure the pages used to show.
    const outputUsdPerMTok = findModel(edition, "claude-sonnet-5").outputUsdPerMTok;
    expect(perCall - apiUsdPerCallOf({ ...inputs, billing: { ...inputs.billing, reasoningTokensPerCall: 0 } })).toBeCloseTo(
      (800 * outputUsdPerMTok) / 1e6,
      10,
    );
  });
});

describe("a panel's defaults on a weekday/weekend workload", () => {
  it("start at whole calls, as the field takes them, and compute at once (the agent's average day is 14,285.71 calls)", () => {
    const edition = selectWorkload(loadDataset(path.join(DATA_DIR, "2026-11")), { workloadId: "agent-example" });
    expect(Number.isInteger(findWorkload(edition).callsPerDay)).toBe(false);
    const spec = breakEvenPanelSpec(edition);
    expect(spec.defaults.callsPerDay).toBe(Math.round(findWorkload(edition).callsPerDay));
    expect(() => evaluateBreakEvenPanel(spec, spec.defaults)).not.toThrow();
  });
});
