import { describe, expect, it } from "vitest";
import { cloudCostTable, costVolumeFigure, hardwareMonthlyCost, monthlyCostFigure } from "../../src/analysis/cost";
import { modelColors } from "../../src/analysis/figure-context";
import { findHardware, findWorkload } from "../../src/analysis/lookup";
import type { Figure } from "../../src/charts";
import { loadDataset } from "../../src/data";
import { DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);
const workload = findWorkload(data);
const colors = modelColors(data);

const names = (figure: Figure) => figure.data.map((trace) => trace.name);
const axisTitle = (figure: Figure, axis: "xaxis" | "yaxis") => ((figure.layout[axis] as { title: { text: string } }).title.text);
const caption = (figure: Figure) => figure.layout.annotations?.at(-1)?.text;

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
});

describe("the 59.1 figures", () => {
  it("numbers the title and captions the source with its as_of date", () => {
    const figure = monthlyCostFigure(data);
    expect(figure.layout.title.text).toBe("Figure 59.1a — Monthly cloud cost per model, 1,000 calls/day");
    expect(caption(figure)).toBe("Source: data/models.csv, data/workloads.csv, prices as of 2025-09-01. roilab");
  });

  it("59.1a: one bar per model, cheapest first, labelled in dollars", () => {
    const figure = monthlyCostFigure(data, workload, "x");
    const [bars] = figure.data as unknown as [{ x: string[]; y: number[]; text: string[]; marker: { color: string[] } }];
    expect(figure.data).toHaveLength(1);
    expect(bars.x[0]).toBe("Hermes 3 8B");
    expect(bars.x.at(-1)).toBe("Claude 3.5 Sonnet");
    expect(bars.y.at(-1)).toBeCloseTo(1395, 2);
    expect(bars.text.at(-1)).toBe("$1,395");
    expect(bars.marker.color.at(-1)).toBe(colors.get("claude-3-5-sonnet"));
    expect(axisTitle(figure, "yaxis")).toBe("Cost per month (USD)");
    expect((figure.layout.yaxis as { tickformat: string }).tickformat).toBe("$,.0f");
  });

  it("59.1b: one line per model; Claude costs $13,950 a month at 10,000 calls/day", () => {
    const figure = costVolumeFigure(data, workload, [0, 5000, 10_000]);
    expect(names(figure)).toEqual(data.models.map((model) => model.modelName));
    const claude = figure.data.find((trace) => trace.name === "Claude 3.5 Sonnet") as unknown as { y: number[] };
    expect(claude.y[2]).toBeCloseTo(13_950, 2);
    expect(axisTitle(figure, "xaxis")).toBe("Calls per day");
    expect(figure.layout.annotations?.[0]?.text).toBe("workload: 1,000/day");
  });
});
