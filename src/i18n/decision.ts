/**
 * The decision page's own words (00-decision): its bottom line and what flips it, its tables' headers and cells, its
 * figure and its what-if panel, in every language. Values arrive already formatted (money, counts, names): a message
 * only orders them and adds its words. Names of models, providers and products stay as the data writes them.
 */
import { catalogue } from "./catalogue";
import type { Lang } from "./lang";

/** The bottom line's facts, formatted, for each language to say in its own order. */
export interface VerdictWords {
  /** A residency rule applies: options are "compliant" ones. */
  ruled: boolean;
  /** Today's model has a score, so the answer is held to today's quality. */
  scored: boolean;
  /** Today's score in words, e.g. "67.9% on Terminal-Bench 2.0"; "" without one. */
  todayScore: string;
}

const EN = {
  // The bottom line (verdictText).
  lowerUnscored: "which no benchmark in the data scores beside today's model",
  lowerQuality: (quality: string) => `quality ${quality}`,
  lowerText: (name: string, month: string, quality: string) =>
    ` Cheaper still, but not like for like: **${name}** at ${month} a month, ${quality}.`,
  notCompliantWithRule: "not compliant with the rule",
  notOfferedIn: (country: string) => `not offered in ${country}`,
  todayFails: (v: VerdictWords, label: string, reasons: readonly string[]) =>
    `today's ${label}${v.todayScore ? ` (${v.todayScore})` : ""} is ${reasons.join(" and ")}, and `,
  noneAtToday: (v: VerdictWords, todayFails: string) =>
    `No${v.ruled ? " compliant" : ""} option is shown to be at today's quality: ${todayFails}no${v.ruled ? " compliant" : ""} option scores at least as well on a benchmark scoring both.`,
  nonePasses: " None passes the workload's rules.",
  cheapestUnproven: (v: VerdictWords, name: string, month: string, gap: string, less: boolean, quality: string) =>
    ` The cheapest${v.ruled ? " compliant" : ""} option is **${name}** at **${month} a month**, ${gap} a month ${less ? "less" : "more"} than today's, ${quality}: try it on the workload's own tasks before switching.`,
  keep: (v: VerdictWords, label: string, month: string, call: string) =>
    `No${v.ruled ? " compliant" : ""} option${v.scored ? " at today's quality or better" : ""} costs less than today's **${label}**${v.todayScore ? ` (${v.todayScore})` : ""}: keep it, at **${month} a month**, ${call} a call.`,
  winnerLatency: (latency: string) => `, latency ${latency}`,
  compare: (gap: string, less: boolean, label: string, notCompliant: string, from: string) =>
    `, ${gap} a month ${less ? "less" : "more"} than today's ${label}${notCompliant ? ` (${notCompliant} with the rule)` : ""}${from ? `, cheaper from ${from}` : ""}`,
  winner: (v: VerdictWords, name: string, quality: string, latency: string, month: string, call: string, compare: string) =>
    `The cheapest${v.ruled ? " compliant" : ""} option${v.scored ? " at today's quality or better" : ""} is **${name}** (quality ${quality}${latency}) at **${month} a month**, ${call} a call${compare}.`,
  // A volume in the workload's unit: "524 calls a weekday".
  volume: (count: string, unit: string) => `${count} ${unit}`,
  unit: (unit: string) => unit,
  // The panel's summary and its control.
  runsServers: (servers: string, enough: boolean) => ` It runs ${servers} for its busiest hour${enough ? ": one is not enough" : ""}.`,
  cheapestHosted: (name: string, month: string, servers: string, enough: boolean) =>
    ` The cheapest self-hosted option within the rules, ${name}, costs ${month} a month with ${servers} for its busiest hour${enough ? ": one is not enough" : ""}.`,
  summaryAt: (volume: string, verdict: string) => `At ${volume}: ${verdict}`,
  panelTitle: "the same decision at your volume",
  volumeControl: (unit: string) => unit.replace(/^calls a /, "Calls per "),
  // What flips it (flipText).
  flipApiPrices: "every API price",
  flipVolume: "the volume",
  flipUtilisation: "the planned utilisation",
  flipSalary: "the operations salary",
  rose: (percent: number) => `rose by ${percent}%`,
  fell: (percent: number) => `fell by ${percent}%`,
  noOtherOption:
    "No other option is shown at today's quality within the workload's rules, so no price or volume changes the answer: only a benchmark score showing another model at today's quality, or a looser rule, would.",
  noFlip: "No single input of API prices, volume, utilisation or salary changes the winner between a tenth and ten times its value.",
  flipOther: (input: string, move: string, name: string) => `${input} ${move} (${name})`,
  flip: (input: string, move: string, factor: string, name: string, others: readonly string[]) =>
    `It would change if ${input} ${move} (×${factor}): then **${name}** wins.${others.length > 0 ? ` Further off: ${others.join("; ")}.` : ""}`,
  // The tables' cells.
  wayCall: "call",
  wayBuy: "buy",
  wayRentAlwaysOn: "rent, always on",
  wayRentByHour: "rent, by the hour",
  wayHybrid: "hybrid",
  beatsToday: "today's",
  beatsAny: "any volume",
  perCallOf: (money: string) => `${money} a call`,
  compliant: "compliant",
  notCompliant: "not compliant",
  noRule: "no rule",
  countryNote: (country: string) => `; not offered in ${country}`,
  regionOf: (region: string) => region,
  notInTheData: "not in the data",
  latencyOf: (status: string, precision: string | undefined, concurrency: number | undefined) =>
    `${status} (${precision ?? "precision not stated"}, ${concurrency === undefined ? "max. load" : `${concurrency} at once`})`,
  latencyStatus: (status: string) => status,
  roleToday: "today",
  roleAnswer: "the answer",
  roleCheapest: "cheapest, not like for like",
  roles: (roles: readonly string[]) => roles.join("; "),
  withRole: (option: string, role: string) => `${option}: ${role}`,
  // Quality in words.
  scoreOn: (score: string, benchmark: string) => `${score} on ${benchmark}`,
  points: (score: string) => `${score} points`,
  tier: (tier: string) => tier,
  tierOf: (tier: string, score: string) => `${tier} (${score})`,
  noTier: (score: string) => `${score} (no tier)`,
  sameModel: "today's model",
  todayNotRated: "not compared: today's model has no score",
  noSharedScore: "no shared score",
  match: (kind: string, score: string, today: string, benchmark: string, others: string) =>
    `${kind} (${score} against ${today}, ${benchmark}${others})`,
  sharedBenchmarks: (count: number) => `; ${count} shared benchmarks`,
  andMore: (count: number) => ` and ${count} more`,
  matchKind: (kind: string) => kind,
  // Headers.
  hOption: "Option",
  hWay: "Way",
  hMonth: (code: string) => `${code} a month`,
  hCall: (code: string) => `${code} a call`,
  hServers: "Servers",
  hBeats: (unit: string) => `Beats today from (${unit})`,
  hRange: "P5–P95 a month",
  hSameModel: "Same model's API",
  hCompliance: "Compliance",
  hQuality: "Quality",
  hVsToday: "Quality against today's",
  hLatency: "Latency",
  // The figure.
  figureTitle: (code: string, ranged: boolean) =>
    `Every option for this workload, ${code} a month (pale: fails residency, quality or latency${ranged ? "; whiskers: P5–P95" : ""})`,
  figureAxis: (code: string) => `${code} a month`,
  figureHover: (code: string) =>
    `%{y}<br>serves %{customdata[0]}<br>%{x:,.0f} ${code} a month<br>%{customdata[1]}; quality %{customdata[2]}<extra></extra>`,
};

/** Where data is processed, as a Chinese reader names it: 中国境内, not the data's code CN. */
const REGION_ZH: Record<string, string> = { CN: "中国境内", US: "美国", EU: "欧盟", on_premises: "自有服务器", unknown: "未知" };
export const regionZh = (region: string): string => REGION_ZH[region] ?? region;
/** A team's or a provider's country as a Chinese reader names it: 中国大陆. */
const COUNTRY_ZH: Record<string, string> = { CN: "中国大陆", US: "美国" };
export const countryZh = (country: string): string => COUNTRY_ZH[country] ?? country;

const MATCH_KIND_ZH: Record<string, string> = { "below today's": "低于现用", "at least today's": "不低于现用" };
const TIER_ZH: Record<string, string> = { top: "高", middle: "中", low: "低", "no rating": "无评分" };
const STATUS_ZH: Record<string, string> = { "no target": "无目标", meets: "达标", misses: "未达标", "not measured": "未实测" };
const UNIT_ZH: Record<string, string> = { "calls a day": "次/日", "calls a weekday": "次/工作日" };
const PER_UNIT_ZH: Record<string, string> = { "calls a day": "每日", "calls a weekday": "每工作日" };
const unitZh = (unit: string) => UNIT_ZH[unit] ?? unit;
const perUnitZh = (unit: string) => PER_UNIT_ZH[unit] ?? "";
const rule = (v: VerdictWords) => (v.ruled ? "合规" : "");
const floor = (v: VerdictWords) => (v.scored ? "在现用质量或更高质量下，" : "");
// Bold text must end before a bracket or a space to close in markdown: a name ending in ")" followed by a Chinese
// character would leave its ** open, so without a score a space follows it.
const todayScoreZh = (v: VerdictWords) => (v.todayScore ? `（${v.todayScore}）` : "");

/** Chinese as an analyst in mainland China writes it: full-width punctuation beside Chinese, names as the data gives them. */
export const DECISION_WORDS = catalogue(EN, {
  lowerUnscored: "数据中没有任何基准测试将其与现用模型同场评分",
  lowerQuality: (quality) => `质量${quality}`,
  lowerText: (name, month, quality) => `更便宜但质量不可比的方案：**${name}**，每月 ${month}，${quality}。`,
  notCompliantWithRule: "不符合数据驻留规则",
  notOfferedIn: (country) => `未在${countryZh(country)}提供服务`,
  todayFails: (v, label, reasons) => `现用的 ${label}${todayScoreZh(v)}${reasons.join("，且")}；`,
  noneAtToday: (v, todayFails) =>
    `没有任何${rule(v)}方案被证明达到现用质量：${todayFails}没有${rule(v)}方案在同时评测两者的基准上得分不低于现用模型。`,
  nonePasses: "没有方案通过该工作负载的规则。",
  cheapestUnproven: (v, name, month, gap, less, quality) =>
    `最便宜的${rule(v)}方案是 **${name}**，**每月 ${month}**，比现用每月${less ? "少" : "多"} ${gap}，${quality}：切换前请先用该工作负载自己的任务试用。`,
  keep: (v, label, month, call) =>
    `${floor(v)}没有任何${rule(v)}方案比现用的 **${label}**${todayScoreZh(v) || " "}更便宜：维持现状，**每月 ${month}**，每次调用 ${call}。`,
  winnerLatency: (latency) => `，延迟${latency === "not in the data" ? "数据中没有" : (STATUS_ZH[latency] ?? latency)}`,
  compare: (gap, less, label, notCompliant, from) =>
    `，比现用的 ${label}${notCompliant ? `（${notCompliant}）` : /[A-Za-z0-9)]$/.test(label) ? " " : ""}每月${less ? "少" : "多"} ${gap}${from ? `，从${from}起更便宜` : ""}`,
  winner: (v, name, quality, latency, month, call, compare) =>
    `${floor(v)}最便宜的${rule(v)}方案是 **${name}**（质量${quality}${latency}），**每月 ${month}**，每次调用 ${call}${compare}。`,
  volume: (count, unit) => `${perUnitZh(unit)} ${count} 次调用`,
  unit: unitZh,
  runsServers: (servers, enough) => `它在最繁忙时段需要 ${servers}${enough ? "：一台不够" : ""}。`,
  cheapestHosted: (name, month, servers, enough) =>
    `规则之内最便宜的自建方案是${name}，每月 ${month}，最繁忙时段需要 ${servers}${enough ? "：一台不够" : ""}。`,
  summaryAt: (volume, verdict) => `按${volume}计：${verdict}`,
  panelTitle: "按你的调用量重做同一决策",
  volumeControl: (unit) => `${perUnitZh(unit)}调用次数`,
  flipApiPrices: "所有 API 价格",
  flipVolume: "调用量",
  flipUtilisation: "计划利用率",
  flipSalary: "运维人员薪资",
  rose: (percent) => `上涨 ${percent}%`,
  fell: (percent) => `下降 ${percent}%`,
  noOtherOption:
    "在该工作负载的规则之内，没有其他方案被证明达到现用质量，因此任何价格或调用量的变化都不会改变答案；只有出现表明另一模型达到现用质量的基准评分，或放宽规则，答案才会改变。",
  noFlip: "API 价格、调用量、利用率、薪资中任何一项单独在其取值的十分之一到十倍之间变动，都不会改变胜出方案。",
  flipOther: (input, move, name) => `${input}${move}（${name}）`,
  flip: (input, move, factor, name, others) =>
    `若${input}${move}（×${factor}），结论会改变：届时 **${name}** 胜出。${others.length > 0 ? `更远的情形：${others.join("；")}。` : ""}`,
  wayCall: "调用",
  wayBuy: "购买",
  wayRentAlwaysOn: "租用（常开）",
  wayRentByHour: "租用（按小时）",
  wayHybrid: "混合",
  beatsToday: "现用",
  beatsAny: "任意调用量",
  perCallOf: (money) => `每次调用 ${money}`,
  compliant: "合规",
  notCompliant: "不合规",
  noRule: "无规则",
  countryNote: (country) => `；未在${countryZh(country)}提供服务`,
  regionOf: regionZh,
  notInTheData: "数据中没有",
  latencyOf: (status, precision, concurrency) =>
    `${status}（${precision ?? "未注明精度"}，${concurrency === undefined ? "最大负载" : `并发 ${concurrency}`}）`,
  latencyStatus: (status) => STATUS_ZH[status] ?? status,
  roleToday: "现用",
  roleAnswer: "答案",
  roleCheapest: "最便宜，但质量不可比",
  roles: (roles) => roles.join("；"),
  withRole: (option, role) => `${option}：${role}`,
  scoreOn: (score, benchmark) => `${benchmark} 得分 ${score}`,
  points: (score) => `${score} 分`,
  tier: (tier) => TIER_ZH[tier] ?? tier,
  tierOf: (tier, score) => `${tier}（${score}）`,
  noTier: (score) => `${score}（未分档）`,
  sameModel: "现用模型",
  todayNotRated: "未比较：现用模型没有评分",
  noSharedScore: "无共同评分",
  match: (kind, score, today, benchmark, others) => `${kind}（${score}，现用 ${today}，${benchmark}${others}）`,
  sharedBenchmarks: (count) => `；共 ${count} 项共同基准`,
  andMore: (count) => `等 ${count + 1} 项`,
  matchKind: (kind) => MATCH_KIND_ZH[kind] ?? kind,
  hOption: "方案",
  hWay: "方式",
  hMonth: (code) => `${code}/月`,
  hCall: (code) => `${code}/次`,
  hServers: "服务器",
  hBeats: (unit) => `优于现用的起点（${unitZh(unit)}）`,
  hRange: "P5–P95（月）",
  hSameModel: "同模型 API",
  hCompliance: "合规性",
  hQuality: "质量",
  hVsToday: "与现用质量相比",
  hLatency: "延迟",
  figureTitle: (code, ranged) =>
    `本工作负载的全部方案，${code}/月（浅色：未通过数据驻留、质量或延迟要求${ranged ? "；须线：P5–P95" : ""}）`,
  figureAxis: (code) => `${code}/月`,
  figureHover: (code) =>
    `%{y}<br>所用模型：%{customdata[0]}<br>每月 %{x:,.0f} ${code}<br>%{customdata[1]}；质量：%{customdata[2]}<extra></extra>`,
});

/**
 * An option's label in the language: "Buy 4x 8x H20 96GB" is 购买 4x 8x H20 96GB, a rental names its provider and
 * how it runs, a hybrid (and a figure's "server + API") its two parts; an API is its model's name in every language.
 */
export function optionLabelIn(label: string, lang: Lang): string {
  if (lang === "en") return label;
  if (label.includes(" + "))
    return label
      .split(" + ")
      .map((part) => optionLabelIn(part, lang))
      .join(" + ");
  const hybrid = / for ([\d.]+%) of calls \(([^)]*)\), (.*) for the rest$/.exec(label);
  if (hybrid) {
    const local = optionLabelIn(label.slice(0, hybrid.index), lang);
    return `${local} 承担 ${hybrid[1]} 的调用（${hybrid[2]}），其余由 ${optionLabelIn(hybrid[3] as string, lang)} 承担`;
  }
  const rent = /^Rent (.*) from (.*), (always on|by the hour)$/.exec(label);
  if (rent) return `租用 ${rent[2]} 的 ${rent[1]}（${rent[3] === "always on" ? "常开" : "按小时"}）`;
  const buy = /^Buy (.*)$/.exec(label);
  if (buy) return `购买 ${buy[1]}`;
  return label;
}

/** A self-hosted option with the model it serves: "Buy 4x H20 (DeepSeek-R1)"; in Chinese 购买 4x H20（部署 DeepSeek-R1）. */
export function withModelIn(label: string, modelName: string, lang: Lang): string {
  if (lang === "en") return `${label} (${modelName})`;
  // A rental's label already ends in brackets (按小时): the model joins them.
  return label.endsWith("）") ? `${label.slice(0, -1)}，部署 ${modelName}）` : `${label}（部署 ${modelName}）`;
}
