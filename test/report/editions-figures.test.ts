/**
 * Every page of three editions, the chapter's, 2026's and a generated one with 40 models, as a reader meets it at
 * 1280 and 390 px: in each figure no two series share a colour (past the palette's 24 colours, a colour with the
 * same dash, marker symbol and bar pattern), every trace shows against the plot's background in light and dark,
 * no figure text is cut at the figure's edge or drawn over other text, and nothing but a table's own scroller
 * reaches past the page's right edge. What-if panels are left to their own tests.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as path from "node:path";
import type { Browser } from "playwright-core";
import { SERIES_PALETTE } from "../../src/charts/theme";
import { GRAPHIC_CONTRAST, contrastRatio, parseColor } from "../../src/report/browser/color-scheme";
import { launchChromium, openReport } from "../helpers/browser";
import { chapterReport } from "../helpers/chapter-report";
import { manyModelsReport } from "../helpers/many-models";
import {
  type DrawnFigure,
  type DrawnTrace,
  type Part,
  drawnFigures,
  pagesIn,
  sidewaysOverflow,
  textProblems,
} from "../helpers/drawn-figures";

const WIDTHS = [1280, 390];

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
