import { describe, expect, it } from "vitest";
import { LocalClock } from "../../../src/data/usage-log/local-time";
import { datesByType, decimalCell, importedRows, UsageSummary } from "../../../src/data/usage-log/summarise";
import type { UsageCall } from "../../../src/data/usage-log/usage-call";

const call = (start: string | undefined, tokens: Partial<UsageCall> = {}): UsageCall => ({
  model: "m",
  provider: "p",
  startMs: start === undefined ? undefined : Date.parse(start),
  inputTokens: 100,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  visibleOutputTokens: 10,
  reasoningTokens: 0,
  ...tokens,
});

/** Friday 23:30 UTC, Monday 01:00 and 02:00 UTC, Tuesday 04:30 UTC, and one call without a time. */
const CALLS = [
  call("2026-11-06T23:30:00Z"),
  call("2026-11-09T01:00:00Z"),
  call("2026-11-09T02:00:00Z"),
  call("2026-11-10T04:30:00Z"),
  call(undefined),
];

function summaryIn(zone: string, calls: readonly UsageCall[] = CALLS) {
  const summary = new UsageSummary(new LocalClock(zone));
  for (const one of calls) summary.add(one);
  return summary;
}

describe("calls by day type and local hour", () => {
  it("counts the Friday 23:30 UTC call on a Saturday in Asia/Shanghai: 4 dates Sat-Tue, 2 weekdays with 3 calls, 2 weekend days with 1", () => {
    const span = summaryIn("Asia/Shanghai").span();
    expect(span?.weekday).toMatchObject({ dates: 2, calls: 3, callsPerDay: 1.5 });
    expect(span?.weekend).toMatchObject({ dates: 2, calls: 1, callsPerDay: 0.5 });
    // Local hours: weekday 09:00, 10:00 and 12:30; weekend 07:30. Each divided by the two dates of its type.
    expect(span?.weekday.callsPerHour.flatMap((load, hour) => (load ? [[hour, load]] : []))).toEqual([
      [9, 0.5],
      [10, 0.5],
      [12, 0.5],
    ]);
    expect(span?.weekend.callsPerHour.flatMap((load, hour) => (load ? [[hour, load]] : []))).toEqual([[7, 0.5]]);
  });

  it("counts the same call on a Friday in UTC: 5 dates Fri-Tue, 3 weekdays with all 4 calls, 2 weekend days with none", () => {
    const summary = summaryIn("UTC");
    const span = summary.span();
    expect(span?.weekday).toMatchObject({ dates: 3, calls: 4 });
    expect(span?.weekday.callsPerDay).toBeCloseTo(4 / 3, 12);
    expect(span?.weekend).toMatchObject({ dates: 2, calls: 0, callsPerDay: 0 });
    expect(summary.timedCalls).toBe(4);
    expect(summary.untimedCalls).toBe(1);
    expect(summary.busiestHour()).toEqual({ hour: 1, share: 0.25 });
  });

  it("counts dates of each type over any span, dates without calls included", () => {
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    expect(datesByType(day("2026-11-02"), day("2026-11-06"))).toEqual({ weekday: 5, weekend: 0 });
    expect(datesByType(day("2026-11-01"), day("2026-11-30"))).toEqual({ weekday: 21, weekend: 9 });
    expect(datesByType(day("2026-11-07"), day("2026-11-07"))).toEqual({ weekday: 0, weekend: 1 });
  });

  it("writes a weekend profile of zeros, and says so, when the span has no weekend date", () => {
    const summary = summaryIn("UTC", [call("2026-11-09T01:00:00Z"), call("2026-11-10T01:00:00Z")]);
    const rows = importedRows(summary, summary.span()!, {
      id: "w",
      fileNames: ["a.jsonl"],
      importedOn: "2026-12-01",
      currentModelId: undefined,
    });
    const weekend = rows.profiles.filter((row) => row.profile_id === "w-weekend");
    expect(weekend).toHaveLength(24);
    expect(new Set(weekend.map((row) => row.relative_load))).toEqual(new Set(["0"]));
    expect(weekend[0]?.source).toBe(
      "no weekend days (Sat, Sun) from 2026-11-09 to 2026-11-10 (UTC): all zeros; roilab workload import on 2026-12-01 from a.jsonl",
    );
    expect(rows.workload).toMatchObject({ weekday_calls_per_day: "1", weekend_calls_per_day: "0", current_model_id: "" });
  });

  it("rounds cells without binary noise", () => {
    expect(decimalCell(4 / 3, 2)).toBe("1.33");
    expect(decimalCell(0.1 + 0.2, 6)).toBe("0.3");
    expect(decimalCell(2, 4)).toBe("2");
  });
});
