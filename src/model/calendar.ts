/** Weekdays and weekend days in calendar months: what a monthly bill split by day type may assume. */
import { InputError } from "../errors";
import { HOURS_PER_DAY } from "./cloud-cost";

/** Days in an average Gregorian-style month of the Julian year (365.25 / 12 = 30.4375). */
export const AVERAGE_DAYS_PER_MONTH = 365.25 / 12;

const DAYS_PER_WEEK = 7;
const WEEKEND_DAYS_PER_WEEK = 2;

export interface DayMix {
  weekdays: number;
  weekendDays: number;
}

/** Weekdays and weekend days in a month of `days` days on average over the starting day of the week. */
export function averageDayMix(days: number = AVERAGE_DAYS_PER_MONTH): DayMix {
  const weekendDays = (days * WEEKEND_DAYS_PER_WEEK) / DAYS_PER_WEEK;
  return { weekdays: days - weekendDays, weekendDays };
}

/** Every weekday/weekend split a calendar month can have (28 to 31 days, starting on any day of the week). */
export function possibleDayMixes(): DayMix[] {
  const mixes = new Map<string, DayMix>();
  for (let length = 28; length <= 31; length++) {
    for (let firstDay = 0; firstDay < DAYS_PER_WEEK; firstDay++) {
      // Day of week 5 and 6 are the weekend, counting the month's first day as `firstDay`.
      let weekendDays = 0;
      for (let day = 0; day < length; day++)
        if ((firstDay + day) % DAYS_PER_WEEK >= DAYS_PER_WEEK - WEEKEND_DAYS_PER_WEEK) weekendDays += 1;
      mixes.set(`${length - weekendDays}/${weekendDays}`, { weekdays: length - weekendDays, weekendDays });
    }
  }
  return [...mixes.values()].sort((a, b) => a.weekdays - b.weekdays || a.weekendDays - b.weekendDays);
}

/** Whether some calendar month has exactly this many weekdays and weekend days. */
export function isPossibleDayMix(mix: DayMix): boolean {
  return possibleDayMixes().some((candidate) => candidate.weekdays === mix.weekdays && candidate.weekendDays === mix.weekendDays);
}

/** One kind of day in a workload's month: how many there are, how busy each is, and how its calls fall by hour. */
export interface DayType {
  /** `every day` for a workload whose days are all alike (the chapter's), else `weekday` or `weekend`. */
  name: "every day" | "weekday" | "weekend";
  /** Days of this kind in the month (may be fractional: an average month). */
  daysPerMonth: number;
  /** Calls on one such day. */
  callsPerDay: number;
  /** Relative load of each local hour 0–23 (any scale); all zero only where the day has no calls. */
  relativeLoadByHour: readonly number[];
}

/**
 * A workload's month: its kinds of day, in the workload's own time zone. Fixed costs (depreciation, salaries,
 * always-on rent and power) are paid for every calendar day of it; per-call costs for the calls it holds.
 */
export interface WorkloadCalendar {
  dayTypes: readonly DayType[];
  /** Minutes the workload's local clock is ahead of UTC (Asia/Shanghai: 480), for prices set by the hour in UTC. */
  utcOffsetMinutes: number;
}

const FLAT_DAY = Array<number>(HOURS_PER_DAY).fill(1);

function checkLoads(loads: readonly number[], name: string): void {
  if (loads.length !== HOURS_PER_DAY) throw new InputError(`${name}: expected 24 hourly loads, got ${loads.length}`);
  if (loads.some((load) => !(load >= 0 && Number.isFinite(load))))
    throw new InputError(`${name}: hourly loads must be non-negative numbers`);
}

/** The chapter's calendar: `callsPerDay` on each of `daysPerMonth` alike days (30 in the chapter), spread by `relativeLoadByHour` (default evenly). */
export function flatCalendar(
  callsPerDay: number,
  daysPerMonth: number,
  relativeLoadByHour: readonly number[] = FLAT_DAY,
  utcOffsetMinutes = 0,
): WorkloadCalendar {
  if (!(daysPerMonth > 0)) throw new InputError(`days_per_month must be positive, got ${daysPerMonth}`);
  if (!(callsPerDay >= 0)) throw new InputError(`calls_per_day must not be negative, got ${callsPerDay}`);
  checkLoads(relativeLoadByHour, "every day");
  return { dayTypes: [{ name: "every day", daysPerMonth, callsPerDay, relativeLoadByHour }], utcOffsetMinutes };
}

/** A calendar month (365.25 / 12 days) of weekdays and weekend days, each with its own volume and hourly shape. */
export function weeklyCalendar(options: {
  weekdayCallsPerDay: number;
  weekendCallsPerDay: number;
  weekdayLoadByHour?: readonly number[];
  weekendLoadByHour?: readonly number[];
  utcOffsetMinutes?: number;
}): WorkloadCalendar {
  const mix = averageDayMix();
  const weekday = options.weekdayLoadByHour ?? FLAT_DAY;
  const weekend = options.weekendLoadByHour ?? weekday;
  checkLoads(weekday, "weekday");
  checkLoads(weekend, "weekend");
  for (const [name, calls] of [
    ["weekday_calls_per_day", options.weekdayCallsPerDay],
    ["weekend_calls_per_day", options.weekendCallsPerDay],
  ] as const) {
    if (!(calls >= 0 && Number.isFinite(calls))) throw new InputError(`${name} must be a non-negative number, got ${calls}`);
  }
  return {
    dayTypes: [
      { name: "weekday", daysPerMonth: mix.weekdays, callsPerDay: options.weekdayCallsPerDay, relativeLoadByHour: weekday },
      { name: "weekend", daysPerMonth: mix.weekendDays, callsPerDay: options.weekendCallsPerDay, relativeLoadByHour: weekend },
    ],
    utcOffsetMinutes: options.utcOffsetMinutes ?? 0,
  };
}

/** Calls in each local hour 0–23 of one day of this kind. A day whose hours all carry no load has no calls to place and must have none. */
export function callsByHour(day: DayType): number[] {
  const total = day.relativeLoadByHour.reduce((sum, load) => sum + load, 0);
  if (!(total > 0)) {
    if (day.callsPerDay > 0) throw new InputError(`${day.name}: ${day.callsPerDay} calls a day but no hour carries load`);
    return Array<number>(HOURS_PER_DAY).fill(0);
  }
  return day.relativeLoadByHour.map((load) => (day.callsPerDay * load) / total);
}

/** Calendar days in the month: what always-on costs are paid for. */
export const calendarDaysPerMonth = (calendar: WorkloadCalendar): number =>
  calendar.dayTypes.reduce((sum, day) => sum + day.daysPerMonth, 0);

/** Calls in the month. */
export const callsPerMonth = (calendar: WorkloadCalendar): number =>
  calendar.dayTypes.reduce((sum, day) => sum + day.callsPerDay * day.daysPerMonth, 0);

/** Calls in each local hour 0–23, summed over the month. */
export function monthlyCallsByLocalHour(calendar: WorkloadCalendar): number[] {
  const byHour = Array<number>(HOURS_PER_DAY).fill(0);
  for (const day of calendar.dayTypes)
    callsByHour(day).forEach((calls, hour) => {
      byHour[hour] = (byHour[hour] as number) + calls * day.daysPerMonth;
    });
  return byHour;
}

/** The most calls any single hour of any day holds: what a fleet is sized for. */
export const busiestHourCalls = (calendar: WorkloadCalendar): number => Math.max(0, ...calendar.dayTypes.flatMap(callsByHour));

/** The same month with every day's volume times `factor`: how break-evens move a workload up and down. */
export function scaleCalendar(calendar: WorkloadCalendar, factor: number): WorkloadCalendar {
  if (!(factor >= 0 && Number.isFinite(factor))) throw new InputError(`scale factor must be a non-negative number, got ${factor}`);
  return { ...calendar, dayTypes: calendar.dayTypes.map((day) => ({ ...day, callsPerDay: day.callsPerDay * factor })) };
}
