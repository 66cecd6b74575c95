/**
 * Every figure a page shows: each notebook's figures and each what-if panel's as the page first draws it, on the
 * chapter's edition, the 2026 edition, the 2026 edition in yuan and the 2026 edition with 40 models. Every value
 * axis names its unit (a money axis its currency, a percentage axis % on its ticks); every hover rounds; lines
 * that cross are labelled where they end, apart from each other and inside the figure; every colour is the
 * palette's or a named colour of the theme, and no two series of a figure look alike.
 */
import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  END_LABEL,
  END_LABEL_LINE_PX,
  END_LABEL_PLOT_PX,
  type Figure,
  MAX_END_LABELS,
  NAMED_COLORS,
  SERIES_PALETTE,
} from "../../src/charts";
import { currencySymbol } from "../../src/format";
import { editionWithModels } from "../helpers/data-folder";
import { type DrawnFigure, drawNotebook, NOTEBOOKS_DIR } from "../helpers/notebook-figures";

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === "object" && value !== null && !Array.isArray(value);
const plain = (value: unknown): Plain => (isPlain(value) ? value : {});
const textOf = (title: unknown) => String(plain(title).text ?? (typeof title === "string" ? title : "")).replace(/<[^>]*>/g, " ");

/** A unit a value axis's title names: money, a share, calls, tokens, memory, time, servers, a rating, a scale. */
const UNIT = /USD|CNY|\$|¥|%|\bcalls?\b|\btokens?\b|\bGiB\b|\bhours?\b|\bservers?\b|\bstars\b|\bFTE\b|\bpoints\b|\b0 to 1\b/i;

/** Every ISO currency code, to find one named in a title. */
const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

/** The layout key of the axis a trace is drawn on, `xaxis` or `yaxis2`. */
const axisKey = (trace: Plain, letter: "x" | "y") => `${letter}axis${String(trace[`${letter}axis`] ?? letter).slice(1)}`;
const numbers = (values: unknown): number[] =>
  (Array.isArray(values) ? values.flat(3) : []).filter((value): value is number => typeof value === "number" && Number.isFinite(value));

/** Each axis problem of a figure: a value axis without a unit, money ticks without their currency named, a percentage without %. */
function axisProblems(figure: Figure): string[] {
  const layout = figure.layout as Plain;
  const traces = figure.data as unknown as Plain[];
  const keys = new Set([
    ...Object.keys(layout).filter((key) => /^[xy]axis\d*$/.test(key)),
    ...traces.flatMap((trace) => (trace.type === "pie" ? [] : [axisKey(trace, "x"), axisKey(trace, "y")])),
  ]);
  return [...keys].flatMap((key) => {
    const axis = plain(layout[key]);
    const values = traces
      .filter((trace) => axisKey(trace, key[0] as "x" | "y") === key)
      .flatMap((trace) => numbers(trace[key[0] as string]));
    // An axis drawn nowhere (a line across the plot on an overlaid, hidden axis) shows no title to name a unit.
    if (axis.type === "category" || axis.visible === false || values.length === 0) return [];
    const title = textOf(axis.title);
    const problems: string[] = [];
    if (!UNIT.test(title)) problems.push(`${key} "${title}" names no unit`);
    // Money ticks: d3's $ (dollars), or a currency's symbol in front; the title names that currency by its code.
    const symbol = typeof axis.tickformat === "string" && axis.tickformat.startsWith("$") ? "$" : axis.tickprefix;
    const named = (title.match(/\b[A-Z]{3}\b/g) ?? []).filter((code) => CURRENCIES.has(code));
    const moneyTicks = typeof symbol === "string";
    if (moneyTicks && !named.some((code) => currencySymbol(code) === symbol))
      problems.push(`${key} "${title}" shows money in ${symbol} without naming its currency`);
    if (named.length > 0 && !moneyTicks) problems.push(`${key} "${title}" is in ${named.join(", ")} but its ticks are bare numbers`);
    const percentTicks = String(axis.ticksuffix ?? "").includes("%") || String(axis.tickformat ?? "").endsWith("%");
    if (/\(%/.test(title) && !percentTicks) problems.push(`${key} "${title}" is in % but its ticks lack %`);
    return problems;
  });
}

/** A d3 format that fixes the digits shown: `,.0f`, `$,.2f`, `.1%`. */
const rounds = (format: string | undefined) => format !== undefined && /\.\d+~?[a-z%]?$/.test(format);

/** The values a hover placeholder (`x`, `customdata[1]`) shows for a trace. */
function placeholderValues(trace: Plain, field: string): unknown[] {
  const item = /^customdata\[(\d+)\]$/.exec(field);
  if (item)
    return (Array.isArray(trace.customdata) ? trace.customdata : []).map((row) => (Array.isArray(row) ? row[Number(item[1])] : row));
  return Array.isArray(trace[field]) ? (trace[field] as unknown[]) : [];
}

/** Each hover problem of a figure: a trace without a template, a number shown unrounded, calls shown with decimals. */
function hoverProblems(figure: Figure): string[] {
  const layout = figure.layout as Plain;
  return (figure.data as unknown as Plain[]).flatMap((trace) => {
    const name = `trace "${String(trace.name ?? trace.type)}"`;
    if (trace.hoverinfo === "skip" || trace.hoverinfo === "none") return [];
    const templates = [trace.hovertemplate].flat().filter((template): template is string => typeof template === "string");
    if (templates.length === 0) return [`${name} has no hovertemplate`];
    return templates.flatMap((template) =>
      [...template.matchAll(/(%\{([^}:]+)(?::([^}]*))?\})([^%<]{0,16})/g)].flatMap(([, placeholder, field, format, after]) => {
        const values = numbers(placeholderValues(trace, field as string).flat());
        const axisFormat = ["x", "y"].includes(field as string) ? plain(layout[axisKey(trace, field as "x" | "y")]).hoverformat : undefined;
        const shown = format ?? (typeof axisFormat === "string" ? axisFormat : undefined);
        if (values.some((value) => !Number.isInteger(value)) && !rounds(shown)) return [`${name} shows ${placeholder} unrounded`];
        if (/^\s*(calls|servers|tasks)\b/.test(after ?? "") && shown !== undefined && rounds(shown) && !/\.0[a-z]$/.test(shown))
          return [`${name} shows ${placeholder} with decimals of a call`];
        return [];
      }),
    );
  });
}

/** Where a value sits on an axis as Plotly places annotations: its logarithm on a log axis. */
const onAxis = (axis: Plain, value: number) => (axis.type === "log" ? Math.log10(value) : value);

/** The plotted extent of an axis: its range when set, else its traces' values. */
function extent(figure: Figure, key: string): [number, number] {
  const axis = plain((figure.layout as Plain)[key]);
  if (Array.isArray(axis.range)) return axis.range as [number, number];
  const values = (figure.data as unknown as Plain[])
    .filter((trace) => axisKey(trace, key[0] as "x" | "y") === key)
    .flatMap((trace) => numbers(trace[key[0] as string]))
    .map((value) => onAxis(axis, value));
  return [Math.min(...values), Math.max(...values)];
}

/** The series a figure draws as lines, which a reader follows to their end. */
const lineSeries = (figure: Figure) =>
  (figure.data as unknown as Plain[]).filter(
    (trace) =>
      trace.type === "scatter" &&
      String(trace.mode ?? "").includes("lines") &&
      trace.showlegend !== false &&
      trace.fill === undefined &&
      numbers(trace.x).length >= 2,
  );

/** Each problem of a figure's labels at the ends of its lines: a line without one, two labels on each other, one cut off. */
function endLabelProblems(figure: Figure): string[] {
  const lines = lineSeries(figure);
  const labels = ((figure.layout.annotations ?? []) as Plain[]).filter((annotation) => annotation.name === END_LABEL);
  if (lines.length < 2 || lines.length > MAX_END_LABELS) return [];
  // Level lines never cross: a legend names them as well as labels would (59.9a's configurations).
  if (lines.every((trace) => new Set(trace.y as number[]).size === 1)) return [];
  const layout = figure.layout as Plain;
  const problems: string[] = [];
  const placed = lines.flatMap((trace) => {
    const xs = trace.x as number[];
    const ys = trace.y as number[];
    const yKey = axisKey(trace, "y");
    const x = onAxis(plain(layout[axisKey(trace, "x")]), xs.at(-1) as number);
    const y = onAxis(plain(layout[yKey]), ys.at(-1) as number);
    const color = plain(trace.line).color ?? plain(trace.marker).color;
    const label = labels.find(
      (annotation) =>
        Math.abs(Number(annotation.x) - x) < 1e-9 && Math.abs(Number(annotation.y) - y) < 1e-9 && plain(annotation.font).color === color,
    );
    if (!label) {
      problems.push(`line "${String(trace.name)}" has no label at its end`);
      return [];
    }
    const [low, high] = extent(figure, yKey);
    const centre = (1 - (y - low) / (high - low || 1)) * END_LABEL_PLOT_PX + Number(label.ay ?? 0);
    return [{ name: String(trace.name), centre, height: String(label.text).split("<br>").length * END_LABEL_LINE_PX, label }];
  });
  placed.sort((a, b) => a.centre - b.centre);
  placed.forEach((label, index) => {
    const next = placed[index + 1];
    if (next && next.centre - label.centre < (label.height + next.height) / 2 - 0.5)
      problems.push(`labels of "${label.name}" and "${next.name}" overlap`);
  });
  const right = Number(plain(layout.margin).r ?? 0);
  for (const { name, label } of placed.filter((entry) => entry.label.xanchor !== "right")) {
    const longest = Math.max(
      ...String(label.text)
        .split("<br>")
        .map((line) => line.length),
    );
    // 6.8 px a character: the 11 px sans-serif a page draws labels in, measured on labels full of digits.
    if (Number(label.ax ?? 0) + longest * 6.8 > right + 1) problems.push(`label of "${name}" runs past the figure's right edge`);
  }
  return problems;
}

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

/** Each currency problem of a figure shown in another currency than USD: a dollar sign or USD left in a label, hover or format. */
function currencyProblems(figure: Figure, currency: string): string[] {
  if (currency === "USD") return [];
  const texts: [string, string][] = [];
  const walk = (value: unknown, where: string) => {
    if (typeof value === "string") texts.push([where, value]);
    else if (Array.isArray(value)) for (const item of value) walk(item, where);
    else if (isPlain(value))
      for (const [key, item] of Object.entries(value))
        if (!/color|colorscale|^(x|y|z|customdata)$/.test(key)) walk(item, `${where}.${key}`);
  };
  walk(figure, "");
  return texts.filter(([, text]) => /\$|\bUSD\b/.test(text)).map(([where, text]) => `${where} still shows dollars: ${text.slice(0, 80)}`);
}

const CHECKS: [string, (drawn: DrawnFigure) => string[]][] = [
  ["axes", (drawn) => axisProblems(drawn.figure)],
  ["hovers", (drawn) => hoverProblems(drawn.figure)],
  ["line labels", (drawn) => endLabelProblems(drawn.figure)],
  ["colours", (drawn) => colorProblems(drawn.figure)],
  ["currency", (drawn) => currencyProblems(drawn.figure, drawn.currency)],
];

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

  it("catch an axis without a unit, money without its symbol, a bare hover, two series alike, a stray colour and dollars left", () => {
    expect(axisProblems(bad)).toEqual(['xaxis "Volume" names no unit', 'yaxis "Cost (USD)" is in USD but its ticks are bare numbers']);
    expect(hoverProblems(bad)).toEqual(['trace "A" has no hovertemplate', 'trace "B" shows %{y:,} unrounded']);
    expect(colorProblems(bad)).toEqual([
      "#E69F01 at .data.marker.color is neither the palette's nor a named colour of the theme",
      '"A" and "B" look alike (#332288 solid  )',
    ]);
    expect(currencyProblems(bad, "CNY")).toEqual([
      ".data.hovertemplate still shows dollars: %{y:$,.0f}",
      ".layout.yaxis.title.text still shows dollars: Cost (USD)",
    ]);
  });

  it("catch lines without a label at their end, and labels on top of each other", () => {
    expect(endLabelProblems(bad)).toEqual(['line "A" has no label at its end', 'line "B" has no label at its end']);
    const label = (y: number, color: string) => ({ name: END_LABEL, text: "x", x: 2, y, ax: 8, ay: 0, xanchor: "left", font: { color } });
    const crowded = {
      ...bad,
      layout: { ...bad.layout, margin: { r: 30 }, annotations: [label(2.25, SERIES_PALETTE[0]), label(1.25, SERIES_PALETTE[0])] },
    };
    expect(endLabelProblems(crowded)).toEqual([]);
    crowded.data[1] = { ...line("B", [2, 2.2], SERIES_PALETTE[0]) };
    crowded.layout.annotations[1] = label(2.2, SERIES_PALETTE[0]);
    expect(endLabelProblems(crowded)).toEqual(['labels of "A" and "B" overlap']);
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
