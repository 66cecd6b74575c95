import { describe, expect, it } from "vitest";
import { breakEvenPanelSpec, breakEvenTable } from "../../src/analysis";
import { loadDataset } from "../../src/data";
import { evaluateBreakEvenPanel } from "../../src/panels/break-even";
import { DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);

describe("the 59.3 break-even what-if panel", () => {
  const spec = breakEvenPanelSpec(data, { apiModelIds: ["claude-3-5-sonnet", "gpt-4o", "hermes-4-70b"] });

  it("starts from the chapter's scenario 1: the 4x A100 at $4,337.42 a month breaks even with Claude 3.5 Sonnet at 3,109 calls a day", () => {
    const result = evaluateBreakEvenPanel(spec, spec.defaults);
    // $80,000 / 36 + 1.6 kW × 720 h × $0.10 + $2,000; 8,000 × $3/M + 1,500 × $15/M = $0.0465 a call.
    expect(result.localMonthlyUsd).toBeCloseTo(80_000 / 36 + 115.2 + 2000, 9);
    expect(result.apiUsdPerCall).toBeCloseTo(0.0465, 9);
    expect(result.apiMonthlyUsd).toBeCloseTo(1000 * 0.0465 * 30, 9);
    expect(result.breakEven.breakEvenDailyCalls).toBe(3109);
    expect(result.summary).toBe(
      "4x A100 80GB (Hermes 3 70B) costs $4,337.42 a month; Claude 3.5 Sonnet costs $0.0465 a call. Break-even: 3,109 calls a day. At 1,000 calls a day the API bill is $1,395.00: the API is cheaper.",
    );
    expect(result.figure.layout.title.text).toBe("Figure 59.3w — break-even for your server and traffic");
  });

  it("offers every configuration Figure 59.3b shows, and each with its own operations and electricity gives the figure's break-even", () => {
    expect(spec.hardware.map((machine) => machine.id)).toEqual(data.hardware.map((row) => row.hardwareId));
    const cells = breakEvenTable(data, { apiModelIds: spec.apis.map((api) => api.id) });
    for (const cell of cells) {
      const machine = spec.hardware.find((candidate) => candidate.id === cell.hardwareId)!;
      const own = {
        ...spec.defaults,
        hardwareId: machine.id,
        apiId: cell.apiId,
        opsUsdPerMonth: machine.opsUsdPerMonth,
        electricityUsdPerKwh: machine.electricityUsdPerKwh ?? spec.defaults.electricityUsdPerKwh,
      };
      const result = evaluateBreakEvenPanel(spec, own);
      expect(result.localMonthlyUsd, `${cell.hardwareId} vs ${cell.apiId}`).toBeCloseTo(cell.monthlyLocalUsd, 9);
      expect(result.breakEven.breakEvenDailyCalls, `${cell.hardwareId} vs ${cell.apiId}`).toBe(cell.breakEvenDailyCalls);
    }
    // The RTX 4090 server's own $500 of operations and stated $30 of power, not the A100's $2,000 and kW: 618 a day.
    const rtx = spec.hardware.find((machine) => machine.id === "rtx4090-server")!;
    expect(
      evaluateBreakEvenPanel(spec, { ...spec.defaults, hardwareId: rtx.id, opsUsdPerMonth: rtx.opsUsdPerMonth }).breakEven
        .breakEvenDailyCalls,
    ).toBe(618);
  });

  it("refuses a negative volume or operations cost, and a number too large to be one, rather than compute with them", () => {
    expect(() => evaluateBreakEvenPanel(spec, { ...spec.defaults, callsPerDay: -500 })).toThrow(
      "Calls per day must be from 0 to 100,000,000, not -500",
    );
    expect(() => evaluateBreakEvenPanel(spec, { ...spec.defaults, opsUsdPerMonth: -1 })).toThrow(
      "Operations ($/month) must be from 0 to 10,000,000, not -1",
    );
    expect(() => evaluateBreakEvenPanel(spec, { ...spec.defaults, inputTokensPerCall: Infinity })).toThrow(
      "Input tokens per call needs a number from 0 to 10,000,000",
    );
  });

  it("prices power at the reader's electricity price: at $0.20/kWh the break-even moves to 3,191 calls a day", () => {
    const result = evaluateBreakEvenPanel(spec, { ...spec.defaults, electricityUsdPerKwh: 0.2 });
    // $2,222.22 + 1.6 kW × 720 h × $0.20 + $2,000 = $4,452.62; 4,452.62 / (0.0465 × 30) = 3,191.8.
    expect(result.localMonthlyUsd).toBeCloseTo(80_000 / 36 + 230.4 + 2000, 9);
    expect(result.breakEven.breakEvenDailyCalls).toBe(3191);
  });
});
