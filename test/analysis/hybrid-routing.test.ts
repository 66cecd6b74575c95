import { describe, expect, it } from "vitest";
import { caseStudyFromData } from "../../src/analysis/case-study";
import {
  hybridSavings,
  routingLocalServer,
  savingsByThreshold,
  thresholdFigure,
  tierCostFigure,
  tierSpecsFromData,
} from "../../src/analysis/hybrid-routing";
import { findHardware } from "../../src/analysis/lookup";
import type { Figure } from "../../src/charts";
import { loadDataset } from "../../src/data";
import { copyOfData, DATA_DIR } from "../helpers/data-folder";
import { hardwareMonthlyCost } from "../../src/analysis/model-inputs";

const data = loadDataset(DATA_DIR);

const names = (figure: Figure) => figure.data.map((trace) => trace.name);
const axisTitle = (figure: Figure, axis: "xaxis" | "yaxis") => (figure.layout[axis] as { title: { text: string } }).title.text;
const caption = (figure: Figure) => figure.layout.annotations?.at(-1)?.text;

describe("the chapter reproduced from data/", () => {
  it("59.4: routing the example mix of 5,000 calls a day saves $3,836.25 of $6,975 (55.0%)", () => {
    const savings = hybridSavings(data);
    expect(savings.pureCloudMonthly).toBeCloseTo(6975, 2);
    expect(savings.hybridMonthly).toBeCloseTo(3138.75, 2);
    expect(savings.monthlySavings).toBeCloseTo(3836.25, 2);
    expect(savings.savingsPercentage).toBeCloseTo(55, 6);
  });

  it("prices a local tier with no stated usd_per_call at 0 a call, not at its model's API price: its server is paid apart", () => {
    // The chapter's local tiers state $0; emptied, the hermes-3-8b tier (an API model too) must still cost nothing per call.
    const copy = copyOfData({
      "routing_tiers.csv": (text) => text.replace("hermes-3-8b,hermes-3-8b,local,0,", "hermes-3-8b,hermes-3-8b,local,,"),
    });
    try {
      const emptied = loadDataset(copy.dir);
      expect(emptied.routingTiers.find((row) => row.tier === "local_small")?.usdPerCall).toBeUndefined();
      expect(tierSpecsFromData(emptied).local_small.usdPerCall).toBe(0);
      expect(hybridSavings(emptied).monthlySavings).toBeCloseTo(3836.25, 2);
    } finally {
      copy.dispose();
    }
  });

  it("prices each cloud tier from its model at the workload: Hermes 4 $0.00855 a call, Claude 3.5 Sonnet $0.0465; local tiers 0", () => {
    const tiers = tierSpecsFromData(data);
    // 8,000 x $0.90/M + 1,500 x $0.90/M; 8,000 x $3/M + 1,500 x $15/M.
    expect(tiers.cloud_economy.usdPerCall).toBeCloseTo(0.00855, 12);
    expect(tiers.cloud_premium.usdPerCall).toBeCloseTo(0.0465, 12);
    expect([tiers.local_small.usdPerCall, tiers.local_large.usdPerCall]).toEqual([0, 0]);
  });

  it("follows a re-price of the tier's model: Hermes 4 at $1.20/M is $0.0114 a call, and the case study's all-cloud $883.50", () => {
    const copy = copyOfData({ "models.csv": (text) => text.replace("Together AI,0.90,0.90,", "Together AI,1.20,1.20,") });
    try {
      const repriced = loadDataset(copy.dir);
      // 9,500 tokens x $1.20/M = $0.0114; 77,500 calls x $0.0114 = $883.50.
      expect(tierSpecsFromData(repriced).cloud_economy.usdPerCall).toBeCloseTo(0.0114, 12);
      expect(caseStudyFromData(repriced).result.options.find((option) => option.option === "all_cloud")?.totalUsd).toBeCloseTo(883.5, 9);
    } finally {
      copy.dispose();
    }
  });

  it("serves the local tiers on routing_config.csv's server, the 4x A100 at $4,337.42 a month", () => {
    const local = routingLocalServer(data);
    expect(local.hardware.hardwareId).toBe("a100x4-70b");
    // $80,000 / 36 + 1.6 kW × 720 h × $0.10 + 0.2 × $10,000
    expect(local.monthlyUsd).toBeCloseTo(80_000 / 36 + 1.6 * 720 * 0.1 + 0.2 * 10_000, 9);
  });
});

describe("the 59.4 figures", () => {
  it("59.4a: pure cloud $6,975, hybrid $3,138.75, and hybrid with routing_config.csv's server paid $7,476.17", () => {
    const figure = tierCostFigure(data, hybridSavings(data));
    expect(names(figure)).toEqual(["Premium cloud model", "Local hardware (4x A100 80GB (Hermes 3 70B))"]);
    expect(figure.layout.barmode).toBe("stack");
    expect(figure.layout.annotations?.slice(0, 3).map((label) => label.text)).toEqual(["$6,975", "$3,139", "$7,476"]);
    const hardware = figure.data[1] as unknown as { y: number[] };
    expect(hardware.y[2]).toBeCloseTo(80_000 / 36 + 115.2 + 2000, 9);
    expect(caption(figure)).toBe(
      "Source: data/task_types.csv, data/task_mix.csv, data/routing_tiers.csv, data/routing_config.csv, data/hardware.csv, prices as of 2025-09-01. roilab",
    );
  });

  it("59.4b: savings step from 55.0% to 75.4% once code generation moves to the economy tier", () => {
    const localUsd = hardwareMonthlyCost(findHardware(data, "a100x4-70b")).totalUsd;
    const points = savingsByThreshold(data, [0.7, 0.85, 0.9, 0.95], localUsd);
    // From 0.9, code generation (0.88, 25%) goes to Hermes 4 at $0.00855 and 20% stay on Claude at $0.0465:
    // 1 - (0.25 x 0.00855 + 0.20 x 0.0465) / 0.0465 = 1 - 0.0114375 / 0.0465 = 75.40%.
    expect(points.map((point) => +point.savingsPercentage.toFixed(1))).toEqual([55, 55, 75.4, 75.4]);
    expect(points[2]!.savingsPercentage).toBeCloseTo((1 - (0.25 * 0.00855 + 0.2 * 0.0465) / 0.0465) * 100, 9);
    expect(points[0]!.savingsAfterHardwarePercentage).toBeCloseTo(-7.19, 2);
    const figure = thresholdFigure(data, { thresholds: [0.7, 0.85, 0.9, 0.95], complexityThreshold: 0.7 });
    expect(figure.layout.annotations?.[0]?.text).toBe("chapter's threshold 0.7: 55.0% saved");
    expect(axisTitle(figure, "yaxis")).toBe("Saved against pure cloud (%)");
  });
});
