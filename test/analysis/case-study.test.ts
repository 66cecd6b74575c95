import { describe, expect, it } from "vitest";
import { caseStudyCapacity } from "../../src/analysis/capacity";
import { caseStudyFigure, caseStudyFromData } from "../../src/analysis/case-study";
import type { Figure } from "../../src/charts";
import { loadDataset } from "../../src/data";
import { copyOfData, DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);

const names = (figure: Figure) => figure.data.map((trace) => trace.name);

describe("the chapter reproduced from data/", () => {
  it("59.5: residency excludes every cloud model; all-cloud $662.63, all-local $693.33, hybrid $1,090.91", () => {
    const { residency, result } = caseStudyFromData(data);
    expect(residency.allowed).toEqual([]);
    expect(residency.excluded.map((model) => model.modelId)).toContain("claude-3-5-sonnet");
    const totals = Object.fromEntries(result.options.map((option) => [option.option, option.totalUsd]));
    // Hermes 4 at 8,000 × $0.90/M + 1,500 × $0.90/M = $0.00855 a call; 3,000 × 25 + 500 × 5 = 77,500 calls: $662.625.
    expect(totals.all_cloud).toBeCloseTo(662.625, 6);
    // 12,000/36 + 60 + 300.
    expect(totals.all_local).toBeCloseTo(693.33, 2);
    // $693.33 + 60% summaries × $662.625 = $693.33 + $397.575.
    expect(totals.hybrid).toBeCloseTo(12_000 / 36 + 360 + 397.575, 6);
    expect(result.cheapestCompliant).toBe("all_local");
  });
});

describe("the 59.5 figure", () => {
  it("59.5: three options stacked, all-cloud marked not compliant, budget noted", () => {
    const { result } = caseStudyFromData(data);
    const figure = caseStudyFigure(data, result);
    expect(names(figure)).toEqual(["Local server", "Cloud API"]);
    // Cloud: 77,500 × $0.00855 = $662.625 all-cloud, 0.6 × $662.625 = $397.575 in the hybrid.
    expect((figure.data[1] as unknown as { y: number[] }).y.map((value) => +value.toFixed(3))).toEqual([662.625, 0, 397.575]);
    const labels = figure.layout.annotations!.map((label) => label.text);
    expect(labels[0]).toBe("$663<br><b>not</b><br><b>compliant</b>");
    // $693.33 + $397.58 = $1,090.91.
    expect(labels[2]).toBe("$1,091");
    expect(labels).toContain("budget $5,000: above the scale");
    // The same scenario with a $1,000 budget in case_study.csv: the budget line falls within the scale.
    const tightBudget = copyOfData({
      "case_study.csv": (text) => text.replace("saas-export,3000,25,500,5,5000,", "saas-export,3000,25,500,5,1000,"),
    });
    try {
      const tightData = loadDataset(tightBudget.dir);
      const tight = caseStudyFigure(tightData, caseStudyFromData(tightData).result);
      expect((tight.layout.shapes as { y0: number }[])[0]?.y0).toBe(1000);
    } finally {
      tightBudget.dispose();
    }
  });

  it("59.5: shows each option with local servers twice, as the chapter counts it and with the servers its volume needs", () => {
    const { result } = caseStudyFromData(data);
    const figure = caseStudyFigure(data, result, "saas-export", caseStudyCapacity(data).withCapacity);
    const local = figure.data[0] as unknown as { x: string[]; y: number[] };
    expect(local.x).toEqual([
      "All cloud",
      "All local<br>1 server (chapter)",
      "All local<br>11 servers needed",
      "Hybrid<br>1 server (chapter)",
      "Hybrid<br>5 servers needed",
    ]);
    expect(local.y.map((value) => +value.toFixed(2))).toEqual([0, 693.33, 5376.67, 693.33, 2566.67]);
    expect(figure.layout.annotations?.at(-1)?.text).toContain("data/throughput.csv, data/traffic_profiles.csv");
  });

  it("59.5: names every file the comparison reads in its caption", () => {
    const figure = caseStudyFigure(data, caseStudyFromData(data).result, "saas-export");
    expect(figure.layout.annotations?.at(-1)?.text).toBe(
      "Source: data/case_study.csv, data/task_mix.csv, data/hardware.csv, data/routing_tiers.csv, data/models.csv,<br>prices as of 2025-09-01. roilab",
    );
  });
});
