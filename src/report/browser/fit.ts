/**
 * Adapts a chapter figure to the page that draws it: the title moved into the page's own caption, and on a
 * narrow screen a smaller source line, horizontal bars labelled above instead of beside, and heatmap values
 * left to hover when a cell is too small to hold them.
 */
import { BROWSER_WORDS } from "../../i18n/browser";
import { DEFAULT_LANG, type Lang } from "../../i18n/lang";

interface TraceLike {
  type?: string;
  orientation?: string;
  y?: unknown[];
  x?: unknown[];
  text?: unknown;
  texttemplate?: string;
  [key: string]: unknown;
}

export interface FigureLike {
  data: unknown[];
  layout: Record<string, unknown> & { title?: { text?: string }; annotations?: { text: string; [key: string]: unknown }[] };
}

export interface FitOptions {
  /** The page prints the figure's number and title above it (with a link and the data download), so the plot leaves the title out. */
  titleInPage?: boolean;
  /** The page's language, for the hint a phone's figure gets. Default English. */
  lang?: Lang;
}

export const NARROW_PX = 640;

/** Average width of a 13 px title character, for wrapping titles before Plotly cuts them off. */
const TITLE_CHAR_PX = 7;
/** Average width of a 10 px label character. */
const LABEL_CHAR_PX = 5.6;
/** Height of one line of the narrow source caption (9 px text). */
const CAPTION_LINE_PX = 12;
/** Average width of a character of the source line: 11 px text on a wide screen, 9 px on a phone. */
const WIDE_CAPTION_CHAR_PX = 6.8;
const NARROW_CAPTION_CHAR_PX = 5.6;
/** Average width of a tick label's character: 13 px on a wide screen, 11 px on a phone. */
const WIDE_TICK_CHAR_PX = 7.4;
const NARROW_TICK_CHAR_PX = 7.0;
/** Average width of a character of a 9 px label. */
const SMALL_LABEL_CHAR_PX = 5.4;
/** Average width of a character of an 11 px label over a bar, bold ones counted in. */
const BAR_LABEL_CHAR_PX = 6.8;
/** Labelled points a phone's plot shows before their labels would run into each other. */
const MAX_POINT_LABELS = 6;
/** The name that marks a label at a line's end, as the figures write it (charts/end-labels.ts). */
export const END_LABEL = "line end";
/** Labels at the ends of lines a phone's plot takes before they cover the lines they name (59.7b's five did). */
const MAX_END_LABELS_NARROW = 4;
/** Longest line of a label on the data a phone shows unbroken. */
const MAX_LABEL_LINE_CHARS = 12;
/** Longest heatmap row label a phone shows in full. */
const MAX_ROW_LABEL_CHARS = 24;
/** Width a heatmap cell needs per character of its value at a readable size (11 px). */
const CELL_CHAR_PX = 6.6;
/** Horizontal padding of the page around a figure on a narrow screen. */
export const PAGE_PADDING_PX = 24;

/** A Chinese character or full-width mark takes about the room of two Latin letters. */
const widthOf = (text: string): number => [...text].reduce((sum, char) => sum + (/[\u2E80-\uFFEF]/.test(char) ? 2 : 1), 0);

/**
 * A Chinese run wider than a line, in the pieces it may break between: one character each, closing punctuation kept
 * with the character before it and an opening bracket with the one after, a Latin run (a name, a number) whole.
 */
const breakableParts = (word: string): string[] =>
  word.match(/[（《「“]*(?:[\u2E80-\uFFEF]|[^\u2E80-\uFFEF]+)[、，：；。！？）》」”]*/g) ?? [word];

/**
 * Breaks text at spaces into lines of at most `maxChars` (a longer word keeps its own line). Chinese, which has no
 * spaces, may also break after its punctuation (、，：；。), and its characters count double; a Chinese run wider
 * than a line also breaks between its characters.
 */
export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  const pieces = text
    .split(" ")
    .flatMap((spaced, index) => spaced.split(/(?<=[、，：；。])/).map((word, part) => ({ word, glue: index > 0 && part === 0 ? " " : "" })))
    .flatMap(({ word, glue }) =>
      widthOf(word) > maxChars && /[\u2E80-\uFFEF]/.test(word)
        ? breakableParts(word).map((part, index) => ({ word: part, glue: index === 0 ? glue : "" }))
        : [{ word, glue }],
    );
  for (const { word, glue } of pieces) {
    const last = lines.at(-1);
    if (last !== undefined && widthOf(last) + glue.length + widthOf(word) <= maxChars) lines[lines.length - 1] = `${last}${glue}${word}`;
    else lines.push(word);
  }
  return lines;
}

type Margin = { l?: number; r?: number; t?: number; b?: number };
const marginOf = (layout: FigureLike["layout"]): Margin => (layout.margin as Margin | undefined) ?? { l: 70, r: 30, t: 60, b: 90 };
/** The figure's width left and right of its plot. */
const plotSidesPx = (layout: FigureLike["layout"]) => (marginOf(layout).l ?? 70) + (marginOf(layout).r ?? 30);

/** The categories of a horizontal bar chart, bottom to top as Plotly places them (index = axis position). */
function barCategories(traces: TraceLike[], yaxis: Record<string, unknown>): string[] {
  if (Array.isArray(yaxis.categoryarray)) return (yaxis.categoryarray as unknown[]).map(String);
  const seen = new Set<string>();
  for (const trace of traces) for (const value of trace.y ?? []) seen.add(String(value));
  return [...seen];
}

/** A category row with its label above the bar: a 10 px label, its background, and the bar below it. */
const LABELLED_ROW_PX = 32;
/** Room around the rows: caption, axis, legend. */
const LABELLED_ROWS_FRAME_PX = 200;
/** A figure's box on a phone when the figure sets no height (report.css). */
const NARROW_DEFAULT_HEIGHT_PX = 560;

/**
 * Horizontal bars with long category labels leave a phone no room for the bars: each label goes above its
 * bar, in the gap between bars, and the bars get the full width.
 */
function labelsAboveBars(figure: FigureLike, layout: FigureLike["layout"], widthPx: number): void {
  const bars = (figure.data as TraceLike[]).filter((trace) => trace.type === "bar");
  if (bars.length === 0 || bars.some((trace) => trace.orientation !== "h")) return;
  const yaxis = (layout.yaxis as Record<string, unknown> | undefined) ?? {};
  const categories = barCategories(bars, yaxis);
  const reversed = yaxis.autorange === "reversed";
  const barWidth = 0.5;
  const maxChars = Math.floor((widthPx - PAGE_PADDING_PX - 20) / LABEL_CHAR_PX);
  const labels = categories.map((category, index) => ({
    text: category.length > maxChars ? `${category.slice(0, maxChars - 1)}…` : category,
    hovertext: category,
    x: 0,
    xref: "paper",
    xanchor: "left",
    y: index + (reversed ? -barWidth / 2 : barWidth / 2),
    yref: "y",
    yanchor: "bottom",
    showarrow: false,
    font: { size: 10 },
    bgcolor: "rgba(255,255,255,0.85)",
  }));
  layout.annotations = [...labels, ...(layout.annotations ?? [])];
  layout.bargap = 1 - barWidth;
  // Each row holds a label over its bar: rows packed tighter than that would lay a label on the bar above it.
  const wanted = categories.length * LABELLED_ROW_PX + LABELLED_ROWS_FRAME_PX;
  if (wanted > Number(layout.height ?? NARROW_DEFAULT_HEIGHT_PX)) layout.height = wanted;
  layout.yaxis = { ...yaxis, showticklabels: false, automargin: false, title: { text: "" } };
  layout.margin = { ...marginOf(layout), l: 10, r: 44 };
}

/** Heatmap values Plotly would shrink to a few pixels are left to hover (a tap on a phone) instead. */
function heatmapValuesOnHover(figure: FigureLike, layout: FigureLike["layout"], widthPx: number): FigureLike["data"] {
  const margin = marginOf(layout);
  return (figure.data as TraceLike[]).map((trace) => {
    if (trace.type !== "heatmap" || !trace.texttemplate || !Array.isArray(trace.x)) return trace;
    const cellPx =
      (widthPx - PAGE_PADDING_PX - leftEdgePx(figure, layout, NARROW_TICK_CHAR_PX) - (margin.r ?? 30)) / Math.max(1, trace.x.length);
    const longest = Math.max(
      0,
      ...(Array.isArray(trace.text) ? (trace.text as unknown[]).flat().map((value) => String(value).length) : [0]),
    );
    return cellPx >= longest * CELL_CHAR_PX ? trace : { ...trace, texttemplate: "" };
  });
}

/** A line's width in characters: a Chinese character (or full-width punctuation) is about two Latin ones wide. */
const widthInChars = (line: string) => line.length + (line.match(/[\u2e80-\u9fff\uff00-\uffef]/g)?.length ?? 0);

/** Longest line of a tick label, in characters (labels may hold `<br>`). */
const longestLine = (labels: unknown[]) =>
  Math.max(0, ...labels.map((label) => Math.max(...String(label).split("<br>").map(widthInChars))));

/**
 * Category labels too wide for their slot stand upright, and the legend sits at the foot of the figure: the
 * bottom margin is sized for both, so neither is cut nor drawn over the other.
 */
function roomBelowPlot(figure: FigureLike, layout: FigureLike["layout"], widthPx: number): void {
  const traces = figure.data as TraceLike[];
  const xaxis = (layout.xaxis as Record<string, unknown> | undefined) ?? {};
  // Traces on an overlaid axis (a line across the whole plot) are no categories of the main one.
  const onX = traces.filter((trace) => (trace.xaxis ?? "x") === "x");
  const categories =
    xaxis.type === "category" && onX.every((trace) => trace.type === "bar" && trace.orientation !== "h")
      ? [...new Set(onX.flatMap((trace) => trace.x ?? []))]
      : [];
  const plotPx = widthPx - PAGE_PADDING_PX - 70;
  const upright = categories.length > 0 && longestLine(categories) * LABEL_CHAR_PX > plotPx / categories.length;
  if (upright) layout.xaxis = { ...xaxis, tickangle: 90, tickfont: { size: 10 } };
  // Labels over bars far narrower than the labels keep their first line (the value), small, so neighbours do not
  // collide; a label a little wider than its bar keeps its lines, small.
  const slotPx = plotPx / Math.max(1, categories.length);
  if (categories.length > 0) {
    layout.annotations = (layout.annotations ?? []).map((annotation) => {
      if (annotation.xref !== "x" || annotation.yref !== "y") return annotation;
      const small = { ...(annotation.font as object), size: 9 };
      if (slotPx < 48) {
        const value = annotation.text.split("<br>")[0] as string;
        // A value wider than its bar even so stands upright on it.
        const upright = widthInChars(value.replace(/<[^>]*>/g, "")) * SMALL_LABEL_CHAR_PX > slotPx - 2 ? { textangle: -90 } : {};
        return { ...annotation, text: value, font: small, ...upright };
      }
      const longest = Math.max(...annotation.text.split("<br>").map((line) => widthInChars(line.replace(/<[^>]*>/g, ""))));
      // A Chinese label (¥14.32万) is measured at its own size, where its characters are as wide as the text is tall.
      const size = Number((annotation.font as { size?: number } | undefined)?.size ?? 11);
      const scale = widthInChars(annotation.text) > annotation.text.length ? Math.max(1, size / 11) : 1;
      return longest * BAR_LABEL_CHAR_PX * scale > slotPx - 4 ? { ...annotation, font: small } : annotation;
    });
  }
  const tickPx = upright ? longestLine(categories) * LABEL_CHAR_PX + 8 : 24;
  const axisTitlePx = (xaxis.title as { text?: string } | undefined)?.text
    ? 20 * String((xaxis.title as { text?: string }).text).split("<br>").length
    : 0;
  const legendPx = legendHeightPx(traces, layout, widthPx - PAGE_PADDING_PX - plotSidesPx(layout), NARROW_LEGEND_FONT_PX);
  legendAtFoot(layout, legendPx, NARROW_LEGEND_FONT_PX);
  const margin = marginOf(layout);
  layout.margin = { ...margin, b: Math.max(50, tickPx + axisTitlePx + legendPx + 10) };
}

/** Legend text: 11 px on a phone, the figure's 13 px on a wide screen. */
const NARROW_LEGEND_FONT_PX = 11;
const WIDE_LEGEND_FONT_PX = 13;

/**
 * The height a horizontal legend of the figure's named traces takes under a plot `plotPx` wide (Plotly lays it
 * out across the plot's width): as many entries a row as the longest line of a name allows, each row as tall as a
 * name of the most lines (names may hold `<br>`).
 */
function legendHeightPx(traces: TraceLike[], layout: FigureLike["layout"], plotPx: number, fontPx: number): number {
  const named =
    layout.showlegend === false
      ? []
      : traces.filter((trace) => trace.showlegend !== false && typeof trace.name === "string" && trace.name !== "");
  if (named.length <= 1) return 0;
  const lines = named.map((trace) => String(trace.name).split("<br>"));
  // A Chinese name's characters are each as wide as two Latin letters: counted by letters, its row would hold too many.
  const longest = Math.max(0, ...lines.flat().map(widthOf));
  const perRow = Math.max(1, Math.floor(plotPx / (longest * fontPx * 0.564 + 44)));
  const rowPx = fontPx + 8 + (Math.max(...lines.map((name) => name.length)) - 1) * fontPx * 1.3;
  // Where traces are grouped, each group (a trace of none is one of its own) starts a row, a gap after the last.
  const grouped = named.some((trace) => typeof trace.legendgroup === "string" && trace.legendgroup !== "");
  const sizes = new Map<string, number>();
  named.forEach((trace, index) => {
    const group = grouped && trace.legendgroup ? String(trace.legendgroup) : grouped ? `#${index}` : "";
    sizes.set(group, (sizes.get(group) ?? 0) + 1);
  });
  const groups = [...sizes.values()];
  const rows = groups.reduce((sum, size) => sum + Math.ceil(size / perRow), 0);
  return rows * rowPx + (groups.length - 1) * LEGEND_GROUP_GAP_PX + 8;
}

/** Plotly's gap between the groups of a legend (its `tracegroupgap`). */
const LEGEND_GROUP_GAP_PX = 10;

/** The legend at the foot of the figure, below the axis, never scrolled: the margin below the plot holds all of it. */
function legendAtFoot(layout: FigureLike["layout"], legendPx: number, fontPx: number): void {
  layout.legend = {
    // How the legend orders and toggles its entries stays as the figure set it.
    ...(layout.legend as object | undefined),
    orientation: "h",
    x: 0,
    xanchor: "left",
    yref: "container",
    y: 0,
    yanchor: "bottom",
    font: { size: fontPx },
    ...(legendPx > 0 ? { maxheight: legendPx + 20 } : {}),
  };
}

/** The least height a plot keeps between the margins (the legend's rows, the caption's lines), on a phone and on a wide screen. */
const NARROW_MIN_PLOT_PX = 260;
const WIDE_MIN_PLOT_PX = 320;
/** A heatmap row's least height: its 11 px label and a little room. */
const HEATMAP_ROW_PX = 15;
/** A figure's box on a wide screen when the figure sets no height (report.css). */
const WIDE_DEFAULT_HEIGHT_PX = 520;

/**
 * A figure taller than its box where its margins (the legend's rows, the caption's lines) would leave the plot less
 * than its least height, or a heatmap's rows less than a label's.
 */
function roomForPlot(figure: FigureLike, layout: FigureLike["layout"], minPlotPx: number, defaultHeightPx: number): void {
  const rows = new Set((figure.data as TraceLike[]).filter((trace) => trace.type === "heatmap").flatMap((trace) => trace.y ?? [])).size;
  const margin = marginOf(layout);
  const wanted = (margin.t ?? 60) + (margin.b ?? 90) + Math.max(minPlotPx, rows * HEATMAP_ROW_PX);
  if (wanted > Number(layout.height ?? defaultHeightPx)) layout.height = Math.ceil(wanted);
}

/** Legend rows past which a wide figure moves its legend to its foot and grows to hold it, instead of scrolling it. */
const WIDE_LEGEND_ROWS = 3;

/** On a wide screen, a legend of many rows at the figure's foot, with the bottom margin and the figure's height grown for it. */
function roomForWideLegend(figure: FigureLike, layout: FigureLike["layout"], widthPx: number): void {
  const legendPx = legendHeightPx(figure.data as TraceLike[], layout, columnPx(widthPx) - plotSidesPx(layout), WIDE_LEGEND_FONT_PX);
  if (legendPx <= WIDE_LEGEND_ROWS * (WIDE_LEGEND_FONT_PX + 8) + 8) return;
  const xaxis = (layout.xaxis as { title?: { text?: string } } | undefined) ?? {};
  const axisTitlePx = xaxis.title?.text ? 24 * String(xaxis.title.text).split("<br>").length : 0;
  legendAtFoot(layout, legendPx, WIDE_LEGEND_FONT_PX);
  layout.margin = { ...marginOf(layout), b: 30 + axisTitlePx + legendPx + 10 };
  roomForPlot(figure, layout, WIDE_MIN_PLOT_PX, WIDE_DEFAULT_HEIGHT_PX);
}

/** A long x-axis title on lines that fit the phone's width, instead of running off both edges. */
function wrapAxisTitle(layout: FigureLike["layout"], key: "xaxis", widthPx: number): void {
  const axis = layout[key] as { title?: { text?: string } } | undefined;
  const text = axis?.title?.text;
  if (!axis || !text) return;
  // Wrapping counts visible characters, so inline styling (a smaller font for a note) is dropped first.
  const lines = wrapWords(
    text.replace(/<br>/g, " ").replace(/<\/?span[^>]*>/g, ""),
    Math.floor((widthPx - PAGE_PADDING_PX - 20) / LABEL_CHAR_PX / 1.2),
  );
  layout[key] = { ...axis, title: { ...axis.title, text: lines.join("<br>"), font: { size: 11 } } };
}

/**
 * The plot's left edge as drawn: row labels of a heatmap or of horizontal bars (when they stay beside the bars)
 * grow the margin to fit them.
 */
function leftEdgePx(figure: FigureLike, layout: FigureLike["layout"], tickCharPx: number): number {
  const yaxis = (layout.yaxis as { ticktext?: unknown[]; showticklabels?: boolean } | undefined) ?? {};
  const margin = marginOf(layout).l ?? 70;
  if (yaxis.showticklabels === false) return margin;
  const traces = figure.data as TraceLike[];
  const rows =
    yaxis.ticktext ??
    traces
      .filter((trace) => trace.type === "heatmap" || (trace.type === "bar" && trace.orientation === "h"))
      .flatMap((trace) => trace.y ?? []);
  return rows.length ? Math.max(margin, longestLine(rows) * tickCharPx + 30) : margin;
}

/** Where the figure's source line is among its annotations (labels on lines may follow it); -1 without one. */
const sourceIndex = (layout: FigureLike["layout"]) => (layout.annotations ?? []).findIndex((annotation) => isSourceLine(annotation.text));

/** A figure's source line, in English (`Source: …`) or in Chinese (`来源：…`). */
const isSourceLine = (text: string) => text.startsWith("Source:") || text.startsWith("来源：");

/**
 * Breaks the source line at its commas into lines that fit between the plot's left edge and the figure's right
 * edge (it starts where the plot does), with any extra lines after it; returns how many lines it now has.
 */
function wrapCaption(layout: FigureLike["layout"], availablePx: number, charPx: number, extraLines: string[] = []): number {
  const annotations = [...(layout.annotations ?? [])];
  const index = sourceIndex(layout);
  const caption = annotations[index];
  if (!caption) return 0;
  const maxChars = Math.max(20, Math.floor(availablePx / charPx));
  const lines: string[] = [];
  // Pieces end at commas; one longer than a line (a date range) is broken at its spaces.
  const pieces = caption.text
    // A break after Chinese punctuation stands for no space.
    .replace(/(?<=[、，])<br>/g, "")
    .replace(/<br>/g, " ")
    // Chinese lists its files with 、 and its clauses with ，: a line may break after either, with no space.
    .split(/(?<=,) |(?<=[、，])/)
    // Measured as drawn: a Chinese character takes the room of two Latin ones.
    .flatMap((piece) => (widthOf(piece) > maxChars ? wrapWords(piece, maxChars) : [piece]));
  for (const piece of pieces) {
    const last = lines.at(-1);
    const gap = /[、，]$/.test(last ?? "") ? "" : " ";
    if (last !== undefined && widthOf(last) + gap.length + widthOf(piece) <= maxChars) lines[lines.length - 1] = `${last}${gap}${piece}`;
    else lines.push(piece);
  }
  // A note after the source (how to read a heatmap's values on a phone) wraps as the source does.
  lines.push(...extraLines.flatMap((line) => (widthOf(line) > maxChars ? wrapWords(line, maxChars) : [line])));
  annotations[index] = { ...caption, text: lines.join("<br>"), align: "left" };
  layout.annotations = annotations;
  return lines.length;
}

/**
 * A note laid across the plot (placed by the plot's width, not on a point) on lines the phone's plot holds, instead
 * of running off the figure's edge. The source line and labels already fitted are left as they are.
 */
function wrapPlotNotes(layout: FigureLike["layout"], widthPx: number): void {
  const margin = marginOf(layout);
  const plotPx = widthPx - PAGE_PADDING_PX - (margin.l ?? 70) - (margin.r ?? 30);
  const source = sourceIndex(layout);
  layout.annotations = (layout.annotations ?? []).map((annotation, index) => {
    const caption = index === source;
    if (annotation.xref !== "paper" || caption || annotation.hovertext !== undefined || /<(?!br)[a-z]/i.test(annotation.text))
      return annotation;
    const size = Number((annotation.font as { size?: number } | undefined)?.size ?? 11);
    const maxChars = Math.floor(plotPx / (size * (LABEL_CHAR_PX / 10)));
    const lines = annotation.text.split("<br>");
    if (Math.max(...lines.map(widthOf)) <= maxChars) return annotation;
    return { ...annotation, text: lines.flatMap((line) => wrapWords(line, maxChars)).join("<br>") };
  });
}

/** Long legend entries on lines that fit a phone, instead of running off its edge. */
function wrapLegendNames(data: TraceLike[], widthPx: number): TraceLike[] {
  const maxChars = Math.floor((widthPx - PAGE_PADDING_PX - 50) / 6.2);
  return data.map((trace) =>
    typeof trace.name === "string" && widthOf(trace.name) > maxChars && trace.showlegend !== false
      ? { ...trace, name: wrapWords(trace.name, maxChars).join("<br>") }
      : trace,
  );
}

/** The start of `text` at most `maxChars` wide, a Chinese character counted as two. */
function cutToWidth(text: string, maxChars: number): string {
  let cut = "";
  for (const char of text) {
    if (widthOf(cut + char) > maxChars) break;
    cut += char;
  }
  return cut;
}

/** A heatmap's long row labels are shortened on a phone (the full label is in the hover), so its cells keep some width. */
function shortRowLabels(figure: FigureLike, layout: FigureLike["layout"]): void {
  const rows = [
    ...new Set(
      (figure.data as TraceLike[])
        .filter((trace) => trace.type === "heatmap")
        .flatMap((trace) => trace.y ?? [])
        .map(String),
    ),
  ];
  if (rows.length === 0 || longestLine(rows) <= MAX_ROW_LABEL_CHARS) return;
  const short = rows.map((row) => (widthOf(row) > MAX_ROW_LABEL_CHARS ? `${cutToWidth(row, MAX_ROW_LABEL_CHARS - 1)}…` : row));
  layout.yaxis = { ...((layout.yaxis as object | undefined) ?? {}), tickmode: "array", tickvals: rows, ticktext: short };
}

/** More labelled points than a phone's plot can hold apart: the labels go, the points' hover keeps the values. */
function pointLabelsOnHover(layout: FigureLike["layout"]): boolean {
  const annotations = layout.annotations ?? [];
  const onPoints = (annotation: Record<string, unknown>) => annotation.showarrow === true && annotation.name !== END_LABEL;
  if (annotations.filter(onPoints).length <= MAX_POINT_LABELS) return false;
  layout.annotations = annotations.filter((annotation) => !onPoints(annotation));
  return true;
}

/**
 * Labels at the ends of lines stand right of the plot on a wide screen; a phone has no room there, so they go
 * inside it, each ending where its line ends. More of them than a phone's plot holds without covering the lines,
 * or any beside other labels on the data, go, and the legend (which the labels stood for) names the lines again.
 */
function endLabelsInside(layout: FigureLike["layout"]): void {
  const annotations = layout.annotations ?? [];
  const ends = annotations.filter((annotation) => annotation.name === END_LABEL);
  if (ends.length === 0) return;
  // Labels on the data already (a break-even, a marked volume) leave no room for them on a phone's narrow plot.
  const marks = annotations.some((annotation) => annotation.name !== END_LABEL && annotation.xref === "x");
  if (ends.length > MAX_END_LABELS_NARROW || marks) {
    layout.annotations = annotations.filter((annotation) => annotation.name !== END_LABEL);
    delete layout.showlegend;
    return;
  }
  // Each rises by half the tallest label, so it sits above its line's end rather than on it, the gaps between them kept.
  const rise = Math.max(...ends.map((annotation) => annotation.text.split("<br>").length)) * 7 + 2;
  layout.annotations = annotations.map((annotation) =>
    annotation.name === END_LABEL && annotation.xanchor !== "right"
      ? {
          ...annotation,
          ax: -Math.abs(Number(annotation.ax ?? 0)),
          ay: Number(annotation.ay ?? 0) - rise,
          xanchor: "right",
          align: "right",
        }
      : annotation,
  );
}

/** A label on the data (a marked volume, a point's note) on lines short enough to stay inside a phone's plot. */
function wrapLabel(text: string): string {
  return text
    .split("<br>")
    .flatMap((line) => (line.length > MAX_LABEL_LINE_CHARS && !/<[a-z]/i.test(line) ? wrapWords(line, MAX_LABEL_LINE_CHARS) : [line]))
    .join("<br>");
}

/** Width of the page's column for figures: 980 px at most, less its padding. */
const columnPx = (widthPx: number) => Math.min(widthPx, 980) - (widthPx <= NARROW_PX ? PAGE_PADDING_PX : 40);

export function fitFigure<T extends FigureLike>(figure: T, widthPx: number, options: FitOptions = {}): T {
  const narrow = widthPx <= NARROW_PX;
  if (!narrow && !options.titleInPage) return figure;
  const layout = { ...figure.layout };
  const margin = marginOf(layout);
  if (!narrow) {
    // The title's band at the top of the plot is no longer needed; the source line stays, on as many lines as it needs.
    const before = layout.annotations?.[sourceIndex(layout)]?.text.split("<br>").length ?? 1;
    layout.title = { ...layout.title, text: "" };
    const lines = wrapCaption(layout, columnPx(widthPx) - leftEdgePx(figure, layout, WIDE_TICK_CHAR_PX), WIDE_CAPTION_CHAR_PX);
    layout.margin = { ...margin, t: Math.max(30, (margin.t ?? 60) - 30 + 16 * Math.max(0, lines - before)) };
    roomForWideLegend(figure, layout, widthPx);
    roomForPlot(figure, layout, 0, WIDE_DEFAULT_HEIGHT_PX);
    return { ...figure, layout };
  }
  let titleLines: string[] = [];
  if (options.titleInPage) layout.title = { ...layout.title, text: "" };
  else {
    const [number, ...rest] = (layout.title?.text ?? "").split(" — ");
    titleLines =
      rest.length > 0
        ? [number as string, ...wrapWords(rest.join(" — "), Math.floor((widthPx - PAGE_PADDING_PX) / TITLE_CHAR_PX))]
        : [number as string];
    layout.title = {
      ...layout.title,
      text: titleLines.join("<br>"),
      font: { size: 13 },
      yref: "container",
      y: 0.97,
      yanchor: "top",
    } as FigureLike["layout"]["title"];
  }
  // Labels on points (with a leader line) are centred on the point: the right margin leaves room for half of one.
  const pointLabels =
    (layout.annotations ?? []).some(
      (annotation) => annotation.name !== END_LABEL && (annotation.showarrow === true || annotation.xref === "x"),
    ) || (figure.data as TraceLike[]).some((trace) => String(trace.mode ?? "").includes("text"));
  endLabelsInside(layout);
  layout.annotations = (layout.annotations ?? []).map((annotation) =>
    annotation.xref === "x" && annotation.name !== END_LABEL ? { ...annotation, text: wrapLabel(annotation.text) } : annotation,
  );
  layout.margin = { l: 58, r: pointLabels ? 40 : 12, t: 0, b: 60 };
  layout.font = { ...(layout.font as object), size: 11 };
  layout.annotations = (layout.annotations ?? []).map((annotation) =>
    isSourceLine(annotation.text) ? { ...annotation, font: { size: 9, color: "#666666" } } : annotation,
  );
  // The legend's rows are counted with its names as the phone shows them, wrapped.
  roomBelowPlot({ ...figure, data: wrapLegendNames(figure.data as TraceLike[], widthPx) }, layout, widthPx);
  wrapAxisTitle(layout, "xaxis", widthPx);
  labelsAboveBars(figure, layout, widthPx);
  wrapPlotNotes(layout, widthPx);
  shortRowLabels(figure, layout);
  const valued = heatmapValuesOnHover(figure, layout, widthPx);
  const words = BROWSER_WORDS[options.lang ?? DEFAULT_LANG];
  const tap = valued.some((trace, index) => trace !== figure.data[index]) ? [words.tapCell] : [];
  if (pointLabelsOnHover(layout)) tap.push(words.tapPoint);
  const data = wrapLegendNames(valued as TraceLike[], widthPx);
  const captionLines = wrapCaption(
    layout,
    widthPx - PAGE_PADDING_PX - leftEdgePx(figure, layout, NARROW_TICK_CHAR_PX),
    NARROW_CAPTION_CHAR_PX,
    tap,
  );
  // Room above the plot for the caption's lines and, when the plot keeps its title, for each of its lines.
  const titlePx = titleLines.length > 0 ? 20 + 17 * titleLines.length : 8;
  layout.margin = { ...marginOf(layout), t: titlePx + CAPTION_LINE_PX * Math.max(1, captionLines) + 10 };
  roomForPlot({ ...figure, data }, layout, NARROW_MIN_PLOT_PX, NARROW_DEFAULT_HEIGHT_PX);
  return { ...figure, data, layout };
}
