import { describe, expect, it } from "vitest";
import { breakEvenUncertainty } from "../../src/analysis";
import type { Figure } from "../../src/charts";
import { tornadoChart } from "../../src/charts/uncertainty";
import { loadDataset } from "../../src/data";
import { tornado } from "../../src/model";
import { DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);
const title = (figure: Figure) => figure.layout.title.text;
const source = { files: ["throughput.csv"], asOf: "2025-09-01" };

describe("Figure 59.8a, sensitivity", () => {
  const uncertainty = breakEvenUncertainty(data, "a100x4-70b", "claude-3-5-sonnet", { samples: 400, seed: 59 });

  it("takes its swing from the caller (builder on its own)", () => {
    const result = tornado(uncertainty.inputs, { swing: 0.1 });
    const figure = tornadoChart(result.bars, { baseBreakEven: result.baseBreakEven, swing: 0.1, comparison: "c", provenance: source });
    expect(title(figure)).toContain("±10%");
    expect(figure.data.map((candidate) => candidate.name)).toEqual(["input 10% lower", "input 10% higher"]);
  });
});
