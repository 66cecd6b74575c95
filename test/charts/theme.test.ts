import { describe, expect, it } from "vitest";
import { cielab } from "../../src/charts/series-looks";
import {
  caption,
  labelPlacer,
  phoneLabelBox,
  SERIES_PALETTE,
  stableColors,
  THEME_COLORS,
  TIER_COLORS,
  themedFigure,
  WAY_COLORS,
} from "../../src/charts/theme";

describe("chapter theme", () => {
  it("captions the source files under data/ unless told another folder, with the prices' as_of date when there is one", () => {
    expect(caption({ files: ["models.csv", "workloads.csv"], asOf: "2025-09-01" })).toBe(
      "Source: data/models.csv, data/workloads.csv, prices as of 2025-09-01. roilab",
    );
    expect(caption({ files: ["benchmarks.csv"], folder: "data/2026-11" })).toBe("Source: data/2026-11/benchmarks.csv. roilab");
  });

  it("numbers the title and puts the caption last, after the figure's own annotations", () => {
    const figure = themedFigure([], { number: "59.0", title: "T", provenance: { files: ["x.csv"] }, annotations: [{ text: "mine" }] });
    expect(figure.layout.title.text).toBe("Figure 59.0 — T");
    expect(figure.layout.annotations?.map((annotation) => annotation.text)).toEqual(["mine", "Source: data/x.csv. roilab"]);
  });

  it("gives every id its own colour while there are no more ids than colours, whatever their order", () => {
    const ids = Array.from({ length: SERIES_PALETTE.length }, (_, index) => `model-${index}`);
    const colors = stableColors(ids, SERIES_PALETTE);
    expect(new Set(colors.values()).size).toBe(SERIES_PALETTE.length);
    expect(stableColors([...ids].reverse(), SERIES_PALETTE)).toEqual(colors);
    // An id with no rival for its first choice keeps it in any list: here, the first id alone and among all.
    const alone = stableColors(ids.slice(0, 1), SERIES_PALETTE).get("model-0");
    expect(stableColors(ids.slice(0, 2), SERIES_PALETTE).get("model-0") === alone || colors.get("model-0") !== alone).toBe(true);
  });

  it("repeats colours past the palette's end, each at most once per round of the palette", () => {
    const ids = Array.from({ length: 40 }, (_, index) => `model-${index}`);
    const counts = new Map<string, number>();
    for (const color of stableColors(ids, SERIES_PALETTE).values()) counts.set(color, (counts.get(color) ?? 0) + 1);
    expect(counts.size).toBe(SERIES_PALETTE.length);
    expect(Math.max(...counts.values())).toBe(2);
  });
});

describe("labels on points", () => {
  it("puts each label where it lies on no label placed before, above first, then below, then further out", () => {
    const place = labelPlacer([0, 100], [0, 100]);
    const box = phoneLabelBox("1,234/day");
    expect(place(box, 50, 50)).toBe(24);
    // A point beside it: above is taken, below is free.
    expect(place(box, 52, 50)).toBe(-24);
    expect(place(box, 54, 50)).toBe(44);
    // Far off, the nearest place again.
    expect(place(box, 5, 5)).toBe(24);
  });

  it("keeps a label of many lines (as a phone breaks it) off its own point", () => {
    const tall = phoneLabelBox("rent (always on) beats API: 5,129/day");
    expect(tall.heightPx).toBeGreaterThan(3 * 15);
    expect(labelPlacer([0, 1], [0, 1])(tall, 0.5, 0.5)).toBeGreaterThan(tall.heightPx / 2);
  });
});

/** WCAG 2 relative luminance of a #RRGGBB colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe("the series palette", () => {
  it("has at least 24 colours, each with at least 3:1 contrast against the white page", () => {
    expect(SERIES_PALETTE.length).toBeGreaterThanOrEqual(24);
    const low = SERIES_PALETTE.filter((color) => 1.05 / (luminance(color) + 0.05) < 3);
    expect(low).toEqual([]);
  });

  it("gives every named colour drawn as a series or a reference line (tiers, ways, weights and KV cache, the band, the one-server reference) the same 3:1", () => {
    const { grid, zeroLine, paper, before, caption: captionColor, ...drawn } = THEME_COLORS;
    const named = { ...drawn, ...TIER_COLORS, ...WAY_COLORS };
    const low = Object.entries(named).filter(([, color]) => 1.05 / (luminance(color) + 0.05) < 3);
    expect(low).toEqual([]);
  });

  it("keeps every two colours at least 15 CIELAB units apart", () => {
    const close: string[] = [];
    SERIES_PALETTE.forEach((a, i) => {
      for (const b of SERIES_PALETTE.slice(i + 1)) {
        const [l1, a1, b1] = cielab(a);
        const [l2, a2, b2] = cielab(b);
        if (Math.hypot(l1 - l2, a1 - a2, b1 - b2) < 15) close.push(`${a} ${b}`);
      }
    });
    expect(close).toEqual([]);
  });
});
