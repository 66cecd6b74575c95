import { describe, expect, it } from "vitest";
import {
  batchedWhatIf,
  capacityBreakEvenTable,
  capacityFigures,
  caseStudyCapacity,
  opsGrowthSweep,
  sizedCaseStudy,
  trafficProfile,
} from "../../src/analysis/capacity";
import { findHardware } from "../../src/analysis/lookup";
import type { Figure } from "../../src/charts";
import { loadDataset } from "../../src/data";
import { DATA_DIR } from "../helpers/data-folder";
import { title, trace } from "../helpers/figures";
import { fleetCostOf, profileLoads, serverCostSplit } from "../../src/analysis/model-inputs";

const data = loadDataset(DATA_DIR);
const caption = (figure: Figure) => figure.layout.annotations?.at(-1)?.text ?? "";

describe("capacity from data", () => {
  it("reads the office-hours profile's busiest hour as 12 of 116 load units", () => {
    expect(trafficProfile(data, "office-hours").peakHourShare).toBeCloseTo(12 / 116, 12);
    expect(trafficProfile(data).peakHourShare).toBeCloseTo(1 / 24, 12);
    expect(() => trafficProfile(data, "night")).toThrow(/unknown profile_id "night"; known: flat-24h, office-hours/);
  });

  it("splits every server by one rule: hardware per machine, a quarter of the first server's operations per added machine", () => {
    // Itemised: 12,000/36 + 60 = 393.33 of hardware; operations 300, of which 0.25 x 300 = 75 grows with each machine.
    expect(serverCostSplit(findHardware(data, "rtx4090x2-saas"))).toEqual({
      hardwareUsdPerMonth: expect.closeTo(12_000 / 36 + 60, 9),
      opsOneServerUsdPerMonth: 300,
      opsSharePerAddedServer: 0.25,
      opsKnown: true,
    });
    expect(fleetCostOf(findHardware(data, "rtx4090x2-saas"))).toEqual({
      perMachineUsdPerMonth: expect.closeTo(12_000 / 36 + 60 + 75, 9),
      sharedUsdPerMonth: 225,
    });
    // Stated 3,169 with its 2,000 of operations given: 1,169 of hardware, 1,169 + 500 per machine and 1,500 once.
    expect(fleetCostOf(findHardware(data, "a100x2"))).toEqual({ perMachineUsdPerMonth: 1669, sharedUsdPerMonth: 1500 });
    // Stated without an operations part: all of it per machine, and said so.
    expect(serverCostSplit(findHardware(data, "h100x8"))).toMatchObject({
      hardwareUsdPerMonth: 18_500,
      opsOneServerUsdPerMonth: 0,
      opsKnown: false,
    });
    expect(fleetCostOf(findHardware(data, "h100x8"))).toEqual({ perMachineUsdPerMonth: 18_500, sharedUsdPerMonth: 0 });
  });

  it("gives the stated 2x A100 80GB the break-even its own operations imply: 3,109.68 calls a day on 2 servers with operations shared", () => {
    // Office hours: 2,520 s / max(8,000/1,214.7, 1,500/121.47) = 204.07 calls an hour, x 116/12 = 1,972.7 a day per server,
    // below one server's 3,169 / (0.0465 x 30) = 2,271.7, so the second server comes first: (2 x 1,169 + 2,000) / 1.395.
    const shared = {
      ...data,
      hardware: data.hardware.map((row) => (row.hardwareId === "a100x2" ? { ...row, opsSharePerAddedServer: 0 } : row)),
    };
    const row = capacityBreakEvenTable(shared, "claude-3-5-sonnet", { profileId: "office-hours" }).find(
      (candidate) => candidate.hardware.hardwareId === "a100x2",
    );
    expect(row?.breakEven.firstDailyCalls).toBeCloseTo((2 * 1169 + 2000) / 1.395, 6);
    expect(row?.breakEven.machinesAtFirst).toBe(2);
  });

  it("sizes the case study at 11 servers on its office-hours profile: all-local $5,376.67 and hybrid $2,964.24 against the chapter's one server's $693.33 and $1,090.91", () => {
    const study = caseStudyCapacity(data);
    expect(study.profile.profileId).toBe("office-hours");
    expect(study.capacity.secondsPerCall).toBeCloseTo(87.53, 2);
    expect(study.capacity.callsPerDayPerMachine).toBeCloseTo(278.3, 1);
    expect(study.weekday.peakOutputTokensPerSecond).toBeCloseTo(129.31, 2);
    expect(study.weekday.averageOutputTokensPerSecond).toBeCloseTo(52.08, 2);
    const [cloud, local, hybrid] = study.withCapacity.options;
    expect([cloud?.machines, local?.machines, hybrid?.machines]).toEqual([0, 11, 5]);
    // 11 x 393.33 + 300 x (1 + 0.25 x 10) = 4,326.67 + 1,050; hybrid 5 x 393.33 + 300 x 2 + 397.575 of cloud
    // (60% of 77,500 calls at Hermes 4's 8,000 x $0.90/M + 1,500 x $0.90/M = $0.00855) = 1,966.67 + 600 + 397.575.
    expect(local?.totalUsd).toBeCloseTo(5376.67, 2);
    expect(local?.withinBudget).toBe(false);
    expect(hybrid?.totalUsd).toBeCloseTo(5 * (12_000 / 36 + 60) + 600 + 397.575, 6);
    expect(study.withCapacity.cheapestCompliant).toBe("hybrid");
    // 77,500 x $0.00855.
    expect(cloud?.totalUsd).toBeCloseTo(662.625, 6);
    expect(study.asPublished.options.map((option) => +option.totalUsd.toFixed(2))).toEqual([662.63, 693.33, 1090.91]);
  });

  it("needs 5 servers for the case study even spread evenly over 24 hours: all-local $2,566.67, hybrid $1,559.24", () => {
    const study = caseStudyCapacity(data, { profileId: "flat-24h" });
    const [, local, hybrid] = study.withCapacity.options;
    expect([local?.machines, hybrid?.machines]).toEqual([5, 2]);
    // 5 x 393.33 + 300 x 2; hybrid 2 x 393.33 + 300 x 1.25 + 397.575 = 786.67 + 375 + 397.575.
    expect(local?.totalUsd).toBeCloseTo(2566.67, 2);
    expect(hybrid?.totalUsd).toBeCloseTo(2 * (12_000 / 36 + 60) + 375 + 397.575, 6);
  });

  it("leaves the A100 vs Claude break-even where the chapter puts it when served batched, and never reached single-stream", () => {
    const rows = capacityBreakEvenTable(data, "claude-3-5-sonnet");
    const batched = rows.find((row) => row.hardware.hardwareId === "a100x4-70b" && row.throughput.serving === "batched");
    const single = rows.find((row) => row.hardware.hardwareId === "a100x4-70b" && row.throughput.serving === "single_stream");
    expect(batched?.breakEven.firstDailyCalls).toBeCloseTo(3109.26, 2);
    expect(batched?.machinesAtWorkload).toBe(1);
    expect(single?.breakEven.firstDailyCalls).toBe(Infinity);
    expect(rows).toHaveLength(data.throughput.length);
  });
});

describe("Figure 59.7a, servers needed", () => {
  const { machines } = capacityFigures(data);

  it("draws a step line per traffic profile and labels the case study's volumes with their server counts", () => {
    expect(title(machines)).toBe("Figure 59.7a — Servers needed: 2x RTX 4090 server (case study), by traffic profile");
    expect(machines.data.filter((candidate) => (candidate.line as { shape?: string } | undefined)?.shape === "hv")).toHaveLength(2);
    const labels = trace(machines, "servers at the marked volumes");
    // flat-24h at 500 and 3,000 calls/day, then office-hours at the same two.
    expect(labels.text).toEqual(["1", "5", "2", "11"]);
    expect(labels.x).toEqual([500, 3000, 500, 3000]);
    expect(caption(machines)).toContain("data/throughput.csv");
  });

  it("shades where one server carries the day under every profile, and more lightly under the flat one only", () => {
    const shapes = machines.layout.shapes as Array<{ type: string; x0: number; x1: number }>;
    const rects = shapes.filter((shape) => shape.type === "rect");
    expect(rects.map((rect) => Math.round(rect.x1))).toEqual([278, 691]);
  });
});

describe("Figure 59.7b, cost with the servers needed", () => {
  const { cost } = capacityFigures(data);

  it("prices the API at Hermes 4's $0.00855 a call against the chapter's one server and the fleet each profile needs", () => {
    const api = trace(cost, "Hermes 4 70B (Together AI) (API)");
    const x = api.x as number[];
    const y = api.y as number[];
    // 8,000 x $0.90/M + 1,500 x $0.90/M = $0.00855 a call; 10,000 calls a day x 30 days = $2,565.
    expect(y[x.length - 1]).toBeCloseTo(10_000 * 0.00855 * 30, 6);
    expect(trace(cost, "one server at any volume (the chapter)").y).toEqual([12_000 / 36 + 60 + 300, 12_000 / 36 + 60 + 300]);
    const office = trace(cost, "servers needed, office-hours");
    const officeX = office.x as number[];
    const stepAt3000 = officeX.filter((value) => value <= 3000).length - 1;
    expect((office.y as number[])[stepAt3000]).toBeCloseTo(11 * (12_000 / 36 + 60) + 300 * (1 + 0.25 * 10), 6);
  });
});

describe("the 59.7 what-if, served batched", () => {
  const study = caseStudyCapacity(data, { scenarioId: "saas-export", targetUtilisation: 0.7 });
  const whatIf = batchedWhatIf(data, study, {
    outputTokensPerSecond: 150,
    promptTokensPerSecond: 1500,
    weekdayCallsPerDay: 3000,
    targetUtilisation: 0.7,
    maxCallsPerDay: 10_000,
  });

  it("takes 2,436 calls a day per server on office hours, so the case study's 3,000 weekday calls need 2 servers, not 11", () => {
    // Batched, the scarcer rate limits: max(8,000 / 1,500, 1,500 / 150) = 10 s a call; 3,600 × 0.7 / 10 = 252 calls an hour;
    // the busiest office hour carries 12/116 of the day, so 252 × 116 / 12 = 2,436 calls a day.
    expect(whatIf.fleet.callsPerDayPerMachine).toBeCloseTo((252 * 116) / 12, 9);
    expect(whatIf.fleet).toMatchObject({ perMachineUsdPerMonth: expect.closeTo(12_000 / 36 + 60 + 75, 9), sharedUsdPerMonth: 225 });
    const [cloud, local] = whatIf.result.options;
    expect(local?.machines).toBe(2);
    expect(local?.totalUsd).toBeCloseTo(2 * (12_000 / 36 + 60) + 300 * 1.25, 9);
    // 77,500 calls x $0.00855.
    expect(cloud?.totalUsd).toBeCloseTo(662.625, 6);
  });

  it("draws the measured single-stream server against the batched what-if, with the what-if volume marked", () => {
    expect(title(whatIf.figure)).toBe("Figure 59.7a — Servers needed: 2x RTX 4090 server (case study), office-hours, by traffic profile");
    expect(whatIf.figure.data.map((candidate) => candidate.name)).toEqual([
      "single-stream, measured (19.06 tokens/s)",
      "batched, what-if (150 tokens/s)",
      "servers at the marked volumes",
    ]);
    expect(trace(whatIf.figure, "servers at the marked volumes").text).toEqual(["11", "2"]);
  });
});

describe("operations growing with the case study's fleet", () => {
  const study = caseStudyCapacity(data);
  const growth = opsGrowthSweep(data, study);

  it("prices all-local's 11 servers from $4,626.67 (one team) to $7,626.67 (each its own $300), the data's quarter at $5,376.67", () => {
    const allLocal = (share: number) => growth.points.find((point) => point.opsSharePerAddedServer === share)?.result.options[1];
    expect(growth.dataShare).toBe(0.25);
    expect(growth.points.map((point) => point.opsSharePerAddedServer)).toEqual([0, 0.25, 0.5, 1]);
    // 300 x (1 + share x 10) for the 11 servers.
    expect(growth.points.map((point) => point.allLocalOpsUsdPerMonth)).toEqual([300, 1050, 1800, 3300]);
    expect(allLocal(0)?.totalUsd).toBeCloseTo(4626.67, 2);
    expect(allLocal(0.25)?.totalUsd).toBeCloseTo(5376.67, 2);
    expect(allLocal(1)?.totalUsd).toBeCloseTo(11 * 693.33, 1);
    expect([allLocal(0)?.withinBudget, allLocal(1)?.withinBudget]).toEqual([true, false]);
  });

  it("finds the share at which all-local passes the $5,000 budget: (5,000 − 4,626.67) / (300 × 10) = 12.4%", () => {
    expect(growth.allLocalMachines).toBe(11);
    expect(growth.allLocalOverBudgetFromShare).toBeCloseTo((5000 - 4626.6667) / 3000, 6);
    const rich = { ...study, inputs: { ...study.inputs, budgetUsdPerMonth: 10_000 } };
    expect(opsGrowthSweep(data, rich).allLocalOverBudgetFromShare).toBeUndefined();
    const poor = { ...study, inputs: { ...study.inputs, budgetUsdPerMonth: 4000 } };
    expect(opsGrowthSweep(data, poor).allLocalOverBudgetFromShare).toBe(0);
  });

  it("sizes a what-if's volume on the study's server: 9,000 weekday calls need 33 servers all-local", () => {
    // 9,000 / 278.3 calls a day per server on office hours = 32.3, so 33.
    const sized = sizedCaseStudy(study, { ...study.inputs, weekdayCallsPerDay: 9000 });
    expect(sized.options[1]?.machines).toBe(Math.ceil(9000 / study.capacity.callsPerDayPerMachine));
    expect(sized.options[1]?.machines).toBe(33);
  });
});

describe("traffic profiles read once", () => {
  it("hands out a copy each time, so a caller that changes one cannot change the next, and reads a changed table anew", () => {
    const data = loadDataset(DATA_DIR);
    const first = profileLoads(data, "office-hours");
    first.relativeLoadByHour[10] = 999;
    expect(profileLoads(data, "office-hours").relativeLoadByHour[10]).not.toBe(999);
    const doubled = { ...data, trafficProfiles: data.trafficProfiles.map((row) => ({ ...row, relativeLoad: row.relativeLoad * 2 })) };
    expect(profileLoads(doubled, "office-hours").relativeLoadByHour).toEqual(
      profileLoads(data, "office-hours").relativeLoadByHour.map((load) => load * 2),
    );
  });
});
