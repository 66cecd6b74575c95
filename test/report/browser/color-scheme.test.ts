import { describe, expect, it } from "vitest";
import { DARK, contrastRatio, darkFigure, visibleOnDark } from "../../../src/report/browser/color-scheme";
import type { FigureLike } from "../../../src/report/browser/fit";
import { SERIES_PALETTE, TIER_COLORS, themedFigure } from "../../../src/charts/theme";

describe("figures on a dark page", () => {
  it("keeps every colour of the series palette and the tiers that shows on the dark paper, and lightens the others until they do", () => {
    for (const color of [...SERIES_PALETTE, ...Object.values(TIER_COLORS)]) {
      const shown = visibleOnDark(color, 3);
      expect(contrastRatio(shown, DARK.paper), `${color} → ${shown}`).toBeGreaterThanOrEqual(3);
      if (contrastRatio(color, DARK.paper) >= 3) expect(shown).toBe(color);
    }
    // Black ink turns light, as ink does on a dark page, rather than into a grey beside the palette's own grey.
    expect(contrastRatio(visibleOnDark("#000000", 3), "#ffffff")).toBeLessThan(1.5);
    expect(visibleOnDark("not a colour", 3)).toBe("not a colour");
  });

  it("themes the paper, text, grid and labels, and leaves the figure it was given as it was", () => {
    const figure = themedFigure(
      [
        {
          type: "scatter",
          x: [1],
          y: [1],
          line: { color: "#332288" },
          marker: { color: ["#000000", "#CC6677"], line: { color: "#ffffff" } },
        },
      ] as never,
      {
        number: "59.3a",
        title: "Break-even",
        provenance: { files: ["models.csv"] },
        xaxis: { title: "Calls" },
        yaxis: { title: "USD" },
        annotations: [{ text: "3,109/day", x: 1, y: 1, bgcolor: "rgba(255,255,255,0.85)" }],
      },
    ) as unknown as FigureLike;
    const before = JSON.stringify(figure);
    const dark = darkFigure(figure);
    expect(JSON.stringify(figure)).toBe(before);
    const layout = dark.layout as unknown as {
      paper_bgcolor: string;
      plot_bgcolor: string;
      font: { color: string };
      xaxis: { gridcolor: string };
      yaxis: { zerolinecolor: string };
      annotations: { bgcolor?: string; font: { color: string } }[];
    };
    expect([layout.paper_bgcolor, layout.plot_bgcolor, layout.font.color]).toEqual([DARK.paper, DARK.paper, DARK.ink]);
    expect(layout.xaxis.gridcolor).toBe(DARK.grid);
    expect(layout.yaxis.zerolinecolor).toBe(DARK.axis);
    expect(layout.annotations[0]?.bgcolor).toBe(DARK.labelBackground);
    // The source line's grey is text: it gets a text's contrast.
    expect(contrastRatio(layout.annotations.at(-1)?.font.color ?? "", DARK.paper)).toBeGreaterThanOrEqual(4.5);
    const trace = dark.data[0] as { line: { color: string }; marker: { color: string[]; line: { color: string } } };
    expect(contrastRatio(trace.line.color, DARK.paper)).toBeGreaterThanOrEqual(3);
    expect(trace.marker.color[1]).toBe("#CC6677");
    expect(trace.marker.line.color).toBe(DARK.paper);
  });
});
