/**
 * Figures as Plotly drew them on a published page, read in Chromium: each trace's resolved styles and each text's
 * box on the page; and the checks any page's figures are held to: no text past the figure's edge or over other text,
 * nothing reaching past the page's right edge.
 */
import { readdirSync } from "node:fs";
import type { Page } from "playwright-core";

/** Text boxes may touch by this much (px) before they count as drawn over each other or past the figure's edge. */
export const TEXT_TOLERANCE_PX = 2;

/** The published pages of a report folder, in the contents' order. */
export const pagesIn = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".html"))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));

/** One drawn part of a trace: its colour as Plotly resolved it, composited over the plot's background later. */
export interface Part {
  what: "line" | "marker" | "outline" | "fill";
  /** One colour, or one per point. */
  color: string | string[];
  /** The trace's and the part's opacity together. */
  opacity: number;
}

/** A drawn trace: what names it to the reader, what tells it apart besides its colour, and its drawn parts. */
export interface DrawnTrace {
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

export type Point = [number, number];

export interface TextBox {
  kind: string;
  text: string;
  /** The text's box as drawn on the page, turned with the text where it is set at an angle: four corners in order. */
  corners: Point[];
}

export interface DrawnFigure {
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
export function drawnFigures(page: Page): Promise<DrawnFigure[]> {
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
export function textProblems(figure: DrawnFigure): string[] {
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
export function sidewaysOverflow(page: Page): Promise<string[]> {
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
