/**
 * One workload, read one way for everything: its calendar (kinds of day, volumes, hourly shape, time zone) and
 * its call as each model bills it. Every notebook, table, panel and command goes through here.
 */
import type { Dataset, WorkloadRow } from "../data";
import { InputError } from "../errors";
import { averageDayMix } from "../model";
import { currencyNote } from "./currency";
import { WORKLOAD_WORDS } from "../i18n/workload";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import { byIdOrFirst } from "./lookup";
import { isWeeklyWorkload } from "./model-inputs";

/** The workload with this id, or the data's first (its default). */
export function workloadById(data: Dataset, workloadId?: string): WorkloadRow {
  return byIdOrFirst(data.workloads, workloadId, (row) => row.workloadId, "workload_id", "workloads.csv");
}

/** Where a workload comes from, in its source's first words: "roilab example workload", "Hermes Agent book ch. 59, typical Hermes Agent workload in 59.1". */
export const workloadOrigin = (workload: WorkloadRow): string => workload.source.split(/[:;：；]/)[0]?.trim() ?? "";

/** The same workload at another volume in its own unit (weekday calls for a weekday/weekend workload, else calls a day). */
export function workloadAtVolume(workload: WorkloadRow, volumePerDay: number): WorkloadRow {
  if (!(volumePerDay >= 0 && Number.isFinite(volumePerDay)))
    throw new InputError(`a volume must be a non-negative number of calls a day, got ${volumePerDay}`);
  if (!isWeeklyWorkload(workload)) return { ...workload, callsPerDay: volumePerDay };
  const weekday = workload.weekdayCallsPerDay ?? 0;
  const factor = weekday > 0 ? volumePerDay / weekday : 0;
  return {
    ...workload,
    callsPerDay: workload.callsPerDay * factor,
    weekdayCallsPerDay: volumePerDay,
    weekendCallsPerDay: (workload.weekendCallsPerDay ?? 0) * factor,
  };
}

/** The workload's volume in its own unit, and that unit's name. */
export function headlineVolume(workload: WorkloadRow): { callsPerDay: number; unit: "calls a weekday" | "calls a day" } {
  return isWeeklyWorkload(workload)
    ? { callsPerDay: (workload.weekdayCallsPerDay ?? 0) * (workload.callsPerDay / calendarDayVolume(workload)), unit: "calls a weekday" }
    : { callsPerDay: workload.callsPerDay, unit: "calls a day" };
}

/** What the stated weekday/weekend volumes come to per calendar day, before any scaling. */
function calendarDayVolume(workload: WorkloadRow): number {
  const mix = averageDayMix();
  const perDay =
    ((workload.weekdayCallsPerDay ?? 0) * mix.weekdays + (workload.weekendCallsPerDay ?? 0) * mix.weekendDays) /
    (mix.weekdays + mix.weekendDays);
  return perDay > 0 ? perDay : 1;
}

/** What a run asks of its workload: which one, and any field set to another value than the data's (null: the data's). */
export interface WorkloadChoice {
  workloadId?: string;
  /** In the workload's own unit: calls a weekday for a weekday/weekend workload, else calls a day. */
  callsPerDay?: number | null;
  inputTokensPerCall?: number | null;
  outputTokensPerCall?: number | null;
  reasoningTokensPerCall?: number | null;
}

const OVERRIDABLE = [
  ["callsPerDay", "calls a day"],
  ["inputTokensPerCall", "input tokens a call"],
  ["outputTokensPerCall", "output tokens a call"],
  ["reasoningTokensPerCall", "reasoning tokens a call"],
] as const;

/**
 * The dataset with the chosen workload first, so that every analysis that defaults to the data's workload uses
 * it, and with the fields the run sets applied and recorded (`data.overrides`), so the page can say so.
 */
export function selectWorkload(data: Dataset, choice: WorkloadChoice = {}): Dataset {
  const chosen = workloadById(data, choice.workloadId);
  let workload = chosen;
  const overrides: NonNullable<Dataset["overrides"]>[number][] = [];
  for (const [field, label] of OVERRIDABLE) {
    const value = choice[field];
    if (value === undefined || value === null) continue;
    if (!(Number.isFinite(value) && value >= 0)) throw new InputError(`${field} must be a non-negative number, got ${value}`);
    const dataValue = field === "callsPerDay" ? headlineVolume(chosen).callsPerDay : (chosen[field] ?? 0);
    if (value === dataValue) continue;
    workload = field === "callsPerDay" ? workloadAtVolume(workload, value) : { ...workload, [field]: value };
    overrides.push({
      file: "workloads.csv",
      rowId: chosen.workloadId,
      label: field === "callsPerDay" ? headlineVolume(chosen).unit : label,
      dataValue,
      value,
    });
  }
  return {
    ...data,
    workloads: [workload, ...data.workloads.filter((row) => row !== chosen)],
    overrides: [...(data.overrides ?? []), ...overrides],
  };
}

/** One markdown paragraph naming the workload a page is computed for, and any field the run set apart from the data; in `lang`. */
export function workloadNote(data: Dataset, lang: Lang = DEFAULT_LANG): string {
  const workload = workloadById(data);
  const volume = headlineVolume(workload);
  const number = (value: number) => Math.round(value).toLocaleString("en-US");
  const set = (data.overrides ?? []).filter((override) => override.file === "workloads.csv" && override.rowId === workload.workloadId);
  return WORKLOAD_WORDS[lang].workload({
    id: workload.workloadId,
    input: number(workload.inputTokensPerCall),
    output: number(workload.outputTokensPerCall),
    ...(workload.reasoningTokensPerCall ? { reasoning: number(workload.reasoningTokensPerCall) } : {}),
    ...(workload.cachedInputShare ? { cachePercent: Math.round(workload.cachedInputShare * 100) } : {}),
    ...(isWeeklyWorkload(workload)
      ? {
          weekly: {
            weekday: number(volume.callsPerDay),
            weekend: number((workload.weekendCallsPerDay ?? 0) * (volume.callsPerDay / Math.max(1e-12, workload.weekdayCallsPerDay ?? 0))),
            ...(workload.timeZone ? { timeZone: workload.timeZone } : {}),
          },
        }
      : {}),
    // The chapter's sections count calls a day over alike days; on a weekday/weekend month that is the month's calls over its days.
    callsPerDay: number(workload.callsPerDay),
    days: +workload.daysPerMonth.toFixed(4),
    overrides: set.map((override) => ({ label: override.label, value: number(override.value), dataValue: number(override.dataValue) })),
    ...(data.shownIn ? { money: currencyNote(data.shownIn, false, lang) } : {}),
  });
}
