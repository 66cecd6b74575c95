import { describe, expect, it } from "vitest";
import type { Trace } from "../../src/charts";
import { capacityCostChart, machinesNeededChart } from "../../src/charts/capacity";

const source = { files: ["throughput.csv"], asOf: "2025-09-01" };

describe("Figure 59.7a, servers needed", () => {
  it("steps up exactly where a server fills (builder on its own)", () => {
    const figure = machinesNeededChart([{ id: "p", label: "p", callsPerDayPerMachine: 1000, color: "#000" }], {
      serverName: "S",
      maxCallsPerDay: 3500,
      marks: [],
      provenance: source,
    });
    const line = figure.data[0] as Trace;
    expect(line.x).toEqual([100, 1000, 2000, 3000, 3500]);
    expect(line.y).toEqual([1, 2, 3, 4, 4]);
  });
});

describe("Figure 59.7b, cost with the servers needed", () => {
  it("uses log axes with 1-2-5 ticks (builder on its own)", () => {
    const figure = capacityCostChart(
      [{ label: "f", callsPerDayPerMachine: 500, perMachineUsdPerMonth: 400, sharedUsdPerMonth: 300, color: "#000" }],
      {
        serverName: "S",
        maxCallsPerDay: 5000,
        marks: [{ label: "m", callsPerDay: 1000 }],
        provenance: source,
        api: { name: "A", usdPerCall: 0.01, color: "#111" },
        daysPerMonth: 30,
      },
    );
    expect((figure.layout.xaxis as { type: string; tickvals: number[] }).tickvals).toEqual([100, 200, 500, 1000, 2000, 5000]);
    expect((figure.layout.yaxis as { type: string }).type).toBe("log");
  });
});
