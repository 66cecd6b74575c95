/**
 * No two series of a figure alike. A series is a trace shown in the legend, or one drawn in a palette colour and
 * named on the plot instead (a model's point in 59.2b); the traces of one legend group are one series drawn
 * several ways (a server bought and rented), which tell themselves apart by dash.
 *
 * While a figure has no more series than the palette has colours, a series that finds its colour taken by an
 * earlier one (a server matched to the colour of a model beside it) takes the palette colour the figure leaves
 * free that is most unlike the colours it draws already. Past that, colours repeat, and each repeat gets a dash (lines), a marker symbol (points) or a bar
 * pattern of its own, so the 25th series is never the 1st again.
 */
import type { Trace } from "./figure";

/** Dashes, symbols and bar patterns in the order repeats take them; the first of each is the plain one. */
export const SERIES_DASHES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"] as const;
export const SERIES_SYMBOLS = ["circle", "square", "diamond", "triangle-up", "triangle-down", "cross", "x", "star"] as const;
export const SERIES_PATTERNS = ["", "/", "\\", "x", ".", "+", "-", "|"] as const;

type Plain = Record<string, unknown>;
const plain = (value: unknown): Plain => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Plain) : {});
const same = (a: unknown, b: unknown) => typeof a === "string" && typeof b === "string" && a.toUpperCase() === b.toUpperCase();

/** The colour a trace is known by: its marker's, or the outline of a ring (a white marker), or its line's. */
export function seriesColorOf(trace: Trace, paper: string): string | undefined {
  const marker = plain(trace.marker);
  const found = [marker.color, plain(marker.line).color, plain(trace.line).color].find(
    (color) => typeof color === "string" && !same(color, paper),
  );
  return typeof found === "string" ? found : undefined;
}

/** CIELAB (D65) of a `#RRGGBB` colour, where distance is how different two colours look. */
export function cielab(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

/** How unlike `color` is to the nearest of `others`. */
function distanceFrom(color: string, others: readonly string[]): number {
  const [l1, a1, b1] = cielab(color);
  return Math.min(
    Infinity,
    ...others
      .filter((other) => /^#[0-9a-f]{6}$/i.test(other))
      .map((other) => {
        const [l2, a2, b2] = cielab(other);
        return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
      }),
  );
}

const modeOf = (trace: Trace) => String(trace.mode ?? (trace.type === "scatter" ? "lines" : ""));

/** What tells a series apart besides its colour: its line's dash, its marker's symbol, its bars' pattern. */
function styleOf(trace: Trace): string {
  const mode = modeOf(trace);
  const marker = plain(trace.marker);
  return [
    mode.includes("lines") ? String(plain(trace.line).dash ?? "solid") : "",
    mode.includes("markers") ? String(marker.symbol ?? "circle") : "",
    trace.type === "bar" ? String(plain(marker.pattern).shape ?? "") : "",
  ].join("|");
}

/** The trace with `from` replaced by `to` wherever it draws it. */
function recolored(trace: Trace, from: string, to: string): Trace {
  const marker = plain(trace.marker);
  const swap = (color: unknown) => (same(color, from) ? to : color);
  return {
    ...trace,
    ...(trace.line ? { line: { ...plain(trace.line), color: swap(plain(trace.line).color) } } : {}),
    ...(trace.marker
      ? {
          marker: {
            ...marker,
            color: swap(marker.color),
            ...(marker.line ? { line: { ...plain(marker.line), color: swap(plain(marker.line).color) } } : {}),
          },
        }
      : {}),
  };
}

/** The trace in the `variant`-th dash, symbol or pattern, by how it is drawn. */
function restyled(trace: Trace, variant: number, paper: string): Trace {
  const mode = modeOf(trace);
  const marker = plain(trace.marker);
  if (mode.includes("lines")) return { ...trace, line: { ...plain(trace.line), dash: SERIES_DASHES[variant % SERIES_DASHES.length] } };
  if (mode.includes("markers")) return { ...trace, marker: { ...marker, symbol: SERIES_SYMBOLS[variant % SERIES_SYMBOLS.length] } };
  const shape = SERIES_PATTERNS[variant % SERIES_PATTERNS.length];
  return { ...trace, marker: { ...marker, pattern: { shape, fillmode: "overlay", fgcolor: paper, fgopacity: 0.6 } } };
}

/** How many variants a trace's way of drawing has: dashes, symbols or patterns. */
const variantsOf = (trace: Trace) =>
  modeOf(trace).includes("lines")
    ? SERIES_DASHES.length
    : modeOf(trace).includes("markers")
      ? SERIES_SYMBOLS.length
      : SERIES_PATTERNS.length;

/** `traces` with no two series alike: see the module's comment. */
export function distinctSeries(traces: readonly Trace[], palette: readonly string[], paper: string): Trace[] {
  const out = [...traces];
  const series = out
    .map((trace, index) => ({ index, color: seriesColorOf(trace, paper) }))
    .filter(
      (entry): entry is { index: number; color: string } =>
        entry.color !== undefined &&
        out[entry.index]?.type !== "heatmap" &&
        (out[entry.index]?.showlegend !== false || palette.some((color) => same(color, entry.color))),
    );
  const groupOf = (index: number) => (out[index]?.legendgroup as string | undefined) ?? `#${index}`;
  const groups = [...new Set(series.map((entry) => groupOf(entry.index)))];
  if (groups.length <= palette.length) {
    const taken: string[] = [];
    for (const group of groups) {
      const members = series.filter((entry) => groupOf(entry.index) === group);
      const color = members[0]?.color as string;
      if (taken.some((other) => same(other, color))) {
        const inFigure = series.map((entry) => seriesColorOf(out[entry.index] as Trace, paper) as string);
        const free = palette
          .filter((candidate) => !inFigure.some((used) => same(used, candidate)))
          .sort((a, b) => distanceFrom(b, inFigure) - distanceFrom(a, inFigure) || palette.indexOf(a) - palette.indexOf(b))[0];
        if (free !== undefined) for (const member of members) out[member.index] = recolored(out[member.index] as Trace, color, free);
      }
      taken.push(seriesColorOf(out[members[0]?.index as number] as Trace, paper) as string);
    }
  }
  const looks = new Set<string>();
  for (const { index } of series) {
    let trace = out[index] as Trace;
    const color = (seriesColorOf(trace, paper) as string).toUpperCase();
    for (let variant = 1; looks.has(`${color} ${styleOf(trace)}`) && variant < variantsOf(trace); variant++)
      trace = restyled(out[index] as Trace, variant, paper);
    out[index] = trace;
    looks.add(`${color} ${styleOf(trace)}`);
  }
  return out;
}

/**
 * Bar patterns for bars coloured one by one: none for a colour's first bar, then a pattern of its own for each
 * bar that repeats a colour, so two bars in one colour never look alike.
 */
export function repeatPatterns(colors: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return colors.map((color) => {
    const count = seen.get(color.toUpperCase()) ?? 0;
    seen.set(color.toUpperCase(), count + 1);
    return SERIES_PATTERNS[count % SERIES_PATTERNS.length] as string;
  });
}
