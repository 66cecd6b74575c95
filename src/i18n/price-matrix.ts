/**
 * The price matrix's own words (59.2): its findings, its tables' headers, figures 59.2a to 59.2c and its what-if
 * panel, in every language. Values arrive formatted (money, counts, names); a message orders them. Names of models
 * and benchmarks stay as the data writes them.
 */
import { catalogue } from "./catalogue";
import type { Lang } from "./lang";

const EN = {
  // The ratings table.
  hModel: "Model",
  hReasoning: "Reasoning",
  hToolUse: "Tool use",
  hSpeed: "Speed",
  hContext: "Context (tokens)",
  hInput: "$/M input",
  hOutput: "$/M output",
  hValue: "Value",
  ratingsCaption: (file: string) => `Ratings and prices (the chapter's stars; ${file})`,
  // The finding.
  perCallRange: (low: string, lowName: string, high: string, highName: string, factor: number) =>
    `Per call at the typical workload: **${low}** (${lowName}) to **${high}** (${highName}), a factor of ${factor}.`,
  // The benchmarks.
  hBenchmark: "Benchmark",
  benchmarkCaption: (file: string) => `Benchmark scores (${file})`,
  benchmarkCount: (scores: number, models: number, benchmarks: number) =>
    `${scores} scores for ${models} models on ${benchmarks} benchmarks.`,
  // Figure 59.2a, the matrix.
  matrixTrace: "Monthly cost",
  perDay: (calls: string) => `${calls}/day`,
  over: " (over)",
  matrixHover: "%{y}, %{x}: %{customdata:$,.2f} a month<extra></extra>",
  matrixHoverBudget: "%{y}, %{x}: %{customdata:$,.2f} a month, %{hovertext}<extra></extra>",
  overBudget: "over the budget",
  withinBudget: "within the budget",
  matrixTitle: "Cost matrix: monthly cost by model and daily volume",
  matrixBudgetTitle: (budget: string) => `Cost matrix against a budget of ${budget} a month`,
  axisCallsPerDay: "Calls per day",
  axisModel: "Model",
  // Figure 59.2b, price against quality.
  ratedHover: (name: string, toolUse: string) => `${name}<br>%{x:$,.4f} a call<br>quality %{y}★, tool use ${toolUse}<extra></extra>`,
  notRated: "not rated",
  unratedHover: (name: string) => `${name}<br>%{x:$,.4f} a call<br>no quality rating in the data<extra></extra>`,
  unratedNote: (count: number) => `${count} models have no star rating in the data: hover a ring for its name`,
  qualityTitle: "Price against quality (marker size: tool-use rating)",
  axisCostPerCall: "Cost per call at the typical workload (USD, log scale)",
  axisQuality: "Reasoning quality (stars)",
  noRating: "no rating",
  // Figure 59.2c, the benchmarks.
  points: " points",
  benchmarkHover: (name: string) => `${name}<br>%{x}: %{y:.1~f}%{customdata}<extra></extra>`,
  benchmarkTitle: (units: string) => `Agent benchmarks (${units})`,
  inPercent: "in percent",
  inPoints: "in points",
  someInPercent: (families: readonly string[]) => `${families.join(", ")} in percent, the others in points`,
  scorePercent: "Score (%)",
  scoreEither: "Score (points or %, by benchmark)",
  scorePoints: "Score (points)",
  axisBenchmark: "Benchmark",
  // The what-if panel.
  panelTitle: "what each model costs at your volumes, against your budget",
  firstVolume: "First volume (calls a day)",
  secondVolume: "Second volume (calls a day)",
  thirdVolume: "Third volume (calls a day)",
  budget: "Budget ($ a month)",
  at: (calls: string) => `at ${calls} calls a day`,
  noModel: (at: string) => `${at} there is no model to price`,
  noneFits: (at: string, name: string, month: string, over: string) =>
    `${at} none fits: the cheapest, ${name}, costs ${month} a month, ${over} over`,
  allFit: (total: number) => `all ${total} ${total === 1 ? "model" : "models"} fit`,
  someFit: (fitting: number, total: number) => `${fitting} of ${total} ${total === 1 ? "model" : "models"} fit`,
  fits: (at: string, fit: string, name: string, month: string, under: string) =>
    `${at} ${fit}, the cheapest ${name} at ${month} a month, ${under} under`,
  summary: (budget: string, texts: readonly string[]) => `Against a budget of ${budget} a month: ${texts.join("; ")}.`,
};

/** Chinese as an analyst in mainland China writes it: full-width punctuation beside Chinese, names as the data gives them. */
export const PRICE_MATRIX_WORDS = catalogue(EN, {
  hModel: "模型",
  hReasoning: "推理",
  hToolUse: "工具调用",
  hSpeed: "速度",
  hContext: "上下文长度（token）",
  hInput: "输入价（$/百万 token）",
  hOutput: "输出价（$/百万 token）",
  hValue: "性价比",
  ratingsCaption: (file) => `评级与价格（本章的星级；${file}）`,
  perCallRange: (low, lowName, high, highName, factor) =>
    `典型工作负载下，单次调用成本从 **${low}**（${lowName}）到 **${high}**（${highName}）不等，相差 ${factor} 倍。`,
  hBenchmark: "基准测试",
  benchmarkCaption: (file) => `基准测试得分（${file}）`,
  benchmarkCount: (scores, models, benchmarks) => `共 ${scores} 个得分，覆盖 ${models} 个模型、${benchmarks} 项基准测试。`,
  matrixTrace: "月成本",
  perDay: (calls) => `每天 ${calls} 次`,
  over: "（超预算）",
  matrixHover: "%{y}，%{x}：每月 %{customdata:$,.2f}<extra></extra>",
  matrixHoverBudget: "%{y}，%{x}：每月 %{customdata:$,.2f}，%{hovertext}<extra></extra>",
  overBudget: "超出预算",
  withinBudget: "在预算之内",
  matrixTitle: "成本矩阵：各模型在不同日调用量下的月成本",
  matrixBudgetTitle: (budget) => `成本矩阵：对照每月 ${budget} 的预算`,
  axisCallsPerDay: "每天调用次数",
  axisModel: "模型",
  ratedHover: (name, toolUse) => `${name}<br>每次调用 %{x:$,.4f}<br>推理质量 %{y}★，工具调用 ${toolUse}<extra></extra>`,
  notRated: "未评级",
  unratedHover: (name) => `${name}<br>每次调用 %{x:$,.4f}<br>数据中没有质量评级<extra></extra>`,
  unratedNote: (count) => `${count} 个模型在数据中没有星级评分：将鼠标悬停在圆环上可查看名称`,
  qualityTitle: "价格与质量（标记大小：工具调用评级）",
  axisCostPerCall: "典型工作负载下的单次调用成本（USD，对数坐标）",
  axisQuality: "推理质量（星级）",
  noRating: "无评级",
  points: " 分",
  benchmarkHover: (name) => `${name}<br>%{x}：%{y:.1~f}%{customdata}<extra></extra>`,
  benchmarkTitle: (units) => `智能体基准测试（${units}）`,
  inPercent: "均为百分比",
  inPoints: "均为分数",
  someInPercent: (families) => `${families.join("、")} 为百分比，其余为分数`,
  scorePercent: "得分（%）",
  scoreEither: "得分（分数或 %，因基准测试而异）",
  scorePoints: "得分（分）",
  axisBenchmark: "基准测试",
  panelTitle: "按你的调用量对照预算，各模型的月成本",
  firstVolume: "第一个调用量（每天调用次数）",
  secondVolume: "第二个调用量（每天调用次数）",
  thirdVolume: "第三个调用量（每天调用次数）",
  budget: "预算（USD/月）",
  at: (calls) => `每天 ${calls} 次调用时，`,
  noModel: (at) => `${at}没有可计价的模型`,
  noneFits: (at, name, month, over) => `${at}没有模型在预算之内：最便宜的 ${name} 每月 ${month}，超出 ${over}`,
  allFit: (total) => `全部 ${total} 个模型都在预算之内`,
  someFit: (fitting, total) => `${total} 个模型中有 ${fitting} 个在预算之内`,
  fits: (at, fit, name, month, under) => `${at}${fit}，最便宜的 ${name} 每月 ${month}，比预算低 ${under}`,
  summary: (budget, texts) => `按每月 ${budget} 的预算：${texts.join("；")}。`,
});

/** The price matrix's words in `lang`. */
export const priceMatrixWords = (lang: Lang) => PRICE_MATRIX_WORDS[lang];
