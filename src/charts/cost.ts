/** 59.1–59.2: what each model costs at a workload, and how that grows with volume. */
import { displayCurrencyCode, formatMoney } from "../format";
import { COST_WORDS } from "../i18n/cost";
import { PRICE_MATRIX_WORDS } from "../i18n/price-matrix";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { figureMoneyIn } from "./currency";
import type { Figure, Provenance, Trace } from "./figure";
import { repeatPatterns } from "./series-looks";
import { type AxisOptions, axis, colorOf, FORMAT, LABEL_BACKGROUND, THEME_COLORS, themedFigure } from "./theme";

export interface ModelMonthlyCost {
  modelId: string;
  modelName: string;
  usdPerMonth: number;
}

/** Figure 59.1a: monthly cost per model at one workload, cheapest first, each bar labelled. */
export function monthlyCostByModel(
  rows: readonly ModelMonthlyCost[],
  colors: ReadonlyMap<string, string>,
  provenance: Provenance,
  workloadLabel: string,
  lang: Lang = DEFAULT_LANG,
): Figure {
  const words = COST_WORDS[lang];
  const sorted = [...rows].sort((a, b) => a.usdPerMonth - b.usdPerMonth);
  const colorsOfBars = sorted.map((row) => colorOf(colors, row.modelId));
  // Past the palette's 24 colours a colour serves two models: the second one's bar is hatched.
  const patterns = repeatPatterns(colorsOfBars);
  const trace: Trace = {
    type: "bar",
    name: words.monthlyTrace,
    x: sorted.map((row) => row.modelName),
    y: sorted.map((row) => row.usdPerMonth),
    marker: {
      color: colorsOfBars,
      ...(patterns.some(Boolean) ? { pattern: { shape: patterns, fillmode: "overlay", fgcolor: THEME_COLORS.paper, fgopacity: 0.6 } } : {}),
    },
    // Chinese writes large sums in 万 (formatMoney), which a `$` label could not say.
    text: sorted.map((row) =>
      lang === "en"
        ? `$${Math.round(row.usdPerMonth).toLocaleString("en-US")}`
        : formatMoney(row.usdPerMonth, displayCurrencyCode(), 0, lang),
    ),
    textposition: "outside",
    cliponaxis: false,
    hovertemplate: words.monthlyHover,
    showlegend: false,
  };
  const figure = themedFigure([trace], {
    number: "59.1a",
    title: words.monthlyTitle(workloadLabel),
    provenance,
    lang,
    xaxis: { title: words.axisModel, type: "category" },
    yaxis: { title: words.axisMonthly, tickformat: FORMAT.usd },
  });
  return figureMoneyIn(figure, lang);
}

export interface ModelPerCallCost {
  modelId: string;
  modelName: string;
  usdPerCall: number;
}

/** Figure 59.1b: monthly cost against calls per day, one line per model; a dotted line marks the workload's volume. */
export function costVersusVolume(
  rows: readonly ModelPerCallCost[],
  callsPerDay: readonly number[],
  daysPerMonth: number,
  colors: ReadonlyMap<string, string>,
  provenance: Provenance,
  workloadCallsPerDay?: number,
  lang: Lang = DEFAULT_LANG,
): Figure {
  const words = COST_WORDS[lang];
  const traces: Trace[] = rows.map((row) => ({
    type: "scatter",
    mode: "lines",
    name: row.modelName,
    x: [...callsPerDay],
    y: callsPerDay.map((calls) => calls * row.usdPerCall * daysPerMonth),
    line: { color: colorOf(colors, row.modelId), width: 2.5 },
    hovertemplate: words.volumeHover(row.modelName),
  }));
  const marker = workloadCallsPerDay === undefined ? undefined : workloadCallsPerDay;
  const figure = themedFigure(traces, {
    number: "59.1b",
    title: words.volumeTitle,
    provenance,
    lang,
    xaxis: { title: words.axisCallsPerDay, tickformat: FORMAT.integer },
    yaxis: { title: words.axisMonthly, tickformat: FORMAT.usd },
    annotations:
      marker === undefined
        ? []
        : [
            {
              text: words.workloadMark(marker.toLocaleString("en-US")),
              x: marker,
              xref: "x",
              y: 1,
              yref: "paper",
              yanchor: "top",
              xanchor: "left",
              xshift: 4,
              showarrow: false,
              font: { size: 11 },
              bgcolor: LABEL_BACKGROUND,
            },
          ],
    layout:
      marker === undefined
        ? {}
        : {
            shapes: [
              {
                type: "line",
                xref: "x",
                x0: marker,
                x1: marker,
                yref: "paper",
                y0: 0,
                y1: 1,
                line: { color: THEME_COLORS.muted, dash: "dot", width: 1 },
              },
            ],
          },
  });
  return figureMoneyIn(figure, lang);
}

export interface MatrixCell {
  modelId: string;
  modelName: string;
  callsPerDay: number;
  usdPerMonth: number;
}

/**
 * Figure 59.2a: the cost matrix, model × daily volume, coloured by monthly cost (log scale) and labelled. With a
 * monthly budget, each cell over it says so.
 */
export function costMatrixHeatmap(
  cells: readonly MatrixCell[],
  provenance: Provenance,
  budgetUsdPerMonth?: number,
  lang: Lang = DEFAULT_LANG,
): Figure {
  const words = PRICE_MATRIX_WORDS[lang];
  const dollars = wholeMoney(lang);
  const models = [...new Map(cells.map((cell) => [cell.modelId, cell.modelName])).entries()];
  const volumes = [...new Set(cells.map((cell) => cell.callsPerDay))].sort((a, b) => a - b);
  const value = (modelId: string, calls: number) =>
    cells.find((cell) => cell.modelId === modelId && cell.callsPerDay === calls)?.usdPerMonth ?? NaN;
  const z = models.map(([id]) => volumes.map((calls) => value(id, calls)));
  const trace: Trace = {
    type: "heatmap",
    name: words.matrixTrace,
    x: volumes.map((calls) => words.perDay(calls.toLocaleString("en-US"))),
    y: models.map(([, name]) => name),
    z: z.map((row) => row.map((usd) => Math.log10(Math.max(usd, 0.01)))),
    text: z.map((row) =>
      row.map((usd) => `${dollars(usd)}${budgetUsdPerMonth !== undefined && usd > budgetUsdPerMonth ? words.over : ""}`),
    ),
    customdata: z,
    texttemplate: "%{text}",
    // On a phone the cells' labels move to the hover: it says where a cell stands against the budget too.
    ...(budgetUsdPerMonth === undefined
      ? { hovertemplate: words.matrixHover }
      : {
          hovertext: z.map((row) => row.map((usd) => (usd > budgetUsdPerMonth ? words.overBudget : words.withinBudget))),
          hovertemplate: words.matrixHoverBudget,
        }),
    colorscale: "Viridis",
    showscale: false,
  };
  const figure = themedFigure([trace], {
    number: "59.2a",
    title: budgetUsdPerMonth === undefined ? words.matrixTitle : words.matrixBudgetTitle(dollars(budgetUsdPerMonth)),
    provenance,
    lang,
    xaxis: { title: words.axisCallsPerDay, type: "category" },
    yaxis: { title: words.axisModel, type: "category" },
    // The first model of the price list on top, as in the table.
    layout: {
      margin: { l: 190, r: 30, t: 60, b: 70 },
      yaxis: { title: { text: words.axisModel, standoff: 12 }, type: "category", autorange: "reversed", automargin: true },
    },
  });
  return figureMoneyIn(figure, lang);
}

/** Whole money as a label on the data says it: `$1,234` in English (the page shows it in its currency), else formatMoney. */
const wholeMoney = (lang: Lang) => (usd: number) =>
  lang === "en" ? `$${Math.round(usd).toLocaleString("en-US")}` : formatMoney(usd, displayCurrencyCode(), 0, lang);

export interface ModelRating {
  modelId: string;
  modelName: string;
  usdPerCall: number;
  /** Undefined: the data rates no quality for it; drawn on a "no rating" row, never dropped. */
  qualityStars: number | undefined;
  toolUseStars: number | undefined;
}

/** The row unrated models sit on, below the lowest star rating. */
const NO_RATING_Y = 2;
/** Up to this many unrated models are labelled by name; more would overlap on their one row (hover names them). */
const MAX_LABELLED_UNRATED = 4;

/** Figure 59.2b: what a call costs against the chapter's reasoning-quality rating; marker size shows tool-use stars. */
export function priceVersusQuality(
  rows: readonly ModelRating[],
  colors: ReadonlyMap<string, string>,
  provenance: Provenance,
  lang: Lang = DEFAULT_LANG,
): Figure {
  const words = PRICE_MATRIX_WORDS[lang];
  const rated = rows.filter((row) => row.qualityStars !== undefined);
  const unrated = rows.filter((row) => row.qualityStars === undefined);
  // Labels of neighbours on the same rating alternate above and below their markers so they do not collide.
  const order = [...rated].sort((a, b) => (a.qualityStars ?? 0) - (b.qualityStars ?? 0) || a.usdPerCall - b.usdPerCall);
  const below = new Set(
    order
      .filter((row, index) => index > 0 && order[index - 1]?.qualityStars === row.qualityStars && order.indexOf(row) % 2 === 1)
      .map((row) => row.modelId),
  );
  const traces: Trace[] = rated.map((row) => ({
    type: "scatter",
    mode: "markers+text",
    name: row.modelName,
    x: [row.usdPerCall],
    y: [row.qualityStars],
    text: [row.modelName],
    textposition: below.has(row.modelId) ? "bottom center" : "top center",
    marker: { color: colorOf(colors, row.modelId), size: 8 + (row.toolUseStars ?? 0) * 4, line: { color: THEME_COLORS.paper, width: 1 } },
    hovertemplate: words.ratedHover(row.modelName, row.toolUseStars === undefined ? words.notRated : `${row.toolUseStars}★`),
    showlegend: false,
  }));
  const labelled = unrated.length <= MAX_LABELLED_UNRATED;
  traces.push(
    ...unrated.map(
      (row, index): Trace => ({
        type: "scatter",
        mode: labelled ? "markers+text" : "markers",
        name: row.modelName,
        x: [row.usdPerCall],
        y: [NO_RATING_Y],
        text: [row.modelName],
        textposition: index % 2 ? "bottom center" : "top center",
        marker: { color: THEME_COLORS.paper, size: 12, line: { color: colorOf(colors, row.modelId), width: 2 } },
        hovertemplate: words.unratedHover(row.modelName),
        showlegend: false,
      }),
    ),
  );
  const annotations =
    unrated.length && !labelled
      ? [
          {
            text: words.unratedNote(unrated.length),
            xref: "paper",
            yref: "y",
            x: 0,
            xanchor: "left",
            y: NO_RATING_Y + 0.35,
            showarrow: false,
            font: { size: 12, color: THEME_COLORS.muted },
          },
        ]
      : [];
  const figure = themedFigure(traces, {
    number: "59.2b",
    title: words.qualityTitle,
    provenance,
    lang,
    xaxis: { title: words.axisCostPerCall, type: "log", tickformat: "$.3f" },
    annotations,
    layout: {
      xaxis: {
        ...axis({ title: words.axisCostPerCall, type: "log", tickformat: "$.3f" }),
        tickvals: [0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1],
      },
      ...(unrated.length
        ? {
            yaxis: {
              ...axis({ title: words.axisQuality }),
              range: [1.5, 5.6],
              tickvals: [2, 3, 4, 5],
              ticktext: [words.noRating, "3", "4", "5"],
            },
          }
        : {}),
    },
    yaxis: { title: words.axisQuality, range: [2.5, 5.6] },
  });
  return figureMoneyIn(figure, lang);
}

export interface BenchmarkScore {
  modelId: string;
  modelName: string;
  benchmark: string;
  score: number;
  unit: "points" | "percent";
}

/** "GAIA in percent, the others in points": which benchmarks are scored in percent, by family name (its first word). */
function benchmarkUnits(rows: readonly BenchmarkScore[], lang: Lang): string {
  const words = PRICE_MATRIX_WORDS[lang];
  const families = (unit: BenchmarkScore["unit"]) => [
    ...new Set(rows.filter((row) => row.unit === unit).map((row) => row.benchmark.split(" ")[0])),
  ];
  const percent = families("percent");
  if (families("points").length === 0) return words.inPercent;
  return percent.length === 0 ? words.inPoints : words.someInPercent(percent as string[]);
}

/** The score axis's title and ticks: in %, in points, or in either by benchmark. */
function scoreAxis(rows: readonly BenchmarkScore[], lang: Lang): AxisOptions {
  const words = PRICE_MATRIX_WORDS[lang];
  const units = new Set(rows.map((row) => row.unit));
  if (units.size === 1 && units.has("percent")) return { title: words.scorePercent, ticksuffix: "%", range: [0, 100] };
  return { title: units.has("percent") ? words.scoreEither : words.scorePoints, range: [0, 100] };
}

/** Figure 59.2c: each benchmark's scores, one bar per model. */
export function benchmarkComparison(
  rows: readonly BenchmarkScore[],
  colors: ReadonlyMap<string, string>,
  provenance: Provenance,
  lang: Lang = DEFAULT_LANG,
): Figure {
  const words = PRICE_MATRIX_WORDS[lang];
  const benchmarks = [...new Set(rows.map((row) => row.benchmark))];
  const models = [...new Map(rows.map((row) => [row.modelId, row.modelName])).entries()];
  const traces: Trace[] = models.map(([id, name]) => {
    const scores = benchmarks.map((benchmark) => rows.find((row) => row.modelId === id && row.benchmark === benchmark));
    return {
      type: "bar",
      name,
      x: benchmarks,
      y: scores.map((row) => row?.score ?? null),
      marker: { color: colorOf(colors, id) },
      text: scores.map((row) => (row ? String(row.score) : "")),
      customdata: scores.map((row) => (row?.unit === "percent" ? "%" : words.points)),
      textposition: "outside",
      textfont: { size: 10 },
      cliponaxis: false,
      hovertemplate: words.benchmarkHover(name),
    };
  });
  return themedFigure(traces, {
    number: "59.2c",
    title: words.benchmarkTitle(benchmarkUnits(rows, lang)),
    provenance,
    lang,
    xaxis: { title: words.axisBenchmark, type: "category" },
    yaxis: scoreAxis(rows, lang),
    layout: { barmode: "group", bargap: 0.25 },
  });
}
