/**
 * The chapter theme: numbered titles, axis titles with units, $ and thousands formatting, a caption with
 * the data's provenance, and one colour-blind-safe colour per model and per hardware configuration,
 * the same in every figure.
 */
import type { Annotation, Figure, Layout, Provenance, Trace } from "./figure";

/** Paul Tol's "muted" scheme: nine colours distinguishable with the common colour-vision deficiencies. */
export const MODEL_PALETTE = ["#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499"];

/** Okabe and Ito's scheme, for local hardware (drawn dashed, so it never reads as a model); grey replaces its yellow, too faint on white. */
export const HARDWARE_PALETTE = ["#E69F00", "#56B4E9", "#009E73", "#D55E00", "#0072B2", "#CC79A7", "#000000", "#7F7F7F"];

export const TIER_COLORS: Record<string, string> = {
  local_small: "#88CCEE",
  local_large: "#44AA99",
  cloud_economy: "#DDCC77",
  cloud_premium: "#CC6677",
};

/** Local servers' cost, in 59.4 and 59.5 alike: the colour of the tier that runs the large local model. */
export const LOCAL_COST_COLOR = TIER_COLORS.local_large as string;

const INK = "#222222";
const GRID = "#e5e5e5";
export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', sans-serif";

/** Assigns colours by position in a list of ids (the order of the data file), cycling past the palette. */
export function colorMap(ids: readonly string[], palette: readonly string[]): Map<string, string> {
  return new Map(ids.map((id, index) => [id, palette[index % palette.length] as string]));
}

export function colorOf(colors: ReadonlyMap<string, string>, id: string): string {
  return colors.get(id) ?? "#777777";
}

/** Plotly d3-format strings used across figures. */
export const FORMAT = {
  usd: "$,.0f",
  usdCents: "$,.2f",
  usdPerCall: "$,.4f",
  integer: ",.0f",
  percent: ".0f",
} as const;

export interface AxisOptions {
  title: string;
  tickformat?: string;
  /** Text after every tick's number (`%`). */
  ticksuffix?: string;
  type?: "linear" | "log" | "category";
  range?: [number, number];
}

export function axis(options: AxisOptions): Record<string, unknown> {
  return {
    title: { text: options.title, standoff: 10 },
    tickformat: options.tickformat,
    ticksuffix: options.ticksuffix,
    type: options.type,
    range: options.range,
    gridcolor: GRID,
    zerolinecolor: "#bdbdbd",
    automargin: true,
  };
}

/** The folder a caption names when a figure's provenance names none: roilab's own data folder. */
export const DEFAULT_DATA_FOLDER = "data";

export function caption(provenance: Provenance): string {
  if (provenance.folders?.length) return `Source: ${provenance.files.join(", ")} in ${provenance.folders.join(" and ")}. roilab`;
  const files = provenance.files.map((file) => `${provenance.folder ?? DEFAULT_DATA_FOLDER}/${file}`).join(", ");
  return `Source: ${files}${provenance.asOf ? `, prices as of ${provenance.asOf}` : ""}. roilab`;
}

export interface FigureOptions {
  /** Figure number within the chapter, e.g. "59.3". */
  number: string;
  title: string;
  provenance: Provenance;
  xaxis?: AxisOptions;
  yaxis?: AxisOptions;
  annotations?: Annotation[];
  /** Extra layout keys (barmode, legend placement…). */
  layout?: Record<string, unknown>;
}

/** Builds a figure in the chapter theme around the given traces. */
export function themedFigure(data: Trace[], options: FigureOptions): Figure {
  const layout: Layout = {
    title: { text: `Figure ${options.number} — ${options.title}`, xref: "container", x: 0.012, xanchor: "left", font: { size: 17 } },
    font: { family: FONT_FAMILY, color: INK, size: 13 },
    paper_bgcolor: "#ffffff",
    plot_bgcolor: "#ffffff",
    margin: { l: 70, r: 30, t: 60, b: 90 },
    separators: ".,",
    hovermode: "closest",
    legend: { orientation: "h", y: -0.22, x: 0, yanchor: "top" },
    ...(options.xaxis ? { xaxis: axis(options.xaxis) } : {}),
    ...(options.yaxis ? { yaxis: axis(options.yaxis) } : {}),
    ...options.layout,
    annotations: [
      ...(options.annotations ?? []),
      {
        text: caption(options.provenance),
        xref: "paper",
        yref: "paper",
        x: 0,
        y: 1.0,
        yanchor: "bottom",
        xanchor: "left",
        showarrow: false,
        font: { size: 11, color: "#666666" },
      },
    ],
  };
  return { data, layout };
}

/**
 * A label on a point of the plot with a short vertical leader; `above` false puts it below. Alternating
 * above and below keeps neighbouring labels readable.
 */
export function pointLabel(text: string, x: number, y: number, above: boolean, offsetPx = 24): Annotation {
  return {
    text,
    x,
    xref: "x",
    y,
    yref: "y",
    showarrow: true,
    arrowhead: 0,
    ax: 0,
    ay: above ? -offsetPx : offsetPx,
    font: { size: 11 },
    bgcolor: "rgba(255,255,255,0.85)",
  };
}

/**
 * Puts a long source line on two lines (files, then dates) with room for both above the plot, so it is not
 * cut at the figure's right edge. For figures that cite many files.
 */
export function wrapLongCaption(figure: Figure, maxChars = 100): Figure {
  const annotations = [...((figure.layout.annotations as Annotation[] | undefined) ?? [])];
  const source = annotations.at(-1);
  if (!source?.text.startsWith("Source:") || source.text.length <= maxChars) return figure;
  annotations[annotations.length - 1] = { ...source, align: "left", text: source.text.replace(", prices as of", ",<br>prices as of") };
  const margin = (figure.layout.margin as Record<string, number> | undefined) ?? { l: 70, r: 30, t: 60, b: 90 };
  return { ...figure, layout: { ...figure.layout, annotations, margin: { ...margin, t: (margin.t ?? 60) + 16 } } };
}

/**
 * The same figure under another number: a what-if re-run of a chapter figure is a figure of its own, and a page
 * (and a link to `#figure-59-1c`) must never show two figures with one number.
 */
export function renumberFigure(figure: Figure, number: string): Figure {
  const text = figure.layout.title.text.replace(/^Figure [^ ]+ —/, `Figure ${number} —`);
  return { ...figure, layout: { ...figure.layout, title: { ...figure.layout.title, text } } };
}
