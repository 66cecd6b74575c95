/** Weekdays and weekend days in calendar months: what a monthly bill split by day type may assume. */

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
      for (let day = 0; day < length; day++) if ((firstDay + day) % DAYS_PER_WEEK >= DAYS_PER_WEEK - WEEKEND_DAYS_PER_WEEK) weekendDays += 1;
      mixes.set(`${length - weekendDays}/${weekendDays}`, { weekdays: length - weekendDays, weekendDays });
    }
  }
  return [...mixes.values()].sort((a, b) => a.weekdays - b.weekdays || a.weekendDays - b.weekendDays);
}

/** Whether some calendar month has exactly this many weekdays and weekend days. */
export function isPossibleDayMix(mix: DayMix): boolean {
  return possibleDayMixes().some((candidate) => candidate.weekdays === mix.weekdays && candidate.weekendDays === mix.weekendDays);
}
