import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data";
import { breakEvenOf, breakEvenTable, caseStudyFromData, checkPublishedFigures, cloudCostTable, findHardware, hardwareMonthlyCost, hybridSavings, reproduceFigure } from "../../src/analysis";
import { copyOfData, DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);

describe("the chapter reproduced from data/", () => {
  it("59.1: every model's daily and monthly cost at 8K in + 1.5K out, 1,000 calls a day", () => {
    const table = Object.fromEntries(cloudCostTable(data).map((row) => [row.model.modelId, [row.usdPerDay, row.usdPerMonth]]));
    const expected: Record<string, [number, number]> = {
      "hermes-4-70b": [8.55, 256.5],
      "hermes-3-8b": [1.9, 57],
      "gpt-4o": [35, 1050],
      "gpt-4o-mini": [2.1, 63],
      "claude-3-5-sonnet": [46.5, 1395],
      "claude-3-5-haiku": [12.4, 372],
      "gemini-1.5-pro": [17.5, 525],
      "llama-3.1-70b-groq": [5.905, 177.15],
      "mistral-large": [25, 750],
    };
    expect(Object.keys(table)).toEqual(Object.keys(expected));
    for (const [id, [day, month]] of Object.entries(expected)) {
      expect(table[id]?.[0], id).toBeCloseTo(day, 2);
      expect(table[id]?.[1], id).toBeCloseTo(month, 2);
    }
  });

  it("59.1: the 4x A100 example costs $2,222.22 + $115.20 + $2,000 = $4,337.42 a month", () => {
    const cost = hardwareMonthlyCost(findHardware(data, "a100x4-70b"));
    expect(cost).toMatchObject({ basis: "itemised", energyKwhPerMonth: 1152 });
    if (cost.basis !== "itemised") return;
    expect(cost.depreciationUsd).toBeCloseTo(2222.22, 2);
    expect(cost.powerUsd).toBeCloseTo(115.2, 2);
    expect(cost.opsUsd).toBeCloseTo(2000, 2);
    expect(cost.totalUsd).toBeCloseTo(4337.42, 2);
  });

  it("59.3 scenario 1: A100 cluster against Claude 3.5 Sonnet breaks even at 3,109 calls a day", () => {
    const result = breakEvenOf(data, "a100x4-70b", "claude-3-5-sonnet");
    expect(result.apiUsdPerCall).toBeCloseTo(0.0465, 6);
    expect(result.breakEvenDailyCalls).toBe(3109);
    expect(result.breakEvenMonthlyCalls).toBe(93_277);
    expect(result.breakEvenPerHour).toBe(129);
  });

  it("59.3 scenario 2: RTX 4090 server against GPT-4o costs $863.33 and breaks even at 822 calls a day", () => {
    const result = breakEvenOf(data, "rtx4090-server", "gpt-4o");
    expect(result.local.totalUsd).toBeCloseTo(863.33, 2);
    expect(result.breakEvenDailyCalls).toBe(822);
    expect(result.breakEvenMonthlyCalls).toBe(24_666);
  });

  it("59.3: the 5 x 3 break-even table, recomputed at each API's price for the typical workload", () => {
    const cells = breakEvenTable(data, { hardwareIds: ["rtx4090x1", "rtx4090x4", "a100x2", "a100x8", "h100x8"], apiModelIds: ["claude-3-5-sonnet", "gpt-4o", "hermes-4-70b"] });
    expect(cells.map((cell) => cell.breakEvenDailyCalls)).toEqual([
      379, 504, 2066, 1118, 1485, 6081, 2271, 3018, 12_354, 4941, 6564, 26_873, 13_261, 17_619, 72_124,
    ]);
  });

  it("59.4: routing the example mix of 5,000 calls a day saves $3,836.25 of $6,975 (55.0%)", () => {
    const savings = hybridSavings(data);
    expect(savings.pureCloudMonthly).toBeCloseTo(6975, 2);
    expect(savings.hybridMonthly).toBeCloseTo(3138.75, 2);
    expect(savings.monthlySavings).toBeCloseTo(3836.25, 2);
    expect(savings.savingsPercentage).toBeCloseTo(55, 6);
  });

  it("59.5: residency excludes every cloud model; all-cloud $697.50, all-local $693.33, hybrid $1,111.83", () => {
    const { residency, result } = caseStudyFromData(data);
    expect(residency.allowed).toEqual([]);
    expect(residency.excluded.map((model) => model.modelId)).toContain("claude-3-5-sonnet");
    const totals = Object.fromEntries(result.options.map((option) => [option.option, option.totalUsd]));
    expect(totals.all_cloud).toBeCloseTo(697.5, 2);
    expect(totals.all_local).toBeCloseTo(693.33, 2);
    expect(totals.hybrid).toBeCloseTo(1111.83, 2);
    expect(result.cheapestCompliant).toBe("all_local");
  });
});

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
