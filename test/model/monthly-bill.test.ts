import { describe, expect, it } from "vitest";
import {
  busiestHourCalls,
  callsPerMonth,
  calendarDaysPerMonth,
  flatCalendar,
  monthlyApiBill,
  monthlyCallsByLocalHour,
  scaleCalendar,
  utcOffsetMinutes,
  weeklyCalendar,
  windowShareOfLocalHour,
  type TimedPriceSheet,
} from "../../src/model";
import { InputError } from "../../src/errors";

// Calls between 09:00 and 19:00 local time: ten busy hours of equal load.
const officeHours = Array.from({ length: 24 }, (_, hour) => (hour >= 9 && hour < 19 ? 1 : 0));
// DeepSeek's API: its list price from 00:30 to 16:30 UTC, half price the rest of the day.
const deepseek: TimedPriceSheet = {
  inputUsdPerMTok: 0.135,
  outputUsdPerMTok: 0.55,
  cachedInputUsdPerMTok: 0.035,
  timeOfDay: [
    { label: "peak", startMinuteUtc: 30, endMinuteUtc: 990, inputUsdPerMTok: 0.27, outputUsdPerMTok: 1.1, cachedInputUsdPerMTok: 0.07 },
  ],
};

describe("a workload's calendar", () => {
  it("holds the chapter's month: 1,000 calls on each of 30 days is 30,000 calls over 30 days", () => {
    const month = flatCalendar(1000, 30);
    expect(callsPerMonth(month)).toBe(30_000);
    expect(calendarDaysPerMonth(month)).toBe(30);
    expect(busiestHourCalls(month)).toBeCloseTo(1000 / 24, 12);
  });

  it("splits a calendar month of 365.25 / 12 days into 21.74 weekdays and 8.70 weekend days", () => {
    const month = weeklyCalendar({ weekdayCallsPerDay: 20_000, weekendCallsPerDay: 0, weekdayLoadByHour: officeHours });
    expect(calendarDaysPerMonth(month)).toBeCloseTo(30.4375, 12);
    // 20,000 × 30.4375 × 5/7 = 434,821.43 calls.
    expect(callsPerMonth(month)).toBeCloseTo(434_821.428571, 5);
    // The busiest hour holds a tenth of a weekday: 2,000 calls.
    expect(busiestHourCalls(month)).toBeCloseTo(2000, 9);
    const byHour = monthlyCallsByLocalHour(month);
    expect(byHour[8]).toBe(0);
    expect(byHour[9]).toBeCloseTo(43_482.142857, 5);
    expect(callsPerMonth(scaleCalendar(month, 0.5))).toBeCloseTo(217_410.714286, 5);
  });

  it("refuses a day with calls but no hour to put them in, and a profile without 24 hours", () => {
    expect(() =>
      callsPerMonth(
        weeklyCalendar({
          weekdayCallsPerDay: 10,
          weekendCallsPerDay: 5,
          weekdayLoadByHour: officeHours,
          weekendLoadByHour: Array(24).fill(0),
        }),
      ),
    ).not.toThrow();
    expect(() =>
      busiestHourCalls(
        weeklyCalendar({
          weekdayCallsPerDay: 10,
          weekendCallsPerDay: 5,
          weekdayLoadByHour: officeHours,
          weekendLoadByHour: Array(24).fill(0),
        }),
      ),
    ).toThrow(/no hour carries load/);
    expect(() => flatCalendar(10, 30, [1, 2, 3])).toThrow(InputError);
  });
});

describe("time-of-day windows", () => {
  it("places a Beijing hour in a UTC window: 08:00–09:00 in Shanghai is 00:00–01:00 UTC, half of it after 00:30", () => {
    const window = { startMinuteUtc: 30, endMinuteUtc: 990 };
    expect(windowShareOfLocalHour(window, 8, 480)).toBe(0.5);
    expect(windowShareOfLocalHour(window, 9, 480)).toBe(1);
    // 00:00–01:00 Shanghai is 16:00–17:00 UTC: half before 16:30.
    expect(windowShareOfLocalHour(window, 0, 480)).toBe(0.5);
    expect(windowShareOfLocalHour(window, 1, 480)).toBe(0);
    // A window over midnight: 22:00–02:00 UTC holds the UTC hour 23 whole.
    expect(windowShareOfLocalHour({ startMinuteUtc: 1320, endMinuteUtc: 120 }, 23, 0)).toBe(1);
    expect(windowShareOfLocalHour({ startMinuteUtc: 1320, endMinuteUtc: 120 }, 12, 0)).toBe(0);
  });

  it("reads a zone's offset from the runtime's time zone data", () => {
    expect(utcOffsetMinutes("Asia/Shanghai", new Date("2026-11-29T12:00:00Z"))).toBe(480);
    expect(utcOffsetMinutes("UTC", new Date("2026-11-29T12:00:00Z"))).toBe(0);
    expect(utcOffsetMinutes("America/New_York", new Date("2026-07-01T12:00:00Z"))).toBe(-240);
    expect(() => utcOffsetMinutes("Mars/Olympus", new Date())).toThrow(InputError);
  });

  it("reads each zone at each instant once, keeping summer and winter apart, and refuses an unknown zone every time", () => {
    const summer = new Date("2026-07-01T12:00:00Z");
    const winter = new Date("2026-12-01T12:00:00Z");
    expect([
      utcOffsetMinutes("America/New_York", summer),
      utcOffsetMinutes("America/New_York", winter),
      utcOffsetMinutes("America/New_York", summer),
    ]).toEqual([-240, -300, -240]);
    expect(() => utcOffsetMinutes("Mars/Olympus", summer)).toThrow(InputError);
    expect(() => utcOffsetMinutes("Mars/Olympus", summer)).toThrow(InputError);
  });
});

describe("monthlyApiBill", () => {
  const call = { inputTokensPerCall: 10_000, outputTokensPerCall: 1000, cachedInputShare: 0.5 };
  // Standard: (5,000 × 0.135 + 5,000 × 0.035 + 1,000 × 0.55) / 1M = $0.0014; peak: (5,000 × 0.27 + 5,000 × 0.07 + 1,000 × 1.1) / 1M = $0.0028.
  it("bills calls in the peak window at peak prices and the rest at the standard ones", () => {
    // 09:00–19:00 in Shanghai is 01:00–11:00 UTC: all inside 00:30–16:30.
    const beijing = weeklyCalendar({
      weekdayCallsPerDay: 1000,
      weekendCallsPerDay: 0,
      weekdayLoadByHour: officeHours,
      utcOffsetMinutes: 480,
    });
    const inBeijing = monthlyApiBill(deepseek, call, beijing);
    expect(inBeijing.parts.map((part) => part.label)).toEqual(["standard", "peak"]);
    expect(inBeijing.parts[0]?.callsPerMonth).toBeCloseTo(0, 9);
    expect(inBeijing.usdPerCall).toBeCloseTo(0.0028, 12);
    // In New York in winter (UTC−5), 09:00–19:00 is 14:00–24:00 UTC: 2.5 of the 10 hours fall before 16:30.
    const newYork = weeklyCalendar({
      weekdayCallsPerDay: 1000,
      weekendCallsPerDay: 0,
      weekdayLoadByHour: officeHours,
      utcOffsetMinutes: -300,
    });
    const inNewYork = monthlyApiBill(deepseek, call, newYork);
    const calls = 1000 * 30.4375 * (5 / 7);
    expect(inNewYork.callsPerMonth).toBeCloseTo(calls, 9);
    expect(inNewYork.usdPerMonth).toBeCloseTo(calls * (0.25 * 0.0028 + 0.75 * 0.0014), 9);
    expect(inNewYork.byTokenKind.outputUsd).toBeCloseTo(calls * (0.25 * 0.0011 + 0.75 * 0.00055), 9);
  });

  it("equals calls × the call's price when the model has no windows: 1,000 a day for 30 days at $0.0465 is $1,395", () => {
    const bill = monthlyApiBill(
      { inputUsdPerMTok: 3, outputUsdPerMTok: 15 },
      { inputTokensPerCall: 8000, outputTokensPerCall: 1500 },
      flatCalendar(1000, 30),
    );
    expect(bill.usdPerMonth).toBe(30_000 * 0.0465);
    expect(bill.parts).toHaveLength(1);
  });

  it("refuses overlapping windows, which would bill some calls twice", () => {
    const overlapping: TimedPriceSheet = {
      ...deepseek,
      timeOfDay: [...(deepseek.timeOfDay ?? []), { label: "night", startMinuteUtc: 0, endMinuteUtc: 600 }],
    };
    expect(() => monthlyApiBill(overlapping, call, flatCalendar(1000, 30))).toThrow(/must not overlap/);
  });
});
