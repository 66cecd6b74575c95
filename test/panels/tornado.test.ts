import { describe, expect, it } from "vitest";
import { tornadoPanelSpec } from "../../src/analysis";
import { loadDataset } from "../../src/data";
import { evaluateTornadoPanel, narrowTornadoFigure } from "../../src/panels/tornado";
import { DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);

describe("the 59.8 sensitivity what-if panel", () => {
  const spec = tornadoPanelSpec(data, { hardwareId: "a100x4-70b", apiModelId: "claude-3-5-sonnet", swing: 0.2 });

  it("starts where the notebook does", () => {
    const result = evaluateTornadoPanel(spec, spec.defaults);
    expect(result.tornado.bars[0]?.input).toBe("depreciationMonths");
    expect(result.tornado.baseBreakEven).toBeCloseTo(3109.26, 2);
    expect(result.summary).toBe(
      "4x A100 80GB vs Claude 3.5 Sonnet: break-even 3,109 calls a day. At ±20% the depreciation period moves it most, 2,843 to 3,507.",
    );
    expect(result.figure.layout.title.text).toMatch(/^Figure 59\.8w — /);
  });

  it("recomputes for another pair and swing, as the notebook's own what-if cell does", () => {
    const result = evaluateTornadoPanel(spec, { hardwareId: "rtx4090-server", apiId: "gpt-4o", swingPercent: 30 });
    expect(Math.trunc(result.tornado.baseBreakEven)).toBe(822);
    expect(result.tornado.bars[0]?.input).toBe("inputUsdPerMTok");
    expect(result.tornado.bars.map((bar) => bar.input)).toContain("opsUsdPerMonth");
  });

  it("fits a phone: the bars keep only each input's name and the axis title is short", () => {
    const result = evaluateTornadoPanel(spec, spec.defaults);
    const narrow = narrowTornadoFigure(result.figure, result.tornado.baseBreakEven);
    expect(narrow.data[0]?.y).toContain("Depreciation period");
    expect((narrow.layout.xaxis as { title: { text: string } }).title.text).toBe("Break-even, calls/day<br>line: 3,109 at base");
    expect((result.figure.data[0]!.y as string[]).some((label) => label.startsWith("Depreciation period ("))).toBe(true);
  });
});
