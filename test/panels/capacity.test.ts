import { describe, expect, it } from "vitest";
import { capacityPanelSpec } from "../../src/analysis";
import { loadDataset } from "../../src/data";
import { evaluateCapacityPanel } from "../../src/panels/capacity";
import { DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);

describe("the 59.7 capacity what-if panel", () => {
  const spec = capacityPanelSpec(data);

  it("starts from the case study: 11 servers on its defaults", () => {
    const result = evaluateCapacityPanel(spec, spec.defaults);
    // 11 x 393.33 of hardware + 300 x (1 + 0.25 x 10) of operations.
    expect(result.allLocal).toEqual({ machines: 11, totalUsd: expect.closeTo(5376.67, 2) });
    expect(result.hybrid.machines).toBe(5);
    // 77,500 calls x Hermes 4's $0.00855 (8,000 x $0.90/M + 1,500 x $0.90/M).
    expect(result.allCloudUsd).toBeCloseTo(662.625, 6);
    expect(result.summary).toContain("all local needs 11 server(s), $5,376.67 a month");
    expect(result.figure.layout.title.text).toBe("Figure 59.7w — servers needed for your throughput and traffic");
  });

  it("needs fewer servers with batching, a flatter day or a higher utilisation target", () => {
    const batched = evaluateCapacityPanel(spec, { ...spec.defaults, serving: "batched", outputTokensPerSecond: 150, promptTokensPerSecond: 1500 });
    expect(batched.allLocal.machines).toBe(2);
    expect(evaluateCapacityPanel(spec, { ...spec.defaults, profileId: "flat-24h" }).allLocal.machines).toBe(5);
    expect(evaluateCapacityPanel(spec, { ...spec.defaults, targetUtilisationPercent: 100 }).allLocal.machines).toBe(8);
  });

  it("survives blank or zero inputs from the page without throwing", () => {
    const result = evaluateCapacityPanel(spec, { ...spec.defaults, outputTokensPerSecond: 0, promptTokensPerSecond: 0, targetUtilisationPercent: 0, weekdayCallsPerDay: 0 });
    expect(result.allLocal.machines).toBe(Math.max(1, Math.ceil(500 / result.callsPerDayPerMachine)));
    expect(Number.isFinite(result.allLocal.totalUsd)).toBe(true);
  });
});
