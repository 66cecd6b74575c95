import { describe, expect, it } from "vitest";
import { benchmarkFigure, costMatrix, costMatrixFigure, priceQualityFigure } from "../../src/analysis/price-matrix";
import type { Figure } from "../../src/charts";
import { loadDataset } from "../../src/data";
import { DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);

const names = (figure: Figure) => figure.data.map((trace) => trace.name);

describe("the 59.2 price matrix", () => {
  it("prices every model at every volume, at the workload's 30 days: Hermes 3 8B $114 at 2,000/day, Claude 3.5 Sonnet $11,160 at 8,000/day", () => {
    const cells = costMatrix(data, [2000, 4000, 8000]);
    expect(cells).toHaveLength(data.models.length * 3);
    expect(cells.slice(0, 3).map((cell) => [cell.modelId, cell.callsPerDay])).toEqual([
      ["hermes-4-70b", 2000],
      ["hermes-4-70b", 4000],
      ["hermes-4-70b", 8000],
    ]);
    // (8,000 + 1,500) tokens × $0.20/M = $0.0019 a call; 8,000 × $3/M + 1,500 × $15/M = $0.0465 a call.
    expect(cells.find((cell) => cell.modelId === "hermes-3-8b" && cell.callsPerDay === 2000)?.usdPerMonth).toBeCloseTo(
      0.0019 * 2000 * 30,
      9,
    );
    expect(cells.find((cell) => cell.modelId === "claude-3-5-sonnet" && cell.callsPerDay === 8000)?.usdPerMonth).toBeCloseTo(11_160, 9);
  });
});

describe("the 59.2 figures", () => {
  it("59.2a: the cost matrix has a row per model and a column per volume, labelled in dollars", () => {
    const figure = costMatrixFigure(data, [1000, 5000]);
    const [heat] = figure.data as unknown as [{ x: string[]; y: string[]; text: string[][]; customdata: number[][] }];
    expect(heat.x).toEqual(["1,000/day", "5,000/day"]);
    expect(heat.y).toHaveLength(9);
    const claude = heat.y.indexOf("Claude 3.5 Sonnet");
    expect(heat.text[claude]).toEqual(["$1,395", "$6,975"]);
    expect(heat.customdata[claude]?.[1]).toBeCloseTo(6975, 2);
  });

  it("59.2b: price against quality places each rated model at its cost per call and stars, and the unrated Mistral Large on a 'no rating' row", () => {
    const figure = priceQualityFigure(data);
    expect(figure.data).toHaveLength(9);
    const mistral = figure.data.find((trace) => trace.name === "Mistral Large") as unknown as { x: number[]; y: number[]; text: string[] };
    // 8,000 x $2/M + 1,500 x $6/M = $0.025 a call.
    expect(mistral.x[0]).toBeCloseTo(0.025, 9);
    expect(mistral.y[0]).toBe(2);
    expect((figure.layout.yaxis as { ticktext: string[] }).ticktext).toEqual(["no rating", "3", "4", "5"]);
    const gpt = figure.data.find((trace) => trace.name === "GPT-4o") as unknown as { x: number[]; y: number[]; marker: { size: number } };
    expect(gpt.x[0]).toBeCloseTo(0.035, 6);
    expect(gpt.y[0]).toBe(5);
    expect(gpt.marker.size).toBe(28);
    expect((figure.layout.xaxis as { type: string }).type).toBe("log");
  });

  it("59.2b names, rather than drops, models without a rating: many unrated models are named on hover and counted", () => {
    const unrated = { ...data, models: data.models.map((model) => ({ ...model, qualityStars: undefined, toolUseStars: undefined })) };
    const figure = priceQualityFigure(unrated);
    expect(figure.data).toHaveLength(data.models.length);
    expect(figure.data.every((trace) => trace.mode === "markers")).toBe(true);
    expect(
      figure.layout.annotations?.some(
        (note) => note.text === `${data.models.length} models have no star rating in the data: hover a ring for its name`,
      ),
    ).toBe(true);
  });

  it("59.2c: six benchmarks, four models, scores as printed", () => {
    const figure = benchmarkFigure(data);
    expect(names(figure)).toEqual(["Hermes 4 70B (Together AI)", "GPT-4o", "Claude 3.5 Sonnet", "Gemini 1.5 Pro"]);
    const hermes = figure.data[0] as unknown as { x: string[]; y: number[] };
    expect(hermes.x).toEqual(["AgentBench", "GAIA Level 1", "GAIA Level 2", "Terminal-Bench 2.0", "YC-Bench", "TBLite"]);
    expect(hermes.y).toEqual([68.4, 81.2, 54.3, 71.6, 76.8, 82.3]);
    expect(figure.layout.barmode).toBe("group");
    expect(figure.layout.title.text).toBe("Figure 59.2c — Agent benchmarks (GAIA in percent, the others in points)");
  });

  it("59.2c names the units the data's benchmarks are scored in, not the chapter's", () => {
    const percentOnly = { ...data, benchmarks: data.benchmarks.filter((row) => row.unit === "percent") };
    expect(benchmarkFigure(percentOnly).layout.title.text).toBe("Figure 59.2c — Agent benchmarks (in percent)");
    const pointsOnly = { ...data, benchmarks: data.benchmarks.filter((row) => row.unit === "points") };
    expect(benchmarkFigure(pointsOnly).layout.title.text).toBe("Figure 59.2c — Agent benchmarks (in points)");
  });
});
