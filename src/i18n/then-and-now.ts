/**
 * Then and now's own words (59.11): its key findings and the chapter's conclusions tested, its tables' headers and
 * cells, figure 59.11a and its what-if panel, in every language. Values arrive formatted (money, counts, names,
 * edition labels); a message orders them. Names of models, servers and benchmarks stay as the data writes them.
 */
import { catalogue } from "./catalogue";
import type { Lang } from "./lang";

const EN = {
  // The key findings.
  findings: (then: string, now: string, heldNow: number, total: number, heldThen: number) =>
    `**Key findings, ${then} against ${now}.** ${heldNow} of the chapter's ${total} conclusions hold at the later edition's prices (${heldThen} at its own):`,
  verdict: (claim: string, thenMark: string, then: string, nowMark: string, now: string, evidence: string) =>
    `- ${claim}: ${thenMark} in ${then}, **${nowMark} in ${now}**; ${evidence}.`,
  holds: "holds",
  doesNotHold: "does not hold",
  // The conclusions (conclusions()).
  claimLowVolume: "Below about a thousand calls a day an API is cheaper than owning a server",
  claimRouting: "Routing simple tasks to local models saves at least half of a premium-only bill",
  claimHybrid: "Under the case study's residency rules, hybrid is the cheapest compliant option",
  scenarioBreaksEven: (index: number, calls: string, server: string, api: string) =>
    `scenario ${index} breaks even at ${calls} calls a day (${server} vs ${api})`,
  editionScenarios: (label: string, scenarios: readonly string[]) => `in ${label} ${scenarios.join(", ")}`,
  lowVolumeEvidence: (editions: readonly string[], least: string) =>
    `${editions.join("; ")} (it holds where every scenario breaks even at ${least} or more)`,
  routingEvidence: (thenPercent: string, then: string, nowPercent: string, now: string) =>
    `the example router saves ${thenPercent}% in ${then} and ${nowPercent}% in ${now}, counting local calls free as the chapter does`,
  winnerText: (name: string, way: string, month: string, quality: string) =>
    `${name}, ${way}, at ${month} (quality against today's: ${quality})`,
  noOption: "no option",
  hybridEvidence: (then: string, thenWinner: string, now: string, nowWinner: string, thenOwn: string, nowOwn: string) =>
    `over every model, server and rental under the rule, the cheapest compliant option in ${then} is ${thenWinner}, in ${now} ${nowWinner}; of the case study's own three options, with the servers its busiest hour needs, ${thenOwn} and ${nowOwn}`,
  never: "never",
  // The case study's own three options, and an option's way.
  allCloud: "all cloud",
  allLocal: "all local",
  hybrid: "hybrid",
  // The tier table.
  tierTop: "top",
  tierMiddle: "middle",
  tierLow: "low",
  none: "none",
  hTier: "Tier",
  hCheapest: (label: string) => `Cheapest, ${label}`,
  hPerMonth: "$/month",
  hChange: "Change",
  tierCaption: (models: string, benchmarks: string, workloads: string) =>
    `The cheapest API per tier at each edition's typical workload (${models}, ${benchmarks}, ${workloads})`,
  tierRule: (label: string, rule: string) => `**${label}:** ${rule}`,
  differentBenchmarks: (then: string, now: string) =>
    `The two editions rank on different benchmarks (${then}, ${now}), so a tier of one is not a tier of the other: the table names each edition's cheapest without a change between them.`,
  // The scenario table.
  scenarioRow: (index: number, label: string) => `${index}, ${label}`,
  hScenario: "Scenario",
  hServer: "Server",
  hApi: "API",
  hServerMonth: "Server $/month",
  hApiCall: "API $/call",
  hBreakEven: "Break-even calls/day",
  scenarioCaption: "Where owning the server starts to pay, then and now",
  // The case study's table and its paragraph.
  hOption: "Option",
  hOneServer: (label: string) => `One server, ${label}`,
  hServersNeeded: (label: string) => `Servers needed, ${label}`,
  caseCaption: (file: string) => `Case study, $ per month (${file})`,
  caseParagraph: (budget: string, thenPick: string, then: string, thenServers: string, nowPick: string, now: string, nowServers: string) =>
    `Among all-cloud, all-local and hybrid with the servers each needs, the cheapest compliant option within the ${budget} budget is **${thenPick}** in ${then} (all-local needs ${thenServers}) and **${nowPick}** in ${now} (all-local needs ${nowServers}). Those three are built from the case study's one cloud tier model; over every model, server and rental under the same rule:`,
  editionLine: (label: string, line: string) => `- **${label}:** ${line}`,
  // Figure 59.11a.
  cheapestGroup: "Cheapest API per quality tier, $/month",
  cheapestShort: (tier: string) => `Cheapest ${tier} API`,
  breakEvenGroup: "Break-even, calls a day",
  breakEvenShort: (index: number) => `Break-even, scenario ${index}`,
  breakEvenName: (index: number, thenServer: string, thenApi: string, nowServer: string, nowApi: string) =>
    `scenario ${index}: ${thenServer} vs ${thenApi} → ${nowServer} vs ${nowApi}`,
  caseGroup: "Case study with the servers it needs, $/month",
  caseShort: (option: string) => `Case study, ${option}`,
  movesTrace: (now: string, then: string) => `${now} against ${then}`,
  movesHover: (then: string, now: string) =>
    `%{customdata[0]}<br>${then}: %{customdata[1]}<br>${now}: %{customdata[2]}<br>change %{x:+.1f}%<extra></extra>`,
  movesTitle: (then: string, now: string) => `How the chapter's headlines moved, ${then} to ${now}`,
  movesAxis: (then: string, now: string) => `Change from ${then} to ${now} (%)`,
  // The what-if panel.
  panelTitle: "the chapter's headlines at other API prices",
  priceControl: "API prices (× the later edition's)",
  atShare: (label: string, share: string) => `${label} at ${share} of its API prices`,
  panelScenario: (index: number, calls: string, fullPrice: string) =>
    `scenario ${index}${index === 1 ? " breaks even" : ""} at ${calls}${index === 1 ? " calls a day" : ""} (${fullPrice} at full price)`,
  noneAtFullPrice: ", where none passes at full price",
  asAtFullPrice: ", as at full price",
  otherAtFullPrice: (name: string | undefined, month: string) => ` (${name === undefined ? "" : `${name}, `}${month} at full price)`,
  panelCase: (name: string, month: string, fullPrice: string) =>
    `the case study's cheapest compliant option is ${name} at ${month} a month${fullPrice}`,
  noneCase: "no option passes the case study's rules",
  turned: (claim: string, holds: boolean) => `"${claim}" ${holds ? "now holds" : "no longer holds"}`,
  panelSummary: (
    share: string,
    label: string,
    parts: readonly string[],
    held: number,
    total: number,
    heldAsIs: number,
    turned: readonly string[],
  ) =>
    `At ${share} of ${label}'s API prices, ${parts.join("; ")}. ` +
    `${held} of the chapter's ${total} conclusions ${held === 1 ? "holds" : "hold"} (${heldAsIs} at full price)${turned.length > 0 ? `: ${turned.join("; ")}` : ""}.`,
};

/** A name beside Chinese text: a space parts it from Chinese only where it starts (`lead`) or ends (`trail`) in Latin letters or digits. */
const lead = (name: string) => (/^[A-Za-z0-9]/.test(name) ? ` ${name}` : name);
const trail = (name: string) => (/[A-Za-z0-9)]$/.test(name) ? `${name} ` : name);

/** Chinese as an analyst in mainland China writes it: full-width punctuation beside Chinese, names as the data gives them. */
export const THEN_AND_NOW_WORDS = catalogue(EN, {
  findings: (then, now, heldNow, total, heldThen) =>
    `**核心结论**：${then} 对比 ${now}。本章 ${total} 条结论中，有 ${heldNow} 条在较新版本的价格下依然成立（按本章版本自身的价格为 ${heldThen} 条）：`,
  verdict: (claim, thenMark, then, nowMark, now, evidence) => `- ${claim}：${then} ${thenMark}，**${now} ${nowMark}**；${evidence}。`,
  holds: "成立",
  doesNotHold: "不成立",
  claimLowVolume: "日调用量低于约一千次时，API 比自有服务器便宜",
  claimRouting: "把简单任务路由到本地模型，至少能省下只用高端模型时账单的一半",
  claimHybrid: "在实战案例的数据驻留规则下，混合方案是最便宜的合规方案",
  scenarioBreaksEven: (index, calls, server, api) => `场景 ${index} 的盈亏平衡点为每天 ${calls} 次调用（${server} 对比 ${api}）`,
  editionScenarios: (label, scenarios) => `${label}：${scenarios.join("，")}`,
  lowVolumeEvidence: (editions, least) => `${editions.join("；")}（每个场景的盈亏平衡点都不低于每天 ${least} 次时，该结论成立）`,
  routingEvidence: (thenPercent, then, nowPercent, now) =>
    `示例路由器在 ${then} 节省 ${thenPercent}%，在 ${now} 节省 ${nowPercent}%（与本章一样，本地调用按零成本计）`,
  winnerText: (name, way, month, quality) => `${name}（${way}），每月 ${month}（与现用质量相比：${quality}）`,
  noOption: "没有方案",
  hybridEvidence: (then, thenWinner, now, nowWinner, thenOwn, nowOwn) =>
    `在该规则下遍历所有模型、服务器和租用方案，${then} 最便宜的合规方案是${lead(thenWinner)}，${now} 是${lead(nowWinner)}；若只看实战案例自身的三个方案、并按最繁忙时段配足服务器，则分别是${thenOwn}和${nowOwn}`,
  never: "永不",
  allCloud: "全云端",
  allLocal: "全本地",
  hybrid: "混合",
  tierTop: "高档",
  tierMiddle: "中档",
  tierLow: "低档",
  none: "无",
  hTier: "档位",
  hCheapest: (label) => `${label} 最便宜`,
  hPerMonth: "$/月",
  hChange: "变化",
  tierCaption: (models, benchmarks, workloads) => `各版本典型工作负载下，每个档位中最便宜的 API（${models}、${benchmarks}、${workloads}）`,
  tierRule: (label, rule) => `**${label}**：${rule}`,
  differentBenchmarks: (then, now) =>
    `两个版本按不同的基准分档（${then}、${now}），一个版本的档位并不等同于另一个版本的档位：表中分别列出各版本最便宜的模型，不计算两者之间的变化。`,
  scenarioRow: (index, label) => `场景 ${index}（${label}）`,
  hScenario: "场景",
  hServer: "服务器",
  hApi: "API",
  hServerMonth: "服务器（$/月）",
  hApiCall: "API（$/次）",
  hBreakEven: "盈亏平衡点（次/天）",
  scenarioCaption: "自有服务器从何时开始划算：今昔对比",
  hOption: "方案",
  hOneServer: (label) => `一台服务器，${label}`,
  hServersNeeded: (label) => `按需配置，${label}`,
  caseCaption: (file) => `实战案例，$/月（${file}）`,
  caseParagraph: (budget, thenPick, then, thenServers, nowPick, now, nowServers) =>
    `在全云端、全本地和混合三个方案中（各自配足所需的服务器），${budget} 预算之内最便宜的合规方案在 ${then} 是**${thenPick}**（全本地需要 ${thenServers}），在 ${now} 是**${nowPick}**（全本地需要 ${nowServers}）。这三个方案都基于实战案例中唯一的云端档位模型；在同一规则下遍历所有模型、服务器和租用方案：`,
  editionLine: (label, line) => `- **${label}**：${line}`,
  cheapestGroup: "各质量档位中最便宜的 API，$/月",
  cheapestShort: (tier) => `最便宜的${tier} API`,
  breakEvenGroup: "盈亏平衡点，次/天",
  breakEvenShort: (index) => `盈亏平衡点，场景 ${index}`,
  breakEvenName: (index, thenServer, thenApi, nowServer, nowApi) =>
    `场景 ${index}：${thenServer} 对比 ${thenApi} → ${nowServer} 对比 ${nowApi}`,
  caseGroup: "按需配置服务器的实战案例，$/月",
  caseShort: (option) => `实战案例，${option}`,
  movesTrace: (now, then) => `${now} 对比 ${then}`,
  movesHover: (then, now) => `%{customdata[0]}<br>${then}：%{customdata[1]}<br>${now}：%{customdata[2]}<br>变化 %{x:+.1f}%<extra></extra>`,
  movesTitle: (then, now) => `本章各项核心结果的变化，${then} 至 ${now}`,
  movesAxis: (then, now) => `${then} 至 ${trail(now)}的变化（%）`,
  panelTitle: "按其他 API 价格重看本章的核心结果",
  priceControl: "API 价格（较新版本价格的倍数）",
  atShare: (label, share) => `${label}（API 价格的 ${share}）`,
  panelScenario: (index, calls, fullPrice) => `场景 ${index} 的盈亏平衡点为每天 ${calls} 次调用（按原价为 ${fullPrice} 次）`,
  noneAtFullPrice: "，而按原价没有方案符合规则",
  asAtFullPrice: "，与按原价时相同",
  otherAtFullPrice: (name, month) => `（按原价为${name === undefined ? "" : `${lead(name)}，`}每月 ${month}）`,
  panelCase: (name, month, fullPrice) => `实战案例最便宜的合规方案是${lead(name)}，每月 ${month}${fullPrice}`,
  noneCase: "没有方案符合实战案例的规则",
  turned: (claim, holds) => `“${claim}”${holds ? "变为成立" : "不再成立"}`,
  panelSummary: (share, label, parts, held, total, heldAsIs, turned) =>
    `按 ${label} API 价格的 ${share} 计：${parts.join("；")}。本章 ${total} 条结论中有 ${held} 条成立（按原价为 ${heldAsIs} 条）${turned.length > 0 ? `：${turned.join("；")}` : ""}。`,
});

/** Then and now's words in `lang`. */
export const thenAndNowWords = (lang: Lang) => THEN_AND_NOW_WORDS[lang];
