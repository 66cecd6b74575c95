/**
 * Every figure that draws one series per model, on editions with many models: no two models share a colour
 * while the edition has no more models than the palette has colours, and past that no colour serves more
 * than one model per round of the palette.
 */
import { afterAll, describe, expect, it } from "vitest";
import { breakEvenCurvesFigure } from "../../src/analysis/break-even";
import { costVolumeFigure, monthlyCostFigure } from "../../src/analysis/cost";
import { findWorkload } from "../../src/analysis/lookup";
import { benchmarkFigure, priceQualityFigure } from "../../src/analysis/price-matrix";
import { unitCostFigure } from "../../src/analysis/rental";
import { type Figure, SERIES_PALETTE } from "../../src/charts";
import { type Dataset, loadDataset } from "../../src/data";
import { editionWithModels } from "../helpers/data-folder";

/** Each drawn model's name and colour: a bar of a bar chart coloured bar by bar, or a trace. */
function seriesColors(figure: Figure, keep: (trace: Record<string, unknown>) => boolean = () => true): Map<string, Set<string>> {
  const colors = new Map<string, Set<string>>();
  const add = (name: string, color: unknown) => {
    if (typeof color !== "string") return;
    colors.set(name, (colors.get(name) ?? new Set()).add(color));
  };
  for (const trace of figure.data as unknown as Record<string, unknown>[]) {
    if (!keep(trace)) continue;
    const marker = trace.marker as { color?: unknown; line?: { color?: unknown } } | undefined;
    const line = trace.line as { color?: unknown } | undefined;
    if (Array.isArray(marker?.color)) {
      const labels = (trace.orientation === "h" ? trace.y : trace.x) as string[];
      for (const [index, color] of marker.color.entries()) add(String(labels[index]), color);
    } else {
      // A ring (an unrated model in 59.2b) is white inside and drawn in its model's colour.
      const drawn = [marker?.color, marker?.line?.color, line?.color].find((color) => typeof color === "string" && color !== "#ffffff");
      add(String(trace.name), drawn);
    }
  }
  return colors;
}

/** How many series of the figure each colour serves. */
function seriesPerColor(series: Map<string, Set<string>>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const colors of series.values()) for (const color of colors) counts.set(color, (counts.get(color) ?? 0) + 1);
  return counts;
}

/** 59.3a's API lines: not a local configuration's flat line, nor the break-even marks. */
const apiLines = (trace: Record<string, unknown>) => trace.name !== "Break-even" && !String(trace.name).endsWith("(local)");

function modelFigures(data: Dataset): [string, Map<string, Set<string>>][] {
  const ids = data.models.map((model) => model.modelId);
  const workload = findWorkload(data);
  return [
    ["59.1a", seriesColors(monthlyCostFigure(data, workload))],
    ["59.1b", seriesColors(costVolumeFigure(data, workload, [1000, 10_000, 100_000]))],
    ["59.2b", seriesColors(priceQualityFigure(data, workload))],
    ["59.2c", seriesColors(benchmarkFigure(data))],
    [
      "59.3a",
      seriesColors(
        breakEvenCurvesFigure(data, { hardwareIds: [data.hardware[0]!.hardwareId], apiModelIds: ids, maxCallsPerDay: 20_000, workload }),
        apiLines,
      ),
    ],
    [
      "59.10b",
      seriesColors(
        unitCostFigure(data, { rentalIds: [], apiModelIds: ids, utilisations: [50, 100] }),
        // The APIs' lines, beside the servers'.
        (trace) => String(trace.name).endsWith("(API)"),
      ),
    ],
  ];
}

describe("one colour per model in every figure of a large edition", () => {
  const full = editionWithModels(SERIES_PALETTE.length);
  const large = editionWithModels(40);
  afterAll(() => {
    full.dispose();
    large.dispose();
  });

  it(`${SERIES_PALETTE.length} models, as many as the palette has colours: every series of a figure has its own colour`, () => {
    const data = loadDataset(`${full.dir}/2026-11`);
    expect(data.models).toHaveLength(SERIES_PALETTE.length);
    for (const [figure, series] of modelFigures(data)) {
      expect(series.size, figure).toBeGreaterThanOrEqual(SERIES_PALETTE.length);
      const shared = [...seriesPerColor(series)].filter(([, count]) => count > 1);
      expect(shared, figure).toEqual([]);
    }
  });

  it("40 models: colours repeat, none more than twice in a figure, and every colour is the palette's", () => {
    const data = loadDataset(`${large.dir}/2026-11`);
    expect(data.models).toHaveLength(40);
    for (const [figure, series] of modelFigures(data)) {
      expect(series.size, figure).toBeGreaterThanOrEqual(40);
      const counts = seriesPerColor(series);
      expect(Math.max(...counts.values()), figure).toBe(2);
      expect(
        [...counts.keys()].filter((color) => !(SERIES_PALETTE as readonly string[]).includes(color)),
        figure,
      ).toEqual([]);
    }
  });
});
