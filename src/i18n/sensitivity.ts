/**
 * The sensitivity page's own words (59.8): its findings, its tables' headers and cells, Figures 59.8a–c, its what-if
 * panel (59.8d) and the workload line it prints, in every language. Values arrive formatted: a message orders them.
 * Money in figures is written as USD, which the display turns into the page's currency code.
 */
import { catalogue } from "./catalogue";
import type { Lang } from "./lang";

/** The page's first paragraph's facts, formatted; input names already in the language. */
export interface SensitivityFacts {
  comparison: string;
  base: string;
  top: string;
  topLow: string;
  topHigh: string;
  topUnit: string;
  topRange: string;
  second: string;
  secondRange: string;
  p5: string;
  p95: string;
  percent: string;
  shareTop: string;
  heldFixed: readonly string[];
}

/** The Monte Carlo paragraph's facts, formatted. */
export interface DrawsFacts {
  samples: string;
  seed: number;
  p5: string;
  p95: string;
  p50: string;
  base: string;
  callsPerDay: string;
  share: string;
}

/** The panel's summary facts, formatted; input names already in the language. */
export interface TornadoSummaryFacts {
  comparison: string;
  base: string;
  percent: number;
  top?: { input: string; between: string };
  rangeTop?: { input: string; between: string };
  p5: string;
  p95: string;
}

const EN = {
  comparison: (server: string, api: string) => `${server} vs ${api}`,
  findings: (f: SensitivityFacts) =>
    `For **${f.comparison}** the break-even of ${f.base} calls a day moves most with the **${f.top}** over the range the data gives it (${f.topLow}–${f.topHigh} ${f.topUnit}): **${f.topRange} calls a day**. Next: ${f.second} (${f.secondRange}). All inputs uncertain at once, the break-even lies between **${f.p5}** and **${f.p95}** calls a day (5th to 95th percentile). Moved by the same ±${f.percent} instead, the ${f.shareTop} would lead: an equal share ranks how sensitive the formula is, not how uncertain the inputs are.` +
    (f.heldFixed.length === 0 ? "" : ` Held at base for want of a range in the data: ${f.heldFixed.join(", ")}.`),
  span: (low: string, high: string) => `${low}–${high}`,
  // The tornado tables.
  hInput: "Input",
  hUnit: "Unit",
  hBase: "Base",
  hLowEnd: "Low end",
  hHighEnd: "High end",
  hAtLow: "Break-even at low",
  hAtHigh: "Break-even at high",
  hSpread: "Spread (calls/day)",
  hAtMinus: "Break-even at −",
  hAtPlus: "Break-even at +",
  rangeCaption: (comparison: string) => `Break-even of ${comparison} with each input over its range, longest first`,
  shareCaption: (comparison: string, percent: string) => `Break-even of ${comparison} with each input moved ${percent}, longest first`,
  // The ranges table.
  hLowFactor: "Low (× base)",
  hMode: "Most likely",
  hHighFactor: "High (× base)",
  hDistribution: "Distribution",
  hWhy: "Why",
  rangesCaption: (file: string) => `Input ranges (${file})`,
  distribution: (distribution: string) => distribution,
  draws: (f: DrawsFacts) =>
    `Over ${f.samples} draws (seed ${f.seed}) the break-even lies between **${f.p5}** and **${f.p95}** calls a day (5th to 95th percentile), median **${f.p50}**, against ${f.base} with every input at its base value. At the workload's ${f.callsPerDay} calls a day local hardware loses money in ${f.share} of the draws.`,
  // Figures 59.8a and 59.8c.
  lowOfRange: "input at the low end of its range",
  highOfRange: "input at the high end of its range",
  lowerBy: (percent: number) => `input ${percent}% lower`,
  higherBy: (percent: number) => `input ${percent}% higher`,
  tornadoHover: (name: string) => `%{y}: ${name} gives %{text} calls/day<extra></extra>`,
  rangeTitle: (comparison: string) => `Each input over its range from data: ${comparison}`,
  shareTitle: (percent: number, comparison: string) => `Break-even sensitivity, each input ±${percent}%: ${comparison}`,
  tornadoAxis: (base: string) => `Break-even (calls per day); the line: all inputs at base, ${base}/day`,
  tornadoLabel: (label: string, low: string, high: string, unit: string) => `${label} (${low}–${high} ${unit})`,
  // Figure 59.8b.
  p5Name: "5th percentile",
  bandName: "5–95% of simulated inputs",
  medianName: "median",
  p5Hover: "5th percentile: %{y:$,.0f}<extra></extra>",
  p95Hover: "95th percentile: %{y:$,.0f}<extra></extra>",
  medianHover: "median saving %{y:$,.0f} a month at %{x:,.0f} calls/day<extra></extra>",
  bandTitle: (comparison: string) => `Saving from going local, with uncertain inputs: ${comparison}`,
  bandX: "Calls per day",
  bandY: "API bill minus local cost (USD per month)",
  markMedian: "median",
  mark: (label: string, calls: string) => `${label} break-even<br>${calls}/day`,
  drawsNote: (samples: string, seed: number) => `${samples} draws, seed ${seed}`,
  // The what-if panel (59.8d).
  panelTitle: "what moves the break-even most, for your server and API",
  hardwareControl: "Local hardware",
  apiControl: "Cloud API",
  swingControl: "Each input ± (%)",
  panelSummary: (f: TornadoSummaryFacts) =>
    `${f.comparison}: break-even ${f.base} calls a day.` +
    (f.top ? ` At ±${f.percent}% the ${f.top.input} moves it most, ${f.top.between}.` : "") +
    (f.rangeTop ? ` Over the data's ranges the ${f.rangeTop.input} moves it most, ${f.rangeTop.between}; all` : " All") +
    ` inputs uncertain at once, it lies between ${f.p5} and ${f.p95} calls a day (5th to 95th percentile).`,
  between: (low: string, high: string) => `${low} to ${high}`,
  panelFigureTitle: (percent: number) => `Break-even sensitivity, each input ±${percent}%`,
  narrowAxis: (base: string) => `Break-even, calls/day<br>line: ${base} at base`,
};

/** Each varied input's name in Chinese, by its key. */
const INPUT_ZH: Record<string, string> = {
  inputUsdPerMTok: "输入价格",
  outputUsdPerMTok: "输出价格",
  inputTokensPerCall: "每次调用输入 token 数",
  outputTokensPerCall: "每次调用输出 token 数",
  capexUsd: "硬件价格",
  depreciationMonths: "折旧期",
  powerKw: "功耗",
  electricityUsdPerKwh: "电价",
  powerUsdPerMonth: "电费",
  opsFte: "运维占工程师工时比例",
  opsSalaryUsdPerMonth: "工程师月薪",
  opsUsdPerMonth: "运维成本",
};

/** Each input's unit in Chinese, money in `code` (a figure passes USD, which the display turns into its currency). */
const UNIT_ZH = (code: string): Record<string, string> => ({
  inputUsdPerMTok: `${code}/百万 token`,
  outputUsdPerMTok: `${code}/百万 token`,
  inputTokensPerCall: "token",
  outputTokensPerCall: "token",
  capexUsd: code,
  depreciationMonths: "个月",
  powerKw: "kW",
  electricityUsdPerKwh: `${code}/kWh`,
  powerUsdPerMonth: `${code}/月`,
  opsFte: "FTE",
  opsSalaryUsdPerMonth: `${code}/月`,
  opsUsdPerMonth: `${code}/月`,
});

const DISTRIBUTION_ZH: Record<string, string> = { triangular: "三角分布", uniform: "均匀分布" };

const WORDS = catalogue(EN, {
  comparison: (server, api) => `${server} 对比 ${api}`,
  findings: (f) =>
    `对于 **${f.comparison}**，盈亏平衡点为每日 ${f.base} 次调用；在数据给出的范围内（${f.topLow}–${f.topHigh} ${f.topUnit}），对它影响最大的是**${f.top}**：**每日 ${f.topRange} 次调用**。其次是${f.second}（${f.secondRange}）。所有输入同时不确定时，盈亏平衡点介于每日 **${f.p5}** 至 **${f.p95}** 次调用之间（第 5 至第 95 百分位）。若改为各输入同样变动 ±${f.percent}，则${f.shareTop}的影响最大：同比例变动反映的是公式的敏感程度，而非输入的不确定程度。` +
    (f.heldFixed.length === 0 ? "" : `因数据中没有范围而保持基准值的输入：${f.heldFixed.join("、")}。`),
  span: (low, high) => `${low}–${high}`,
  hInput: "输入",
  hUnit: "单位",
  hBase: "基准值",
  hLowEnd: "下限",
  hHighEnd: "上限",
  hAtLow: "取下限时的盈亏平衡点",
  hAtHigh: "取上限时的盈亏平衡点",
  hSpread: "跨度（次/日）",
  hAtMinus: "下调时的盈亏平衡点",
  hAtPlus: "上调时的盈亏平衡点",
  rangeCaption: (comparison) => `${comparison} 的盈亏平衡点：各输入在其范围内变动，按影响从大到小排列`,
  shareCaption: (comparison, percent) => `${comparison} 的盈亏平衡点：各输入变动 ${percent}，按影响从大到小排列`,
  hLowFactor: "下限（× 基准值）",
  hMode: "最可能值",
  hHighFactor: "上限（× 基准值）",
  hDistribution: "分布",
  hWhy: "依据",
  rangesCaption: (file) => `输入范围（${file}）`,
  distribution: (distribution) => DISTRIBUTION_ZH[distribution] ?? distribution,
  draws: (f) =>
    `抽样 ${f.samples} 次（随机种子 ${f.seed}），盈亏平衡点介于每日 **${f.p5}** 至 **${f.p95}** 次调用之间（第 5 至第 95 百分位），中位数为 **${f.p50}**，而所有输入取基准值时为 ${f.base}。按该工作负载每日 ${f.callsPerDay} 次调用计，本地硬件在 ${f.share} 的抽样中亏损。`,
  lowOfRange: "输入取范围下限",
  highOfRange: "输入取范围上限",
  lowerBy: (percent) => `输入下调 ${percent}%`,
  higherBy: (percent) => `输入上调 ${percent}%`,
  tornadoHover: (name) => `%{y}（${name}）：每日 %{text} 次调用<extra></extra>`,
  rangeTitle: (comparison) => `各输入在数据给出的范围内变动：${comparison}`,
  shareTitle: (percent, comparison) => `盈亏平衡点敏感性，各输入 ±${percent}%：${comparison}`,
  tornadoAxis: (base) => `盈亏平衡点（次/日）；竖线：所有输入取基准值，每日 ${base} 次`,
  tornadoLabel: (label, low, high, unit) => `${label}（${low}–${high} ${unit}）`,
  p5Name: "第 5 百分位",
  bandName: "模拟输入的 5%–95% 区间",
  medianName: "中位数",
  p5Hover: "第 5 百分位：%{y:,.0f} USD<extra></extra>",
  p95Hover: "第 95 百分位：%{y:,.0f} USD<extra></extra>",
  medianHover: "每日 %{x:,.0f} 次调用时，月度节省中位数为 %{y:,.0f} USD<extra></extra>",
  bandTitle: (comparison) => `输入不确定时，改用本地部署的节省：${comparison}`,
  bandX: "每日调用次数",
  bandY: "API 账单减本地成本（USD/月）",
  markMedian: "中位数",
  // "P5 盈亏平衡点" beside "中位数盈亏平衡点"; the count as short as English's, which a phone's width holds side by side.
  mark: (label, calls) => `${/^[A-Z]/.test(label) ? `${label} ` : label}盈亏平衡点<br>${calls} 次/日`,
  drawsNote: (samples, seed) => `抽样 ${samples} 次，随机种子 ${seed}`,
  panelTitle: "对你的服务器和 API 而言，什么对盈亏平衡点影响最大",
  hardwareControl: "本地硬件",
  apiControl: "云端 API",
  swingControl: "各输入变动 ±（%）",
  panelSummary: (f) =>
    `${f.comparison}：盈亏平衡点为每日 ${f.base} 次调用。` +
    (f.top ? `各输入变动 ±${f.percent}% 时，${f.top.input}的影响最大：每日 ${f.top.between} 次。` : "") +
    (f.rangeTop ? `在数据给出的范围内，${f.rangeTop.input}的影响最大：每日 ${f.rangeTop.between} 次；` : "") +
    `所有输入同时不确定时，盈亏平衡点介于每日 ${f.p5} 至 ${f.p95} 次调用之间（第 5 至第 95 百分位）。`,
  between: (low, high) => `${low} 至 ${high}`,
  panelFigureTitle: (percent) => `盈亏平衡点敏感性，各输入 ±${percent}%`,
  narrowAxis: (base) => `盈亏平衡点（次/日）<br>竖线：基准值 ${base}`,
});

export const SENSITIVITY_WORDS = WORDS;

/**
 * A varied input's name in the language: English's label ("Depreciation period"), or its Chinese name by its key.
 * `lower` gives the name as English writes it mid-sentence.
 */
export function inputNameIn(input: { key?: string; input?: string; label: string }, lang: Lang, lower = false): string {
  if (lang === "en") return lower ? input.label.toLowerCase() : input.label;
  const key = input.key ?? input.input ?? "";
  return INPUT_ZH[key] ?? input.label;
}

/** A varied input's unit in the language; Chinese writes money in `code` (default USD, as figures state it). */
export function inputUnitIn(input: { key?: string; input?: string; unit: string }, lang: Lang, code = "USD"): string {
  if (lang === "en") return input.unit;
  return UNIT_ZH(code)[input.key ?? input.input ?? ""] ?? input.unit;
}
