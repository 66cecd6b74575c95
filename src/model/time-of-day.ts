/**
 * Prices that change with the time of day (DeepSeek's API bills its daytime hours in UTC at one price and the
 * rest at another). A workload's calls are placed by its local hour; a window is set in UTC, so a local hour
 * can fall partly inside it. Calls are taken as spread evenly within their hour.
 */
import { InputError } from "../errors";

const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_HOUR = 60;

/** A daily window in UTC, from `startMinuteUtc` up to `endMinuteUtc`; a window whose end is not after its start runs over midnight. */
export interface DailyWindow {
  startMinuteUtc: number;
  endMinuteUtc: number;
}

function checkMinute(minute: number, name: string): void {
  if (!(Number.isInteger(minute) && minute >= 0 && minute <= MINUTES_PER_DAY))
    throw new InputError(`${name} must be a whole minute of the day from 0 to 1440, got ${minute}`);
}

/** Minutes of [from, to) (both within 0–1440) that lie inside [start, end) of the same day. */
function overlap(from: number, to: number, start: number, end: number): number {
  return Math.max(0, Math.min(to, end) - Math.max(from, start));
}

/** Minutes of the UTC span [from, from + length) inside the window, over a midnight if need be. */
function minutesInside(window: DailyWindow, from: number, length: number): number {
  const start = window.startMinuteUtc;
  const end = window.endMinuteUtc > start ? window.endMinuteUtc : window.endMinuteUtc + MINUTES_PER_DAY;
  const spanStart = ((from % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  let inside = 0;
  // The window may reach into the next day, and the span too: compare against the window and its copy a day on.
  for (const shift of [-MINUTES_PER_DAY, 0, MINUTES_PER_DAY]) inside += overlap(spanStart, spanStart + length, start + shift, end + shift);
  return inside;
}

/** Share (0–1) of the local hour `hour` that falls inside the window, on a clock `utcOffsetMinutes` ahead of UTC. */
export function windowShareOfLocalHour(window: DailyWindow, hour: number, utcOffsetMinutes: number): number {
  checkMinute(window.startMinuteUtc, "window start");
  checkMinute(window.endMinuteUtc, "window end");
  if (!(Number.isInteger(hour) && hour >= 0 && hour < 24)) throw new InputError(`hour must be a whole number from 0 to 23, got ${hour}`);
  if (window.startMinuteUtc === window.endMinuteUtc) return 0;
  return minutesInside(window, hour * MINUTES_PER_HOUR - utcOffsetMinutes, MINUTES_PER_HOUR) / MINUTES_PER_HOUR;
}

/**
 * Minutes `timeZone`'s clock is ahead of UTC at the instant `at` (Asia/Shanghai: 480). A zone with summer time
 * has one offset per season: the caller picks the instant, roilab the date its prices are as of.
 */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
  // Reading a zone's offset builds an Intl formatter, the slowest step of pricing a month: a decision asks for the
  // same zone at the same instant thousands of times.
  const key = `${timeZone}@${at.getTime()}`;
  const known = OFFSETS.get(key);
  if (known !== undefined) return known;
  const offset = readUtcOffsetMinutes(timeZone, at);
  if (OFFSETS.size >= MAX_OFFSETS) OFFSETS.clear();
  OFFSETS.set(key, offset);
  return offset;
}

/** Offsets read so far, by zone and instant; cleared when full, so a long-running preview cannot grow it without end. */
const OFFSETS = new Map<string, number>();
const MAX_OFFSETS = 1024;

function readUtcOffsetMinutes(timeZone: string, at: Date): number {
  let name: string | undefined;
  try {
    name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
      .formatToParts(at)
      .find((part) => part.type === "timeZoneName")?.value;
  } catch {
    throw new InputError(`unknown time zone ${JSON.stringify(timeZone)}`);
  }
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? "");
  if (!match) throw new InputError(`cannot read the UTC offset of time zone ${JSON.stringify(timeZone)} (${name})`);
  if (!match[1]) return 0;
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * MINUTES_PER_HOUR + Number(match[3]));
}
