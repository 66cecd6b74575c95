import { describe, expect, it } from "vitest";
import { AVERAGE_DAYS_PER_MONTH, averageDayMix, isPossibleDayMix, possibleDayMixes } from "../../src/model";

describe("weekdays in calendar months", () => {
  it("a month has 20 to 23 weekdays and 8 to 10 weekend days", () => {
    const mixes = possibleDayMixes();
    expect(Math.min(...mixes.map((mix) => mix.weekdays))).toBe(20);
    expect(Math.max(...mixes.map((mix) => mix.weekdays))).toBe(23);
    expect(Math.min(...mixes.map((mix) => mix.weekendDays))).toBe(8);
    expect(Math.max(...mixes.map((mix) => mix.weekendDays))).toBe(10);
  });

  it("no month has 25 weekdays and 5 weekend days; a 30-day month may have 22 and 8", () => {
    expect(isPossibleDayMix({ weekdays: 25, weekendDays: 5 })).toBe(false);
    expect(isPossibleDayMix({ weekdays: 22, weekendDays: 8 })).toBe(true);
    expect(isPossibleDayMix({ weekdays: 20, weekendDays: 10 })).toBe(true);
  });

  it("an average month is 365.25/12 = 30.4375 days: 21.741 weekdays and 8.696 weekend days", () => {
    expect(AVERAGE_DAYS_PER_MONTH).toBe(30.4375);
    const mix = averageDayMix();
    expect(mix.weekdays).toBeCloseTo(152.1875 / 7, 10);
    expect(mix.weekendDays).toBeCloseTo(60.875 / 7, 10);
    expect(averageDayMix(28)).toEqual({ weekdays: 20, weekendDays: 8 });
  });
});
