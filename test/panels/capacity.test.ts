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
    expect(result.summary).toContain("all local needs 11 servers, $5,376.67 a month");
    expect(result.figure.layout.title.text).toBe("Figure 59.7w — servers needed for your throughput and traffic");
  });

  it("needs fewer servers with batching, a flatter day or a higher utilisation target", () => {
    const batched = evaluateCapacityPanel(spec, {
      ...spec.defaults,
      serving: "batched",
      outputTokensPerSecond: 150,
      promptTokensPerSecond: 1500,
    });
    expect(batched.allLocal.machines).toBe(2);
    expect(evaluateCapacityPanel(spec, { ...spec.defaults, profileId: "flat-24h" }).allLocal.machines).toBe(5);
    expect(evaluateCapacityPanel(spec, { ...spec.defaults, targetUtilisationPercent: 100 }).allLocal.machines).toBe(8);
  });

  it("refuses a zero throughput and a utilisation outside 1–100% rather than clamp them", () => {
    expect(() => evaluateCapacityPanel(spec, { ...spec.defaults, outputTokensPerSecond: 0 })).toThrow(
      "Output tokens/s per server must be from 0.01 to 1,000,000, not 0",
    );
    expect(() => evaluateCapacityPanel(spec, { ...spec.defaults, targetUtilisationPercent: 0 })).toThrow(
      "Planned utilisation (%) must be from 1 to 100, not 0",
    );
    expect(() => evaluateCapacityPanel(spec, { ...spec.defaults, targetUtilisationPercent: 150 })).toThrow(
      "Planned utilisation (%) must be from 1 to 100, not 150",
    );
    expect(() => evaluateCapacityPanel(spec, { ...spec.defaults, weekdayCallsPerDay: Number.NaN })).toThrow(
      "Weekday calls per day needs a number from 0 to 100,000,000",
    );
  });

  it("starts from defaults that fit their inputs' steps", () => {
    expect(() => evaluateCapacityPanel(spec, spec.defaults)).not.toThrow();
    expect(spec.defaults.outputTokensPerSecond).toBe(19.06);
    expect(spec.defaults.promptTokensPerSecond).toBe(905.38);
  });
});
