import { describe, expect, it } from "vitest";
import { evaluateCaseStudy, residencyFilter, type CaseStudyInputs } from "../../src/model";

const chapterCase: CaseStudyInputs = {
  weekdayCallsPerDay: 3000,
  weekdayDaysPerMonth: 25,
  weekendCallsPerDay: 500,
  weekendDaysPerMonth: 5,
  budgetUsdPerMonth: 5000,
  allowedRegions: ["CN", "on_premises"],
  taskMix: [
    { taskType: "summarization", share: 0.6, sensitive: false },
    { taskType: "compliance_query", share: 0.25, sensitive: true },
    { taskType: "quote_calculation", share: 0.15, sensitive: true },
  ],
  localMonthlyUsd: 12_000 / 36 + 60 + 300,
  cloud: { id: "hermes-4-70b", usdPerCall: 0.009, dataRegion: "US" },
};

describe("residencyFilter", () => {
  it("excludes providers outside the allowed regions, case-insensitively", () => {
    const result = residencyFilter(
      [
        { id: "gpt-4o", dataRegion: "US" },
        { id: "qwen", dataRegion: "cn" },
        { id: "x", dataRegion: "unknown" },
      ],
      ["CN"],
    );
    expect(result.allowed.map((m) => m.id)).toEqual(["qwen"]);
    expect(result.excluded.map((m) => m.id)).toEqual(["gpt-4o", "x"]);
  });
});

describe("evaluateCaseStudy", () => {
  const result = evaluateCaseStudy(chapterCase);
  const option = (name: string) => result.options.find((o) => o.option === name)!;

  it("reproduces the chapter's all-cloud bill: $675 weekdays + $22.50 weekends = $697.50", () => {
    expect(result.monthlyCalls).toEqual({ weekday: 75_000, weekend: 2500, total: 77_500 });
    expect(result.cloudWeekdayUsd).toBeCloseTo(675, 2);
    expect(result.cloudWeekendUsd).toBeCloseTo(22.5, 2);
    expect(option("all_cloud").totalUsd).toBeCloseTo(697.5, 2);
  });

  it("marks all-cloud non-compliant because 40% of calls are sensitive and the cloud is in the US", () => {
    expect(result.sensitiveShare).toBeCloseTo(0.4, 12);
    expect(option("all_cloud").compliant).toBe(false);
    expect(option("all_local").compliant).toBe(true);
    expect(option("hybrid").compliant).toBe(true);
  });

  it("costs the hybrid design as the local server plus cloud summaries: $693.33 + $418.50", () => {
    expect(option("all_local").totalUsd).toBeCloseTo(693.33, 2);
    expect(option("hybrid").cloudUsd).toBeCloseTo(418.5, 2);
    expect(option("hybrid").totalUsd).toBeCloseTo(1111.83, 2);
    expect(option("hybrid").cloudShare).toBeCloseTo(0.6, 12);
    expect(result.hybridExtraOverCloudUsd).toBeCloseTo(414.33, 2);
  });

  it("recommends the cheapest compliant option within budget", () => {
    expect(result.cheapestCompliant).toBe("all_local");
    expect(evaluateCaseStudy({ ...chapterCase, budgetUsdPerMonth: 500 }).cheapestCompliant).toBeUndefined();
    expect(evaluateCaseStudy({ ...chapterCase, allowedRegions: ["US", "on_premises"] }).cheapestCompliant).toBe("all_local");
    expect(evaluateCaseStudy({ ...chapterCase, localMonthlyUsd: 2000, allowedRegions: ["US", "on_premises"] }).cheapestCompliant).toBe(
      "all_cloud",
    );
  });
});
