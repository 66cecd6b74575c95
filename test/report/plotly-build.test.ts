import { describe, expect, it } from "vitest";
import { choosePlotlyBuild, traceTypes } from "../../src/report/plotly-build";

describe("choosing the Plotly build", () => {
  it("keeps the slim build for scatter, bar and heatmap figures (a trace without type is scatter)", () => {
    const types = traceTypes([{ data: [{ type: "bar" }, {}] }, { data: [{ type: "heatmap" }] }]);
    expect(types).toEqual(["bar", "scatter", "heatmap"]);
    expect(choosePlotlyBuild(types)).toEqual({ file: "plotly.min.js", missing: [] });
  });

  it("switches to the complete build, naming the trace types that need it", () => {
    expect(choosePlotlyBuild(["bar", "pie", "scatter3d", "pie"])).toEqual({ file: "plotly-full.min.js", missing: ["pie", "scatter3d"] });
  });
});
