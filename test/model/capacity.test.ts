import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  callsPerHourPerMachine,
  capacityBreakEven,
  fleetCostOfSplit,
  fleetMonthlyCost,
  fleetOpsUsdPerMonth,
  machineSecondsPerCall,
  machinesNeeded,
  peakDemand,
  peakHourShare,
  type MachineThroughput,
} from "../../src/model";

const call = { inputTokensPerCall: 8000, outputTokensPerCall: 1500 };
// 2x RTX 4090, llama.cpp, 70B Q4_K_M (data/throughput.csv)
const twoRtx4090: MachineThroughput = { serving: "single_stream", outputTokensPerSecond: 19.06, promptTokensPerSecond: 905.38 };

describe("peak demand", () => {
  it("gives a flat day 1/24 of its calls in each hour and an uneven day its busiest hour's share", () => {
    expect(peakHourShare(Array(24).fill(1))).toBeCloseTo(1 / 24, 12);
    const office = [1, 1, 1, 1, 1, 1, 1, 1, 4, 10, 12, 12, 6, 10, 12, 12, 11, 8, 4, 2, 2, 1, 1, 1];
    expect(peakHourShare(office)).toBeCloseTo(12 / 116, 12);
  });

  it("rejects a profile that is not 24 non-negative hours with some load", () => {
    expect(() => peakHourShare([1, 2])).toThrow(/24 hourly loads/);
    expect(() => peakHourShare(Array(24).fill(0))).toThrow(/carry load/);
    expect(() => peakHourShare([...Array(23).fill(1), -1])).toThrow(/non-negative/);
  });

  it("turns the case study's 3,000 weekday calls into 52.08 output tokens/s over 24 hours, 125 calls in a flat peak hour", () => {
    const demand = peakDemand({ ...call, callsPerDay: 3000, peakHourShare: 1 / 24 });
    expect(demand.averageOutputTokensPerSecond).toBeCloseTo(52.083, 3);
    expect(demand.peakCallsPerHour).toBeCloseTo(125, 9);
    expect(demand.peakOutputTokensPerSecond).toBeCloseTo(52.083, 3);
    expect(demand.peakPromptTokensPerSecond).toBeCloseTo(277.78, 2);
  });
});

describe("machine capacity", () => {
  it("adds prefill and generation time for a single-stream server: 87.53 s of the 2x RTX 4090 per call", () => {
    expect(machineSecondsPerCall(call, twoRtx4090)).toBeCloseTo(8000 / 905.38 + 1500 / 19.06, 9);
    expect(machineSecondsPerCall(call, twoRtx4090)).toBeCloseTo(87.53, 2);
  });

  it("takes the longer phase for a batching server, which overlaps them", () => {
    const batched: MachineThroughput = { serving: "batched", outputTokensPerSecond: 392.62, promptTokensPerSecond: 3926.2 };
    expect(machineSecondsPerCall(call, batched)).toBeCloseTo(1500 / 392.62, 9);
    expect(machineSecondsPerCall({ inputTokensPerCall: 100_000, outputTokensPerCall: 10 }, batched)).toBeCloseTo(100_000 / 3926.2, 9);
  });

  it("plans each machine at the target utilisation: 28.79 calls/hour for the 2x RTX 4090 at 70%", () => {
    expect(callsPerHourPerMachine(call, twoRtx4090)).toBeCloseTo(28.79, 2);
    expect(callsPerHourPerMachine(call, twoRtx4090, { targetUtilisation: 1 })).toBeCloseTo(41.13, 2);
    expect(() => callsPerHourPerMachine(call, twoRtx4090, { targetUtilisation: 0 })).toThrow(/targetUtilisation/);
    expect(() => machineSecondsPerCall(call, { ...twoRtx4090, outputTokensPerSecond: 0 })).toThrow(/positive/);
  });

  it("needs 5 such servers for the case study's weekday even spread over 24 hours, and always at least one", () => {
    expect(machinesNeeded(125, callsPerHourPerMachine(call, twoRtx4090))).toBe(5);
    expect(machinesNeeded(0, 10)).toBe(1);
    expect(machinesNeeded(20, 10)).toBe(2);
  });

  it("never plans a machine beyond its capacity (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0.01, max: 1e4, noNaN: true }), (peak, perMachine) => {
        const machines = machinesNeeded(peak, perMachine);
        expect(machines * perMachine).toBeGreaterThanOrEqual(peak * (1 - 1e-9));
        if (machines > 1) expect((machines - 1) * perMachine).toBeLessThan(peak);
      }),
    );
  });
});

describe("capacityBreakEven", () => {
  const fleetAt = (callsPerDay: number, perMachine: number, shared: number, perDay: number) =>
    fleetMonthlyCost(machinesNeeded(callsPerDay, perDay), { perMachineUsdPerMonth: perMachine, sharedUsdPerMonth: shared });

  it("equals the chapter's break-even when one machine carries that volume", () => {
    // A100 x4 against Claude: $2,337.42 hardware + $2,000 ops, $0.0465 a call; one machine takes 15,000 calls/day.
    const result = capacityBreakEven({
      perMachineUsdPerMonth: 2337.22,
      sharedUsdPerMonth: 2000,
      callsPerDayPerMachine: 15_000,
      apiUsdPerCall: 0.0465,
    });
    expect(result.uncappedDailyCalls).toBeCloseTo(4337.22 / (0.0465 * 30), 6);
    expect(result.firstDailyCalls).toBeCloseTo(result.uncappedDailyCalls, 6);
    expect(result.machinesAtFirst).toBe(1);
    expect(result.sustainedFromDailyCalls).toBeCloseTo(result.uncappedDailyCalls, 6);
  });

  it("is never reached when a full machine costs more than the API bill for its calls", () => {
    // The case study's server at $393.33 a machine + $300 ops takes 691 calls/day; 691 × $0.009 × 30 = $186.
    const result = capacityBreakEven({
      perMachineUsdPerMonth: 393.33,
      sharedUsdPerMonth: 300,
      callsPerDayPerMachine: 691,
      apiUsdPerCall: 0.009,
    });
    expect(result.firstDailyCalls).toBe(Infinity);
    expect(result.sustainedFromDailyCalls).toBe(Infinity);
    expect(result.localUsdPerCallAtFullLoad).toBeCloseTo(393.33 / (691 * 30), 9);
  });

  it("finds a first break-even that later steps lose again, until machines are full enough to stay ahead", () => {
    // $500 a machine, 1,000 calls/day each, $0.02 a call: one machine pays from 833/day; each added machine
    // costs more than the API at its first calls, until the sixth, whose first call finds the API at $3,000 = 6 × $500.
    const result = capacityBreakEven({
      perMachineUsdPerMonth: 500,
      sharedUsdPerMonth: 0,
      callsPerDayPerMachine: 1000,
      apiUsdPerCall: 0.02,
    });
    expect(result.firstDailyCalls).toBeCloseTo(833.33, 2);
    expect(result.machinesAtFirst).toBe(1);
    expect(result.sustainedFromDailyCalls).toBeCloseTo(4166.67, 2);
    expect(fleetAt(1001, 500, 0, 1000)).toBeGreaterThan(1001 * 0.02 * 30);
  });

  it("needs several machines before the first break-even when ops is large against each machine's margin", () => {
    const result = capacityBreakEven({
      perMachineUsdPerMonth: 500,
      sharedUsdPerMonth: 1000,
      callsPerDayPerMachine: 1000,
      apiUsdPerCall: 0.02,
    });
    expect(result.machinesAtFirst).toBe(10);
    expect(result.firstDailyCalls).toBeCloseTo(10_000, 6);
  });

  it("first break-even: the fleet costs no more than the API there and more just below it; beyond the sustained volume local always wins (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 20_000, noNaN: true }),
        fc.double({ min: 0, max: 20_000, noNaN: true }),
        fc.double({ min: 10, max: 50_000, noNaN: true }),
        fc.double({ min: 0.0005, max: 0.1, noNaN: true }),
        fc.double({ min: 1, max: 50, noNaN: true }),
        (perMachine, shared, perDay, apiUsdPerCall, beyond) => {
          const result = capacityBreakEven({
            perMachineUsdPerMonth: perMachine,
            sharedUsdPerMonth: shared,
            callsPerDayPerMachine: perDay,
            apiUsdPerCall,
          });
          const api = (calls: number) => calls * apiUsdPerCall * 30;
          if (!Number.isFinite(result.firstDailyCalls)) {
            for (const calls of [perDay * 0.5, perDay, perDay * 3.7, perDay * 40])
              expect(fleetAt(calls, perMachine, shared, perDay)).toBeGreaterThan(api(calls) * (1 - 1e-9));
            return;
          }
          const first = result.firstDailyCalls;
          expect(fleetAt(first, perMachine, shared, perDay)).toBeLessThanOrEqual(api(first) * (1 + 1e-9));
          expect(fleetAt(first * (1 - 1e-6), perMachine, shared, perDay)).toBeGreaterThan(api(first * (1 - 1e-6)) * (1 - 1e-9));
          if (Number.isFinite(result.sustainedFromDailyCalls)) {
            expect(result.sustainedFromDailyCalls).toBeGreaterThanOrEqual(first * (1 - 1e-9));
            const later = result.sustainedFromDailyCalls * (1 + beyond / 10);
            expect(fleetAt(later, perMachine, shared, perDay)).toBeLessThanOrEqual(api(later) * (1 + 1e-9));
          }
        },
      ),
    );
  });
});

describe("operations that grow with the fleet", () => {
  const caseServer = { hardwareUsdPerMonth: 12_000 / 36 + 60, opsOneServerUsdPerMonth: 300 };

  it("keeps the chapter's one-server point whatever the share, and pays it per server at share 1", () => {
    for (const share of [0, 0.25, 1]) expect(fleetOpsUsdPerMonth(1, { ...caseServer, opsSharePerAddedServer: share })).toBe(300);
    // The case study's 11 servers: shared, 300; a quarter each, 300 x 3.5 = 1,050; each its own, 3,300.
    expect([0, 0.25, 1].map((share) => fleetOpsUsdPerMonth(11, { ...caseServer, opsSharePerAddedServer: share }))).toEqual([
      300, 1050, 3300,
    ]);
    // At share 1 all-local is 11 x 693.33 = 7,626.67.
    expect(fleetMonthlyCost(11, fleetCostOfSplit({ ...caseServer, opsSharePerAddedServer: 1 }))).toBeCloseTo(7626.67, 2);
  });

  it("splits into a per-machine and a fixed part that add back to hardware plus fleet operations (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 500 }),
        (hardware, ops, share, machines) => {
          const split = { hardwareUsdPerMonth: hardware, opsOneServerUsdPerMonth: ops, opsSharePerAddedServer: share };
          expect(fleetMonthlyCost(machines, fleetCostOfSplit(split))).toBeCloseTo(
            machines * hardware + fleetOpsUsdPerMonth(machines, split),
            4,
          );
          expect(fleetOpsUsdPerMonth(machines + 1, split)).toBeGreaterThanOrEqual(fleetOpsUsdPerMonth(machines, split));
        },
      ),
    );
    expect(() => fleetCostOfSplit({ ...caseServer, opsSharePerAddedServer: 1.2 })).toThrow(/between 0 and 1/);
  });
});

describe("where a fleet's first win ends", () => {
  it("ends when the first machines are full if the next one costs more than its calls save, and runs on where it wins for good", () => {
    // One machine $1,000 a month carries 100 calls a day; the API costs $0.40 a call over 30 days: $12 a month per daily call.
    // A full machine's calls cost $1,200 on the API, a margin of $200: with $300 shared, step 2 is the first crossing.
    const result = capacityBreakEven({
      perMachineUsdPerMonth: 1000,
      sharedUsdPerMonth: 300,
      callsPerDayPerMachine: 100,
      apiUsdPerCall: 0.4,
      daysPerMonth: 30,
    });
    expect(result.machinesAtFirst).toBe(2);
    // Step 3 is cheaper from its first call only when 2 × 200 ≥ 1,300: it is not, so the stretch ends at 2 machines full.
    expect(result.firstRunEndsDailyCalls).toBe(200);
    expect(result.sustainedFromDailyCalls).toBeGreaterThan(200);
    const forGood = capacityBreakEven({
      perMachineUsdPerMonth: 100,
      sharedUsdPerMonth: 0,
      callsPerDayPerMachine: 100,
      apiUsdPerCall: 0.4,
      daysPerMonth: 30,
    });
    expect(forGood.firstRunEndsDailyCalls).toBe(Infinity);
  });
});
