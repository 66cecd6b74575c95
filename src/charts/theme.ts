/**
 * The chapter theme: numbered titles, axis titles with units, $ and thousands formatting, a caption with
 * the data's provenance, one colour per model and per hardware configuration, the same in every figure
 * and in every edition of the data, a name for every other colour a figure draws, series that never look
 * alike, and labels at the ends of lines.
 */
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { pricesAsOfZh } from "../i18n/dates";
import { labelLineEnds } from "./end-labels";
import type { Annotation, Figure, Layout, Provenance, Trace } from "./figure";
import { distinctSeries } from "./series-looks";

/**
 * One colour per series (a model, a hardware configuration), 24 of them. Every colour is one of Paul Tol's
 * published schemes (personal.sron.nl/~pault, "Colour schemes and templates": bright, high-contrast, vibrant,
 * muted, medium-contrast, dark, and the discrete rainbow) with at least 3:1 contrast against the white page
 * (WCAG's bar for graphics). They were picked one at a time, each as far (in CIELAB) from those already
 * picked as the pool allows, starting from the muted scheme's colours that pass the contrast bar; the
 * closest two are still about 16 CIELAB units apart. Beyond about ten series no palette stays distinct
 * for every kind of colour-vision deficiency, so figures name each series in their legend and hover text.
 */
export const SERIES_PALETTE = [
  "#332288",
  "#117733",
  "#999933",
  "#CC6677",
  "#882255",
  "#AA4499",
  "#6699CC",
  "#DC050C",
  "#225555",
  "#42150A",
  "#009988",
  "#222255",
  "#EE3377",
  "#666633",
  "#AE76A3",
  "#1965B0",
  "#E8601C",
  "#A5170E",
  "#72190E",
  "#997700",
  "#225522",
  "#555555",
  "#994455",
  "#994F88",
] as const;

/**
 * Every colour a figure draws that is not a series' own, named by what it shows. A figure takes its colours from
 * here or from SERIES_PALETTE, never a colour of its own (a test walks every figure the pages show), so one meaning
 * keeps one colour on every page.
 */
export const THEME_COLORS = {
  /** Text, and marks that are no series (a break-even ring, the chapter's assumption). */
  ink: "#222222",
  /** Reference lines and their notes: a marked volume, the scenario's downtime, error bars. */
  muted: "#555555",
  /** A marked volume's label on the data: the case study's weekday, the reader's own volume. */
  note: "#333333",
  /** The source line under the title. */
  caption: "#666666",
  /** A line to compare with, not a series of its own: the chapter's one server at any volume. */
  reference: "#767676",
  /** An id a figure's colours do not hold. */
  unmatched: "#777777",
  grid: "#e5e5e5",
  zeroLine: "#bdbdbd",
  paper: "#ffffff",
  /** The low side of a range, a value that fell, a figure printed above what its formula gives. */
  lower: "#4477AA",
  /** The high side of a range, a value that rose. */
  higher: "#CC6677",
  /** Over a limit: a budget, a residency rule. */
  warning: "#B2182B",
  /** Where something is enough: the volumes one server carries. */
  enough: "#117733",
  /** The server a reader describes in a what-if, not one of the data's. */
  whatIf: "#D55E00",
  /** A price update: the month before, and after. */
  before: "#BBBBBB",
  after: "#332288",
  /** GPU memory: the model's weights, and the KV cache beside them. */
  weights: "#332288",
  kvCache: "#6699CC",
  /** Uncertain inputs: the band of simulated outcomes and its median. */
  band: "#4477AA",
  median: "#332288",
  /** The audit: a figure the chapter prints, and what the data itself shows. */
  printed: "#4477AA",
  finding: "#CC6677",
} as const;

/** The routing tiers of 59.4 and 59.5: local calls in blue-greens, cloud calls in ochre and rose; each shows at 3:1 on white. */
export const TIER_COLORS: Record<string, string> = {
  local_small: "#6699CC",
  local_large: "#009988",
  cloud_economy: "#997700",
  cloud_premium: "#CC6677",
};

/** Local servers' cost, in 59.4 and 59.5 alike: the colour of the tier that runs the large local model. */
export const LOCAL_COST_COLOR = TIER_COLORS.local_large as string;

/** Each way to serve a workload, one colour each on the decision page, in 59.10 and in its what-if panel. */
export const WAY_COLORS = {
  api: "#332288",
  buy: "#997700",
  rentAlwaysOn: "#CC79A7",
  rentByHour: "#009E73",
  hybrid: "#1965B0",
} as const;

/**
 * Lines that are no model and no server (traffic profiles, salaries, the designs of an A/B test, failover's two
 * ways): series colours in a fixed order, so a figure's first line is green, its second wine, and so on.
 */
export const LINE_COLORS: readonly string[] = [1, 4, 15, 16, 0, 2, 6, 12].map((index) => SERIES_PALETTE[index] as string);

/** Every named colour of the theme, for checking that a figure draws in no other. */
export const NAMED_COLORS: readonly string[] = [
  ...Object.values(THEME_COLORS),
  ...Object.values(TIER_COLORS),
  ...Object.values(WAY_COLORS),
];

/** A theme colour (`#RRGGBB`) seen through: `rgba()` with the given opacity. */
export function withAlpha(color: string, alpha: number): string {
  const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(color.slice(at, at + 2), 16));
  return `rgba(${r},${g},${b},${alpha})`;
}

/** Behind a label on the data: the paper, slightly seen through. */
export const LABEL_BACKGROUND = withAlpha(THEME_COLORS.paper, 0.85);

/** FNV-1a, 32 bits: a fixed number from a string, the same on every machine and in every edition. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** `preferred`, or where a figure already draws in it, the first palette colour the figure does not use. */
export function colorApartFrom(preferred: string, taken: readonly string[], palette: readonly string[] = SERIES_PALETTE): string {
  const used = new Set(taken.map((color) => color.toUpperCase()));
  if (!used.has(preferred.toUpperCase())) return preferred;
  return palette.find((color) => !used.has(color.toUpperCase())) ?? preferred;
}

/**
 * One colour per id that depends on the ids alone, never on their order in a data file, so a model keeps its
 * colour across editions. Each id ranks the palette by a hash of the id and the colour, and each colour by
 * the same hash prefers the ids that rank it highest; the ids then get their stable matching (Gale and
 * Shapley, proposals by the ids): every id its first choice unless another id of the same list claims that
 * colour more strongly. A model keeps its colour in two editions unless one of them holds such a rival, and
 * the result does not depend on which order the ids come in.
 *
 * No two ids share a colour while there are no more ids than colours. Past that, the first round's losers
 * are matched again over the whole palette, and so on: colours repeat, each at most once per round (40
 * models on 24 colours: no colour more than twice), and the legend and hover text tell the pair apart.
 */
export function stableColors(ids: readonly string[], palette: readonly string[]): Map<string, string> {
  const strength = (id: string, color: string) => hash32(`${id}\u0000${color.toLowerCase()}`);
  const preferences = new Map(
    [...new Set(ids)].map((id) => [id, [...palette].sort((a, b) => strength(id, b) - strength(id, a) || a.localeCompare(b))]),
  );
  const assigned = new Map<string, string>();
  let left = [...preferences.keys()].sort();
  while (left.length > 0) {
    const holder = new Map<string, string>();
    const next = new Map(left.map((id) => [id, 0]));
    const free = [...left];
    while (free.length > 0) {
      const id = free.pop() as string;
      const rank = next.get(id) as number;
      const color = preferences.get(id)?.[rank];
      if (color === undefined) continue; // more ids than colours: this one waits for the next round
      next.set(id, rank + 1);
      const rival = holder.get(color);
      if (rival === undefined) holder.set(color, id);
      else if (strength(id, color) > strength(rival, color) || (strength(id, color) === strength(rival, color) && id < rival)) {
        holder.set(color, id);
        free.push(rival);
      } else free.push(id);
    }
    for (const [color, id] of holder) assigned.set(id, color);
    left = left.filter((id) => !assigned.has(id));
  }
  return new Map(ids.map((id) => [id, assigned.get(id) as string]));
}

export function colorOf(colors: ReadonlyMap<string, string>, id: string): string {
  return colors.get(id) ?? THEME_COLORS.unmatched;
}

const INK = THEME_COLORS.ink;
const GRID = THEME_COLORS.grid;
export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', sans-serif";

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
    zerolinecolor: THEME_COLORS.zeroLine,
    automargin: true,
  };
}

/** The folder a caption names when a figure's provenance names none: roilab's own data folder. */
export const DEFAULT_DATA_FOLDER = "data";

export function caption(provenance: Provenance, lang: Lang = DEFAULT_LANG): string {
  if (lang === "zh-CN") {
    if (provenance.folders?.length) return `来源：${provenance.folders.join("、")} 中的 ${provenance.files.join("、")}。roilab`;
    const files = provenance.files.map((file) => `${provenance.folder ?? DEFAULT_DATA_FOLDER}/${file}`).join("、");
    return `来源：${files}${provenance.asOf ? `，${pricesAsOfZh(provenance.asOf)}` : ""}。roilab`;
  }
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
  /** The label at a line's end, where its legend name is longer than a label holds (end-labels.ts). */
  endLabel?: (trace: Trace) => string | undefined;
  /** `false` where lines never cross and a legend beside the plot names them: labels at their ends would lie on it. */
  endLabels?: false;
  /** The language of the figure's number word (`Figure`, `图`) and its source line; default English. */
  lang?: Lang;
}

/** Whether a figure draws an axis on the plot's right edge, where labels at the ends of lines would go. */
const rightAxis = (layout: Layout) =>
  Object.entries(layout).some(([key, value]) => /^yaxis\d*$/.test(key) && (value as { side?: string } | undefined)?.side === "right");

/**
 * Builds a figure in the chapter theme around the given traces: no two series look alike (series-looks.ts), and
 * where it draws two lines or more each is labelled at its end (end-labels.ts).
 */
export function themedFigure(data: Trace[], options: FigureOptions): Figure {
  const layout: Layout = {
    title: {
      text: `${options.lang === "zh-CN" ? "图" : "Figure"} ${options.number} — ${options.title}`,
      xref: "container",
      x: 0.012,
      xanchor: "left",
      font: { size: 17 },
    },
    font: { family: FONT_FAMILY, color: INK, size: 13 },
    paper_bgcolor: THEME_COLORS.paper,
    plot_bgcolor: THEME_COLORS.paper,
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
        text: caption(options.provenance, options.lang),
        xref: "paper",
        yref: "paper",
        x: 0,
        y: 1.0,
        yanchor: "bottom",
        xanchor: "left",
        showarrow: false,
        font: { size: 11, color: THEME_COLORS.caption },
      },
    ],
  };
  // No two series alike, and lines that cross named where they end.
  const figure = { data: distinctSeries(data, SERIES_PALETTE, THEME_COLORS.paper), layout };
  if (options.endLabels === false) return figure;
  return labelLineEnds(figure, { inside: rightAxis(layout), text: options.endLabel, background: LABEL_BACKGROUND });
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
    bgcolor: LABEL_BACKGROUND,
  };
}

/** The plot point labels are placed for: about a phone's, the narrowest the page draws, so they stand apart on any. */
const LABEL_PLOT_PX = { width: 300, height: 260 };
/**
 * Where a label's centre may stand, in px from its point along its leader: above (positive) or below, further out
 * when nearer ones are taken; never so near that the label covers its point.
 */
const LABEL_OFFSETS_PX = [24, -24, 44, -44, 64, -64, 84, -84, 104, -104];

/** A point label's box on a phone, in px: 11 px text, broken into lines of about 12 characters there. */
export function phoneLabelBox(text: string): { widthPx: number; heightPx: number } {
  return { widthPx: Math.min(text.length, 12) * 6.4 + 6, heightPx: Math.ceil(text.length / 11) * 15 + 2 };
}

/**
 * Places point labels one by one, each at the first offset from its point where it lies on no label placed before,
 * on a phone's plot with these axis ranges (in the axes' own units: logarithms on a log axis). Returns the offset for
 * `pointLabel`, positive above the point.
 */
export function labelPlacer(
  xRange: readonly [number, number],
  yRange: readonly [number, number],
): (box: { widthPx: number; heightPx: number }, x: number, y: number) => number {
  type Box = { left: number; right: number; bottom: number; top: number };
  const placed: Box[] = [];
  const toPx = (value: number, [low, high]: readonly [number, number], size: number) => ((value - low) / (high - low || 1)) * size;
  return (size, x, y) => {
    const [px, py] = [toPx(x, xRange, LABEL_PLOT_PX.width), toPx(y, yRange, LABEL_PLOT_PX.height)];
    // Plotly centres a label on the end of its leader.
    const clear = size.heightPx / 2 + 8;
    const offsets = LABEL_OFFSETS_PX.map((offset) => Math.sign(offset) * Math.max(Math.abs(offset), clear));
    const boxAt = (offset: number): Box => ({
      left: px - size.widthPx / 2,
      right: px + size.widthPx / 2,
      bottom: py + offset - size.heightPx / 2,
      top: py + offset + size.heightPx / 2,
    });
    const free = (box: Box) =>
      placed.every((other) => box.right <= other.left || box.left >= other.right || box.top <= other.bottom || box.bottom >= other.top);
    const offset = offsets.find((candidate) => free(boxAt(candidate))) ?? (offsets.at(-1) as number);
    placed.push(boxAt(offset));
    return offset;
  };
}

/**
 * Puts a long source line on two lines (files, then dates) with room for both above the plot, so it is not
 * cut at the figure's right edge. For figures that cite many files.
 */
export function wrapLongCaption(figure: Figure, maxChars = 100): Figure {
  const annotations = [...((figure.layout.annotations as Annotation[] | undefined) ?? [])];
  const source = annotations.at(-1);
  if (!/^(Source:|来源：)/.test(source?.text ?? "") || !source || source.text.length <= maxChars) return figure;
  const text = source.text.replace(", prices as of", ",<br>prices as of").replace(/，价格(截至|日期为)/, "，<br>价格$1");
  annotations[annotations.length - 1] = { ...source, align: "left", text };
  const margin = (figure.layout.margin as Record<string, number> | undefined) ?? { l: 70, r: 30, t: 60, b: 90 };
  return { ...figure, layout: { ...figure.layout, annotations, margin: { ...margin, t: (margin.t ?? 60) + 16 } } };
}

/**
 * The same figure under another number: a what-if re-run of a chapter figure is a figure of its own, and a page
 * (and a link to `#figure-59-1c`) must never show two figures with one number.
 */
export function renumberFigure(figure: Figure, number: string): Figure {
  const text = figure.layout.title.text.replace(/^(Figure|图) [^ ]+ —/, `$1 ${number} —`);
  return { ...figure, layout: { ...figure.layout, title: { ...figure.layout.title, text } } };
}
