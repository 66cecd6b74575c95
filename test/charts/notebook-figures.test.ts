/**
 * Every figure a page shows: each notebook's figures and each what-if panel's as the page first draws it, on the
 * chapter's edition, the 2026 edition, the 2026 edition in yuan and the 2026 edition with 40 models: every colour
 * is the palette's or a named colour of the theme, and no two series of a figure look alike.
 */
import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Figure, NAMED_COLORS, SERIES_PALETTE } from "../../src/charts";
import { editionWithModels } from "../helpers/data-folder";
import { type DrawnFigure, drawNotebook, NOTEBOOKS_DIR } from "../helpers/notebook-figures";

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === "object" && value !== null && !Array.isArray(value);
const plain = (value: unknown): Plain => (isPlain(value) ? value : {});

/** A colour as `#RRGGBB`, an `rgba()` by its colour without the alpha. */
function hex(color: string): string {
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  if (rgb)
    return `#${rgb
      .slice(1, 4)
      .map((channel) => Number(channel).toString(16).padStart(2, "0"))
      .join("")}`.toUpperCase();
  return color.length === 4 ? `#${[...color.slice(1)].map((digit) => digit + digit).join("")}`.toUpperCase() : color.toUpperCase();
}

/** Every colour a figure names, where it names it. */
function colorsOf(value: unknown, where = ""): [string, string][] {
  if (typeof value === "string") return /color$/i.test(where) && !/colorscale$/.test(where) ? [[where, value]] : [];
  if (Array.isArray(value)) return value.flatMap((item) => colorsOf(item, where));
  if (isPlain(value)) return Object.entries(value).flatMap(([key, item]) => colorsOf(item, `${where}.${key}`));
  return [];
}

/** A trace's colour as a series: its marker's, or a ring's outline, or its line's. */
function seriesColor(trace: Plain): string | undefined {
  const marker = plain(trace.marker);
  const found = [marker.color, plain(marker.line).color, plain(trace.line).color].find(
    (color) => typeof color === "string" && hex(color) !== "#FFFFFF",
  );
  return typeof found === "string" ? hex(found) : undefined;
}

/** What tells a series apart besides its colour: its dash, its marker's symbol, its bars' pattern. */
function styleOf(trace: Plain, index?: number): string {
  const at = (value: unknown) => (Array.isArray(value) && index !== undefined ? value[index] : value);
  const mode = String(trace.mode ?? (trace.type === "scatter" ? "lines" : ""));
  const marker = plain(trace.marker);
  return [
    mode.includes("lines") ? String(plain(trace.line).dash ?? "solid") : "",
    mode.includes("markers") ? String(at(marker.symbol) ?? "circle") : "",
    trace.type === "bar" ? String(at(plain(marker.pattern).shape) ?? "") : "",
  ].join(" ");
}

/** Each colour problem of a figure: a colour not the theme's, two series alike. */
function colorProblems(figure: Figure): string[] {
  const allowed = new Set([...SERIES_PALETTE, ...NAMED_COLORS].map(hex));
  const problems = colorsOf(figure)
    .filter(([, color]) => !allowed.has(hex(color)))
    .map(([where, color]) => `${color} at ${where} is neither the palette's nor a named colour of the theme`);
  const palette = new Set(SERIES_PALETTE.map(hex));
  const traces = figure.data as unknown as Plain[];
  const series = traces
    .filter((trace) => trace.type !== "heatmap" && (trace.showlegend !== false || palette.has(seriesColor(trace) ?? "")))
    .flatMap((trace) => {
      const color = seriesColor(trace);
      return color === undefined ? [] : [{ name: String(trace.name), color, look: `${color} ${styleOf(trace)}`, group: trace.legendgroup }];
    });
  // Bars coloured one by one in more than two colours show one series each (two colours tell a sign, or a kind).
  for (const trace of traces.filter((candidate) => candidate.type === "bar")) {
    const colors = plain(trace.marker).color;
    if (!Array.isArray(colors) || new Set(colors).size <= 2) continue;
    const labels = (trace.orientation === "h" ? trace.y : trace.x) as unknown[];
    colors.forEach((color, index) => {
      series.push({
        name: String(labels[index]),
        color: hex(String(color)),
        look: `${hex(String(color))} ${styleOf(trace, index)}`,
        group: undefined,
      });
    });
  }
  const groups = new Set(series.map((entry, index) => entry.group ?? `#${index}`));
  series.forEach((entry, index) => {
    for (const other of series.slice(index + 1)) {
      if (entry.look === other.look) problems.push(`"${entry.name}" and "${other.name}" look alike (${entry.look})`);
      else if (
        groups.size <= SERIES_PALETTE.length &&
        entry.color === other.color &&
        (entry.group === undefined || entry.group !== other.group)
      )
        problems.push(`"${entry.name}" and "${other.name}" share ${entry.color}`);
    }
  });
  return problems;
}

const CHECKS: [string, (drawn: DrawnFigure) => string[]][] = [["colours", (drawn) => colorProblems(drawn.figure)]];

describe("the checks", () => {
  // Drawn by hand, not through the theme, which would have mended some of it.
  const line = (name: string, y: number[], color: string) => ({ type: "scatter", mode: "lines", name, x: [1, 2], y, line: { color } });
  const bad: Figure = {
    data: [
      line("A", [1.5, 2.25], SERIES_PALETTE[0]),
      { ...line("B", [2, 1.25], SERIES_PALETTE[0]), hovertemplate: "%{y:,} calls" },
      { type: "bar", name: "C", x: [1, 2], y: [3, 4], marker: { color: "#E69F01" }, hovertemplate: "%{y:$,.0f}" },
    ],
    layout: { title: { text: "Figure 0 — T" }, xaxis: { title: { text: "Volume" } }, yaxis: { title: { text: "Cost (USD)" } } },
  };

  it("catch two series alike and a colour that is not the theme's", () => {
    expect(colorProblems(bad)).toEqual([
      "#E69F01 at .data.marker.color is neither the palette's nor a named colour of the theme",
      '"A" and "B" look alike (#332288 solid  )',
    ]);
  });
});

describe("every figure a page shows", () => {
  const large = editionWithModels(40);
  const notebooks = readdirSync(NOTEBOOKS_DIR).filter((name) => name.endsWith(".ipynb"));
  const editions: [string, string, Record<string, string>][] = [
    ["the chapter's edition", "data", {}],
    ["the 2026 edition", "data/2026-11", {}],
    ["the 2026 edition in CNY", "data/2026-11", { currency: "CNY" }],
    ["the 2026 edition with 40 models", `${large.dir}/2026-11`, {}],
  ];
  const drawn: (DrawnFigure & { edition: string })[] = [];
  beforeAll(() => {
    for (const [edition, dataDir, parameters] of editions)
      for (const notebook of notebooks)
        for (const figure of drawNotebook(notebook, dataDir, parameters)) drawn.push({ ...figure, edition });
  }, 300_000);
  afterAll(() => large.dispose());

  it("are drawn from every notebook, on every edition", () => {
    for (const [edition] of editions)
      expect(new Set(drawn.filter((figure) => figure.edition === edition).map((figure) => figure.notebook))).toEqual(new Set(notebooks));
  });

  for (const [check, problems] of CHECKS)
    it(`pass the check of their ${check}`, () => {
      const found = drawn.flatMap((figure) =>
        problems(figure).map((problem) => `${figure.edition}, ${figure.notebook}, ${figure.label}: ${problem}`),
      );
      expect(found).toEqual([]);
    });
});
