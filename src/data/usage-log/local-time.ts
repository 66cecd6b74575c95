/**
 * Local dates and hours of instants in an IANA time zone, for a million calls without a million calls to Intl:
 * a zone's offset is asked at both ends of each UTC hour and, where they agree, reused for every instant in that
 * hour (no zone changes its offset and back within an hour); in an hour where they differ (the hour a zone
 * changes its offset), each instant is asked.
 */
import { UsageError } from "../../errors";

/** A zone name Intl knows, as Intl spells it (`asia/shanghai` → `Asia/Shanghai`); a usage error otherwise. */
export function checkTimeZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new UsageError(
      `--time-zone ${JSON.stringify(zone)} is not a time zone this Node.js knows; give an IANA name such as UTC, Europe/Berlin or Asia/Shanghai`,
    );
  }
}

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
/** Over eleven years of hours; the cache is emptied when it passes this, so memory stays bounded. */
const MAX_CACHED_HOURS = 100_000;

export interface LocalInstant {
  /** The local calendar date as days since 1970-01-01. */
  dayNumber: number;
  /** The local hour, 0–23. */
  hour: number;
}

/** 0 Sunday … 6 Saturday, of a day number (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export const isWeekend = (dayNumber: number) => weekdayOf(dayNumber) === 0 || weekdayOf(dayNumber) === 6;

/** A day number as YYYY-MM-DD. */
export function isoDate(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export class LocalClock {
  private readonly format: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();

  constructor(readonly zone: string) {
    this.format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  }

  /** Local wall-clock time minus UTC at a whole second, in milliseconds. */
  private offsetAt(secondMs: number): number {
    const parts: Record<string, number> = {};
    for (const part of this.format.formatToParts(secondMs)) if (part.type !== "literal") parts[part.type] = Number(part.value);
    const wallMs = Date.UTC(
      parts.year as number,
      (parts.month as number) - 1,
      parts.day as number,
      parts.hour as number,
      parts.minute as number,
      parts.second as number,
    );
    return wallMs - secondMs;
  }

  private offsetFor(ms: number): number {
    const hour = Math.floor(ms / MS_PER_HOUR);
    const cached = this.offsets.get(hour);
    if (cached !== undefined) return cached;
    const start = hour * MS_PER_HOUR;
    const offset = this.offsetAt(start);
    if (this.offsetAt(start + MS_PER_HOUR - 1000) !== offset) return this.offsetAt(Math.floor(ms / 1000) * 1000);
    if (this.offsets.size >= MAX_CACHED_HOURS) this.offsets.clear();
    this.offsets.set(hour, offset);
    return offset;
  }

  /** The local date and hour of an instant. */
  at(ms: number): LocalInstant {
    const local = ms + this.offsetFor(ms);
    return { dayNumber: Math.floor(local / MS_PER_DAY), hour: new Date(local).getUTCHours() };
  }

  /** YYYY-MM-DD HH:MM local time, for printing. */
  wallClock(ms: number): string {
    return new Date(ms + this.offsetFor(ms)).toISOString().slice(0, 16).replace("T", " ");
  }
}
