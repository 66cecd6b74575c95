/** The 59.3 what-if: the page's evaluation against the notebook's routes through the analysis layer, on random inputs. */
import fc from "fast-check";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { breakEvenPanelSpec, breakEvenTable, fleetCostOf, machineCapacity, selectWorkload, serverBreakEven } from "../../src/analysis";
import { findWorkload } from "../../src/analysis/lookup";
import { loadDataset } from "../../src/data";
import { fleetMonthlyCost, machinesNeeded } from "../../src/model";
import { BREAK_EVEN_PANEL, evaluateBreakEvenPanel, OWN_SERVER_ID } from "../../src/panels/break-even";
import { DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);
const editions = [
  { name: "chapter", data, apiModelIds: ["claude-3-5-sonnet", "gpt-4o", "hermes-4-70b"] },
  {
    name: "2026 agent",
    data: selectWorkload(loadDataset(path.join(DATA_DIR, "2026-11")), { workloadId: "agent-example" }),
    apiModelIds: ["claude-sonnet-5", "gpt-6-sol", "hermes-4-70b"],
  },
];

describe("the 59.3 break-even what-if panel", () => {
  const spec = breakEvenPanelSpec(data, { apiModelIds: ["claude-3-5-sonnet", "gpt-4o", "hermes-4-70b"] });

  it("starts from the chapter's scenario 1: the 4x A100 at $4,337.42 a month breaks even with Claude 3.5 Sonnet at 3,109 calls a day", () => {
    const result = evaluateBreakEvenPanel(spec, spec.defaults);
    // $80,000 / 36 + 1.6 kW × 720 h × $0.10 + $2,000; 8,000 × $3/M + 1,500 × $15/M = $0.0465 a call.
    expect(result.localMonthlyUsd).toBeCloseTo(80_000 / 36 + 115.2 + 2000, 9);
    expect(result.apiUsdPerCall).toBeCloseTo(0.0465, 9);
    expect(result.apiMonthlyUsd).toBeCloseTo(1000 * 0.0465 * 30, 9);
    expect(result.breakEven.breakEvenDailyCalls).toBe(3109);
    expect(result.capacity?.servers).toBe(1);
    expect(result.summary).toBe(
      "4x A100 80GB (Hermes 3 70B) costs $4,337.42 a month; Claude 3.5 Sonnet costs $0.0465 a call. Break-even: 3,109 calls a day. " +
        "At 1,000 calls a day one server carries them (it takes about 15,830 a day, served batched at 70% of its measured rate); " +
        "the API bill is $1,395.00: the API is cheaper by $2,942 a month.",
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
    // And the reader's own server beside them, its price and bills typed in.
    const offered = BREAK_EVEN_PANEL.controls(spec).find((control) => control.key === "hardwareId");
    expect(offered && "options" in offered ? offered.options.at(-1) : undefined).toEqual({ id: OWN_SERVER_ID, name: "Your own server" });
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
    expect(() => evaluateBreakEvenPanel(spec, { ...spec.defaults, hardwareId: OWN_SERVER_ID, depreciationMonths: 0 })).toThrow(
      "Written off over (months) must be from 1 to 600, not 0",
    );
    expect(() => evaluateBreakEvenPanel(spec, { ...spec.defaults, hardwareId: OWN_SERVER_ID, capexUsd: -1 })).toThrow(
      "Server price ($) must be from 0 to 1,000,000,000, not -1",
    );
  });

  it("prices power at the reader's electricity price: at $0.20/kWh the break-even moves to 3,191 calls a day", () => {
    const result = evaluateBreakEvenPanel(spec, { ...spec.defaults, electricityUsdPerKwh: 0.2 });
    // $2,222.22 + 1.6 kW × 720 h × $0.20 + $2,000 = $4,452.62; 4,452.62 / (0.0465 × 30) = 3,191.8.
    expect(result.localMonthlyUsd).toBeCloseTo(80_000 / 36 + 230.4 + 2000, 9);
    expect(result.breakEven.breakEvenDailyCalls).toBe(3191);
  });

  it("uses your own server's price, write-off and power only when it is chosen, and the price per kWh only where power is not stated", () => {
    const unused = (hardwareId: string) => BREAK_EVEN_PANEL.unused?.(spec, { ...spec.defaults, hardwareId });
    expect(unused(OWN_SERVER_ID)).toEqual(["electricityUsdPerKwh"]);
    expect(unused("a100x4-70b")).toEqual(["capexUsd", "depreciationMonths", "powerUsdPerMonth"]);
    expect(unused("rtx4090-server")).toEqual(["capexUsd", "depreciationMonths", "powerUsdPerMonth", "electricityUsdPerKwh"]);
  });
});

describe("the 59.3 what-if: your own server", () => {
  for (const edition of editions) {
    it(`gives serverBreakEven's monthly cost, API price and break-even on random servers and calls (${edition.name})`, () => {
      const spec = breakEvenPanelSpec(edition.data, { apiModelIds: edition.apiModelIds });
      const workload = findWorkload(edition.data);
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 5_000_000 }).map((cents) => cents / 100),
          fc.integer({ min: 1, max: 120 }),
          fc.integer({ min: 0, max: 500_000 }).map((cents) => cents / 100),
          fc.integer({ min: 0, max: 2_000_000 }).map((cents) => cents / 100),
          fc.constantFrom(...edition.apiModelIds),
          fc.nat(100_000),
          fc.nat(5_000),
          (capexUsd, depreciationMonths, powerUsdPerMonth, opsUsdPerMonth, apiId, inputTokensPerCall, outputTokensPerCall) => {
            const page = evaluateBreakEvenPanel(spec, {
              ...spec.defaults,
              hardwareId: OWN_SERVER_ID,
              capexUsd,
              depreciationMonths,
              powerUsdPerMonth,
              opsUsdPerMonth,
              apiId,
              inputTokensPerCall,
              outputTokensPerCall,
            });
            const notebook = serverBreakEven(edition.data, {
              hardwareCostUsd: capexUsd,
              depreciationMonths,
              powerUsdPerMonth,
              opsUsdPerMonth,
              apiModelId: apiId,
              workload: { ...workload, inputTokensPerCall, outputTokensPerCall },
            });
            expect(page.localMonthlyUsd).toBeCloseTo(notebook.result.totalMonthlyLocalCost, 6);
            expect(page.apiUsdPerCall).toBeCloseTo(notebook.apiUsdPerCall, 12);
            expect(page.breakEven.breakEvenDailyCalls).toBe(notebook.result.breakEvenDailyCalls);
            // No throughput is measured for a server the reader describes: the panel says so rather than size a fleet.
            expect(page.capacity).toBeUndefined();
            expect(page.summary).toContain("Your own server has no measured throughput");
          },
        ),
        { numRuns: 60 },
      );
    });

    it(`sizes a configuration's fleet as 59.7 does, and marks the reader's volume (${edition.name})`, () => {
      const spec = breakEvenPanelSpec(edition.data, { apiModelIds: edition.apiModelIds });
      const workload = findWorkload(edition.data);
      const measured = spec.hardware.filter((machine) => machine.throughput);
      expect(measured.length).toBeGreaterThan(0);
      fc.assert(
        fc.property(fc.constantFrom(...measured), fc.nat(3_000_000), (machine, callsPerDay) => {
          const page = evaluateBreakEvenPanel(spec, {
            ...spec.defaults,
            hardwareId: machine.id,
            opsUsdPerMonth: machine.opsUsdPerMonth,
            electricityUsdPerKwh: machine.electricityUsdPerKwh ?? spec.defaults.electricityUsdPerKwh,
            callsPerDay,
          });
          // The analysis layer's capacity of the same throughput row, on the workload's own day.
          const row = edition.data.throughput.find(
            (candidate) => candidate.hardwareId === machine.id && candidate.serving === machine.throughput?.serving,
          )!;
          const capacity = machineCapacity(edition.data, row, { workload, profileId: workload.weekdayProfileId });
          const hardware = edition.data.hardware.find((candidate) => candidate.hardwareId === machine.id)!;
          const servers = machinesNeeded(callsPerDay, capacity.callsPerDayPerMachine);
          expect(page.capacity?.callsPerDayPerServer).toBeCloseTo(capacity.callsPerDayPerMachine, 6);
          expect(page.capacity?.servers).toBe(servers);
          expect(page.capacity?.fleetMonthlyUsd).toBeCloseTo(fleetMonthlyCost(servers, fleetCostOf(hardware, workload.daysPerMonth)), 6);
          if (servers > 1)
            expect(page.summary).toContain(`one server is not enough: ${servers.toLocaleString("en-US")} servers are needed`);
          // The verdict says by how much, in whole money a month.
          const difference = Math.round(Math.abs(page.apiMonthlyUsd - page.localAtVolumeUsd));
          if (difference > 0) expect(page.summary).toContain(`cheaper by $${difference.toLocaleString("en-US")} a month`);
          const marked = (page.figure.layout.shapes as Array<{ x0: number }>).map((shape) => shape.x0);
          expect(marked).toContain(callsPerDay);
        }),
        { numRuns: 60 },
      );
    });
  }

  it("warns that one 4x A100 cannot carry a million calls a day, and prices the servers it takes", () => {
    const spec = breakEvenPanelSpec(data, { apiModelIds: ["claude-3-5-sonnet"] });
    const result = evaluateBreakEvenPanel(spec, { ...spec.defaults, callsPerDay: 1_000_000 });
    // 1,000,000 / 15,830.6 a day on a flat day, batched at 70%: 64 servers.
    expect(result.capacity?.servers).toBe(64);
    expect(result.summary).toMatch(/one server is not enough: 64 servers are needed .*: local is cheaper by \$[\d,]+ a month\./);
  });

  it("starts where the notebook's what-if did: a $30,000 server, 36 months, $150 of power and $1,000 of operations (Figure 59.3c)", () => {
    const server = { capexUsd: 30_000, depreciationMonths: 36, powerUsdPerMonth: 150, opsUsdPerMonth: 1000 };
    const spec = breakEvenPanelSpec(data, {
      apiModelIds: ["claude-3-5-sonnet", "gpt-4o", "hermes-4-70b"],
      defaults: { ...server, hardwareId: OWN_SERVER_ID, apiId: "claude-3-5-sonnet" },
    });
    const page = evaluateBreakEvenPanel(spec, spec.defaults);
    const { capexUsd, ...bills } = server;
    const notebook = serverBreakEven(data, {
      ...bills,
      hardwareCostUsd: capexUsd,
      apiModelId: "claude-3-5-sonnet",
      workload: findWorkload(data),
    });
    // $833.33 + $150 + $1,000 = $1,983.33 a month; at $0.0465 a call: 1,421 calls a day.
    expect(page.localMonthlyUsd).toBeCloseTo(notebook.result.totalMonthlyLocalCost, 9);
    expect(page.breakEven.breakEvenDailyCalls).toBe(1421);
    expect(notebook.result.breakEvenDailyCalls).toBe(1421);
    // The same lines: the server's flat month and the API's bill, crossing at the same point.
    const flat = (figure: typeof page.figure) => figure.data.find((trace) => String(trace.name).endsWith("(local)"))?.y as number[];
    expect(flat(page.figure)[0]).toBeCloseTo(flat(notebook.figure)[0] ?? Number.NaN, 9);
    const crossing = (figure: typeof page.figure) => figure.data.find((trace) => trace.name === "Break-even")?.x;
    expect(crossing(page.figure)).toEqual(crossing(notebook.figure));
  });
});
