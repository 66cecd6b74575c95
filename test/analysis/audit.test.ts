import { describe, expect, it } from "vitest";
import { auditFigure, checkPublishedFigures, reproduceFigure } from "../../src/analysis/audit";
import { breakEvenOf } from "../../src/analysis/break-even";
import { loadDataset } from "../../src/data";
import { copyOfData, DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);

describe("published figures", () => {
  const checks = checkPublishedFigures(data);

  it("every printed figure of the chapter has a recomputed value", () => {
    expect(checks.filter((check) => check.recomputed === undefined).map((check) => check.figure.figureId)).toEqual([]);
    expect(reproduceFigure(data, "nothing/we/compute")).toBeUndefined();
  });

  it("records a note for exactly the figures that differ from the chapter's formulas", () => {
    const differing = checks.filter((check) => !check.withinRounding).map((check) => check.figure.figureId);
    const noted = checks.filter((check) => check.figure.note !== undefined).map((check) => check.figure.figureId);
    expect(differing).toEqual(noted);
  });

  it("pins the recomputed value of each differing figure beside the printed one", () => {
    const differing = Object.fromEntries(checks.filter((check) => !check.withinRounding).map((check) => [check.figure.figureId, [check.figure.value, +check.recomputed!.toFixed(2)]]));
    expect(differing).toEqual({
      "breakeven/a100x4-70b/claude-3-5-sonnet/calls_per_month": [93_270, 93_277],
      "breakeven/rtx4090-server/gpt-4o/calls_per_day": [823, 822],
      "breakeven/rtx4090x1/gpt-4o/calls_per_day": [507, 504],
      "breakeven/rtx4090x1/hermes-4-70b/calls_per_day": [1961, 2066],
      "breakeven/rtx4090x4/claude-3-5-sonnet/calls_per_day": [1117, 1118],
      "breakeven/rtx4090x4/gpt-4o/calls_per_day": [1486, 1485],
      "breakeven/rtx4090x4/hermes-4-70b/calls_per_day": [5778, 6081],
      "breakeven/a100x2/claude-3-5-sonnet/calls_per_day": [2268, 2271],
      "breakeven/a100x2/gpt-4o/calls_per_day": [3024, 3018],
      "breakeven/a100x2/hermes-4-70b/calls_per_day": [11_738, 12_354],
      "breakeven/a100x8/claude-3-5-sonnet/calls_per_day": [4932, 4941],
      "breakeven/a100x8/gpt-4o/calls_per_day": [6574, 6564],
      "breakeven/a100x8/hermes-4-70b/calls_per_day": [25_530, 26_873],
      "breakeven/h100x8/claude-3-5-sonnet/calls_per_day": [13_238, 13_261],
      "breakeven/h100x8/gpt-4o/calls_per_day": [17_643, 17_619],
      "breakeven/h100x8/hermes-4-70b/calls_per_day": [68_519, 72_124],
      "router/savings_percent": [60, 55],
      "case/hybrid/cloud_usd_per_month": [150, 418.5],
      "case/hybrid/total_usd_per_month": [843, 1111.83],
      "case/hybrid/extra_vs_cloud_usd_per_month": [145, 414.33],
      "case/capacity/required_output_tokens_per_second": [0, 52.08],
      "case/vram/q4_weights_gb": [35, 43.16],
    });
  });

  it("flags a published figure that was altered", () => {
    const copy = copyOfData({ "published_figures.csv": (text) => text.replace("cloud/gpt-4o/usd_per_month,59.1,GPT-4o monthly cost at the typical workload,1050,", "cloud/gpt-4o/usd_per_month,59.1,GPT-4o monthly cost at the typical workload,1060,") });
    try {
      const check = checkPublishedFigures(loadDataset(copy.dir)).find((c) => c.figure.figureId === "cloud/gpt-4o/usd_per_month")!;
      expect(check.withinRounding).toBe(false);
      expect(check.difference).toBeCloseTo(-10, 6);
    } finally {
      copy.dispose();
    }
  });

  it("follows a price change: raising Claude's output price moves its figures and break-evens", () => {
    const copy = copyOfData({ "models.csv": (text) => text.replace("Anthropic,3.00,15.00", "Anthropic,3.00,18.00") });
    try {
      const changed = loadDataset(copy.dir);
      expect(reproduceFigure(changed, "cloud/claude-3-5-sonnet/usd_per_month")).toBeCloseTo(1530, 2);
      expect(breakEvenOf(changed, "a100x4-70b", "claude-3-5-sonnet").breakEvenDailyCalls).toBe(2834);
    } finally {
      copy.dispose();
    }
  });
});

describe("the audit figure", () => {
  it("59.6: one bar per flagged figure, largest difference on top, negative labels right of zero", () => {
    const flagged = checkPublishedFigures(data).filter((check) => !check.withinRounding);
    const figure = auditFigure(data, flagged);
    const [bars] = figure.data as unknown as [{ y: string[]; x: number[]; text: string[] }];
    expect(bars.y).toHaveLength(21);
    expect(bars.y.at(-1)).toBe("case/hybrid/extra_vs_cloud_usd_per_month");
    expect(bars.x.at(-1)).toBeCloseTo(185.75, 2);
    expect(figure.layout.annotations).toContainEqual(expect.objectContaining({ text: "-8.3%", y: "router/savings_percent", x: 0 }));
    expect(figure.layout.title.text).toBe("Figure 59.6 — Printed figures that differ from the chapter's formulas");
  });
});
