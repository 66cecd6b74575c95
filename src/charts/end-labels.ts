/**
 * Labels at the ends of lines: where a figure's lines cross, a reader follows each to its end and finds its name
 * there, in its colour, instead of matching colours against the legend. Each label sits right of the plot, level
 * with its line's last point and tied to it by a short leader; labels that would overlap are moved apart
 * vertically, the least they need, and the figure's right margin grows to hold the longest. Where the labels name
 * everything the legend would, the legend goes and the plot gets its room. The line's axis keeps the lines'
 * own extent: Plotly would otherwise stretch it to hold the labels. On a phone the page's script moves the labels
 * inside the plot, ending where their lines end, or, where there are too many, brings the legend back instead
 * (report/browser/fit.ts).
 */
import type { Annotation, Figure, Trace } from "./figure";

/** The name that marks a label at a line's end among a figure's annotations (the page's script looks for it). */
export const END_LABEL = "line end";
/**
 * The plot height labels are kept apart on: a little less than a page draws a figure's plot without its legend
 * (520 px less the title's and axis's margins). A taller plot only stands them further apart.
 */
export const END_LABEL_PLOT_PX = 320;
/** One line of a label: 11 px text. */
export const END_LABEL_LINE_PX = 14;
/** More lines than this and their labels would not fit beside the plot one above the other: the legend alone names them. */
export const MAX_END_LABELS = Math.floor(END_LABEL_PLOT_PX / END_LABEL_LINE_PX);
/** A label's longest line, in characters; a longer name takes two lines, or is cut short where two do not fit. */
const LABEL_CHARS = 22;
/** Width of an 11 px character, a little over the average of the sans-serif fonts pages fall back to. */
export const END_LABEL_CHAR_PX = 7;
/** From a line's end to its label. */
const LEADER_PX = 8;

type Plain = Record<string, unknown>;
const plain = (value: unknown): Plain => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Plain) : {});
const finite = (values: unknown): number[] =>
  (Array.isArray(values) ? values : []).filter((value): value is number => typeof value === "number" && Number.isFinite(value));

/** The layout key of the axis a trace is drawn on: `xaxis`, `yaxis2`. */
const axisKey = (trace: Trace, letter: "x" | "y") => `${letter}axis${String(trace[`${letter}axis`] ?? letter).slice(1)}`;

/** The lines a reader follows to their end: line traces in the legend, not a band's edge, with two points or more. */
export function endLabelledLines(traces: readonly Trace[]): Trace[] {
  return traces.filter(
    (trace) =>
      trace.type === "scatter" &&
      String(trace.mode ?? "lines").includes("lines") &&
      trace.showlegend !== false &&
      trace.fill === undefined &&
      finite(trace.x).length >= 2 &&
      finite(trace.y).length >= 2,
  );
}

/** A Chinese character or full-width mark takes about the room of two Latin letters. */
const widthOf = (text: string): number => [...text].reduce((sum, char) => sum + (/[\u2E80-\uFFEF]/.test(char) ? 2 : 1), 0);

/** `text` cut to at most `chars` characters, an ellipsis marking the cut. */
const cut = (text: string, chars: number) => (text.length <= chars ? text : `${text.slice(0, chars - 1).trimEnd()}…`);

/**
 * A label's lines: the name whole on one line; else on two, broken at a space, before a bracket where it can
 * ("Hermes 4 70B" over "(Together AI)"), else where the two lines come out most even, the second cut short if
 * it must; or, where labels must keep to one line, the name cut short.
 */
export function labelLines(name: string, twoLines: boolean): string[] {
  if (widthOf(name) <= LABEL_CHARS) return [name];
  if (!twoLines) return [cut(name, LABEL_CHARS)];
  const breaks = [...name.matchAll(/ /g)].map((match) => match.index as number).filter((at) => at <= LABEL_CHARS);
  const fitting = breaks.filter((at) => name.length - at - 1 <= LABEL_CHARS);
  const best =
    fitting.filter((at) => name[at + 1] === "(").at(-1) ??
    fitting.sort((a, b) => Math.abs(name.length - 2 * a) - Math.abs(name.length - 2 * b))[0] ??
    breaks.at(-1);
  if (best === undefined) return [cut(name, LABEL_CHARS)];
  return [name.slice(0, best), cut(name.slice(best + 1), LABEL_CHARS)];
}

/** Where a value sits on an axis as Plotly places annotations: its logarithm on a log axis. */
const onAxis = (axis: Plain, value: number) => (axis.type === "log" ? Math.log10(value) : value);

/** An axis's plotted extent, in the units annotations take: its range when set, else its traces' values. */
function extent(figure: Figure, key: string): [number, number] {
  const axis = plain(figure.layout[key]);
  if (Array.isArray(axis.range) && axis.range.length === 2) return axis.range as [number, number];
  const values = figure.data
    .filter((trace) => axisKey(trace, key[0] as "x" | "y") === key)
    .flatMap((trace) => finite(trace[key[0] as string]))
    .filter((value) => axis.type !== "log" || value > 0)
    .map((value) => onAxis(axis, value));
  return values.length > 0 ? [Math.min(...values), Math.max(...values)] : [0, 1];
}

/**
 * Positions, top down in pixels, for labels wanting `targets` with `heights`: each as near its target as the
 * others let it, none overlapping, all within the plot's height give or take a line.
 */
export function spreadLabels(targets: readonly number[], heights: readonly number[], plotPx: number): number[] {
  const order = targets.map((_, index) => index).sort((a, b) => (targets[a] as number) - (targets[b] as number));
  const h = (rank: number) => heights[order[rank] as number] as number;
  const placed = order.map((index) => targets[index] as number);
  const top = -END_LABEL_LINE_PX;
  const bottom = plotPx + END_LABEL_LINE_PX;
  placed.forEach((_, rank) => {
    const floor = rank === 0 ? top + h(0) / 2 : (placed[rank - 1] as number) + (h(rank - 1) + h(rank)) / 2;
    placed[rank] = Math.max(placed[rank] as number, floor);
  });
  for (let rank = placed.length - 1; rank >= 0; rank--) {
    const ceiling = rank === placed.length - 1 ? bottom - h(rank) / 2 : (placed[rank + 1] as number) - (h(rank) + h(rank + 1)) / 2;
    placed[rank] = Math.min(placed[rank] as number, ceiling);
  }
  const positions = new Array<number>(targets.length);
  order.forEach((index, rank) => {
    positions[index] = placed[rank] as number;
  });
  return positions;
}

export interface EndLabelOptions {
  /** Labels inside the plot, ending at their lines' ends: for a figure whose right edge holds a second axis. */
  inside?: boolean;
  /** A line's label where its legend name is longer than a label holds; default: the name. */
  text?: (trace: Trace) => string | undefined;
  /** Behind a label, so a line it lies on does not run through its text. */
  background?: string;
}

/**
 * The figure with each line labelled at its end (see the module's comment), when it draws two lines or more and
 * no more than fit.
 */
export function labelLineEnds(figure: Figure, options: EndLabelOptions = {}): Figure {
  const lines = endLabelledLines(figure.data);
  if (lines.length < 2 || lines.length > MAX_END_LABELS) return figure;
  const layout = figure.layout;
  const ends = lines.map((trace) => {
    const xs = finite(trace.x);
    const ys = finite(trace.y);
    const yKey = axisKey(trace, "y");
    const y = onAxis(plain(layout[yKey]), ys.at(-1) as number);
    const [low, high] = extent(figure, yKey);
    return {
      trace,
      x: onAxis(plain(layout[axisKey(trace, "x")]), xs.at(-1) as number),
      y,
      target: (1 - (y - low) / (high - low || 1)) * END_LABEL_PLOT_PX,
    };
  });
  // Names on two lines where all labels still fit one above the other, else each cut short on one.
  const names = lines.map((trace) => options.text?.(trace) ?? String(trace.name ?? ""));
  const twoLines = names.reduce((sum, name) => sum + labelLines(name, true).length, 0) * END_LABEL_LINE_PX <= END_LABEL_PLOT_PX;
  const texts = names.map((name) => labelLines(name, twoLines));
  const positions = spreadLabels(
    ends.map((end) => end.target),
    texts.map((text) => text.length * END_LABEL_LINE_PX),
    END_LABEL_PLOT_PX,
  );
  const side = options.inside ? -1 : 1;
  // Inside the plot every label rises by half the tallest, so each sits above its line's end rather than on it.
  const rise = options.inside ? Math.max(...texts.map((text) => text.length)) * (END_LABEL_LINE_PX / 2) + 2 : 0;
  const labels: Annotation[] = ends.map((end, index) => {
    const color = plain(end.trace.line).color ?? plain(end.trace.marker).color;
    return {
      name: END_LABEL,
      text: (texts[index] as string[]).join("<br>"),
      x: end.x,
      y: end.y,
      xref: String(end.trace.xaxis ?? "x"),
      yref: String(end.trace.yaxis ?? "y"),
      showarrow: true,
      arrowhead: 0,
      arrowwidth: 1,
      arrowcolor: color,
      ax: side * LEADER_PX,
      ay: Math.round(((positions[index] as number) - end.target - rise) * 10) / 10,
      axref: "pixel",
      ayref: "pixel",
      xanchor: options.inside ? "right" : "left",
      yanchor: "middle",
      align: options.inside ? "right" : "left",
      font: { size: 11, color },
      ...(options.background === undefined ? {} : { bgcolor: options.background }),
    };
  });
  // Money in a label may be shown in another currency, whose symbol (CN¥) and amount (a digit and a comma more)
  // are longer: a dollar sign is measured as five characters.
  const width = (line: string) => (widthOf(line) + 4 * (line.match(/\$/g)?.length ?? 0)) * END_LABEL_CHAR_PX;
  const widest = Math.max(...texts.flat().map(width)) + LEADER_PX + 10;
  const margin = plain(layout.margin);
  const annotations = [...(layout.annotations ?? [])];
  // Before the source line, which stays last (wrapLongCaption and the page's script find it there).
  const source = /^(Source:|来源：)/.test(annotations.at(-1)?.text ?? "") ? annotations.length - 1 : annotations.length;
  annotations.splice(source, 0, ...labels);
  // Each labelled line's x axis spans the lines and no more (Plotly stretches an autoranged axis to hold
  // annotations), and a little more where they are drawn with markers, which would be cut in half at the edges.
  const markers = lines.some((trace) => String(trace.mode ?? "").includes("markers"));
  const ranges = Object.fromEntries(
    [...new Set(lines.map((trace) => axisKey(trace, "x")))].map((key) => {
      const axis = plain(layout[key]);
      const [low, high] = extent(figure, key);
      const pad = markers ? (high - low) * 0.02 : 0;
      return [key, Array.isArray(axis.range) ? axis : { ...axis, range: [low - pad, high + pad] }];
    }),
  );
  // The legend only repeats the labels where every entry in it is a labelled line.
  const legendTraces = figure.data.filter((trace) => trace.showlegend !== false && trace.name !== undefined && trace.visible !== false);
  const labelsAreLegend = legendTraces.every((trace) => lines.includes(trace));
  return {
    ...figure,
    layout: {
      ...layout,
      ...ranges,
      annotations,
      ...(labelsAreLegend ? { showlegend: false } : {}),
      margin: {
        ...margin,
        // Without a legend under the plot, the bottom margin needs room for the axis's title alone.
        ...(labelsAreLegend ? { b: Math.min(Number(margin.b ?? 90), 60) } : {}),
        ...(options.inside ? {} : { r: Math.max(Number(margin.r ?? 30), Math.ceil(widest)) }),
      },
    },
  };
}
