/**
 * One workload, read one way for everything: its calendar (kinds of day, volumes, hourly shape, time zone) and
 * its call as each model bills it. Every notebook, table, panel and command goes through here.
 */
import type { Dataset, WorkloadRow } from "../data";
import { InputError } from "../errors";
import { averageDayMix } from "../model";
import { currencyNote } from "./currency";
import { byIdOrFirst } from "./lookup";
import { isWeeklyWorkload } from "./model-inputs";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";

/** The workload with this id, or the data's first (its default). */
export function workloadById(data: Dataset, workloadId?: string): WorkloadRow {
  return byIdOrFirst(data.workloads, workloadId, (row) => row.workloadId, "workload_id", "workloads.csv");
}

/** Where a workload comes from, in its source's first words: "roilab example workload", "Hermes Agent book ch. 59, typical Hermes Agent workload in 59.1". */
export const workloadOrigin = (workload: WorkloadRow): string => workload.source.split(/[:;]/)[0]?.trim() ?? "";

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

/** One markdown paragraph naming the workload a page is computed for, and any field the run set apart from the data. */
export function workloadNote(data: Dataset, lang: Lang = DEFAULT_LANG): string {
  if (lang === "zh-CN") return workloadNoteZh(data);
  const workload = workloadById(data);
  const volume = headlineVolume(workload);
  const number = (value: number) => Math.round(value).toLocaleString("en-US");
  const calendar = isWeeklyWorkload(workload)
    ? `${number(volume.callsPerDay)} calls a weekday and ${number((workload.weekendCallsPerDay ?? 0) * (volume.callsPerDay / Math.max(1e-12, workload.weekdayCallsPerDay ?? 0)))} a weekend day${workload.timeZone ? ` (${workload.timeZone})` : ""}`
    : `${number(workload.callsPerDay)} calls a day on ${+workload.daysPerMonth.toFixed(4)} days a month`;
  const reasoning = workload.reasoningTokensPerCall
    ? `, ${number(workload.reasoningTokensPerCall)} reasoning tokens on models that reason`
    : "";
  const cache = workload.cachedInputShare ? `, ${Math.round(workload.cachedInputShare * 100)}% of input read from the cache` : "";
  const set = (data.overrides ?? []).filter((override) => override.file === "workloads.csv" && override.rowId === workload.workloadId);
  const overridden =
    set.length > 0
      ? ` **Set for this run:** ${set.map((override) => `${override.label} ${number(override.value)} (workloads.csv says ${number(override.dataValue)})`).join("; ")}.`
      : "";
  const money = data.shownIn ? ` ${currencyNote(data.shownIn, false)}.` : "";
  // The chapter's sections count calls a day over alike days; on a weekday/weekend month that is the month's calls over its days.
  const perDay = isWeeklyWorkload(workload)
    ? ` Where a section counts calls a day, it means the month's calls over its ${+workload.daysPerMonth.toFixed(4)} calendar days: ${number(workload.callsPerDay)} a day.`
    : "";
  return `**Workload \`${workload.workloadId}\`** (workloads.csv): ${number(workload.inputTokensPerCall)} input and ${number(workload.outputTokensPerCall)} output tokens a call${reasoning}${cache}; ${calendar}.${overridden}${perDay}${money}`;
}

/** The workload's paragraph as a Chinese page prints it: the same facts, in the same order, in Chinese. */
function workloadNoteZh(data: Dataset): string {
  const workload = workloadById(data);
  const volume = headlineVolume(workload);
  const number = (value: number) => Math.round(value).toLocaleString("en-US");
  const days = +workload.daysPerMonth.toFixed(4);
  const calendar = isWeeklyWorkload(workload)
    ? `每个工作日 ${number(volume.callsPerDay)} 次调用，每个周末日 ${number((workload.weekendCallsPerDay ?? 0) * (volume.callsPerDay / Math.max(1e-12, workload.weekdayCallsPerDay ?? 0)))} 次${workload.timeZone ? `（${workload.timeZone}）` : ""}`
    : `每月 ${days} 天，每天 ${number(workload.callsPerDay)} 次调用`;
  const reasoning = workload.reasoningTokensPerCall ? `，推理模型另有 ${number(workload.reasoningTokensPerCall)} 个推理 token` : "";
  const cache = workload.cachedInputShare ? `，${Math.round(workload.cachedInputShare * 100)}% 的输入从缓存读取` : "";
  const set = (data.overrides ?? []).filter((override) => override.file === "workloads.csv" && override.rowId === workload.workloadId);
  const overridden =
    set.length > 0
      ? `**本次运行设定**：${set.map((override) => `${override.label} ${number(override.value)}（workloads.csv 中为 ${number(override.dataValue)}）`).join("；")}。`
      : "";
  const money = data.shownIn ? `${currencyNote(data.shownIn, false, "zh-CN")}。` : "";
  const perDay = isWeeklyWorkload(workload)
    ? `凡按每日调用次数计算之处，均指当月调用总数除以 ${days} 个自然日：每天 ${number(workload.callsPerDay)} 次。`
    : "";
  return `**工作负载 \`${workload.workloadId}\`**（workloads.csv）：每次调用输入 ${number(workload.inputTokensPerCall)} 个 token、输出 ${number(workload.outputTokensPerCall)} 个 token${reasoning}${cache}；${calendar}。${overridden}${perDay}${money}`;
}
