import { describe, expect, it } from "vitest";
import {
  cloudCostTable,
  findWorkload,
  headlineVolume,
  selectWorkload,
  workloadAtVolume,
  workloadById,
  workloadCalendar,
  workloadNote,
  workloadOrigin,
} from "../../src/analysis";
import { loadDataset } from "../../src/data";
import { callsPerMonth } from "../../src/model";
import { DATA_2026_DIR, DATA_DIR } from "../helpers/data-folder";

const chapter = loadDataset(DATA_DIR);
const edition = loadDataset(DATA_2026_DIR);

describe("selectWorkload", () => {
  it("makes the chosen workload the default every analysis uses", () => {
    const data = selectWorkload(edition, { workloadId: "agent-example" });
    expect(findWorkload(data).workloadId).toBe("agent-example");
    expect(data.workloads.map((row) => row.workloadId)).toEqual(["agent-example", "typical"]);
    // 59.1's table now bills the example: Claude Sonnet 5 at $0.0422 a call.
    expect(cloudCostTable(data).find((row) => row.model.modelId === "claude-sonnet-5")?.usdPerCall).toBeCloseTo(0.0422, 12);
    expect(data.overrides).toEqual([]);
  });

  it("sets a field for the run, records it, and says so on the page", () => {
    const data = selectWorkload(chapter, { workloadId: "typical", callsPerDay: 2000, inputTokensPerCall: null });
    expect(findWorkload(data).callsPerDay).toBe(2000);
    expect(data.overrides).toEqual([{ file: "workloads.csv", rowId: "typical", label: "calls a day", dataValue: 1000, value: 2000 }]);
    expect(workloadNote(data)).toBe(
      "**Workload `typical`** (workloads.csv): 8,000 input and 1,500 output tokens a call; 2,000 calls a day on 30 days a month. **Set for this run:** calls a day 2,000 (workloads.csv says 1,000).",
    );
    // A value equal to the data's is no override.
    expect(selectWorkload(chapter, { callsPerDay: 1000 }).overrides).toEqual([]);
    expect(() => selectWorkload(chapter, { callsPerDay: -1 })).toThrow(/non-negative/);
    expect(() => selectWorkload(chapter, { workloadId: "nope" })).toThrow(/unknown workload_id "nope"; known: typical/);
  });

  it("moves a weekday/weekend workload by its weekday volume, weekend in step", () => {
    const data = selectWorkload(edition, { workloadId: "agent-example", callsPerDay: 10_000 });
    const workload = findWorkload(data);
    expect(headlineVolume(workload)).toEqual({ callsPerDay: 10_000, unit: "calls a weekday" });
    expect(callsPerMonth(workloadCalendar(data, workload))).toBeCloseTo(10_000 * (365.25 / 12) * (5 / 7), 6);
    expect(workloadNote(data)).toContain(
      "10,000 calls a weekday and 0 a weekend day (America/New_York). **Set for this run:** calls a weekday 10,000 (workloads.csv says 20,000).",
    );
    expect(workloadNote(data)).toContain("800 reasoning tokens on models that reason, 70% of input read from the cache");
    // 10,000 × 5/7 = 7,142.86 calls a calendar day.
    expect(workloadNote(data)).toContain(
      "Where a section counts calls a day, it means the month's calls over its 30.4375 calendar days: 7,143 a day.",
    );
  });

  it("keeps a weekday/weekend workload's split when older code moves its calendar-day volume", () => {
    const workload = findWorkload(selectWorkload(edition, { workloadId: "agent-example" }));
    // 20,000 a weekday over a 30.4375-day month is 14,285.71 a calendar day; half of that is 10,000 a weekday.
    expect(workload.callsPerDay).toBeCloseTo(20_000 * (5 / 7), 9);
    const halved = { ...workload, callsPerDay: workload.callsPerDay / 2 };
    expect(callsPerMonth(workloadCalendar(edition, halved))).toBeCloseTo(
      callsPerMonth(workloadCalendar(edition, workloadAtVolume(workload, 10_000))),
      6,
    );
  });
});

describe("a weekday/weekend workload without a weekend profile", () => {
  it("spreads weekend calls evenly over 24 hours, as workloads.csv documents, not in the weekday's office hours", () => {
    const data = selectWorkload(edition, { workloadId: "agent-example" });
    const workload = { ...findWorkload(data), weekendCallsPerDay: 2400 };
    const weekend = workloadCalendar(data, workload).dayTypes.find((day) => day.name === "weekend");
    expect(weekend?.relativeLoadByHour).toEqual(Array(24).fill(1));
  });
});

describe("where a workload comes from", () => {
  it("is its source's first words, so a page says an example is an example", () => {
    const later = loadDataset(DATA_2026_DIR);
    expect(workloadOrigin(workloadById(later, "agent-example"))).toBe("roilab example workload");
    expect(workloadOrigin(workloadById(later, "typical"))).toBe("Hermes Agent book ch. 59, typical Hermes Agent workload in 59.1");
  });
});
