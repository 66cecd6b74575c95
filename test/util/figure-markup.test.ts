import { describe, expect, it } from "vitest";
import { FIGURE_SCRIPT_SELECTOR, figureMarkup } from "../../src/util/figure-markup";

describe("figureMarkup", () => {
  it("writes the plot's box and the figure's JSON in the script the page's script selects", () => {
    const html = figureMarkup("plot-1", { data: [], layout: { title: { text: "</script>" } } });
    expect(html).toBe(
      '<div class="plot" id="plot-1"></div><script type="application/json" class="roilab-figure" data-target="plot-1">{"data":[],"layout":{"title":{"text":"\\u003c/script>"}}}</script>',
    );
    expect(FIGURE_SCRIPT_SELECTOR).toBe("script.roilab-figure");
  });

  it("names the plot for screen readers and gives a figure of its own height a box that tall", () => {
    expect(figureMarkup("plot-2", {}, { label: 'Costs "now"', heightPx: 419.6 })).toMatch(
      /^<div class="plot" id="plot-2" style="height:420px" role="img" aria-label="Costs &quot;now&quot;"><\/div>/,
    );
  });
});
