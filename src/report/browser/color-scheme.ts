/**
 * Figures in the reader's colour scheme. When the system asks for dark, each figure's layout is re-themed before it
 * is drawn (paper, plot, font, grid and axis colours), and a trace, shape or label colour too dark to see on the
 * dark paper is lightened just enough, keeping its hue; other colours stay as the chapter chose them. When the
 * setting changes every drawn figure is drawn again; paper is always light.
 */
import type { FigureLike } from "./fit";
import type { PlotlyApi } from "./plotly";

/** The dark page's colours (report.css's dark custom properties): figures sit on the page's own background. */
export const DARK = {
  paper: "#0d1117",
  ink: "#e6edf3",
  muted: "#9198a1",
  grid: "#2a313a",
  axis: "#59636e",
  /** Behind a label on the data, as white at 85% is on light paper. */
  labelBackground: "rgba(13,17,23,0.85)",
} as const;

/** Contrast a line or marker needs against the paper (WCAG's for graphics), and text (WCAG's for body text). */
export const GRAPHIC_CONTRAST = 3;
const TEXT_CONTRAST = 4.5;

type Rgba = [number, number, number, number];

const NAMED: Record<string, string> = { black: "#000000", white: "#ffffff", gray: "#808080", grey: "#808080" };

/** A CSS hex, rgb() or rgba() colour (or black, white, grey) as red, green, blue 0–255 and alpha; else undefined. */
export function parseColor(color: string): Rgba | undefined {
  const text = (NAMED[color.trim().toLowerCase()] ?? color).trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join("") : hex;
    return [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16)).concat(1) as Rgba;
  }
  const rgb = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/i.exec(text);
  if (!rgb) return undefined;
  return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), rgb[4] === undefined ? 1 : Number(rgb[4])];
}

function luminance([r, g, b]: Rgba): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio of two opaque colours. */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [parseColor(a), parseColor(b)].map((color) => (color ? luminance(color) : 0)) as [number, number];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const format = ([r, g, b, a]: Rgba) =>
  a === 1
    ? `#${[r, g, b].map((value) => Math.round(value).toString(16).padStart(2, "0")).join("")}`
    : `rgba(${[r, g, b].map(Math.round).join(",")},${a})`;

/** Over the dark paper: what a translucent colour looks like there. */
function onPaper([r, g, b, a]: Rgba): Rgba {
  const paper = parseColor(DARK.paper) as Rgba;
  return [r * a + paper[0] * (1 - a), g * a + paper[1] * (1 - a), b * a + paper[2] * (1 - a), 1];
}

/**
 * `color` as it shows on the dark paper with at least `minContrast`: unchanged when it already does; a grey (black
 * ink) turned light as ink is on a dark page; any other colour mixed toward white, its hue kept, until it does.
 */
export function visibleOnDark(color: string, minContrast: number): string {
  const parsed = parseColor(color);
  if (!parsed) return color;
  const contrast = (rgba: Rgba) => contrastRatio(format(onPaper(rgba)), DARK.paper);
  if (contrast(parsed) >= minContrast) return color;
  const [r, g, b, a] = parsed;
  if (Math.max(r, g, b) - Math.min(r, g, b) < 16) {
    const inverted: Rgba = [255 - r, 255 - g, 255 - b, Math.max(a, 0.9)];
    if (contrast(inverted) >= minContrast) return format(inverted);
  }
  for (let step = 1; step <= 20; step++) {
    const t = step / 20;
    const mixed: Rgba = [r + (255 - r) * t, g + (255 - g) * t, b + (255 - b) * t, Math.max(a, t)];
    if (contrast(mixed) >= minContrast) return format(mixed);
  }
  return "#ffffff";
}

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === "object" && value !== null && !Array.isArray(value);

/** A colour, or an array of them (one per point), made visible; anything else as it was. */
function visibleColors(value: unknown, minContrast: number): unknown {
  if (typeof value === "string") return visibleOnDark(value, minContrast);
  if (Array.isArray(value)) return value.map((item) => (typeof item === "string" ? visibleOnDark(item, minContrast) : item));
  return value;
}

function withFontColor(font: unknown, fallback?: string): Plain | undefined {
  if (!isPlain(font)) return fallback ? { color: fallback } : undefined;
  const color = typeof font.color === "string" ? visibleOnDark(font.color, TEXT_CONTRAST) : (fallback ?? font.color);
  return { ...font, color };
}

/** A near-white background (a label's box, a legend's) on the dark paper instead. */
const darkBackground = (color: unknown) => {
  const parsed = typeof color === "string" ? parseColor(color) : undefined;
  return parsed && luminance(parsed) > 0.6 ? (parsed[3] < 1 ? DARK.labelBackground : DARK.paper) : color;
};

function darkTrace(trace: unknown): unknown {
  if (!isPlain(trace)) return trace;
  const out: Plain = { ...trace };
  if (isPlain(trace.marker)) {
    const marker: Plain = { ...trace.marker, color: visibleColors(trace.marker.color, GRAPHIC_CONTRAST) };
    // A white outline separates bars and points on white paper: on dark paper the paper's colour does.
    if (isPlain(trace.marker.line)) {
      const line = trace.marker.line;
      const white = typeof line.color === "string" && luminance(parseColor(line.color) ?? [0, 0, 0, 1]) > 0.8;
      marker.line = { ...line, color: white ? DARK.paper : visibleColors(line.color, GRAPHIC_CONTRAST) };
    }
    out.marker = marker;
  }
  if (isPlain(trace.line)) out.line = { ...trace.line, color: visibleColors(trace.line.color, GRAPHIC_CONTRAST) };
  if (isPlain(trace.textfont) && trace.type !== "heatmap") out.textfont = withFontColor(trace.textfont);
  return out;
}

function darkAxis(axis: unknown): Plain {
  const base = isPlain(axis) ? axis : {};
  const title = isPlain(base.title) ? { ...base.title, font: withFontColor(base.title.font) } : base.title;
  return {
    ...base,
    title,
    gridcolor: DARK.grid,
    zerolinecolor: DARK.axis,
    linecolor: DARK.axis,
    tickcolor: DARK.axis,
    ...(isPlain(base.tickfont) ? { tickfont: withFontColor(base.tickfont) } : {}),
  };
}

/** `figure` for the dark page: a new figure, the given one untouched. */
export function darkFigure(figure: FigureLike): FigureLike {
  const layout: FigureLike["layout"] = { ...figure.layout };
  layout.paper_bgcolor = DARK.paper;
  layout.plot_bgcolor = DARK.paper;
  layout.font = { ...(isPlain(layout.font) ? layout.font : {}), color: DARK.ink };
  if (isPlain(layout.title))
    layout.title = { ...layout.title, font: withFontColor((layout.title as Plain).font) } as FigureLike["layout"]["title"];
  for (const key of Object.keys(layout)) if (/^[xy]axis\d*$/.test(key)) layout[key] = darkAxis(layout[key]);
  if (isPlain(layout.legend))
    layout.legend = { ...layout.legend, bgcolor: darkBackground(layout.legend.bgcolor), font: withFontColor(layout.legend.font) };
  if (layout.annotations)
    layout.annotations = layout.annotations.map((annotation) => ({
      ...annotation,
      font: withFontColor(annotation.font),
      bgcolor: darkBackground(annotation.bgcolor),
      ...(typeof annotation.arrowcolor === "string" ? { arrowcolor: visibleOnDark(annotation.arrowcolor, GRAPHIC_CONTRAST) } : {}),
      ...(typeof annotation.bordercolor === "string" ? { bordercolor: visibleOnDark(annotation.bordercolor, GRAPHIC_CONTRAST) } : {}),
    }));
  if (Array.isArray(layout.shapes))
    layout.shapes = layout.shapes.map((shape: unknown) =>
      isPlain(shape) && isPlain(shape.line)
        ? { ...shape, line: { ...shape.line, color: visibleColors(shape.line.color, GRAPHIC_CONTRAST) } }
        : shape,
    );
  if (isPlain(layout.hoverlabel)) layout.hoverlabel = { ...layout.hoverlabel, bgcolor: darkBackground(layout.hoverlabel.bgcolor) };
  return { ...figure, data: figure.data.map(darkTrace), layout };
}

export interface ColorSchemePlots {
  /** Plotly drawing each figure in the scheme in force, remembering it to draw again when the scheme changes. */
  plotly: PlotlyApi;
  /** Draws every figure light, for printing (`true`), or in the reader's scheme again (`false`). */
  printing(on: boolean): void;
}

/** Follows the reader's `prefers-color-scheme` (on screen only: paper is light) for every figure drawn through `plotly`. */
export function followColorScheme(win: Window, plotly: () => PlotlyApi): ColorSchemePlots {
  const query = win.matchMedia?.("screen and (prefers-color-scheme: dark)");
  let printing = false;
  const dark = () => Boolean(query?.matches) && !printing;
  let drawnDark = dark();
  const drawn = new Map<HTMLElement, { figure: FigureLike; config: unknown }>();
  const themed = (figure: FigureLike) => (dark() ? darkFigure(figure) : figure);
  const draw = (how: "newPlot" | "react") => (element: HTMLElement, data: unknown, layout: unknown, config?: unknown) => {
    const figure = { data: data as unknown[], layout: layout as FigureLike["layout"] };
    drawn.set(element, { figure, config });
    const shown = themed(figure);
    return plotly()[how](element, shown.data, shown.layout, config);
  };
  const redraw = () => {
    if (dark() === drawnDark) return;
    drawnDark = dark();
    for (const [element, { figure, config }] of drawn) {
      const shown = themed(figure);
      void plotly().react(element, shown.data, shown.layout, config);
    }
  };
  query?.addEventListener?.("change", redraw);
  return {
    plotly: { newPlot: draw("newPlot"), react: draw("react") },
    printing: (on) => {
      printing = on;
      redraw();
    },
  };
}
