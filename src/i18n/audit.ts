/**
 * The audit page's own words (59.6): its summary, its tables' headers and cells, its findings from the data, what each
 * difference does to a decision, Figures 59.6a–c and its what-if panel, in every language. The audit checks the
 * chapter's printed figures, so its money stays in the chapter's dollars: values arrive formatted, a message orders them.
 */
import { catalogue } from "./catalogue";
import type { Lang } from "./lang";

/** The facts of the calendar finding, formatted, for each language to order. */
export interface CalendarFacts {
  weekdays: number;
  weekendDays: number;
  /** Calendar months' spans, e.g. "20-23". */
  weekdaySpan: string;
  weekendSpan: string;
  averageDays: string;
  averageWeekdays: string;
  averageWeekendDays: string;
  cloudAverage: string;
  cloudStated: string;
  local: string;
  gapAverage: string;
  gapStated: string;
}

/** The facts of an implied electricity price, formatted. */
export interface ImpliedPriceFacts {
  name: string;
  bill: string;
  powerKw: number | undefined;
  hours: number;
  kwh: string;
  implied: string;
  reference: string;
  price: string;
  billAtReference: string;
  gap: string;
  less: boolean;
}

/** The facts of a router that leaves tiers idle, formatted; tier and task names already in the language. */
export interface RouterFacts {
  toolCalls: number;
  contextTokens: string;
  taskTypes: number;
  lowest: string;
  highest: string;
  reached: readonly string[];
  routes: readonly string[];
  unreached: readonly string[];
}

/** The facts of a formula and its example in different units, formatted. */
export interface UnitFacts {
  section: string;
  quantity: string;
  formulaUnit: string;
  exampleUnit: string;
  exampleValue: string;
  /** Present where the example can be read in the formula's unit. */
  reread?: { value: number; reread: string; rate: string; currency: string; per: string };
  cost?: { name: string; after: string; before: string };
}

const EN = {
  // The page's summary (59.6's first cell).
  noPrintedFigures: (file: string) => `${file} records no printed figures, so none is checked against a print`,
  printedMatch: (matching: number, total: number, byInputs: number, flagged: number) =>
    `**${matching} of ${total}** printed figures match the chapter's formulas within their rounding` +
    (byInputs > 0 ? ` (${byInputs} only with the inputs the chapter itself states)` : "") +
    `; **${flagged}** are flagged`,
  summary: (printedLine: string, findings: number, noPrinted: boolean) =>
    `${printedLine}, and the data shows **${findings}** ${noPrinted ? "findings" : "more findings"}.`,
  topMoves: (label: string, money: string) => ` The one that moves most: ${label}, **${money} a month**.`,
  // The printed figures' table.
  flagByChapterInputs: "the chapter's inputs give it",
  flagFlagged: "flagged",
  hSection: "Section",
  hFigure: "Figure",
  hPrinted: "Printed",
  hRecomputed: "Recomputed",
  hDifference: "Difference",
  hRelative: "Relative (%)",
  hAtChapterInputs: "At the chapter's inputs",
  printedCaption: (file: string) => `Every printed figure of chapter 59 (${file})`,
  // What the flags mean.
  flagNote: (label: string, section: string, byInputs: boolean, note: string | undefined) =>
    `- **${label}** (${section}${byInputs ? ", given by the chapter's own inputs" : ""}): ${note ?? "no explanation recorded"}`,
  nothingToCheck: (file: string) => `${file} records no printed figures, so there is nothing to check against a print.`,
  allMatch: "Every printed figure matches its formula within its rounding.",
  // Findings from the data.
  hFinding: "Finding",
  hMovesMonth: "Moves ($/month)",
  hMovesBreakEven: "Moves break-even (calls/day)",
  findingsCaption: (file: string) => `Findings from ${file}, hardware.csv, task_types.csv, routing_tiers.csv and chapter_statements.csv`,
  findingNote: (title: string, section: string, detail: string) => `- **${title}** (${section}): ${detail}`,
  // The ranking.
  hRank: "#",
  hWhat: "What differs",
  hKind: "Kind",
  hDecision: "Decision it bears on",
  kindFinding: "found from the data",
  kindPrinted: "printed figure",
  rankingCaption: "Every flagged figure and finding, by the money per month it moves",
  nothingToRank: "Nothing is flagged and the data shows no finding: there is nothing to rank.",
  // What a flagged printed figure does to a decision (figureEffect).
  effectNothing: "nothing roilab recomputes",
  effectBreakEven: (model: string, recomputed: string, perDay: boolean, printed: string) =>
    `break-even with ${model}: ${recomputed} ${perDay ? "a day" : "a month"}, not ${printed}`,
  effectMonthly: (label: string, recomputed: string, printed: string) => `${label}: ${recomputed}, not ${printed}`,
  effectDaily: (label: string, recomputed: string, printed: string) => `${label}: ${recomputed} a day, not ${printed}`,
  effectSavings: (share: string, bill: string, printed: string) => `routing saves ${share}% of ${bill} a month, not ${printed}%`,
  effectOther: (recomputed: number, unit: string, printed: string) =>
    `${recomputed} ${unit}, not ${printed}; moves no cost the chapter computes`,
  unitWord: (unit: string) =>
    ({ gb: "GB", tokens_per_second: "tokens a second", percent: "%", kw: "kW", kwh: "kWh" })[unit] ?? unit.replace(/_/g, " "),
  // The calendar finding.
  cheaper: (money: string) => `${money} cheaper`,
  dearer: (money: string, percent: string) => `${money} (${percent}) dearer`,
  calendarTitle: "The case study's month has more weekdays than any month",
  calendarDetail: (f: CalendarFacts) =>
    `The case study bills ${f.weekdays} weekdays and ${f.weekendDays} weekend days a month; calendar months have ${f.weekdaySpan} weekdays and ${f.weekendSpan} weekend days. ` +
    `An average month (365.25/12 = ${f.averageDays} days) has ${f.averageWeekdays} weekdays and ${f.averageWeekendDays} weekend days: all-cloud then costs ${f.cloudAverage} a month, not ${f.cloudStated}, ` +
    `so all-local (${f.local}) is ${f.gapAverage} than all-cloud, where the chapter's month makes it ${f.gapStated}.`,
  calendarDecision: (gapAverage: string, gapStated: string) =>
    `all-local against all-cloud: ${gapAverage} in an average month, ${gapStated} in the chapter's`,
  // The implied electricity price.
  impliedTitle: (name: string) => `${name}: its power bill implies a different electricity price`,
  impliedDetail: (f: ImpliedPriceFacts) =>
    `${f.name} states ${f.bill} of electricity a month for ${f.powerKw} kW over ${f.hours} hours (${f.kwh} kWh): $${f.implied} per kWh, where ${f.reference} is priced at $${f.price} per kWh. At that price its bill would be ${f.billAtReference}, ${f.gap} a month ${f.less ? "less" : "more"}.`,
  impliedDecisionShift: (name: string, model: string, calls: string) => `${name}'s break-even with ${model} moves ${calls} calls a day`,
  impliedDecision: (name: string) => `${name}'s monthly cost`,
  // One setup, two prices.
  asStated: (money: string) => `${money} as stated`,
  itemised: (total: string, capex: string, months: number | undefined, power: string, ops: string) =>
    `${total}, itemised as ${capex}/${months} + ${power} + ${ops}`,
  sameSetupTitle: (count: number, gpu: string) => `${count}x ${gpu}: two monthly costs`,
  sameSetupDetail: (first: string, firstCost: string, second: string, count: number, gpu: string, secondCost: string, gap: string) =>
    `${first} costs ${firstCost}; ${second}, the same ${count}x ${gpu}, costs ${secondCost}: ${gap} a month apart.`,
  sameSetupBreakEvens: (model: string, first: string, second: string) =>
    ` Against ${model} they break even at ${first} and ${second} calls a day.`,
  sameSetupDecision: (gpu: string, model: string, first: string, second: string) =>
    `break-even of one ${gpu} with ${model}: ${first} or ${second} calls a day`,
  sameSetupDecisionCost: "the monthly cost of one setup",
  // The router.
  routerTitle: (unreached: number, tiers: number) => `${unreached} of the router's ${tiers} tiers receive no task`,
  routerDetail: (f: RouterFacts) =>
    `With the router's assumed task (${f.toolCalls} tool calls, ${f.contextTokens} context tokens) the ${f.taskTypes} task types score ${f.lowest} to ${f.highest} ` +
    `and go to the ${f.reached.join(" and the ")} only (${f.routes.join(", ")}); ` +
    `no task type reaches the ${f.unreached.join(" or the ")}.`,
  route: (task: string, score: string, tier: string) => `${task} ${score} → ${tier}`,
  routerDecision: (reached: number, tiers: number) =>
    `the router works as ${reached} tiers, not ${tiers}; no cost the chapter computes changes`,
  contextTitle: (tier: string) => `The ${tier}'s context is shorter than one typical call`,
  contextDetail: (tier: string, model: string, holds: string, input: string, output: string, call: string, more: string) =>
    `The ${tier} (${model}) holds ${holds} tokens; one call of the typical workload is ${input} input + ${output} output = ${call} tokens, ${more} more than it holds.`,
  contextDecision: (tier: string) => `a typical call cannot run on the ${tier}`,
  // A formula and its example in different units.
  currencyWord: (currency: string) => ({ usd: "dollars", cny: "yuan" })[currency] ?? currency,
  unitWords: (currency: string, per: string) => `${currency}${per ? ` per ${per}` : ""}`,
  quantityWords: (quantity: string) => quantity.replace(/_/g, " "),
  unitTitle: (quantity: string, section: string) =>
    `${quantity.charAt(0).toUpperCase() + quantity.slice(1)}: the ${section} formula and its example use different units`,
  unitDetail: (f: UnitFacts) =>
    `The ${f.section} formula states ${f.quantity} in ${f.formulaUnit}; its worked example uses ${f.exampleValue} ${f.exampleUnit}.` +
    (f.reread
      ? ` Read in the formula's unit, ${f.reread.value} ${f.formulaUnit} is ${f.reread.reread} ${f.exampleUnit} at the chapter's own ${f.reread.rate} ${f.reread.currency} to the ${f.reread.per}`
      : "") +
    (f.cost ? `: ${f.cost.name} would cost ${f.cost.after} a month instead of ${f.cost.before}.` : "."),
  aValue: "a value",
  perDollar: "dollar",
  unitDecision: (name: string, shift: { model: string; calls: string } | undefined) =>
    `${name}'s monthly cost${shift ? ` and its break-even with ${shift.model} (${shift.calls} calls a day)` : ""}, if the formula's unit were meant`,
  unitDecisionWhich: "which unit the chapter's prices are in",
  // Figures 59.6a and 59.6b.
  differencesTitle: "Printed figures that differ from the chapter's formulas",
  differenceName: "Difference",
  differencesAxis: "Recomputed minus printed (% of printed)",
  materialityTitle: "What each difference moves, in money per month",
  materialityAxis: "USD per month the difference moves",
  materialityFinding: "Found from the data",
  materialityPrinted: "Printed figure",
  materialityHover: "%{y}: $%{x:,.2f} a month<extra></extra>",
  // The what-if panel.
  panelTitle: "the figures still flagged if a print may be off by more than its rounding",
  roundingControl: "Times the printed rounding",
  atPrinted: "At the printed rounding",
  allowing: (steps: string) => `Allowing ${steps} times the printed rounding`,
  noneFlagged: (allowing: string, total: number) =>
    `${allowing}, no printed figure is flagged: the chapter's formulas or its own inputs give all ${total.toLocaleString("en-US")} ${total === 1 ? "figure" : "figures"}.`,
  together: (total: string, largest: string, label: string) => `; together they move ${total} a month, ${largest} of it the ${label}`,
  stillFlagged: (allowing: string, flagged: number, total: number, still: boolean, asPrinted: number | undefined, money: string) =>
    `${allowing}, ${flagged.toLocaleString("en-US")} of the ${total.toLocaleString("en-US")} ${total === 1 ? "printed figure" : "printed figures"} ${flagged === 1 ? "is" : "are"} ${still ? "still " : ""}flagged` +
    `${asPrinted === undefined ? "" : ` (${asPrinted} at the printed rounding)`}${money}.`,
  noFiguresToCheck: "No printed figures to check",
  noneFlaggedAt: (steps: string) => `No printed figure is flagged<br>at ${steps}× the printed rounding`,
  nothingToDraw: "The figures still flagged<br>have no difference to draw",
  stillFlaggedTitle: (steps: string) => `Printed figures still flagged at ${steps}× the printed rounding`,
};

/** The quantities chapter_statements.csv names, in Chinese. */
const QUANTITY_ZH: Record<string, string> = { electricity_price: "电价", a100x4_purchase: "4x A100 购置价" };

/** The units the audit names in Chinese. */
const UNIT_ZH: Record<string, string> = { gb: "GB", tokens_per_second: "tokens/秒", percent: "%", kw: "kW", kwh: "kWh" };

export const AUDIT_WORDS = catalogue(EN, {
  noPrintedFigures: (file) => `${file} 没有记录任何印刷数字，因此无从与印刷值核对`,
  printedMatch: (matching, total, byInputs, flagged) =>
    `**${total} 个**印刷数字中有 **${matching} 个**在印刷舍入范围内与本章公式一致` +
    (byInputs > 0 ? `（其中 ${byInputs} 个仅在采用本章自述的输入时一致）` : "") +
    `；**${flagged} 个**被标记`,
  summary: (printedLine, findings, noPrinted) => `${printedLine}；数据还显示出 **${findings} 项**${noPrinted ? "" : "其他"}问题。`,
  topMoves: (label, money) => `影响最大的一项：${label}，**每月 ${money}**。`,
  flagByChapterInputs: "本章输入可得出",
  flagFlagged: "已标记",
  hSection: "章节",
  hFigure: "数字",
  hPrinted: "印刷值",
  hRecomputed: "重算值",
  hDifference: "差额",
  hRelative: "相对差（%）",
  hAtChapterInputs: "按本章输入重算",
  printedCaption: (file) => `第 59 章的全部印刷数字（${file}）`,
  flagNote: (label, section, byInputs, note) =>
    `- **${label}**（${section}${byInputs ? "，可由本章自述的输入得出" : ""}）：${note ?? "未记录说明"}`,
  nothingToCheck: (file) => `${file} 没有记录任何印刷数字，因此无从与印刷值核对。`,
  allMatch: "每个印刷数字都在其舍入范围内与公式一致。",
  hFinding: "发现",
  hMovesMonth: "影响金额（US$/月）",
  hMovesBreakEven: "盈亏平衡点变动（次/日）",
  findingsCaption: (file) => `来自 ${file}、hardware.csv、task_types.csv、routing_tiers.csv 和 chapter_statements.csv 的发现`,
  findingNote: (title, section, detail) => `- **${title}**（${section}）：${detail}`,
  hRank: "序号",
  hWhat: "差异内容",
  hKind: "类型",
  hDecision: "涉及的决策",
  kindFinding: "数据中发现",
  kindPrinted: "印刷数字",
  rankingCaption: "全部被标记的数字与发现，按每月影响金额排序",
  nothingToRank: "没有被标记的数字，数据也未显示任何问题：无可排序。",
  effectNothing: "roilab 不重算此项",
  effectBreakEven: (model, recomputed, perDay, printed) =>
    `与 ${model} 的盈亏平衡点：${perDay ? "每日" : "每月"} ${recomputed} 次，而非 ${printed} 次`,
  effectMonthly: (label, recomputed, printed) => `${label}：${recomputed}，而非 ${printed}`,
  effectDaily: (label, recomputed, printed) => `${label}：每日 ${recomputed}，而非 ${printed}`,
  effectSavings: (share, bill, printed) => `路由节省每月 ${bill} 的 ${share}%，而非 ${printed}%`,
  effectOther: (recomputed, unit, printed) => `${recomputed} ${unit}，而非 ${printed}；不影响本章计算的任何成本`,
  unitWord: (unit) => UNIT_ZH[unit] ?? unit.replace(/_/g, " "),
  cheaper: (money) => `便宜 ${money}`,
  dearer: (money, percent) => `贵 ${money}（${percent}）`,
  calendarTitle: "案例研究的月份比任何自然月的工作日都多",
  calendarDetail: (f) =>
    `案例研究按每月 ${f.weekdays} 个工作日和 ${f.weekendDays} 个周末日计费；而自然月有 ${f.weekdaySpan} 个工作日和 ${f.weekendSpan} 个周末日。` +
    `平均每月（365.25/12 = ${f.averageDays} 天）有 ${f.averageWeekdays} 个工作日和 ${f.averageWeekendDays} 个周末日：此时全部上云每月花费 ${f.cloudAverage}，而非 ${f.cloudStated}，` +
    `因此全部本地部署（${f.local}）比全部上云${f.gapAverage}，而按本章的月份计算则${f.gapStated}。`,
  calendarDecision: (gapAverage, gapStated) => `全部本地部署对比全部上云：平均月份下${gapAverage}，按本章月份${gapStated}`,
  impliedTitle: (name) => `${name}：其电费隐含的电价与其他配置不同`,
  impliedDetail: (f) =>
    `${f.name} 列出每月电费 ${f.bill}，功率 ${f.powerKw} kW，运行 ${f.hours} 小时（${f.kwh} kWh）：折合每 kWh US$${f.implied}，而 ${f.reference} 的电价为每 kWh US$${f.price}。按该电价，其电费应为 ${f.billAtReference}，每月${f.less ? "少" : "多"} ${f.gap}。`,
  impliedDecisionShift: (name, model, calls) => `${name} 与 ${model} 的盈亏平衡点变动每日 ${calls} 次调用`,
  impliedDecision: (name) => `${name} 的月度成本`,
  asStated: (money) => `${money}（按所列总额）`,
  itemised: (total, capex, months, power, ops) => `${total}，分项为 ${capex}/${months} + ${power} + ${ops}`,
  sameSetupTitle: (count, gpu) => `${count}x ${gpu}：两个不同的月度成本`,
  sameSetupDetail: (first, firstCost, second, count, gpu, secondCost, gap) =>
    `${first} 每月 ${firstCost}；${second} 同为 ${count}x ${gpu}，每月 ${secondCost}：两者每月相差 ${gap}。`,
  sameSetupBreakEvens: (model, first, second) => `与 ${model} 相比，两者的盈亏平衡点分别为每日 ${first} 次和 ${second} 次调用。`,
  sameSetupDecision: (gpu, model, first, second) => `单台 ${gpu} 与 ${model} 的盈亏平衡点：每日 ${first} 次或 ${second} 次调用`,
  sameSetupDecisionCost: "同一配置的月度成本",
  routerTitle: (unreached, tiers) => `路由器的 ${tiers} 个层级中有 ${unreached} 个收不到任何任务`,
  routerDetail: (f) =>
    `按路由器假设的任务（${f.toolCalls} 次工具调用、${f.contextTokens} 个上下文 token），${f.taskTypes} 类任务的复杂度得分为 ${f.lowest} 至 ${f.highest}，` +
    `只会被分配到${f.reached.join("和")}（${f.routes.join("，")}）；` +
    `没有任何任务类型会到达${f.unreached.join("或")}。`,
  route: (task, score, tier) => `${task} ${score} → ${tier}`,
  routerDecision: (reached, tiers) => `路由器实际只有 ${reached} 个层级在工作，而非 ${tiers} 个；本章计算的成本均不受影响`,
  contextTitle: (tier) => `${tier}的上下文长度容不下一次典型调用`,
  contextDetail: (tier, model, holds, input, output, call, more) =>
    `${tier}（${model}）最多容纳 ${holds} 个 token；典型工作负载的一次调用为 ${input} 输入 + ${output} 输出 = ${call} 个 token，超出 ${more} 个。`,
  contextDecision: (tier) => `典型调用无法在${tier}上运行`,
  currencyWord: (currency) => ({ usd: "美元", cny: "元" })[currency] ?? currency,
  unitWords: (currency, per) => (per ? `${currency}/${per}` : currency),
  quantityWords: (quantity) => QUANTITY_ZH[quantity] ?? quantity.replace(/_/g, " "),
  unitTitle: (quantity, section) => `${quantity}：${section} 的公式与其示例单位不同`,
  unitDetail: (f) =>
    `${f.section} 的公式以 ${f.formulaUnit} 表示 ${f.quantity}；其计算示例使用 ${f.exampleValue} ${f.exampleUnit}。` +
    (f.reread
      ? `若按公式的单位理解，${f.reread.value} ${f.formulaUnit} 按本章自己的汇率（${f.reread.rate} ${f.reread.currency}兑 1 ${f.reread.per}）折合 ${f.reread.reread} ${f.exampleUnit}`
      : "") +
    (f.cost ? `：${f.cost.name} 每月将花费 ${f.cost.after}，而非 ${f.cost.before}。` : "。"),
  aValue: "某个数值",
  perDollar: "美元",
  unitDecision: (name, shift) =>
    `若公式的单位才是本意：${name} 的月度成本${shift ? `及其与 ${shift.model} 的盈亏平衡点（每日 ${shift.calls} 次调用）` : ""}`,
  unitDecisionWhich: "本章价格所用的单位",
  differencesTitle: "与本章公式不一致的印刷数字",
  differenceName: "差额",
  differencesAxis: "重算值减印刷值（占印刷值的 %）",
  materialityTitle: "每处差异影响的月度金额",
  materialityAxis: "差异影响的金额（US$/月）",
  materialityFinding: "数据中发现",
  materialityPrinted: "印刷数字",
  materialityHover: "%{y}：每月 US$%{x:,.2f}<extra></extra>",
  panelTitle: "若允许印刷数字偏离超过其舍入精度，仍被标记的数字",
  roundingControl: "印刷舍入精度的倍数",
  atPrinted: "按印刷舍入精度",
  allowing: (steps) => `允许偏离 ${steps} 倍印刷舍入精度时`,
  noneFlagged: (allowing, total) =>
    `${allowing}，没有印刷数字被标记：本章公式或其自述输入可得出全部 ${total.toLocaleString("en-US")} 个数字。`,
  together: (total, largest, label) => `；它们合计每月影响 ${total}，其中 ${largest} 来自${label}`,
  stillFlagged: (allowing, flagged, total, still, asPrinted, money) =>
    `${allowing}，${total.toLocaleString("en-US")} 个印刷数字中${still ? "仍" : ""}有 ${flagged.toLocaleString("en-US")} 个被标记` +
    `${asPrinted === undefined ? "" : `（按印刷舍入精度为 ${asPrinted} 个）`}${money}。`,
  noFiguresToCheck: "没有可核对的印刷数字",
  noneFlaggedAt: (steps) => `按 ${steps} 倍印刷舍入精度<br>没有印刷数字被标记`,
  nothingToDraw: "仍被标记的数字<br>没有可绘制的差额",
  stillFlaggedTitle: (steps) => `按 ${steps} 倍印刷舍入精度仍被标记的印刷数字`,
});

/** The audit's words in `lang`. */
export const auditWords = (lang: Lang) => AUDIT_WORDS[lang];
