/**
 * The decision page: one workload's every option in one table and one figure, the bottom line in one sentence and
 * what would change it. Every verdict, tier and compliance value here is computed by `decide()`.
 */
import { decisionChart, WAY, wayIn, type Figure } from "../charts";
import { complianceIn, optionName, verdictText, type VerdictOption } from "../panels/decision";
import { countryZh, DECISION_WORDS, regionZh } from "../i18n/decision";
import { pricesAsOfZh } from "../i18n/dates";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import type { Dataset, WorkloadRow } from "../data";
import { formatInteger, formatLeastCalls, formatMoney } from "../format";
import { fromUsd } from "../model";
import { caseStudyFromData, caseStudyRow } from "./case-study";
import type { DatedCurrency } from "./currency";
import {
  decide,
  HYBRID_LOCAL_SHARE_OF_TODAY,
  type DecideOptions,
  type Decision,
  type DecisionOption,
  type FlipInput,
  type HybridSplit,
} from "./decide";
import { routerSplit } from "./hybrid-routing";
import { dataFileName, provenance } from "./figure-context";
import { currencyNote } from "./currency";
import { hasLatencyTarget, latencyTargetText } from "./latency";
import { qualityMatchText, qualityRule, qualityText, scoreText } from "./quality";
import { workloadById, workloadOrigin } from "./workload";

/** The option as a reader names it (defined beside the bottom line's words, which the page's what-if shares). */
export { optionName };

export interface DecisionPageOptions {
  workloadId?: string;
  /** The API the workload runs on today where the workload names none. */
  currentModelId?: string;
  /** The case study (case_study.csv) whose allowed_regions apply where the workload states none; empty: no rule. */
  scenarioId?: string;
  targetUtilisation?: number;
  samples?: number;
}

/** What `decide` is told for the page: the workload's own current API (else the one given), its own regions and country (else the case study's). */
export function pageDecideOptions(data: Dataset, options: DecisionPageOptions = {}): DecideOptions {
  const workload = workloadById(data, options.workloadId);
  const scenario = options.scenarioId ? caseStudyRow(data, options.scenarioId) : undefined;
  return {
    workloadId: workload.workloadId,
    currentModelId: workload.currentModelId ?? options.currentModelId,
    allowedRegions: workload.allowedRegions ?? scenario?.allowedRegions,
    country: workload.country ?? scenario?.country,
    targetUtilisation: options.targetUtilisation,
    samples: options.samples,
    hybrid: routerSplit(data, workload),
  };
}

/** The decision for the page: the workload's own current API (else the one given), its own regions and country (else the case study's). */
export function pageDecision(data: Dataset, options: DecisionPageOptions = {}): Decision {
  return decide(data, pageDecideOptions(data, options));
}

/** Where the page's figures of the decision come from. */
export const decisionProvenance = (data: Dataset) =>
  provenance(data, ["models.csv", "hardware.csv", "gpu_rentals.csv", "throughput.csv", "benchmarks.csv", "uncertainty_ranges.csv"]);

/**
 * The case study (case_study.csv) as a workload: the default workload's call, the scenario's month of calls on its
 * days (alike days shaped by its traffic profile), its allowed regions, and its cloud tier's model as today's API.
 */
export function caseStudyWorkload(data: Dataset, scenarioId?: string): WorkloadRow {
  const row = caseStudyRow(data, scenarioId);
  const base = workloadById(data);
  const days = row.weekdayDaysPerMonth + row.weekendDaysPerMonth;
  const cloud = caseStudyFromData(data, row.scenarioId).inputs.cloud.id;
  return {
    ...base,
    workloadId: `case-${row.scenarioId}`,
    callsPerDay: (row.weekdayCallsPerDay * row.weekdayDaysPerMonth + row.weekendCallsPerDay * row.weekendDaysPerMonth) / days,
    daysPerMonth: days,
    weekdayCallsPerDay: undefined,
    weekendCallsPerDay: undefined,
    weekdayProfileId: row.trafficProfileId,
    weekendProfileId: undefined,
    allowedRegions: row.allowedRegions,
    country: row.country ?? base.country,
    currentModelId: data.models.some((model) => model.modelId === cloud) ? cloud : base.currentModelId,
    source: `the case study ${row.scenarioId} (case_study.csv) at the default workload's call`,
  };
}

/** The case study decided over every model, server and rental under its residency rule, by `decide()`. */
export function caseStudyDecision(data: Dataset, scenarioId?: string, samples = 0, targetUtilisation?: number): Decision {
  const workload = caseStudyWorkload(data, scenarioId);
  return decide(
    { ...data, workloads: [workload, ...data.workloads] },
    { workloadId: workload.workloadId, samples, targetUtilisation, hybrid: caseStudySplit(data, scenarioId) },
  );
}

/** The case study's hybrid: its sensitive tasks on its own servers, the rest on the cloud; undefined where none or all are sensitive. */
export function caseStudySplit(data: Dataset, scenarioId?: string): HybridSplit | undefined {
  const row = caseStudyRow(data, scenarioId);
  const mix = data.taskMix.filter((task) => task.mixId === row.mixId);
  const total = mix.reduce((sum, task) => sum + task.share, 0);
  const localShare = total > 0 ? mix.filter((task) => task.sensitive).reduce((sum, task) => sum + task.share, 0) / total : 0;
  if (!(localShare > 0 && localShare < 1)) return undefined;
  return { localShare, basis: `the case study's sensitive tasks (task_mix.csv ${row.mixId}) kept local` };
}

/** Where a rule came from, for the page's inputs line. */
export function ruleText(decision: Decision, lang: Lang = DEFAULT_LANG): string {
  const utilisation = Math.round(decision.targetUtilisation * 100);
  if (lang === "zh-CN") {
    const regions =
      decision.allowedRegions === undefined
        ? "无数据驻留规则"
        : `数据可在${decision.allowedRegions.map((region) => regionZh(region === "on_premises" ? region : region.toUpperCase())).join("或")}处理`;
    const latency = latencyTargetTextIn(decision.workload, lang) ?? "无延迟目标";
    const country =
      decision.country === undefined
        ? ""
        : `；团队位于${countryZh(decision.country)}，服务商未在${countryZh(decision.country)}提供服务的 API 不予考虑`;
    return spaced(`${regions}${country}；${latency}；服务器按最繁忙时段、实测吞吐量的 ${utilisation}% 配置`);
  }
  const regions =
    decision.allowedRegions === undefined
      ? "no residency rule"
      : `data may be processed in ${decision.allowedRegions.map((region) => (region === "on_premises" ? "own servers" : region.toUpperCase())).join(" or ")}`;
  const latency = latencyTargetText(decision.workload) ?? "no latency target";
  const country =
    decision.country === undefined
      ? ""
      : `; the team in ${decision.country}, so an API whose provider does not serve ${decision.country} is no option`;
  return `${regions}${country}; ${latency}; servers sized for the busiest hour at ${utilisation}% of measured throughput`;
}

/** Chinese with a space between a Chinese character and a Latin letter or digit beside it, as Chinese typesetting spaces them. */
const spaced = (text: string): string =>
  text.replace(/([\u4e00-\u9fff])([A-Za-z0-9])/g, "$1 $2").replace(/([A-Za-z0-9%])([\u4e00-\u9fff])/g, "$1 $2");

/** The workload's latency target in Chinese ("p95 下首 token 不超过 2 秒"), undefined without one; English as latencyTargetText. */
function latencyTargetTextIn(workload: Decision["workload"], lang: Lang): string | undefined {
  if (lang === "en") return latencyTargetText(workload);
  const parts = [
    workload.targetTtftP95Seconds === undefined ? undefined : `首 token 不超过 ${workload.targetTtftP95Seconds} 秒`,
    workload.targetOutputTokensPerSecondPerUserP95 === undefined
      ? undefined
      : `每用户每秒至少 ${workload.targetOutputTokensPerSecondPerUserP95} 个输出 token`,
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? undefined : `p95 下${parts.join("，且")}`;
}

/** An option as the bottom line and the figure take it: its quality against today's in words. */
export function verdictOption(option: DecisionOption, lang: Lang = DEFAULT_LANG): VerdictOption {
  return { ...option, qualityText: qualityMatchText(option.qualityVsToday, lang), qualityKind: option.qualityVsToday.kind };
}

function beatsText(option: DecisionOption, decision: Decision, lang: Lang): string {
  const words = DECISION_WORDS[lang];
  if (option.id === decision.current.id) return words.beatsToday;
  if (option.beatsCurrentFromCallsPerDay === 0) return words.beatsAny;
  if (option.beatsCurrentFromCallsPerDay === Infinity) return formatLeastCalls(Infinity, lang);
  return formatLeastCalls(option.beatsCurrentFromCallsPerDay, lang);
}

function latencyText(option: DecisionOption, lang: Lang): string {
  const words = DECISION_WORDS[lang];
  if (option.latency === "not in the data") return words.notInTheData;
  return words.latencyOf(words.latencyStatus(option.latency), option.precision, option.concurrency);
}

/** "compliant (CN)", "no rule (US); not offered in CN": the region against the rule, and the provider against the country. */
export function complianceText(option: DecisionOption, decision: Decision, lang: Lang = DEFAULT_LANG): string {
  const region = DECISION_WORDS[lang].regionOf(option.region);
  const inBrackets = lang === "en" ? ` (${region})` : `（${region}）`;
  return `${complianceIn(option.compliance, lang)}${inBrackets}${countryNote(option, decision, lang)}`;
}

/** "; not offered in CN" where the option's provider does not serve the workload's country, else "". */
export const countryNote = (option: DecisionOption, decision: Decision, lang: Lang = DEFAULT_LANG): string =>
  option.servesCountry === "no" ? DECISION_WORDS[lang].countryNote(String(decision.country)) : "";

/** One row per option, money in the chosen currency, for the page's table. */
export function decisionRows(decision: Decision, currency: DatedCurrency, lang: Lang = DEFAULT_LANG): Record<string, string>[] {
  const words = DECISION_WORDS[lang];
  const way = wayIn(lang);
  const money = (usd: number | undefined, digits = 2) =>
    usd === undefined ? "" : formatMoney(fromUsd(usd, currency), currency.code, digits, lang);
  const byId = new Map(decision.options.map((option) => [option.id, option]));
  return decision.options.map((option) => {
    const same = option.sameModelApiId === undefined ? undefined : byId.get(option.sameModelApiId);
    return {
      option: optionName(option, lang),
      month: money(option.usdPerMonth, 0),
      call: money(option.usdPerCall, 5),
      servers: option.servers === undefined ? "" : String(option.servers),
      beats: beatsText(option, decision, lang),
      range: option.usdPerMonthP5 === undefined ? "" : `${money(option.usdPerMonthP5, 0)}–${money(option.usdPerMonthP95, 0)}`,
      sameModel: same === undefined ? "" : words.perCallOf(money(same.usdPerCall, 5)),
      compliance: complianceText(option, decision, lang),
      way: way[option.kind],
      quality: qualityText(option.quality, lang),
      vsToday: qualityMatchText(option.qualityVsToday, lang),
      latency: latencyText(option, lang),
    };
  });
}

/**
 * The options a reader weighs, one line each: today's, the answer, a cheaper one at lower or unshown quality, and
 * the cheapest of each way (call, buy, rent, hybrid) that passes the workload's rules (residency, country, latency), cheapest first.
 */
export function shortList(decision: Decision): DecisionOption[] {
  // decide()'s own verdict: the page does not restate the rules (and so cannot forget one, as the country).
  const passing = decision.options.filter((option) => option.passesRules);
  const picks = [
    decision.current,
    decision.winner,
    decision.cheaperAtLowerQuality,
    ...(Object.keys(WAY) as DecisionOption["kind"][]).map((kind) => passing.find((option) => option.kind === kind)),
  ];
  const ids = new Set(picks.flatMap((option) => (option ? [option.id] : [])));
  return decision.options.filter((option) => ids.has(option.id));
}

/** How the page's hybrids split the calls and when one counts at today's quality, in one sentence. */
export function hybridRule(decision: Decision, lang: Lang = DEFAULT_LANG): string {
  const split = decision.hybrid;
  if (lang === "zh-CN") {
    if (split === undefined)
      return `没有对混合方案计价：路由器（routing_config.csv）不会把该工作负载的任何调用（每次输入 ${formatInteger(decision.workload.inputTokensPerCall)} 个 token）发往本地模型，或数据中没有路由器。`;
    return (
      `${+(split.localShare * 100).toFixed(1)}% 的调用（${split.basis}）在服务器上处理，其余仍走现用 API，两部分各按自己的调用量计价；每种方式只列出最便宜的混合方案。` +
      `混合方案把较难的调用留给现用模型，因此只要其本地模型在某项同时评测两者的基准上得分达到现用模型的 ${Math.round(HYBRID_LOCAL_SHARE_OF_TODAY * 100)}%，就按现用质量计。`
    );
  }
  if (split === undefined)
    return `no hybrid is priced: the router (routing_config.csv) sends none of this workload's calls, at ${decision.workload.inputTokensPerCall.toLocaleString("en-US")} input tokens each, to a local model, or the data has no router.`;
  return (
    `${+(split.localShare * 100).toFixed(1)}% of the calls (${split.basis}) on a server, the rest on today's API, each part priced at its own volume; ` +
    `the cheapest hybrid of each way is listed. A hybrid keeps today's model for the harder calls, so it counts at today's quality when its local model scores at least ${Math.round(HYBRID_LOCAL_SHARE_OF_TODAY * 100)}% of today's on a benchmark scoring both.`
  );
}

/** Why an option is on the short list beyond being the cheapest of its way: "today; the answer", or "" for none. */
export function shortListRole(option: DecisionOption, decision: Decision, lang: Lang = DEFAULT_LANG): string {
  const words = DECISION_WORDS[lang];
  return words.roles(
    [
      option.id === decision.current.id ? words.roleToday : undefined,
      option.id === decision.winner?.id ? words.roleAnswer : undefined,
      option.id === decision.cheaperAtLowerQuality?.id ? words.roleCheapest : undefined,
    ].filter((role): role is string => role !== undefined),
  );
}

/** The short list's rows, each option named with its role ("DeepSeek V4 Pro (DeepSeek API): today; the answer"). */
export function shortListRows(
  decision: Decision,
  rows: readonly Record<string, string>[],
  lang: Lang = DEFAULT_LANG,
): Record<string, string>[] {
  return shortList(decision).map((option) => {
    const row = rows[decision.options.indexOf(option)] as Record<string, string>;
    const role = shortListRole(option, decision, lang);
    return { ...row, option: role ? DECISION_WORDS[lang].withRole(row.option as string, role) : (row.option as string) };
  });
}

/** The decision tables' columns: the short list's (`short`, with latency only where the workload has a target) or every option's. */
export function decisionColumns(
  decision: Decision,
  currency: DatedCurrency,
  table: "short" | "full",
  lang: Lang = DEFAULT_LANG,
): { key: string; label: string }[] {
  const words = DECISION_WORDS[lang];
  const column = (key: string, label: string) => ({ key, label });
  const full = [
    column("option", words.hOption),
    column("way", words.hWay),
    column("month", words.hMonth(currency.code)),
    column("call", words.hCall(currency.code)),
    column("servers", words.hServers),
    column("beats", words.hBeats(decision.volume.unit)),
    column("range", words.hRange),
    column("sameModel", words.hSameModel),
    column("compliance", words.hCompliance),
    column("quality", words.hQuality),
    column("vsToday", words.hVsToday),
    column("latency", words.hLatency),
  ];
  if (table === "full") return full;
  // The short list leaves the working to the full one; without a latency target every server's row says so, so
  // latency too is the full list's.
  const fullOnly = new Set(["way", "sameModel", "quality", ...(hasLatencyTarget(decision.workload) ? [] : ["latency"])]);
  return full.filter((entry) => !fullOnly.has(entry.key));
}

/** The bottom line in one sentence, every part computed; then, where there is one, the cheaper option at lower or unshown quality. */
export function bottomLine(decision: Decision, currency: DatedCurrency, lang: Lang = DEFAULT_LANG): string {
  const or = (option: DecisionOption | undefined) => (option === undefined ? undefined : verdictOption(option, lang));
  return verdictText(
    {
      winner: or(decision.winner),
      current: verdictOption(decision.current, lang),
      cheaperAtLowerQuality: or(decision.cheaperAtLowerQuality),
      winnerBeatsFromCallsPerDay: decision.winner?.beatsCurrentFromCallsPerDay ?? 0,
      todayScore: decision.todayQuality.score === undefined ? undefined : scoreText(decision.todayQuality, lang),
      ruled: decision.allowedRegions !== undefined,
      country: decision.country,
      unit: decision.volume.unit,
    },
    currency,
    lang,
  );
}

/** Each input that may flip the answer, as the sentence names it. */
function flipWord(input: FlipInput, lang: Lang): string {
  const words = DECISION_WORDS[lang];
  return { "API prices": words.flipApiPrices, volume: words.flipVolume, utilisation: words.flipUtilisation, salary: words.flipSalary }[
    input
  ];
}

/** What would change the bottom line: the nearest flip, then the others. */
export function flipText(decision: Decision, lang: Lang = DEFAULT_LANG): string {
  const words = DECISION_WORDS[lang];
  if (decision.winner === undefined) return "";
  if (decision.options.filter((option) => option.eligible).length < 2) return words.noOtherOption;
  if (decision.flips.length === 0) return words.noFlip;
  const move = (factor: number) => (factor >= 1 ? words.rose(Math.round((factor - 1) * 100)) : words.fell(Math.round((1 - factor) * 100)));
  const [nearest, ...others] = decision.flips;
  const first = nearest as NonNullable<typeof nearest>;
  const rest = others.map((flip) => words.flipOther(flipWord(flip.input, lang), move(flip.factor), optionName(flip.newWinner, lang)));
  return words.flip(flipWord(first.input, lang), move(first.factor), first.factor.toFixed(2), optionName(first.newWinner, lang), rest);
}

/** Every option's month as a bar with its P5–P95, cheapest at the top; options that fail a rule are drawn pale. */
export function decisionFigure(data: Dataset, decision: Decision, currency: DatedCurrency, lang: Lang = DEFAULT_LANG): Figure {
  return decisionChart(
    decision.options.map((option) => verdictOption(option, lang)),
    { currency, provenance: decisionProvenance(data), lang },
  );
}

/** The page's inputs line: the workload, its volume and call, today's API, its rules, and the prices' and rate's dates. */
export function decisionInputs(data: Dataset, decision: Decision, currency: DatedCurrency, lang: Lang = DEFAULT_LANG): string {
  const workload = decision.workload;
  const n = (value: number) => formatInteger(value, lang);
  const asOf = provenance(data, ["models.csv", "hardware.csv", "gpu_rentals.csv"]).asOf;
  const note = currencyNote(currency, true, lang) ?? "";
  const file = dataFileName(data, "workloads.csv");
  if (lang === "zh-CN") {
    const words = DECISION_WORDS[lang];
    return (
      `**输入**：工作负载 \`${workload.workloadId}\`（${workloadOrigin(workload)}；${file}），${words.volume(n(decision.volume.callsPerDay), decision.volume.unit)}，` +
      `每月 ${n(decision.callsPerMonth)} 次调用，每次调用输入 ${n(workload.inputTokensPerCall)} 个 token、输出 ${n(workload.outputTokensPerCall)} 个 token；` +
      `现用 ${decision.current.label}；${ruleText(decision, lang)}。${pricesAsOfZh(String(asOf))}。${note}`
    );
  }
  return `**Inputs:** workload \`${workload.workloadId}\` (${workloadOrigin(workload)}; ${file}), ${n(decision.volume.callsPerDay)} ${decision.volume.unit}, ${n(decision.callsPerMonth)} calls a month, ${n(workload.inputTokensPerCall)} input and ${n(workload.outputTokensPerCall)} output tokens a call; today on ${decision.current.label}; ${ruleText(decision)}. Prices as of ${asOf}. ${note}`;
}

/** The short list's caption: what it lists, and the files it reads. */
export function shortListCaption(data: Dataset, lang: Lang = DEFAULT_LANG): string {
  const files = ["models.csv", "gpu_rentals.csv", "hardware.csv", "benchmarks.csv"].map((file) => dataFileName(data, file));
  return lang === "zh-CN"
    ? `现用 API、答案，以及每种方式中通过该工作负载规则（数据驻留、国家、延迟）的最便宜方案，按成本从低到高排列（${files.join("、")}）`
    : `Today's API, the answer, and the cheapest option of each way that passes the workload's rules (residency, country, latency), cheapest first (${files.join(", ")})`;
}

/** The full list's caption. */
export function everyOptionCaption(data: Dataset, decision: Decision, lang: Lang = DEFAULT_LANG): string {
  const files = ["models.csv", "gpu_rentals.csv", "hardware.csv"].map((file) => dataFileName(data, file));
  return lang === "zh-CN"
    ? `${decision.workload.workloadId} 的全部方案，按成本从低到高排列（${files.join("、")}）`
    : `Every option for ${decision.workload.workloadId}, cheapest first (${files.join(", ")})`;
}

/** "How the page decides", one bullet a rule, as markdown. */
export function decisionMethod(data: Dataset, decision: Decision, lang: Lang = DEFAULT_LANG): string {
  const ranges = dataFileName(data, "uncertainty_ranges.csv");
  if (lang === "zh-CN")
    return [
      "- **合规**：方案所在区域（API 的 `data_region`、租用服务器的 `region`、购买方案为自有服务器；混合方案两处都算）须在允许的区域之内；区域未知的方案一律视为不合规。",
      `- **质量**：${qualityRule(data, lang)}同等条件下，只有当某项基准测试同时给两个模型打分、且该方案在所有这类基准上都不低于现用模型时，它才能替代现用 API；不同基准或同一基准不同版本的分数不相互比较。`,
      `- **混合方案**：${hybridRule(decision, lang)}`,
      "- **成本的同等比较**：自建方案首先与提供同一模型的 API 对比（屏幕版全部方案表中的“同模型 API”一列，以及 59.3）。",
      "- **优于现用的起点**：方案成本低于现用 API 的最低调用量。自建方案每增加一台服务器，成本就上一个台阶，因此超过该调用量后也可能重新变贵。",
      `- **延迟**：设有延迟目标时，服务器只按实测满足目标的吞吐量数据计；${decision.serversMissingLatency.length === 0 ? "没有服务器因延迟被排除" : `${decision.serversMissingLatency.join("、")} 没有满足目标的实测数据`}。数据中没有 API 的延迟。`,
      "- **什么会改变结论**：API 价格、调用量、计划利用率和运维人员薪资，各自单独在十分之一到十倍之间变动，直到另一个通过规则的方案胜出。",
      `- **P5–P95**：${decision.samples > 0 ? `对 ${ranges} 中的输入做 ${decision.samples} 次固定种子的抽样，逐月计算` : "数据中没有取值范围"}；租用价格按标价计。`,
    ].join("\n");
  return [
    `- **Compliance:** an option's region (an API's \`data_region\`, a rental's \`region\`, own servers for a bought one; a hybrid both of its places) against the allowed regions; an unknown region is never compliant.`,
    `- **Quality:** ${qualityRule(data)} Like for like, an option replaces today's API only where some benchmark scores both models and it scores at least today's on every benchmark that does; scores on different benchmarks, or versions of one, are not compared.`,
    `- **Hybrids:** ${hybridRule(decision)}`,
    `- **Like for like in cost:** a self-hosted option is set first against the API serving the same model (the "Same model's API" column of the full list on screen, and 59.3).`,
    `- **Beats today from:** the least volume at which an option costs less than today's API. A self-hosted option's cost steps up with each server it adds, so above that volume it can cost more again.`,
    `- **Latency:** with a latency target, a server counts only at throughput rows measured to meet it; ${decision.serversMissingLatency.length === 0 ? "no server is excluded for latency" : `no measured row meets it for ${decision.serversMissingLatency.join(", ")}`}. API latency is not in the data.`,
    `- **What flips it:** API prices, volume, planned utilisation and operations salary, each moved alone between a tenth and ten times until another option that passes the rules wins.`,
    `- **P5–P95:** ${decision.samples > 0 ? `each month over ${decision.samples} seeded draws of the inputs in ${ranges}` : "no ranges in the data"}; rental prices are held at their list price.`,
  ].join("\n");
}
