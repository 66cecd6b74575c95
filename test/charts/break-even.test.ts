import { describe, expect, it } from "vitest";
import { breakEvenCurvesFigure } from "../../src/analysis";
import { oneTwoFive } from "../../src/charts/break-even";
import { loadDataset } from "../../src/data";
import { DATA_DIR } from "../helpers/data-folder";

describe("log-axis ticks", () => {
  it("steps 1-2-5 between two values", () => {
    expect(oneTwoFive(100, 20_000)).toEqual([100, 200, 500, 1000, 2000, 5000, 10_000, 20_000]);
  });
});

describe("the break-even crossings' hover", () => {
  it("names each crossing in whole calls by the labels' rule, not as the raw value", () => {
    const data = loadDataset(DATA_DIR);
    const figure = breakEvenCurvesFigure(data, {
      hardwareIds: ["a100x4-70b", "rtx4090-server"],
      apiModelIds: ["claude-3-5-sonnet", "gpt-4o"],
      maxCallsPerDay: 20000,
    });
    const crossings = figure.data.find((trace) => trace.name === "Break-even") as unknown as {
      customdata: string[];
      hovertemplate: string;
    };
    expect(crossings.hovertemplate).toBe("break-even at %{customdata} calls/day<extra></extra>");
    expect(crossings.customdata.length).toBeGreaterThan(0);
    // The chapter's A100 server against Claude 3.5 Sonnet: 3,109 calls a day, as its label says.
    expect(crossings.customdata).toContain("3,109");
    for (const text of crossings.customdata) expect(text).toMatch(/^\d{1,3}(,\d{3})*$/);
  });
});
