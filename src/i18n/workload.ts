/**
 * The workload line every priced page prints (workloadNote): the workload's tokens, calendar, what a run set apart
 * from the data, and the currency the money is shown in, in every language.
 */
import { catalogue } from "./catalogue";

/** The workload line's facts, formatted. */
export interface WorkloadFacts {
  id: string;
  input: string;
  output: string;
  reasoning?: string;
  cachePercent?: number;
  /** A weekday/weekend workload's two volumes and time zone; absent for calls a day. */
  weekly?: { weekday: string; weekend: string; timeZone?: string };
  callsPerDay: string;
  days: number;
  overrides: readonly { label: string; value: string; dataValue: string }[];
  money?: string;
}

/** What a run may set of a workload, as a Chinese reader names it (the data names it in English). */
const OVERRIDE_ZH: Record<string, string> = {
  "calls a day": "每日调用次数",
  "calls a weekday": "每工作日调用次数",
  "input tokens a call": "每次调用的输入 token 数",
  "output tokens a call": "每次调用的输出 token 数",
  "reasoning tokens a call": "每次调用的推理 token 数",
};

export const WORKLOAD_WORDS = catalogue(
  {
    workload: (f: WorkloadFacts) => {
      const reasoning = f.reasoning ? `, ${f.reasoning} reasoning tokens on models that reason` : "";
      const cache = f.cachePercent !== undefined ? `, ${f.cachePercent}% of input read from the cache` : "";
      const calendar = f.weekly
        ? `${f.weekly.weekday} calls a weekday and ${f.weekly.weekend} a weekend day${f.weekly.timeZone ? ` (${f.weekly.timeZone})` : ""}`
        : `${f.callsPerDay} calls a day on ${f.days} days a month`;
      const overridden =
        f.overrides.length > 0
          ? ` **Set for this run:** ${f.overrides.map((set) => `${set.label} ${set.value} (workloads.csv says ${set.dataValue})`).join("; ")}.`
          : "";
      const perDay = f.weekly
        ? ` Where a section counts calls a day, it means the month's calls over its ${f.days} calendar days: ${f.callsPerDay} a day.`
        : "";
      return `**Workload \`${f.id}\`** (workloads.csv): ${f.input} input and ${f.output} output tokens a call${reasoning}${cache}; ${calendar}.${overridden}${perDay}${f.money ? ` ${f.money}.` : ""}`;
    },
  },
  {
    workload: (f) => {
      const reasoning = f.reasoning ? `，推理模型每次另有 ${f.reasoning} 个推理 token` : "";
      const cache = f.cachePercent !== undefined ? `，${f.cachePercent}% 的输入读自缓存` : "";
      const calendar = f.weekly
        ? `每工作日 ${f.weekly.weekday} 次调用、每个周末日 ${f.weekly.weekend} 次${f.weekly.timeZone ? `（${f.weekly.timeZone}）` : ""}`
        : `每日 ${f.callsPerDay} 次调用，每月 ${f.days} 天`;
      const overridden =
        f.overrides.length > 0
          ? `**本次运行设定**：${f.overrides.map((set) => `${OVERRIDE_ZH[set.label] ?? set.label} ${set.value}（workloads.csv 中为 ${set.dataValue}）`).join("；")}。`
          : "";
      const perDay = f.weekly ? `凡按每日调用次数计算的章节，均指当月调用量除以其 ${f.days} 个日历日：每日 ${f.callsPerDay} 次。` : "";
      return `**工作负载 \`${f.id}\`**（workloads.csv）：每次调用 ${f.input} 个输入 token、${f.output} 个输出 token${reasoning}${cache}；${calendar}。${overridden}${perDay}${f.money ? `${f.money}。` : ""}`;
    },
  },
);
