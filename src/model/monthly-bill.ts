/**
 * A month of a workload's calls billed as the provider bills them: every call priced by `billCall`, and where
 * the provider prices some hours of the day differently, each local hour's calls at the prices in force then.
 */
import { InputError } from "../errors";
import { billCall, type BilledCall, type CallBill, type PriceSheet, type TokenCosts } from "./billing";
import { callsPerMonth, monthlyCallsByLocalHour, type WorkloadCalendar } from "./calendar";
import { windowShareOfLocalHour, type DailyWindow } from "./time-of-day";

/** Prices in force during a daily window (DeepSeek's daytime hours); a price left out keeps the sheet's own. */
export interface TimeOfDayPrices extends DailyWindow {
  /** What the window is called where a bill names it (`peak`, `off-peak`). */
  label: string;
  inputUsdPerMTok?: number;
  outputUsdPerMTok?: number;
  cachedInputUsdPerMTok?: number;
  cacheWriteUsdPerMTok?: number;
}

/** A price sheet with the daily windows whose prices replace its own. */
export interface TimedPriceSheet extends PriceSheet {
  timeOfDay?: readonly TimeOfDayPrices[];
}

/** Calls and USD of the month that one set of prices billed. */
export interface BillPart {
  /** `standard` for the sheet's own prices, else the window's label. */
  label: string;
  callsPerMonth: number;
  usdPerMonth: number;
  /** The call as billed at these prices. */
  bill: CallBill;
}

export interface MonthlyBill {
  usdPerMonth: number;
  callsPerMonth: number;
  /** The month's bill over its calls: the average call. */
  usdPerCall: number;
  /** The month by kind of token, USD. */
  byTokenKind: TokenCosts;
  /** One part per set of prices that billed calls, standard first. */
  parts: BillPart[];
}

/** The sheet in force at a minute of the day, UTC: a window's prices where one holds that minute. */
export function priceSheetAtUtcMinute(sheet: TimedPriceSheet, minuteUtc: number): PriceSheet {
  const window = (sheet.timeOfDay ?? []).find((candidate) => {
    const { startMinuteUtc: start, endMinuteUtc: end } = candidate;
    return start < end ? minuteUtc >= start && minuteUtc < end : start !== end && (minuteUtc >= start || minuteUtc < end);
  });
  return window ? sheetInWindow(sheet, window) : sheet;
}

/** The sheet as it stands inside a window. */
function sheetInWindow(sheet: PriceSheet, window: TimeOfDayPrices): PriceSheet {
  return {
    ...sheet,
    inputUsdPerMTok: window.inputUsdPerMTok ?? sheet.inputUsdPerMTok,
    outputUsdPerMTok: window.outputUsdPerMTok ?? sheet.outputUsdPerMTok,
    cachedInputUsdPerMTok: window.cachedInputUsdPerMTok ?? sheet.cachedInputUsdPerMTok,
    cacheWriteUsdPerMTok: window.cacheWriteUsdPerMTok ?? sheet.cacheWriteUsdPerMTok,
  };
}

const TOKEN_KINDS = ["uncachedInputUsd", "cacheReadUsd", "cacheWriteUsd", "outputUsd", "reasoningUsd"] as const;

/** The month's bill: each local hour's calls split over the windows they fall in, each part billed at its prices. */
export function monthlyApiBill(sheet: TimedPriceSheet, call: BilledCall, calendar: WorkloadCalendar): MonthlyBill {
  const windows = sheet.timeOfDay ?? [];
  const calls = callsPerMonth(calendar);
  const byHour = windows.length > 0 ? monthlyCallsByLocalHour(calendar) : [];
  const windowParts = windows.map((window) => ({
    label: window.label,
    calls: byHour.reduce(
      (total, hourCalls, hour) => total + hourCalls * windowShareOfLocalHour(window, hour, calendar.utcOffsetMinutes),
      0,
    ),
    bill: billCall(sheetInWindow(sheet, window), call),
  }));
  // The sheet's own prices bill what no window holds; overlapping windows would bill some calls twice.
  const standardCalls = calls - windowParts.reduce((total, part) => total + part.calls, 0);
  if (standardCalls < -1e-9 * Math.max(1, calls)) throw new InputError("time-of-day price windows of one model must not overlap");
  const parts: BillPart[] = [{ label: "standard", calls: Math.max(0, standardCalls), bill: billCall(sheet, call) }, ...windowParts]
    .filter((part, index) => index === 0 || part.calls > 0)
    .map((part) => ({ label: part.label, callsPerMonth: part.calls, usdPerMonth: part.calls * part.bill.usdPerCall, bill: part.bill }));
  const byTokenKind = Object.fromEntries(
    TOKEN_KINDS.map((kind) => [kind, parts.reduce((total, part) => total + part.callsPerMonth * part.bill.byTokenKind[kind], 0)]),
  ) as unknown as TokenCosts;
  const usdPerMonth = parts.reduce((total, part) => total + part.usdPerMonth, 0);
  return {
    usdPerMonth,
    callsPerMonth: calls,
    usdPerCall: calls > 0 ? usdPerMonth / calls : (parts[0] as BillPart).bill.usdPerCall,
    byTokenKind,
    parts,
  };
}
