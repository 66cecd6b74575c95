/**
 * The capacity page's own words (59.7): how many servers the volume needs and what they cost, its tables, its figures
 * 59.7a and 59.7b and its what-if panel, in every language. Values arrive already formatted: a message only orders
 * them and adds its words. Names of servers, engines, models and providers stay as the data writes them.
 */
import { catalogue } from "./catalogue";

/** The headline's facts, formatted. */
export interface CapacityHeadline {
  weekdayCalls: string;
  servers: string;
  gpus: string;
  profile: string;
  flatServers: string;
  localMonth: string;
  localPublished: string;
  sensitiveShare: string;
  hybridMonth: string;
  hybridServers: string;
  hybridPublished: string;
  cloudMonth: string;
}

/** One server's capacity, formatted. */
export interface ServerCapacityFacts {
  server: string;
  /** How it serves, in the language's words. */
  serving: string;
  outputRate: string;
  engine: string;
  model: string;
  secondsPerCall: string;
  callsPerHour: string;
  utilisation: string;
  callsPerDay: string;
  flatCallsPerDay: string;
  averageRate: string;
  times: string;
  claimed: string;
}

const EN = {
  // Throughput table (throughput.csv).
  hServer: "Server",
  hServing: "Serving",
  hEngine: "Engine",
  hModelMeasured: "Model measured",
  hOutputRate: "Output tokens/s",
  hPromptRate: "Prompt tokens/s",
  hRates: "Rates",
  hSource: "Source",
  throughputCaption: (file: string) => `Throughput per server (${file})`,
  serving: (serving: string) => serving.replace("_", "-"),
  basis: (basis: string) => (basis === "derived" ? "output measured, prompt derived" : "measured"),
  servingNote: (utilisation: string, input: string, output: string) =>
    `Single-stream servers run one call at a time, so a call holds the server for its prompt time plus its generation time. Batching servers overlap many calls, so the scarcer of the two aggregate rates limits them. Each server is planned at **${utilisation}** of its throughput, leaving room for queues. The workload: **${input}** input and **${output}** output tokens per call.`,
  // The case study's server at its volume.
  headline: (h: CapacityHeadline) =>
    `At ${h.weekdayCalls} weekday calls a day the case study needs **${h.servers} servers** like its ${h.gpus} on its ${h.profile} profile (**${h.flatServers}** even if calls were spread evenly over 24 hours), not one. All-local then costs **${h.localMonth}** a month instead of ${h.localPublished}, and the hybrid, which keeps only the sensitive ${h.sensitiveShare} local, **${h.hybridMonth}** with ${h.hybridServers} servers instead of ${h.hybridPublished}. All-cloud stays at ${h.cloudMonth}.`,
  weekday: "Weekday",
  weekend: "Weekend",
  hDay: "Day",
  hCallsPerDay: "Calls/day",
  hAverageRate: "Output tokens/s, spread over 24 h",
  hPeakCalls: "Calls in the busiest hour",
  hPeakRate: "Output tokens/s in the busiest hour",
  demandCaption: (profile: string, share: string) => `Demand on the ${profile} profile (busiest hour ${share} of the day)`,
  serverCapacity: (f: ServerCapacityFacts) =>
    `One ${f.server} measured at **${f.outputRate} output tokens/s** single-stream (${f.engine}, ${f.model}) spends **${f.secondsPerCall} s** on each call, so it takes ${f.callsPerHour} calls an hour at ${f.utilisation}: **${f.callsPerDay} calls a day** on this profile, ${f.flatCallsPerDay} spread over 24 hours. Even spread evenly, the weekday asks for ${f.averageRate} output tokens/s: ${f.times} times the ${f.claimed} the chapter calls enough.`,
  // What the servers cost.
  option: (option: string) => option.replace("_", " "),
  yes: "yes",
  no: "no",
  hOption: "Option",
  // The code is for another language: English writes dollars, which the table shows in the display currency.
  hOneServer: (_code: string) => "One server ($/month)",
  hServersNeeded: "Servers needed",
  hWithServers: (_code: string) => "With the servers needed ($/month)",
  hWithinBudget: "Within budget",
  optionsCaption: (profile: string) => `The case study's options on the ${profile} profile`,
  none: "none",
  dataShare: "the data's share",
  hOpsShare: "Operations each added server adds (% of the first's)",
  hOpsOf: (servers: number, _code: string) => `Operations of ${servers} servers ($/month)`,
  hAllLocal: (_code: string) => "All local ($/month)",
  hHybrid: (_code: string) => "Hybrid ($/month)",
  hPick: "Cheapest compliant within budget",
  growthCaption: (profile: string) => `The case study's options as operations grow with the fleet, ${profile} profile`,
  withinBudgetAlways: (budget: string) =>
    `All-local stays within the ${budget} budget even if every added server costs its own operations.`,
  overBudgetAlways: (budget: string) => `All-local is over the ${budget} budget even if one team runs every server for the cost of one.`,
  withinBudgetWhile: (budget: string, share: string, dataShare: string) =>
    `All-local stays within the ${budget} budget only while each added server adds less than **${share}** of the first server's operations; the data assumes ${dataShare}.`,
  // Every server's break-even with capacity.
  opsItemised: (month: string, share: string) => `${month}, ${share} more per server`,
  opsNotItemised: "not itemised: all per server",
  hServes: "Model its throughput was measured on",
  hPerServer: "Calls/day per server",
  hChapter: "Break-even, one server (calls/day)",
  hFirst: "First break-even with capacity",
  hSustained: "Cheaper from",
  hPerCall: (_code: string) => "Each added server's $/call at full load",
  hOperations: "Operations",
  breakEvenCaption: (model: string, perCall: string, profile: string) => `Against ${model} at ${perCall} a call, ${profile} profile`,
  unfit: (server: string, note: string, model: string) =>
    `**${server}** ${note}: its row weighs a smaller model's throughput against ${model}, not like for like.`,
  // Figures 59.7a and 59.7b.
  profileLabel: (profile: string, share: string) => `${profile} (busiest hour ${share} of the day)`,
  profileName: (profile: string) => profile,
  weekendMark: "case study weekend",
  weekdayMark: "case study weekday",
  perDayMark: (label: string, calls: string) => `${label}<br>${calls}/day`,
  servers: (count: number) => `${count.toLocaleString("en-US")} server${count === 1 ? "" : "s"}`,
  callsAxis: "Calls per day (log scale)",
  machinesHover: (label: string) => `${label}: %{customdata} from %{x:,.0f} calls/day<extra></extra>`,
  marked: "servers at the marked volumes",
  markedHover: "%{customdata} at %{x:,.0f} calls/day<extra></extra>",
  machinesTitle: (server: string) => `Servers needed: ${server}, by traffic profile`,
  machinesAxis: "Servers needed (log scale)",
  oneEnough: "one server is enough",
  apiName: (name: string) => `${name} (API)`,
  // English writes dollars, which the figure shows in the display currency; another language names the code itself.
  apiHover: (name: string, _code: string) => `${name}: %{y:$,.0f} a month at %{x:,.0f} calls/day<extra></extra>`,
  oneServer: "one server at any volume (the chapter)",
  oneServerHover: (_code: string) => "one server: %{y:$,.0f} a month<extra></extra>",
  oneServerEnd: "one server (the chapter)",
  fleetName: (profile: string) => `servers needed, ${profile}`,
  fleetHover: (profile: string, _code: string) => `${profile}: %{y:$,.0f} a month from %{x:,.0f} calls/day<extra></extra>`,
  costTitle: (server: string) => `Monthly cost with the servers needed: ${server}`,
  costAxis: (_code: string) => "Cost per month (USD, log scale)",
  costFormat: "$,.0f",
  // The what-if panel.
  panelTitle: "servers needed for your throughput and traffic",
  panelSummary: (
    perDay: string,
    profile: string,
    weekday: string,
    local: string,
    localMonth: string,
    hybrid: string,
    hybridMonth: string,
    cloud: string,
  ) =>
    `One server takes ${perDay} calls a day on the ${profile} profile. At ${weekday} weekday calls: all local needs ${local}, ${localMonth} a month; hybrid ${hybrid}, ${hybridMonth}; all cloud ${cloud}.`,
  whatIfLine: (serving: string, rate: number) => `${serving}, what-if (${rate} tokens/s)`,
  whatIfServing: (serving: string) => (serving === "batched" ? "batched" : "single-stream"),
  whatIfMark: "what-if weekday",
  measuredLine: (serving: string, basis: string, rate: number) => `${serving}, ${basis} (${rate} tokens/s)`,
  weekdayControl: "Weekday calls per day",
  outputControl: "Output tokens/s per server",
  promptControl: "Prompt tokens/s per server",
  utilisationControl: "Planned utilisation (%)",
  servingControl: "Serving",
  oneAtATime: "one call at a time",
  batched: "batched",
  profileControl: "Traffic profile",
  profileOption: (profile: string, share: string) => `${profile} (busiest hour ${share}%)`,
};

/** The traffic profiles the data folders name, as a Chinese analyst says them; an unknown one keeps its id. */
const PROFILE_ZH: Record<string, string> = {
  "flat-24h": "全天均匀",
  "office-hours": "办公时段",
  "office-9-19": "9–19 点办公",
};
/** A traffic profile as a Chinese reader names it (办公时段), its id where the data has one of its own. */
/** Beside a sized month, the one-server month the chapter counts: said as the same where the two are equal. */
const asOneServer = (sized: string, oneServer: string) =>
  sized === oneServer ? "，与按单台服务器估算的相同" : `（按单台服务器估算为 ${oneServer}）`;

export const profileZh = (profile: string) => PROFILE_ZH[profile] ?? profile;
const SERVING_ZH: Record<string, string> = { single_stream: "单路串行", batched: "批处理" };
const OPTION_ZH: Record<string, string> = { all_cloud: "全部上云", all_local: "全部本地", hybrid: "混合" };

export const CAPACITY_WORDS = catalogue(EN, {
  hServer: "服务器",
  hServing: "服务模式",
  hEngine: "推理引擎",
  hModelMeasured: "实测模型",
  hOutputRate: "输出 token/秒",
  hPromptRate: "输入 token/秒",
  hRates: "速率口径",
  hSource: "来源",
  throughputCaption: (file) => `各服务器吞吐量（${file}）`,
  serving: (serving) => SERVING_ZH[serving] ?? serving,
  basis: (basis) => (basis === "derived" ? "输出实测，输入推算" : "实测"),
  servingNote: (utilisation, input, output) =>
    `单路串行的服务器一次只处理一次调用，因此每次调用占用服务器的时间为输入处理时间加生成时间。批处理服务器可同时处理多次调用，受两项总速率中较紧的一项限制。每台服务器按其吞吐量的 **${utilisation}** 规划，为排队留出余量。工作负载：每次调用输入 **${input}** 个 token、输出 **${output}** 个 token。`,
  headline: (h) =>
    `按每个工作日 ${h.weekdayCalls} 次调用计，在${h.profile}流量曲线下，案例需要 **${h.servers} 台**与其 ${h.gpus} 相同的服务器（即使调用在 24 小时内均匀分布也需要 **${h.flatServers}** 台）${h.servers === "1" ? "" : "，而不是一台"}。全部本地部署的成本因此为 **每月 ${h.localMonth}**${asOneServer(h.localMonth, h.localPublished)}；只把敏感的 ${h.sensitiveShare} 调用留在本地的混合方案需要 ${h.hybridServers} 台服务器，每月 **${h.hybridMonth}**${asOneServer(h.hybridMonth, h.hybridPublished)}。全部上云仍为 ${h.cloudMonth}。`,
  weekday: "工作日",
  weekend: "周末",
  hDay: "日期",
  hCallsPerDay: "调用次数/日",
  hAverageRate: "输出 token/秒（24 小时均摊）",
  hPeakCalls: "最繁忙一小时的调用次数",
  hPeakRate: "最繁忙一小时的输出 token/秒",
  demandCaption: (profile, share) => `${profileZh(profile)}流量曲线下的需求（最繁忙一小时占全天 ${share}）`,
  serverCapacity: (f) =>
    `一台 ${f.server} 以${f.serving}方式实测 **每秒 ${f.outputRate} 个输出 token**（${f.engine}，${f.model}），每次调用耗时 **${f.secondsPerCall} 秒**，按 ${f.utilisation} 利用率每小时可处理 ${f.callsPerHour} 次调用：在该流量曲线下 **每日 ${f.callsPerDay} 次调用**，24 小时均匀分布时为 ${f.flatCallsPerDay} 次。即使均匀分布，工作日也需要每秒 ${f.averageRate} 个输出 token，是本章认为足够的 ${f.claimed} 的 ${f.times} 倍。`,
  option: (option) => OPTION_ZH[option] ?? option,
  yes: "是",
  no: "否",
  hOption: "方案",
  hOneServer: (code) => `一台服务器（${code}/月）`,
  hServersNeeded: "所需服务器",
  hWithServers: (code) => `计入所需服务器（${code}/月）`,
  hWithinBudget: "在预算内",
  optionsCaption: (profile) => `${profileZh(profile)}流量曲线下的案例方案`,
  none: "无",
  dataShare: "数据中的比例",
  hOpsShare: "每增加一台服务器新增的运维（占第一台的 %）",
  hOpsOf: (servers, code) => `${servers} 台服务器的运维（${code}/月）`,
  hAllLocal: (code) => `全部本地（${code}/月）`,
  hHybrid: (code) => `混合（${code}/月）`,
  hPick: "预算内最便宜的合规方案",
  growthCaption: (profile) => `运维随集群增长时的案例方案，${profileZh(profile)}流量曲线`,
  withinBudgetAlways: (budget) => `即使每增加一台服务器都要承担自己的全部运维，全部本地部署仍在 ${budget} 的预算之内。`,
  overBudgetAlways: (budget) => `即使一个团队以一台服务器的运维成本管理所有服务器，全部本地部署也超出 ${budget} 的预算。`,
  withinBudgetWhile: (budget, share, dataShare) =>
    `只有当每增加一台服务器新增的运维低于第一台的 **${share}** 时，全部本地部署才在 ${budget} 的预算之内；数据假设为 ${dataShare}。`,
  opsItemised: (month, share) => `${month}，每增一台另计其 ${share}`,
  opsNotItemised: "未单列：全部按台计",
  hServes: "吞吐量实测所用模型",
  hPerServer: "每台服务器调用次数/日",
  hChapter: "盈亏平衡点，一台服务器（次/日）",
  hFirst: "计入容量后首个盈亏平衡点",
  hSustained: "从此起更便宜",
  hPerCall: (code) => `满载时每增加一台服务器的 ${code}/次`,
  hOperations: "运维",
  breakEvenCaption: (model, perCall, profile) => `对比 ${model}（每次调用 ${perCall}），${profileZh(profile)}流量曲线`,
  unfit: (server, note, model) => `**${server}** ${note}：该行是用较小模型的吞吐量与 ${model} 对比，质量不可比。`,
  profileLabel: (profile, share) => `${profileZh(profile)}（最繁忙一小时占全天 ${share}）`,
  profileName: profileZh,
  weekendMark: "案例周末",
  weekdayMark: "案例工作日",
  perDayMark: (label, calls) => `${label}<br>${calls} 次/日`,
  servers: (count) => `${count.toLocaleString("en-US")} 台服务器`,
  callsAxis: "每日调用次数（对数坐标）",
  machinesHover: (label) => `${label}：从每日 %{x:,.0f} 次调用起需要 %{customdata}<extra></extra>`,
  marked: "标记调用量下的服务器数",
  markedHover: "每日 %{x:,.0f} 次调用时需要 %{customdata}<extra></extra>",
  machinesTitle: (server) => `所需服务器：${server}，按流量曲线`,
  machinesAxis: "所需服务器（对数坐标）",
  oneEnough: "一台服务器即可",
  // A model whose name already says it is served by an API ("… (DeepSeek API)") needs no second "API".
  apiName: (name) => (name.includes("API") ? name : `${name}（API）`),
  apiHover: (name, code) => `${name}：每日 %{x:,.0f} 次调用时每月 %{y:,.0f} ${code}<extra></extra>`,
  oneServer: "任意调用量下的一台服务器（本章）",
  oneServerHover: (code) => `一台服务器：每月 %{y:,.0f} ${code}<extra></extra>`,
  oneServerEnd: "一台服务器（本章）",
  fleetName: (profile) => `所需服务器，${profileZh(profile)}`,
  fleetHover: (profile, code) => `${profileZh(profile)}：从每日 %{x:,.0f} 次调用起每月 %{y:,.0f} ${code}<extra></extra>`,
  costTitle: (server) => `计入所需服务器的月成本：${server}`,
  costAxis: (code) => `每月成本（${code}，对数坐标）`,
  costFormat: ",.0f",
  panelTitle: "按你的吞吐量和流量计算所需服务器",
  panelSummary: (perDay, profile, weekday, local, localMonth, hybrid, hybridMonth, cloud) =>
    `在${profileZh(profile)}流量曲线下，一台服务器每日可处理 ${perDay} 次调用。按每个工作日 ${weekday} 次调用计：全部本地需要 ${local}，每月 ${localMonth}；混合需要 ${hybrid} 台，每月 ${hybridMonth}；全部上云每月 ${cloud}。`,
  whatIfLine: (serving, rate) => `${serving}，假设（${rate} token/秒）`,
  whatIfServing: (serving) => SERVING_ZH[serving] ?? serving,
  whatIfMark: "假设的工作日",
  measuredLine: (serving, basis, rate) => `${serving}，${basis}（${rate} token/秒）`,
  weekdayControl: "每个工作日的调用次数",
  outputControl: "每台服务器输出 token/秒",
  promptControl: "每台服务器输入 token/秒",
  utilisationControl: "计划利用率（%）",
  servingControl: "服务模式",
  oneAtATime: "单路串行（一次一个调用）",
  batched: "批处理",
  profileControl: "流量曲线",
  profileOption: (profile, share) => `${profileZh(profile)}（最繁忙一小时 ${share}%）`,
});
