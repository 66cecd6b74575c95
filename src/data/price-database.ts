/**
 * The bundled price database (`@pydantic/genai-prices`): a dated table of providers' token prices that ships
 * inside the npm package, so roilab can refresh prices offline. Only its synchronous lookup is used; its
 * remote update (`updatePrices`) is never called, so no price lookup touches the network.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { calcPrice as CalcPrice, ModelInfo, ModelPrice, TieredPrices } from "@pydantic/genai-prices";
import { ExitCode, RoilabError } from "../errors";

export const PRICE_DATABASE_PACKAGE = "@pydantic/genai-prices";

let database: { calcPrice: typeof CalcPrice } | undefined;

/**
 * The database's lookup, loaded at its first use rather than at start-up: a damaged install (a truncated file)
 * then fails the price commands, naming the file, and no other command.
 */
function loadDatabase(): { calcPrice: typeof CalcPrice } {
  if (database) return database;
  let file = PRICE_DATABASE_PACKAGE;
  try {
    file = require.resolve(PRICE_DATABASE_PACKAGE);
    // Loaded on first use, see above
    database = require(file) as { calcPrice: typeof CalcPrice };
    return database;
  } catch (error) {
    const where = /^(\/[^\n]*?:\d+)\n/.exec((error as Error).stack ?? "")?.[1] ?? file;
    throw new RoilabError(
      `${where} - the bundled price database cannot be loaded (${(error as Error).name}: ${(error as Error).message.split("\n")[0]}); reinstall it with npm ci`,
      ExitCode.badInput,
    );
  }
}

/** The installed database's version, e.g. `0.1.8`: it dates every price it gives. */
export function priceDatabaseVersion(): string {
  const main = require.resolve(PRICE_DATABASE_PACKAGE);
  // The package exports no package.json; its entry point sits in dist/, one folder below it.
  const manifest = path.join(path.dirname(path.dirname(main)), "package.json");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

/** `@pydantic/genai-prices 0.1.8`, as it appears in data sources and report footers. */
export const priceDatabaseLabel = (version = priceDatabaseVersion()) => `${PRICE_DATABASE_PACKAGE} ${version}`;

/** Prices that apply to a whole call once its input passes a threshold, USD per million tokens. */
export interface LongContextTierPrices {
  /** The tier applies to calls with more input tokens than this. */
  aboveInputTokens: number;
  inputUsdPerMTok: number | undefined;
  outputUsdPerMTok: number | undefined;
  cachedInputUsdPerMTok: number | undefined;
  cacheWriteUsdPerMTok: number | undefined;
}

/** One model's prices as the database gives them on a date, USD per million tokens. */
export interface DatabasePrices {
  /** The `provider:model` the row asked for. */
  ref: string;
  /** The provider and model the database matched, e.g. `anthropic:claude-3-5-haiku-latest`. */
  matched: string;
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  cachedInputUsdPerMTok: number | undefined;
  cacheWriteUsdPerMTok: number | undefined;
  /** The one-hour prompt cache's write price, where the provider has one. */
  cacheWrite1hUsdPerMTok: number | undefined;
  contextTokens: number | undefined;
  longContextTiers: LongContextTierPrices[];
  /** Prices the database sets for a daily window in UTC (DeepSeek's daytime hours); the prices above hold outside them. */
  timeOfDay: TimeOfDayWindowPrices[];
}

/** A daily window in UTC and the prices in force during it, USD per million tokens. */
export interface TimeOfDayWindowPrices {
  /** `utc-0030-1630`: the window's hours, as nothing in the database names it. */
  label: string;
  startMinuteUtc: number;
  endMinuteUtc: number;
  inputUsdPerMTok: number | undefined;
  outputUsdPerMTok: number | undefined;
  cachedInputUsdPerMTok: number | undefined;
  cacheWriteUsdPerMTok: number | undefined;
}

export type PriceLookup = { kind: "found"; prices: DatabasePrices } | { kind: "unknown" } | { kind: "malformed"; problem: string };

/** `provider:model` → its two parts; undefined when either is missing. The model id may itself contain colons. */
export function parsePriceRef(ref: string): { providerId: string; modelId: string } | undefined {
  const colon = ref.indexOf(":");
  const [providerId, modelId] = [ref.slice(0, colon).trim(), ref.slice(colon + 1).trim()];
  return colon > 0 && providerId && modelId ? { providerId, modelId } : undefined;
}

const PRICE_KEYS = {
  inputUsdPerMTok: "input_mtok",
  outputUsdPerMTok: "output_mtok",
  cachedInputUsdPerMTok: "cache_read_mtok",
  cacheWriteUsdPerMTok: "cache_write_mtok",
  cacheWrite1hUsdPerMTok: "cache_write_1h_mtok",
} as const;
type PriceField = keyof typeof PRICE_KEYS;

const isPrice = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value) && value >= 0;

function isTiered(value: unknown): value is TieredPrices {
  if (typeof value !== "object" || value === null) return false;
  const { base, tiers } = value as TieredPrices;
  return (
    isPrice(base) &&
    Array.isArray(tiers) &&
    tiers.every((tier) => isPrice(tier.price) && Number.isSafeInteger(tier.start) && tier.start >= 0)
  );
}

/** The price of one kind of token for a call with `inputTokens` of input: the database's own rule, a tier applies above its start. */
function priceAt(value: number | TieredPrices, inputTokens: number): number {
  if (typeof value === "number") return value;
  let price = value.base;
  for (const tier of [...value.tiers].sort((a, b) => a.start - b.start)) if (inputTokens > tier.start) price = tier.price;
  return price;
}

/** A model price sheet in roilab's terms: base prices, and one tier per distinct threshold any price has. */
export function sheetPrices(
  sheet: ModelPrice,
  ref: string,
): { base: Record<PriceField, number | undefined>; tiers: LongContextTierPrices[] } | string {
  const values = {} as Record<PriceField, number | TieredPrices | undefined>;
  for (const [field, key] of Object.entries(PRICE_KEYS) as Array<[PriceField, string]>) {
    const value = sheet[key];
    if (value !== undefined && !isPrice(value) && !isTiered(value))
      return `${ref}: the database's ${key} is ${JSON.stringify(value)}, not a price`;
    values[field] = value;
  }
  if (values.inputUsdPerMTok === undefined || values.outputUsdPerMTok === undefined)
    return `${ref}: the database gives no input_mtok and output_mtok price`;
  const base = {} as Record<PriceField, number | undefined>;
  const thresholds = new Set<number>();
  for (const field of Object.keys(PRICE_KEYS) as PriceField[]) {
    const value = values[field];
    base[field] = value === undefined ? undefined : typeof value === "number" ? value : value.base;
    if (value !== undefined && typeof value !== "number") for (const tier of value.tiers) thresholds.add(tier.start);
  }
  const tiers = [...thresholds]
    .sort((a, b) => a - b)
    .map((start) => {
      const at = (field: PriceField) =>
        values[field] === undefined ? undefined : priceAt(values[field] as number | TieredPrices, start + 1);
      return {
        aboveInputTokens: start,
        inputUsdPerMTok: at("inputUsdPerMTok"),
        outputUsdPerMTok: at("outputUsdPerMTok"),
        cachedInputUsdPerMTok: at("cachedInputUsdPerMTok"),
        cacheWriteUsdPerMTok: at("cacheWriteUsdPerMTok"),
      };
    });
  return { base, tiers };
}

const MINUTES_PER_DAY = 24 * 60;

/** `HH:MM:SSZ` (the database's time of day, UTC) as minutes since midnight; undefined for anything else. */
function utcMinute(text: string): number | undefined {
  const match = /^(\d{2}):(\d{2})(?::(\d{2}))?Z?$/.exec(text);
  if (!match) return undefined;
  const minute = Number(match[1]) * 60 + Number(match[2]);
  return minute <= MINUTES_PER_DAY && Number(match[3] ?? 0) === 0 ? minute : undefined;
}

/** The daily windows a model's prices are conditioned on, in the database's order. */
function dailyWindows(prices: ModelInfo["prices"]): Array<{ startMinuteUtc: number; endMinuteUtc: number }> | string {
  if (!Array.isArray(prices)) return [];
  const windows: Array<{ startMinuteUtc: number; endMinuteUtc: number }> = [];
  for (const conditional of prices) {
    if (conditional.constraint?.type !== "time_of_date") continue;
    const [start, end] = [utcMinute(conditional.constraint.start_time), utcMinute(conditional.constraint.end_time)];
    if (start === undefined || end === undefined)
      return `a time of day it gives is not HH:MM:SSZ (${conditional.constraint.start_time}–${conditional.constraint.end_time})`;
    windows.push({ startMinuteUtc: start, endMinuteUtc: end });
  }
  return windows;
}

const inWindow = (minute: number, window: { startMinuteUtc: number; endMinuteUtc: number }) =>
  window.startMinuteUtc < window.endMinuteUtc
    ? minute >= window.startMinuteUtc && minute < window.endMinuteUtc
    : minute >= window.startMinuteUtc || minute < window.endMinuteUtc;

const clockLabel = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}${String(minute % 60).padStart(2, "0")}`;

/** The database's answer for a model at an instant, or what is wrong with it. */
function askDatabase(
  ref: string,
  parts: { providerId: string; modelId: string },
  at: Date,
): ReturnType<typeof CalcPrice> | { problem: string } {
  try {
    return loadDatabase().calcPrice({ input_tokens: 0, output_tokens: 0 }, parts.modelId, { providerId: parts.providerId, timestamp: at });
  } catch (error) {
    if (error instanceof RoilabError) throw error;
    // The database checks its own prices as it answers (a negative price throws): that answer is malformed.
    return { problem: `${ref}: the database's answer is malformed (${(error as Error).message.split("\n")[0]})` };
  }
}

/**
 * The database's prices for `provider:model` on a date (prices can change on a start date), offline: the prices in
 * force outside any daily window, and each window's own.
 */
export function lookupPrices(ref: string, asOf: Date): PriceLookup {
  const parts = parsePriceRef(ref);
  if (!parts) return { kind: "malformed", problem: `price_ref ${JSON.stringify(ref)} is not provider:model (e.g. openai:gpt-4o)` };
  const first = askDatabase(ref, parts, asOf);
  if (first === null) return { kind: "unknown" };
  if ("problem" in first) return { kind: "malformed", problem: first.problem };
  const windows = dailyWindows(first.model.prices);
  if (typeof windows === "string") return { kind: "malformed", problem: `${ref}: ${windows}` };
  const dayStart = Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate());
  // The standard prices are those at a minute of the date that no window holds; a window's, those at its first minute.
  const outside = Array.from({ length: MINUTES_PER_DAY }, (_, minute) => minute).find(
    (minute) => !windows.some((window) => inWindow(minute, window)),
  );
  const result = windows.length === 0 || outside === undefined ? first : askDatabase(ref, parts, new Date(dayStart + outside * 60_000));
  if (result === null) return { kind: "unknown" };
  if ("problem" in result) return { kind: "malformed", problem: result.problem };
  const timeOfDay: TimeOfDayWindowPrices[] = [];
  for (const window of windows) {
    const during = askDatabase(ref, parts, new Date(dayStart + window.startMinuteUtc * 60_000));
    if (during === null || "problem" in during)
      return { kind: "malformed", problem: during === null ? `${ref}: the database gives no price inside its own window` : during.problem };
    const prices = sheetPrices(during.model_price, ref);
    if (typeof prices === "string") return { kind: "malformed", problem: prices };
    timeOfDay.push({ label: `utc-${clockLabel(window.startMinuteUtc)}-${clockLabel(window.endMinuteUtc)}`, ...window, ...prices.base });
  }
  const sheet = sheetPrices(result.model_price, ref);
  if (typeof sheet === "string") return { kind: "malformed", problem: sheet };
  const context = result.model.context_window;
  if (context !== undefined && (!Number.isSafeInteger(context) || context <= 0))
    return { kind: "malformed", problem: `${ref}: the database's context_window is ${JSON.stringify(context)}` };
  return {
    kind: "found",
    prices: {
      ref,
      matched: `${result.provider.id}:${result.model.id}`,
      inputUsdPerMTok: sheet.base.inputUsdPerMTok as number,
      outputUsdPerMTok: sheet.base.outputUsdPerMTok as number,
      cachedInputUsdPerMTok: sheet.base.cachedInputUsdPerMTok,
      cacheWriteUsdPerMTok: sheet.base.cacheWriteUsdPerMTok,
      cacheWrite1hUsdPerMTok: sheet.base.cacheWrite1hUsdPerMTok,
      contextTokens: context,
      longContextTiers: sheet.tiers,
      timeOfDay,
    },
  };
}
