import { describe, expect, it } from "vitest";
import { UsageError } from "../../../src/errors";
import { checkTimeZone, isoDate, isWeekend, LocalClock, weekdayOf } from "../../../src/data/usage-log/local-time";

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe("local dates and hours in a time zone", () => {
  it("puts Friday 23:30 UTC on Saturday 07:30 in Asia/Shanghai, and on Friday in UTC", () => {
    const friday = Date.UTC(2026, 10, 6, 23, 30);
    expect(new LocalClock("Asia/Shanghai").at(friday)).toEqual({ dayNumber: day("2026-11-07"), hour: 7 });
    expect(new LocalClock("UTC").at(friday)).toEqual({ dayNumber: day("2026-11-06"), hour: 23 });
    expect(isWeekend(day("2026-11-07"))).toBe(true);
    expect(isWeekend(day("2026-11-06"))).toBe(false);
    expect(weekdayOf(day("1970-01-01"))).toBe(4);
    expect(isoDate(day("2026-11-07"))).toBe("2026-11-07");
  });

  it("follows a zone's change of offset: New York's clocks went back at 06:00 UTC on 2026-11-01", () => {
    const clock = new LocalClock("America/New_York");
    expect(clock.at(Date.UTC(2026, 10, 1, 5, 59))).toEqual({ dayNumber: day("2026-11-01"), hour: 1 });
    expect(clock.at(Date.UTC(2026, 10, 1, 6, 0))).toEqual({ dayNumber: day("2026-11-01"), hour: 1 });
    expect(clock.at(Date.UTC(2026, 10, 1, 7, 0))).toEqual({ dayNumber: day("2026-11-01"), hour: 2 });
    expect(clock.wallClock(Date.UTC(2026, 10, 1, 3, 59, 30))).toBe("2026-10-31 23:59");
  });

  it("gives the same answers from its per-hour cache as from Intl asked each time, in an hour where the offset changes too", () => {
    // Kolkata's half-hour offset; New York's clocks going back; Lord Howe's going back half an hour at 15:00 UTC.
    const cases: Array<[string, number]> = [
      ["Asia/Kolkata", Date.UTC(2026, 10, 6, 18)],
      ["America/New_York", Date.UTC(2026, 10, 1, 4)],
      ["Australia/Lord_Howe", Date.UTC(2026, 3, 4, 13)],
    ];
    for (const [zone, start] of cases) {
      const clock = new LocalClock(zone);
      const format = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "numeric",
      });
      for (let ms = start; ms < start + 4 * 3_600_000; ms += 7_777) {
        const parts = Object.fromEntries(format.formatToParts(ms).map((part) => [part.type, part.value]));
        expect(clock.at(ms), `${zone} ${new Date(ms).toISOString()}`).toEqual({
          dayNumber: day(`${parts.year}-${parts.month}-${parts.day}`),
          hour: Number(parts.hour),
        });
      }
    }
  });

  it("accepts an IANA zone as Intl spells it and refuses one it does not know", () => {
    expect(checkTimeZone("asia/shanghai")).toBe("Asia/Shanghai");
    expect(checkTimeZone("UTC")).toBe("UTC");
    expect(() => checkTimeZone("Mars/Olympus_Mons")).toThrow(UsageError);
    expect(() => checkTimeZone("Mars/Olympus_Mons")).toThrow('--time-zone "Mars/Olympus_Mons" is not a time zone this Node.js knows');
  });
});
