import { describe, expect, it } from "vitest";
import { auditFigure, checkPublishedFigures, impliedUsdPerCall, reproduceFigure } from "../../src/analysis/audit";
import { breakEvenOf } from "../../src/analysis/break-even";
import { apiUsdPerCall } from "../../src/analysis/cost";
import { findHardware, findWorkload } from "../../src/analysis/lookup";
import { formatInteger } from "../../src/format";
import { breakEvenVolumes } from "../../src/model";
import { loadDataset } from "../../src/data";
import { copyOfData, DATA_DIR } from "../helpers/data-folder";
import { hardwareMonthlyCost } from "../../src/analysis/model-inputs";

const data = loadDataset(DATA_DIR);

describe("published figures", () => {
  const checks = checkPublishedFigures(data);

  it("every printed figure of the chapter has a recomputed value", () => {
    expect(checks.filter((check) => check.recomputed === undefined).map((check) => check.figure.figureId)).toEqual([]);
    expect(reproduceFigure(data, "nothing/we/compute")).toBeUndefined();
  });

  it("records a note for exactly the figures the data's formulas do not give: flagged, or given only by the chapter's own inputs", () => {
    const differing = checks.filter((check) => check.explainedBy !== "data").map((check) => check.figure.figureId);
    const noted = checks.filter((check) => check.figure.note !== undefined).map((check) => check.figure.figureId);
    expect(differing).toEqual(noted);
  });

  it("checks 93,270 against the chapter's own $115 of power too, and no longer flags it", () => {
    const check = checks.find((c) => c.figure.figureId === "breakeven/a100x4-70b/claude-3-5-sonnet/calls_per_month")!;
    // Data: 80,000/36 + 1.6 kW x 720 h x $0.10 + 2,000 = 4,337.42; / 0.0465 = 93,277.89, truncated 93,277: 7 from 93,270.
    expect(check.recomputed).toBe(93_277);
    // The chapter's code: 2,222.22 + 115 + 2,000 = 4,337.22; / 0.0465 = 93,273.6, truncated 93,273: within 5 of 93,270.
    expect(check.recomputedAtChapterInputs).toBe(93_273);
    expect(check.explainedBy).toBe("chapter_inputs");
    expect(check.withinRounding).toBe(true);
    expect(check.figure.note).toContain("93,273");
    expect(check.figure.note).toContain("93,277");
    expect(check.figure.note).not.toMatch(/beyond|more than rounding/);
  });

  it("still flags a figure that neither the data nor the chapter's stated inputs give", () => {
    const copy = copyOfData({
      "published_figures.csv": (text) =>
        text.replace("calls_per_month,10,printed_output,hardware.csv", "calls_per_month,1,printed_output,hardware.csv"),
    });
    try {
      const check = checkPublishedFigures(loadDataset(copy.dir)).find(
        (c) => c.figure.figureId === "breakeven/a100x4-70b/claude-3-5-sonnet/calls_per_month",
      )!;
      expect(check.explainedBy).toBeUndefined();
      expect(check.withinRounding).toBe(false);
    } finally {
      copy.dispose();
    }
  });

  it("pins the recomputed value of each differing figure beside the printed one", () => {
    const differing = Object.fromEntries(
      checks
        .filter((check) => !check.withinRounding)
        .map((check) => [check.figure.figureId, [check.figure.value, +check.recomputed!.toFixed(2)]]),
    );
    expect(differing).toEqual({
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
      // Hermes 4 at 8,000 x $0.90/M + 1,500 x $0.90/M = $0.00855 a call, where the chapter uses $0.009:
      // 75,000 weekday calls $641.25, 2,500 weekend calls $21.375, 77,500 calls $662.625.
      "case/cloud/weekday_usd_per_month": [675, 641.25],
      "case/cloud/weekend_usd_per_month": [22.5, 21.38],
      "case/cloud/total_usd_per_month": [697.5, 662.63],
      // 60% of $662.625 = $397.575 (its double lies just below the half cent, so toFixed(2) gives 397.57; reports print
      // $397.58); + $693.33 = $1,090.91; - $662.625 = $428.28.
      "case/hybrid/cloud_usd_per_month": [150, 397.57],
      "case/hybrid/total_usd_per_month": [843, 1090.91],
      "case/hybrid/extra_vs_cloud_usd_per_month": [145, 428.28],
      "case/capacity/required_output_tokens_per_second": [0, 52.08],
      // 70.55 B weights x 4.8203 bits / 8 = 42.51 GB.
      "case/vram/q4_weights_gb": [35, 42.51],
    });
  });

  it("flags a published figure that was altered", () => {
    const copy = copyOfData({
      "published_figures.csv": (text) =>
        text.replace(
          "cloud/gpt-4o/usd_per_month,59.1,GPT-4o monthly cost at the typical workload,1050,",
          "cloud/gpt-4o/usd_per_month,59.1,GPT-4o monthly cost at the typical workload,1060,",
        ),
    });
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

describe("the notes on the 59.3 comparison table say what the arithmetic shows", () => {
  const days = findWorkload(data).daysPerMonth;
  const cells = data.publishedFigures.filter(
    (figure) =>
      /^breakeven\/[^/]+\/[^/]+\/calls_per_day$/.test(figure.figureId) &&
      figure.note !== undefined &&
      figure.figureId.split("/")[1] !== "rtx4090-server",
  );
  const monthly = (figureId: string) => hardwareMonthlyCost(findHardware(data, figureId.split("/")[1]!), days).totalUsd;
  const hermes = cells.filter((figure) => figure.figureId.includes("/hermes-4-70b/"));

  it("the Hermes column is close to $0.009 a call, not equal to it: 1,962 / 5,777 / 11,737 / 25,529 / 68,518 against the printed values", () => {
    const at009 = hermes.map((figure) => breakEvenVolumes(monthly(figure.figureId), 0.009, days).breakEvenDailyCalls);
    expect(at009).toEqual([1962, 5777, 11_737, 25_529, 68_518]);
    expect(hermes.map((figure) => figure.value)).toEqual([1961, 5778, 11_738, 25_530, 68_519]);
    hermes.forEach((figure, index) => {
      expect(figure.note).toContain(formatInteger(at009[index]!));
    });
    for (const figure of hermes) expect(figure.note).not.toMatch(/\bmatch/);
  });

  it("no single price per call gives the whole Hermes column, and each note states its cell's implied range", () => {
    const ranges = hermes.map((figure) => impliedUsdPerCall(monthly(figure.figureId), figure.value, days));
    expect(Math.max(...ranges.map((range) => range.low))).toBeGreaterThan(Math.min(...ranges.map((range) => range.high)));
    // 530 / (1,962 x 30) and 530 / (1,961 x 30).
    expect(ranges[0]!.low).toBeCloseTo(0.0090044, 7);
    expect(ranges[0]!.high).toBeCloseTo(0.009009, 7);
  });

  it("every note on a table cell quotes the price range its printed value implies, and the value the data's price gives", () => {
    expect(cells).toHaveLength(14);
    for (const figure of cells) {
      const range = impliedUsdPerCall(monthly(figure.figureId), figure.value, days);
      expect(figure.note).toContain(`$${range.low.toPrecision(5)}-${range.high.toPrecision(5)}`);
      const atData = breakEvenVolumes(
        monthly(figure.figureId),
        apiUsdPerCall(data, figure.figureId.split("/")[2]!),
        days,
      ).breakEvenDailyCalls;
      expect(figure.note).toContain(formatInteger(atData));
    }
    // 1x RTX 4090 against GPT-4o: 530 / (508 x 30) = 0.034777 to 530 / (507 x 30) = 0.034845, below $0.035.
    expect(cells.find((figure) => figure.figureId === "breakeven/rtx4090x1/gpt-4o/calls_per_day")!.note).toContain("$0.034777-0.034845");
  });
});

describe("the audit figure", () => {
  it("59.6a: one bar per flagged figure, largest difference on top, negative labels right of zero", () => {
    const flagged = checkPublishedFigures(data).filter((check) => !check.withinRounding);
    const figure = auditFigure(data, flagged);
    const [bars] = figure.data as unknown as [{ y: string[]; x: number[]; text: string[] }];
    // 24 flagged, less the throughput claim printed as a range from 0 (no relative difference).
    expect(bars.y).toHaveLength(23);
    expect(bars.y.at(-1)).toBe("Case study hybrid extra cost over all-cloud");
    // (428.2833 - 145) / 145 = 195.37%.
    expect(bars.x.at(-1)).toBeCloseTo(((12_000 / 36 + 360 + 397.575 - 662.625 - 145) / 145) * 100, 6);
    expect(figure.layout.annotations).toContainEqual(
      expect.objectContaining({ text: "-8.3%", y: "Typical savings of routing simple tasks local and complex tasks to the cloud", x: 0 }),
    );
    expect(figure.layout.title.text).toBe("Figure 59.6a — Printed figures that differ from the chapter's formulas");
  });
});
