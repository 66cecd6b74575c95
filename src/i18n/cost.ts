/**
 * The cost model's own words (59.1): its findings, its tables' headers and cells, figures 59.1a and 59.1b and its
 * what-if panel, in every language. Values arrive formatted (money, counts, names); a message orders them. Money in a
 * header is written `$` and shown in the page's currency. Names of models, providers and servers stay as the data
 * writes them.
 */
import { catalogue } from "./catalogue";
import type { Lang } from "./lang";

const EN = {
  // The price list.
  hModel: "Model",
  hProvider: "Provider",
  hInputPrice: "Input $/M tokens",
  hOutputPrice: "Output $/M tokens",
  hContext: "Context (tokens)",
  hPriceAsOf: "Price as of",
  priceListCaption: (file: string) => `Price list (${file})`,
  // A volume in the workload's unit: "1,000 calls a day".
  volume: (count: string, unit: string) => `${count} ${unit}`,
  // The cloud cost table and its finding.
  costRange: (volume: string, low: string, lowName: string, high: string, highName: string) =>
    `At ${volume}, from **${low}** a month (${lowName}) to **${high}** (${highName}).`,
  hPerCall: "$ per call",
  hPerDay: "$ per day",
  hPerMonth: "$ per month",
  cloudCostCaption: "Cloud cost at the workload",
  // Caching and batching.
  casePlain: "Plain prices",
  caseCache: "Half the input read from the cache",
  caseBatch: "Every call batched",
  caseBoth: "Both",
  billingSaves: (name: string, plainCall: string, bothCall: string, bothMonth: string, plainMonth: string) =>
    `Reading half its input from the cache and batching every call brings a call to ${name} from **${plainCall}** to **${bothCall}**, **${bothMonth}** a month instead of ${plainMonth}.`,
  billingSame: (name: string, call: string) =>
    `A call to ${name} costs **${call}** however it is sent: the data gives no cache or batch price for it, so those tokens are billed at its plain prices.`,
  hHowSent: "How the call is sent",
  hUncachedInput: "Uncached input $",
  hCacheReads: "Cache reads $",
  hOutput: "Output $",
  billingCaption: (name: string) => `${name}: one call of the workload, billed four ways`,
  noteCacheRead: "Cached input billed at the plain input price (no cache-read price listed)",
  noteCacheWrite: "Input written to the cache billed at the plain input price (no cache-write price listed)",
  noteCacheWrite1h: "One-hour cache writes billed at the five-minute write price (no one-hour write price listed)",
  noteBatchInput: "Batch input billed at the interactive price (no batch input price listed)",
  noteBatchOutput: "Batch output billed at the interactive price (no batch output price listed)",
  billingNote: (note: string, names: readonly string[]) => `${note}: ${names.join(", ")}.`,
  // The local server's month.
  itemDepreciation: "Depreciation",
  itemElectricity: "Electricity",
  itemOperations: "Operations",
  itemTotal: "Total",
  itemTotalStated: "Total (stated)",
  stated: "stated",
  depreciationBasis: (capex: string, months: number) => `${capex} over ${months} months`,
  electricityBasis: (kw: number, kwh: string, price: string) => `${kw} kW, ${kwh} kWh at ${price}/kWh`,
  operationsBasis: (fte: number, salary: string) => `${fte} FTE at ${salary}/month`,
  hItem: "Item",
  hBasis: "Basis",
  localCaption: (name: string) => `${name}: monthly cost`,
  // Figures 59.1a and 59.1b.
  monthlyTrace: "Monthly cost",
  monthlyHover: "%{x}<br>%{y:$,.2f} a month<extra></extra>",
  monthlyTitle: (label: string) => `Monthly cloud cost per model, ${label}`,
  callsPerDayLabel: (calls: string) => `${calls} calls/day`,
  axisModel: "Model",
  axisMonthly: "Cost per month (USD)",
  volumeHover: (name: string) => `${name}<br>%{x:,.0f} calls/day: %{y:$,.0f} a month<extra></extra>`,
  volumeTitle: "Cloud cost grows in a straight line with volume",
  axisCallsPerDay: "Calls per day",
  workloadMark: (calls: string) => `workload: ${calls}/day`,
  // The what-if panel.
  panelTitle: "every model's month at your volume and call size",
  localServer: (name: string) => `the local server (${name})`,
  whatIfLabel: (volume: string) => `what-if: ${volume}`,
  gapMore: (gap: string, name: string) => `${gap} more than ${name}`,
  gapLess: (gap: string, name: string) => `${gap} less than ${name}`,
  gapSame: (name: string) => `as much as ${name}`,
  panelSummary: (volume: string, name: string, month: string, local: string, localMonth: string, against: string) =>
    `At ${volume}, the cheapest model is ${name} at ${month} a month; ${local} costs ${localMonth} a month at any volume, ${against}.`,
  noModel: "No model to price.",
  volumeControl: (unit: string) => unit.replace(/^calls a /, "Calls per "),
  inputControl: "Input tokens per call",
  outputControl: "Output tokens per call",
};

/** "calls a day" as a Chinese reader counts it: 每天, 每个工作日. */
const PER_UNIT_ZH: Record<string, string> = { "calls a day": "每天", "calls a weekday": "每个工作日" };
const perUnitZh = (unit: string) => PER_UNIT_ZH[unit] ?? "";

/** Chinese as an analyst in mainland China writes it: full-width punctuation beside Chinese, names as the data gives them. */
export const COST_WORDS = catalogue(EN, {
  hModel: "模型",
  hProvider: "服务商",
  hInputPrice: "输入价（$/百万 token）",
  hOutputPrice: "输出价（$/百万 token）",
  hContext: "上下文长度（token）",
  hPriceAsOf: "价格日期",
  priceListCaption: (file) => `价格表（${file}）`,
  volume: (count, unit) => `${perUnitZh(unit)} ${count} 次调用`,
  costRange: (volume, low, lowName, high, highName) =>
    `按${volume}计，各模型的月成本从 **${low}**（${lowName}）到 **${high}**（${highName}）不等。`,
  hPerCall: "$/次",
  hPerDay: "$/天",
  hPerMonth: "$/月",
  cloudCostCaption: "该工作负载下的云端成本",
  casePlain: "按标价",
  caseCache: "一半输入从缓存读取",
  caseBatch: "全部批量调用",
  caseBoth: "两者兼用",
  billingSaves: (name, plainCall, bothCall, bothMonth, plainMonth) =>
    `一半输入从缓存读取、且全部调用走批处理后，${name} 的单次调用成本从 **${plainCall}** 降至 **${bothCall}**，每月 **${bothMonth}**，而按标价为 ${plainMonth}。`,
  billingSame: (name, call) =>
    `无论以何种方式发送，${name} 的单次调用成本都是 **${call}**：数据中没有它的缓存价或批处理价，这些 token 按普通价格计费。`,
  hHowSent: "发送方式",
  hUncachedInput: "未缓存输入（$/次）",
  hCacheReads: "缓存读取（$/次）",
  hOutput: "输出（$/次）",
  billingCaption: (name) => `${name}：该工作负载的一次调用，按四种方式计费`,
  noteCacheRead: "缓存输入按普通输入价计费（未列出缓存读取价）",
  noteCacheWrite: "写入缓存的输入按普通输入价计费（未列出缓存写入价）",
  noteCacheWrite1h: "一小时缓存写入按五分钟写入价计费（未列出一小时写入价）",
  noteBatchInput: "批处理输入按实时调用价计费（未列出批处理输入价）",
  noteBatchOutput: "批处理输出按实时调用价计费（未列出批处理输出价）",
  billingNote: (note, names) => `${note}：${names.join("、")}。`,
  itemDepreciation: "折旧",
  itemElectricity: "电费",
  itemOperations: "运维",
  itemTotal: "合计",
  itemTotalStated: "合计（数据给定）",
  stated: "数据给定",
  depreciationBasis: (capex, months) => `${capex}，分 ${months} 个月摊销`,
  electricityBasis: (kw, kwh, price) => `${kw} kW，${kwh} kWh，电价 ${price}/kWh`,
  operationsBasis: (fte, salary) => `${fte} 个 FTE，月薪 ${salary}`,
  hItem: "项目",
  hBasis: "计算依据",
  localCaption: (name) => `${name}：月成本`,
  monthlyTrace: "月成本",
  monthlyHover: "%{x}<br>每月 %{y:$,.2f}<extra></extra>",
  monthlyTitle: (label) => `各模型的月度云端成本，${label}`,
  callsPerDayLabel: (calls) => `每天 ${calls} 次调用`,
  axisModel: "模型",
  axisMonthly: "月成本（USD）",
  volumeHover: (name) => `${name}<br>每天 %{x:,.0f} 次调用：每月 %{y:$,.0f}<extra></extra>`,
  volumeTitle: "云端成本随调用量线性增长",
  axisCallsPerDay: "每天调用次数",
  workloadMark: (calls) => `工作负载：每天 ${calls} 次`,
  panelTitle: "按你的调用量和调用规模，各模型的月成本",
  localServer: (name) => `本地服务器（${name}）`,
  whatIfLabel: (volume) => `假设${volume}`,
  gapMore: (gap, name) => `比 ${name} 贵 ${gap}`,
  gapLess: (gap, name) => `比 ${name} 便宜 ${gap}`,
  gapSame: (name) => `与 ${name} 持平`,
  panelSummary: (volume, name, month, local, localMonth, against) =>
    `按${volume}计，最便宜的模型是 ${name}，每月 ${month}；${local}无论调用量多少，每月都是 ${localMonth}，${against}。`,
  noModel: "没有可计价的模型。",
  volumeControl: (unit) => `${perUnitZh(unit)}调用次数`,
  inputControl: "每次调用的输入 token 数",
  outputControl: "每次调用的输出 token 数",
});

/** The cost model's words in `lang`. */
export const costWords = (lang: Lang) => COST_WORDS[lang];
