/**
 * The hybrid-routing page's own words (59.4): its tables, its headline, figures 59.4a and 59.4b and its what-if panel,
 * and the names of the router's tiers and task types, which 59.5 shows too. Values arrive formatted (money, counts,
 * percents): a message only orders them. Model and server names stay as the data writes them.
 */
import { catalogue } from "./catalogue";

const EN = {
  // The tiers' table.
  hTier: "Tier",
  hModel: "Model",
  hPerCall: "$ per call",
  hMaxContext: "Max context (tokens)",
  tiersCaption: (file: string) => `Routing tiers (${file})`,
  // The task types' table.
  hTaskType: "Task type",
  hShare: "Share of calls (%)",
  hComplexity: "Complexity",
  hCallsPerDay: "Calls/day",
  hPerMonth: "$ per month",
  routingCaption: (calls: string, threshold: string) => `Routing ${calls} calls a day, premium threshold ${threshold}`,
  // Hybrid against pure cloud.
  viewChapter: "As the chapter counts it (local calls free)",
  viewPaid: (server: string, month: string) => `With ${server} paid (${month}/month)`,
  hPureCloud: "Pure cloud $/month",
  hHybrid: "Hybrid $/month",
  hSaved: "Saved $/month",
  hSavedPercent: "Saved (%)",
  savingsCaption: "Hybrid routing against pure cloud",
  headline: (chapter: string, paid: string, _paidSaves: boolean) =>
    `The chapter's count: **${chapter}** saved. With the local hardware paid: **${paid}**.`,
  // Figure 59.4a.
  barPureCloud: "Pure cloud",
  barHybridFree: "Hybrid (local calls free)",
  barHybridPaid: "Hybrid + local hardware",
  localHardware: (server: string) => `Local hardware (${server})`,
  localHardwareHover: "Local hardware: %{y:$,.0f}<extra></extra>",
  tierHover: (tier: string) => `${tier}: %{y:$,.0f}<extra></extra>`,
  tierCostTitle: "Monthly cost by tier: pure cloud against hybrid routing",
  strategyAxis: "Strategy",
  costAxis: "Cost per month (USD)",
  // Figure 59.4b.
  savingsFree: "Savings, local calls free (the chapter's count)",
  savingsPaid: "Savings with local hardware paid",
  endFree: "local calls free",
  endPaid: "hardware paid",
  thresholdHover: "threshold %{x:.2f}: %{y:.1f}% saved<extra></extra>",
  thresholdTitle: "Savings against the complexity threshold",
  thresholdAxis: "Complexity threshold for the premium tier (score, 0 to 1)",
  savedAxis: "Saved against pure cloud (%)",
  chapterThreshold: (threshold: string, saved: string) => `chapter's threshold ${threshold}: ${saved}% saved`,
  // The what-if panel.
  panelTitle: "the hybrid router at your task mix, volume and threshold",
  volumeControl: "Calls per day",
  thresholdControl: "Premium from complexity (0–1)",
  shareControl: (taskType: string) => `${taskType} (%)`,
  noShare: "give at least one task type a share of the calls above 0%",
  panelScenario: (calls: string, threshold: string) => `At ${calls} calls a day, with the premium tier from complexity ${threshold}`,
  saves: (month: string, percent: string) => `saves ${month} a month (${percent})`,
  costsMore: (month: string, percent: string) => `costs ${month} a month more (${percent} more)`,
  panelLocal: (scenario: string, hybrid: string, cloud: string, local: string, server: string, pure: string, paid: string, free: string) =>
    `${scenario}, hybrid routing costs ${hybrid} a month: ${cloud} of cloud calls and ${local} for the ${server} server behind the local tiers. ` +
    `Against pure cloud's ${pure}, it ${paid} with the hardware paid; ` +
    `as the chapter counts it, local calls free, it ${free}.`,
  panelNoLocal: (scenario: string, hybrid: string, pure: string, verdict: string) =>
    `${scenario}, no task goes to a local tier, so no local server is paid: hybrid routing costs ${hybrid} a month against pure cloud's ${pure} and ${verdict}.`,
  scaled: (total: string) => ` The shares add up to ${total}%, so each counts as its part of that total (scaled to 100%).`,
};

/** The router's tiers in Chinese, as the page's prose names them. */
const TIER_ZH: Record<string, string> = {
  local_small: "本地小模型",
  local_large: "本地大模型",
  cloud_economy: "云端经济型模型",
  cloud_premium: "云端顶级模型",
};

/** The data's task types (task_types.csv) in Chinese: the ids are the data's, their words are the page's. */
const TASK_TYPE_ZH: Record<string, string> = {
  simple_qa: "简单问答",
  summarization: "摘要",
  code_generation: "代码生成",
  code_debugging: "代码调试",
  multi_step_research: "多步调研",
  system_automation: "系统自动化",
  complex_analysis: "复杂分析",
  compliance_query: "合规查询",
  quote_calculation: "复杂报价计算",
};

/** A tier in Chinese; an id the router does not know stays as the data writes it. */
export const tierZh = (tier: string): string => TIER_ZH[tier] ?? tier;

/** A task type in Chinese; an id the page has no words for stays as the data writes it. */
export const taskTypeZh = (taskType: string): string => TASK_TYPE_ZH[taskType] ?? taskType;

/** Chinese as an analyst in mainland China writes it: full-width punctuation beside Chinese, names as the data gives them. */
export const HYBRID_ROUTING_WORDS = catalogue(EN, {
  hTier: "层级",
  hModel: "模型",
  hPerCall: "USD/次",
  hMaxContext: "最大上下文（token）",
  tiersCaption: (file) => `路由层级（${file}）`,
  hTaskType: "任务类型",
  hShare: "调用占比（%）",
  hComplexity: "复杂度",
  hCallsPerDay: "次/日",
  hPerMonth: "USD/月",
  routingCaption: (calls, threshold) => `每日路由 ${calls} 次调用，顶级层级阈值 ${threshold}`,
  viewChapter: "按本章算法（本地调用按零成本计）",
  viewPaid: (server, month) => `计入 ${server} 的成本（每月 ${month}）`,
  hPureCloud: "纯云端（USD/月）",
  hHybrid: "混合（USD/月）",
  hSaved: "节省（USD/月）",
  hSavedPercent: "节省比例（%）",
  savingsCaption: "混合路由与纯云端对比",
  headline: (chapter, paid, paidSaves) =>
    `按本章算法，节省 **${chapter}**。计入本地硬件成本后，${paidSaves ? `节省 **${paid}**` : `反而比纯云端多花 **${paid.replace(/^-/, "")}**`}。`,
  barPureCloud: "纯云端",
  barHybridFree: "混合（不计本地成本）",
  barHybridPaid: "混合（计入本地硬件）",
  localHardware: (server) => `本地硬件（${server}）`,
  localHardwareHover: "本地硬件：%{y:$,.0f}<extra></extra>",
  tierHover: (tier) => `${tier}：%{y:$,.0f}<extra></extra>`,
  tierCostTitle: "各层级月成本：纯云端与混合路由对比",
  strategyAxis: "方案",
  costAxis: "月成本（USD）",
  savingsFree: "节省比例（本地调用按零成本计，本章算法）",
  savingsPaid: "节省比例（计入本地硬件成本）",
  endFree: "本地调用零成本",
  endPaid: "计入硬件",
  thresholdHover: "阈值 %{x:.2f}：节省 %{y:.1f}%<extra></extra>",
  thresholdTitle: "节省比例与复杂度阈值",
  thresholdAxis: "顶级层级的复杂度阈值（评分，0 到 1）",
  savedAxis: "相对纯云端的节省（%）",
  chapterThreshold: (threshold, saved) => `本章阈值 ${threshold}：节省 ${saved}%`,
  panelTitle: "按你的任务构成、调用量和阈值重算混合路由",
  volumeControl: "每日调用次数",
  thresholdControl: "复杂度达到多少走顶级层级（0–1）",
  shareControl: (taskType) => `${taskType}（%）`,
  noShare: "请至少为一种任务类型设定大于 0% 的调用占比",
  panelScenario: (calls, threshold) => `按每日 ${calls} 次调用、复杂度 ${threshold} 起走顶级层级计`,
  saves: (month, percent) => `每月节省 ${month}（${percent}）`,
  costsMore: (month, percent) => `每月多花 ${month}（多 ${percent}）`,
  panelLocal: (scenario, hybrid, cloud, local, server, pure, paid, free) =>
    `${scenario}，混合路由每月 ${hybrid}：其中云端调用 ${cloud}，本地层级所用的 ${server} 服务器 ${local}。` +
    `与纯云端的 ${pure} 相比，计入硬件成本后${paid}；按本章算法（本地调用按零成本计），${free}。`,
  panelNoLocal: (scenario, hybrid, pure, verdict) =>
    `${scenario}，没有任务发往本地层级，因此无需支付本地服务器：混合路由每月 ${hybrid}，纯云端 ${pure}，${verdict}。`,
  scaled: (total) => `各项占比合计 ${total}%，因此按各自占合计的比例折算（归一到 100%）。`,
});
