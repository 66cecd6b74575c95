import { z } from "zod";
import { FIRST_YEAR, isCalendarDate, looksLikeIsoDate } from "../util/calendar-date";

/**
 * Column types for roilab's CSV tables: each turns the raw text of a cell into a typed value
 * and says, for error messages, what it expects ("a non-negative number").
 */
export interface Column<T> {
  /** What a valid cell looks like, completing "<column> must be …". */
  readonly expects: string;
  /** A refused cell may say why beyond what `expects` says (a number too large to compute with). */
  readonly parse: (raw: string) => { ok: true; value: T } | { ok: false; reason?: string };
}

/**
 * The sizes a number in the data may have. Costs multiply prices, tokens, calls and days, and divide by months
 * and shares: a price of 1e308 or a depreciation of 1e-320 months passes every sign check, then makes a cost
 * Infinity or NaN. Within these sizes every cost stays a finite number.
 */
const DATA_NUMBER_SIZES = { largest: 1e12, smallestNonZero: 1e-9 } as const;

function sized<T extends number | undefined>(column: Column<T>): Column<T> {
  return {
    expects: column.expects,
    parse(raw) {
      const parsed = column.parse(raw);
      if (!parsed.ok || parsed.value === undefined) return parsed;
      const size = Math.abs(parsed.value);
      if (size <= DATA_NUMBER_SIZES.largest && (size === 0 || size >= DATA_NUMBER_SIZES.smallestNonZero)) return parsed;
      return {
        ok: false,
        reason: `roilab reads numbers from ${DATA_NUMBER_SIZES.smallestNonZero} to ${DATA_NUMBER_SIZES.largest} in size (or 0), so that every cost made of them is a finite number`,
      };
    },
  };
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function fromZod<T>(expects: string, schema: z.ZodType<T, string>): Column<T> {
  return {
    expects,
    parse(raw) {
      const result = schema.safeParse(raw.trim());
      return result.success ? { ok: true, value: result.data } : { ok: false };
    },
  };
}

const numberText = z.string().regex(NUMBER_TEXT).transform(Number);

/** Marks a column as optional: an empty cell is `undefined` (empty is not zero). */
export function optional<T>(column: Column<T>): Column<T | undefined> {
  return {
    expects: `empty or ${column.expects}`,
    parse: (raw) => (raw.trim() === "" ? { ok: true, value: undefined } : column.parse(raw)),
  };
}

export const text = (): Column<string> => fromZod("a non-empty text", z.string().min(1));

export const identifier = (): Column<string> =>
  fromZod("an identifier (letters, digits, '.', '_' or '-')", z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/));

export const nonNegativeNumber = (): Column<number> =>
  sized(fromZod("a non-negative number", numberText.pipe(z.number().finite().nonnegative())));

export const positiveNumber = (): Column<number> => sized(fromZod("a positive number", numberText.pipe(z.number().finite().positive())));

export const positiveInteger = (): Column<number> =>
  sized(fromZod("a positive whole number", numberText.pipe(z.number().int().positive())));

export const nonNegativeInteger = (): Column<number> =>
  sized(fromZod("a non-negative whole number", numberText.pipe(z.number().int().nonnegative())));

/** A fraction from 0 to 1, such as a task's share of calls or a complexity score. */
export const fraction = (): Column<number> => sized(fromZod("a number from 0 to 1", numberText.pipe(z.number().min(0).max(1))));

/** A star rating from 1 to 5. */
export const stars = (): Column<number> => fromZod("a whole number of stars from 1 to 5", numberText.pipe(z.number().int().min(1).max(5)));

export const boolean = (): Column<boolean> =>
  fromZod(
    "true or false",
    z.enum(["true", "false"]).transform((value) => value === "true"),
  );

/** A calendar date, YYYY-MM-DD: a day the calendar has (not 2025-02-30), from FIRST_YEAR on. */
export const isoDate = (): Column<string> => ({
  expects: "a date as YYYY-MM-DD",
  parse(raw) {
    const text = raw.trim();
    if (isCalendarDate(text)) return { ok: true, value: text };
    return looksLikeIsoDate(text) ? { ok: false, reason: `no such day, or before ${FIRST_YEAR}` } : { ok: false };
  },
});

export const oneOf = <const T extends string>(values: readonly T[]): Column<T> =>
  fromZod(`one of ${values.join(", ")}`, z.enum(values as [T, ...T[]]));

/** A list separated by ';', such as `CN;on_premises`. */
export const list = (): Column<string[]> =>
  fromZod(
    "a list of names separated by ';'",
    z
      .string()
      .min(1)
      .transform((value) => value.split(";").map((item) => item.trim()))
      .refine((items) => items.every((item) => item.length > 0)),
  );

/** An IANA time zone name the runtime knows, such as `Asia/Shanghai` or `UTC`. */
export const timeZone = (): Column<string> =>
  fromZod(
    "an IANA time zone name such as Asia/Shanghai or UTC",
    z.string().refine((value) => {
      try {
        new Intl.DateTimeFormat("en-US", { timeZone: value });
        return true;
      } catch {
        return false;
      }
    }),
  );

/** A time of day as HH:MM, 00:00 to 24:00, read as minutes since midnight. */
export const clockTime = (): Column<number> =>
  fromZod(
    "a time of day as HH:MM (00:00 to 24:00)",
    z
      .string()
      .regex(/^\d{2}:\d{2}(:00)?$/)
      .transform((value) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5)))
      .refine((minute) => minute <= 24 * 60 && Number(String(minute % 60)) < 60),
  );

/** A three-letter ISO 4217 currency code in capitals (`USD`, `CNY`, `EUR`). */
/** An ISO 3166-1 alpha-2 country or territory code such as CN or HK. */
export const countryCode = (): Column<string> => fromZod("a two-letter country code such as CN or HK", z.string().regex(/^[A-Z]{2}$/));

export const currencyCode = (): Column<string> =>
  fromZod("a three-letter currency code such as USD or CNY", z.string().regex(/^[A-Z]{3}$/));
