/**
 * Every page of three editions, the chapter's, 2026's and a generated one with 40 models, as a reader meets it at
 * 1280 and 390 px: in each figure no two series share a colour (past the palette's 24 colours, a colour with the
 * same dash, marker symbol and bar pattern), every trace shows against the plot's background in light and dark,
 * no figure text is cut at the figure's edge or drawn over other text, and nothing but a table's own scroller
 * reaches past the page's right edge. What-if panels are left to their own tests.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { SERIES_PALETTE } from "../../src/charts/theme";
import { GRAPHIC_CONTRAST, contrastRatio, parseColor } from "../../src/report/browser/color-scheme";
import { launchChromium, openReport } from "../helpers/browser";
import { chapterReport } from "../helpers/chapter-report";
import { manyModelsReport } from "../helpers/many-models";

const WIDTHS = [1280, 390];
/** Text boxes may touch by this much (px) before they count as drawn over each other or past the figure's edge. */
const TEXT_TOLERANCE_PX = 2;

let browser: Browser;
const editions: { name: string; dir: string }[] = [];

beforeAll(async () => {
  const [chapter, many] = await Promise.all([chapterReport(), manyModelsReport()]);
  expect(chapter.build.code, chapter.build.stderr).toBe(0);
  expect(chapter.editionBuild.code, chapter.editionBuild.stderr).toBe(0);
  expect(many.build.code, many.build.stderr).toBe(0);
  expect(many.edition.modelIds).toHaveLength(40);
  editions.push(
    { name: "data", dir: chapter.reports },
    { name: "data/2026-11", dir: chapter.edition },
    { name: "40 models", dir: many.reports },
  );
  browser = await launchChromium();
}, 900_000);
afterAll(async () => {
  await browser?.close();
});

const pagesIn = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".html"))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));

/** One drawn part of a trace: its colour as Plotly resolved it, composited over the plot's background later. */
interface Part {
  what: "line" | "marker" | "outline" | "fill";
  /** One colour, or one per point. */
  color: string | string[];
  /** The trace's and the part's opacity together. */
  opacity: number;
}

/** A drawn trace: what names it to the reader, what tells it apart besides its colour, and its drawn parts. */
interface DrawnTrace {
  name: string;
  type: string;
  /** Shown in the figure's legend. */
  inLegend: boolean;
  /** Labelled on the plot: text beside its points. */
  labelled: boolean;
  legendgroup: string;
  /** Its line's dash, its markers' symbol, its bars' hatching: "" where it draws no such part. */
  dash: string;
  symbol: string;
  pattern: string;
  parts: Part[];
}

type Point = [number, number];

interface TextBox {
  kind: string;
  text: string;
  /** The text's box as drawn on the page, turned with the text where it is set at an angle: four corners in order. */
  corners: Point[];
}

interface DrawnFigure {
  name: string;
  thumbnail: boolean;
  background: string;
  traces: DrawnTrace[];
  svg: { left: number; top: number; right: number; bottom: number };
  texts: TextBox[];
}

/** What this test reads of a trace as Plotly drew it, its defaults filled in (`gd._fullData`). */
interface FullTrace {
  type?: string;
  visible?: boolean | string;
  mode?: string;
  name?: string;
  opacity?: number;
  showlegend?: boolean;
  legendgroup?: string;
  fill?: string;
  fillcolor?: string;
  line?: { color?: string; width?: number; dash?: string };
  marker?: {
    color?: string | string[];
    opacity?: number | number[];
    symbol?: string;
    pattern?: { shape?: string };
    line?: { color?: string | string[]; width?: number };
  };
}

/** Every figure of the page (what-if panels aside) as Plotly drew it: its traces' resolved styles and its text's boxes. */
function drawnFigures(page: Page): Promise<DrawnFigure[]> {
  return page.evaluate(() => {
    const kinds: [string, string][] = [
      ["title", ".gtitle"],
      ["axis title", "text.xtitle, text.ytitle, text[class^='x'][class$='title'], text[class^='y'][class$='title']"],
      ["annotation", ".annotation-text"],
      ["legend", ".legendtext"],
      ["tick label", ".xaxislayer-above text, .yaxislayer-above text"],
    ];
    const shown = (element: Element) => {
      for (let node: Element | null = element; node && node.tagName !== "svg"; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.display === "none" || style.visibility === "hidden" || Number(style.opacity) === 0) return false;
      }
      return true;
    };
    return [...document.querySelectorAll<HTMLElement>(".plot")]
      .filter((plot) => (plot as HTMLElement & { _fullData?: unknown })._fullData && !plot.closest(".whatif"))
      .map((plot) => {
        const gd = plot as HTMLElement & { _fullData: FullTrace[]; _fullLayout: { showlegend?: boolean; plot_bgcolor?: string } };
        const legend = gd._fullLayout.showlegend === true;
        const traces = gd._fullData
          .filter((trace) => trace.visible === true && trace.type !== "heatmap")
          .map((trace): DrawnTrace => {
            const mode = String(trace.mode ?? "");
            const bar = trace.type === "bar" || trace.type === "histogram" || trace.type === "box";
            const opacity = Number(trace.opacity ?? 1);
            const parts: Part[] = [];
            const lines = trace.type === "scatter" && mode.includes("lines") && Number(trace.line?.width ?? 0) > 0;
            const markers = bar || (trace.type === "scatter" && mode.includes("markers"));
            if (lines && trace.line?.color) parts.push({ what: "line", color: trace.line.color, opacity });
            if (markers && trace.marker?.color) {
              const markerOpacity = opacity * (typeof trace.marker.opacity === "number" ? trace.marker.opacity : 1);
              parts.push({ what: "marker", color: trace.marker.color, opacity: markerOpacity });
              if (Number(trace.marker.line?.width ?? 0) > 0 && trace.marker.line?.color)
                parts.push({ what: "outline", color: trace.marker.line.color, opacity: markerOpacity });
            }
            if (trace.fill && trace.fill !== "none" && trace.fillcolor) parts.push({ what: "fill", color: trace.fillcolor, opacity });
            return {
              name: String(trace.name ?? ""),
              type: String(trace.type),
              inLegend: legend && trace.showlegend === true,
              labelled: mode.includes("text"),
              legendgroup: String(trace.legendgroup ?? ""),
              dash: lines ? String(trace.line?.dash ?? "solid") : "",
              symbol: markers && !bar ? String(trace.marker?.symbol ?? "circle") : "",
              pattern: bar ? String(trace.marker?.pattern?.shape ?? "") : "",
              parts,
            };
          });
        const svg = plot.querySelector("svg.main-svg")!.getBoundingClientRect();
        const texts = kinds.flatMap(([kind, selector]) =>
          [...plot.querySelectorAll<SVGTextElement>(selector)].flatMap((text) => {
            const box = text.getBBox();
            const toPage = text.getScreenCTM();
            if (box.width === 0 || box.height === 0 || !toPage || !text.textContent?.trim() || !shown(text)) return [];
            // The font's box, less the room above capitals and below the baseline that glyphs rarely fill: about the ink.
            const inset = Math.min(0.2 * parseFloat(getComputedStyle(text).fontSize), box.height / 4);
            const [top, bottom] = [box.y + inset, box.y + box.height - inset];
            const corners = [
              [box.x, top],
              [box.x + box.width, top],
              [box.x + box.width, bottom],
              [box.x, bottom],
            ].map(([x, y]) => {
              const point = new DOMPoint(x, y).matrixTransform(toPage);
              return [point.x, point.y] as Point;
            });
            return [{ kind, text: text.textContent.trim().slice(0, 50), corners }];
          }),
        );
        return {
          name: plot.getAttribute("aria-label")?.slice(0, 40) ?? plot.id,
          thumbnail: Boolean(plot.closest(".card")),
          background: String(gd._fullLayout.plot_bgcolor),
          traces,
          svg: { left: svg.left, top: svg.top, right: svg.right, bottom: svg.bottom },
          texts,
        };
      });
  });
}

/** `color` as it shows over `background`: a translucent colour mixed with it, as `rgb(r,g,b)`. */
function asDrawn(color: string, opacity: number, background: string): string | undefined {
  const rgba = parseColor(color);
  const paper = parseColor(background);
  if (!rgba || !paper) return undefined;
  const alpha = rgba[3] * opacity;
  const [r, g, b] = [0, 1, 2].map((channel) => Math.round(rgba[channel]! * alpha + paper[channel]! * (1 - alpha)));
  return `rgb(${r},${g},${b})`;
}

const colorsOf = (part: Part) => (Array.isArray(part.color) ? part.color : [part.color]);

/**
 * The colour a trace is known by in its legend: its line's, else its markers' (their outline's where the marker is
 * filled with the background, a ring), else its fill's.
 */
function seriesColor(trace: DrawnTrace, background: string): string | undefined {
  const single = (what: Part["what"]) => {
    const part = trace.parts.find((candidate) => candidate.what === what);
    return part && typeof part.color === "string" ? asDrawn(part.color, part.opacity, background) : undefined;
  };
  const marker = single("marker");
  const ring = marker !== undefined && contrastRatio(marker, asDrawn(background, 1, background) ?? background) < 1.1;
  return single("line") ?? (ring ? single("outline") : marker) ?? single("fill");
}

/**
 * The figure's series: traces in its legend or labelled on the plot, one per legend group, and a trace left out
 * of the legend that bears a shown series' name is that series drawn again. Each with the colours it is drawn in
 * and its colour, dash, symbol and pattern combinations.
 */
function seriesOf(figure: DrawnFigure) {
  const series = new Map<string, { colors: Set<string>; styles: Set<string> }>();
  const shownNames = new Set(figure.traces.filter((trace) => trace.inLegend).map((trace) => trace.name));
  for (const trace of figure.traces) {
    if (!trace.inLegend && !trace.labelled && !shownNames.has(trace.name)) continue;
    const color = seriesColor(trace, figure.background);
    // A trace drawn in one colour per point is told apart point by point, by its labels: it has no series colour.
    if (color === undefined) continue;
    const key = trace.legendgroup ? `group ${trace.legendgroup}` : trace.name;
    const entry = series.get(key) ?? { colors: new Set(), styles: new Set() };
    entry.colors.add(color);
    entry.styles.add([color, trace.dash, trace.symbol, trace.pattern].join(" "));
    series.set(key, entry);
  }
  return series;
}

/** Series of one figure drawn alike: in one colour while the palette has a colour for each, else in one colour and style. */
function sharedColors(figure: DrawnFigure): string[] {
  const series = [...seriesOf(figure)];
  const byStyle = series.length > SERIES_PALETTE.length;
  const problems: string[] = [];
  series.forEach(([name, drawn], index) => {
    for (const [other, otherDrawn] of series.slice(index + 1)) {
      const mine = byStyle ? drawn.styles : drawn.colors;
      const theirs = byStyle ? otherDrawn.styles : otherDrawn.colors;
      const shared = [...mine].filter((item) => theirs.has(item));
      if (shared.length > 0)
        problems.push(`"${name}" and "${other}" are both drawn ${shared[0]}${byStyle ? ` (${series.length} series)` : ""}`);
    }
  });
  return problems;
}

/** Traces whose every drawn part is fainter against the plot's background than a graphic's contrast. */
function faintTraces(figure: DrawnFigure): string[] {
  return figure.traces.flatMap((trace) => {
    const contrasts = trace.parts.flatMap((part) =>
      colorsOf(part).flatMap((color) => {
        const drawn = asDrawn(color, part.opacity, figure.background);
        return drawn ? [{ part: part.what, color, contrast: contrastRatio(drawn, figure.background) }] : [];
      }),
    );
    if (contrasts.length === 0) return [];
    // A trace of one colour per point must show every point; any other trace shows by its strongest part.
    const perPoint = trace.parts.some((part) => Array.isArray(part.color));
    const weakest = contrasts.reduce((low, item) => (item.contrast < low.contrast ? item : low));
    const strongest = contrasts.reduce((high, item) => (item.contrast > high.contrast ? item : high));
    const shown = perPoint ? weakest : strongest;
    return shown.contrast < GRAPHIC_CONTRAST
      ? [`"${trace.name}" ${shown.part} ${shown.color} at ${shown.contrast.toFixed(2)}:1 on ${figure.background}`]
      : [];
  });
}

/**
 * How far two text boxes (convex, each given by its corners) reach into each other: the least overlap of their
 * shadows on the normals of their edges, 0 or less where some edge separates them.
 */
function overlapPx(a: Point[], b: Point[]): number {
  const normals = [a, b].flatMap((corners) =>
    corners.slice(0, 2).map((corner, index) => {
      const next = corners[index + 1]!;
      const [dx, dy] = [next[0] - corner[0], next[1] - corner[1]];
      const length = Math.hypot(dx, dy) || 1;
      return [-dy / length, dx / length] as Point;
    }),
  );
  return Math.min(
    ...normals.map(([nx, ny]) => {
      const shadow = (corners: Point[]) => corners.map(([x, y]) => x * nx + y * ny);
      const [sa, sb] = [shadow(a), shadow(b)];
      return Math.min(Math.max(...sa), Math.max(...sb)) - Math.max(Math.min(...sa), Math.min(...sb));
    }),
  );
}

/** Figure text past the figure's edge, and pairs of texts drawn over each other; not on the index's thumbnails, which are pictures of a page. */
function textProblems(figure: DrawnFigure): string[] {
  if (figure.thumbnail) return [];
  const tol = TEXT_TOLERANCE_PX;
  const { svg, texts } = figure;
  const problems = texts
    .filter((box) => box.corners.some(([x, y]) => x < svg.left - tol || x > svg.right + tol || y < svg.top - tol || y > svg.bottom + tol))
    .map((box) => `${box.kind} "${box.text}" is cut at the figure's edge`);
  texts.forEach((box, index) => {
    for (const other of texts.slice(index + 1)) {
      const overlap = overlapPx(box.corners, other.corners);
      if (overlap > tol) problems.push(`${box.kind} "${box.text}" overlaps ${other.kind} "${other.text}" by ${overlap.toFixed(0)}px`);
    }
  });
  return problems;
}

/** Elements reaching past the page's right edge that no scroller of their own (a table's wrapper) holds. */
function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (element: Element) => ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(element).overflowX);
    const held = (element: Element) => {
      for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) if (scrolls(node)) return true;
      return false;
    };
    const past = [...document.body.querySelectorAll("*")].filter(
      (element) => element.getClientRects().length > 0 && element.getBoundingClientRect().right > width + 1 && !held(element),
    );
    // The outermost of each: its children past the edge say no more.
    const outermost = past.filter((element) => !past.some((other) => other !== element && other.contains(element)));
    const sideways = document.documentElement.scrollWidth - window.innerWidth;
    return [
      ...(sideways > 0 ? [`the page scrolls ${sideways}px sideways`] : []),
      ...outermost.map(
        (element) =>
          `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${element.classList.length ? `.${[...element.classList].join(".")}` : ""} reaches ${Math.round(element.getBoundingClientRect().right - width)}px past the edge`,
      ),
    ];
  });
}

describe("every page at 1280 and 390 px, light and dark", () => {
  for (const editionName of ["data", "data/2026-11", "40 models"]) {
    it(`of the ${editionName} edition draws no two series of a figure alike and every trace visibly on its background, cuts and overlaps no figure text, and scrolls no page sideways`, async () => {
      const edition = editions.find((candidate) => candidate.name === editionName)!;
      const problems: string[] = [];
      for (const width of WIDTHS) {
        for (const name of pagesIn(edition.dir)) {
          for (const colorScheme of ["light", "dark"] as const) {
            const { page } = await openReport(browser, path.join(edition.dir, name), { width, colorScheme });
            const where = `${width}px ${colorScheme} ${name}`;
            for (const figure of await drawnFigures(page)) {
              const at = `${where} ${figure.name}:`;
              problems.push(...sharedColors(figure).map((problem) => `${at} ${problem}`));
              problems.push(...faintTraces(figure).map((problem) => `${at} ${problem}`));
              // Layout is the same in either scheme: text and the page's width are checked once.
              if (colorScheme === "light") problems.push(...textProblems(figure).map((problem) => `${at} ${problem}`));
            }
            if (colorScheme === "light") problems.push(...(await sidewaysOverflow(page)).map((problem) => `${where}: ${problem}`));
            await page.close();
          }
        }
      }
      expect(problems).toEqual([]);
    }, 900_000);
  }
});
