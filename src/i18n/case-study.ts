/**
 * The case study's own words (59.5): its tables and findings, figure 59.5a and its what-if panel, in every language.
 * Values arrive formatted (money, counts, percents, names): a message only orders them. Model, server, engine and
 * traffic-profile names stay as the data writes them.
 */
import { catalogue } from "./catalogue";
import { profileZh } from "./capacity";

/** The case study's three designs, as its tables and sentences name them. */
type CaseOption = "all_cloud" | "all_local" | "hybrid";

const EN = {
  // The scenario's table.
  needWeekday: "Weekday volume",
  needWeekend: "Weekend volume",
  needTaskMix: "Task mix",
  needRegions: "Sensitive data may be processed in",
  needBudget: "Budget",
  callsOnDays: (calls: string, days: number) => `${calls} calls/day, ${days} days`,
  taskShare: (percent: string, taskType: string, sensitive: boolean) => `${percent} ${taskType}${sensitive ? " (sensitive)" : ""}`,
  list: (items: readonly string[]) => items.join(", "),
  budget: (money: string) => `${money} a month`,
  hRequirement: "Requirement",
  hValue: "Value",
  scenarioCaption: (file: string) => `The scenario (${file})`,
  // Step 1: residency.
  hModel: "Model",
  hRegion: "Processes data in",
  hSensitive: "For sensitive tasks",
  allowed: "allowed",
  excluded: "excluded",
  residencyCaption: "Residency filter",
  residencyCount: (allowed: number, models: number) =>
    `${allowed} of ${models} cloud models may take sensitive tasks: these must run on the local server.`,
  // Step 2: the local server and how many.
  depreciation: "Depreciation",
  electricity: "Electricity",
  operations: "Operations",
  total: "Total",
  totalStated: "Total (stated)",
  hItem: "Item",
  hPerMonth: "$ per month",
  serverCaption: (server: string, gpus: number, vram: number) => `${server}: ${gpus} × ${vram} GB VRAM`,
  capacity: (
    tokens: number,
    measured: string,
    callsPerServer: string,
    profile: string,
    weekday: string,
    servers: number | undefined,
    share: string,
    file: string,
  ) =>
    `Measured at ${tokens} output tokens/s (${measured}, one call at a time), one server takes about **${callsPerServer} calls a day** on the ${profile} profile. The weekday's ${weekday} calls need **${servers} servers**${(servers ?? 1) > 1 ? ", not one" : ""}. Each added server brings its depreciation and power and ${share} of the first server's operations (${file}); 59.7 shows how the answer moves with that share.`,
  // Steps 3 and 4: the options.
  option: (option: CaseOption) => option.replace("_", " "),
  hOption: "Option",
  hChapter: "One server, as the chapter counts ($/month)",
  hServers: "Servers needed",
  hLocal: "Local $/month",
  hCloud: "Cloud $/month",
  hTotal: "Total with the servers needed ($/month)",
  hCompliant: "Compliant",
  hBudget: "Within budget",
  yes: "yes",
  no: "no",
  optionsCaption: (calls: string, profile: string) => `${calls} calls a month, ${profile} profile`,
  none: "none",
  serversNote: (servers: string, oneServer: string) =>
    ` with the ${servers} it needs; ${oneServer} with one server, as the chapter counts it`,
  samePick: (pick: string, month: string, serversNote: string, extra: string) =>
    `The cheapest compliant option within budget is **${pick}** (${month} a month${serversNote}). Compliance costs ${extra} a month over all-cloud in the hybrid design.`,
  otherPick: (
    pick: string,
    month: string,
    chapterPick: string,
    chapterMonth: string,
    servers: number | undefined,
    allLocal: string,
    overBudget: boolean,
    extra: string,
  ) =>
    `With the servers the volume needs, the cheapest compliant option within budget is **${pick}** at **${month}** a month, not ${chapterPick}: counted as one server carrying every call, as the chapter does, ${chapterPick} looks cheapest at ${chapterMonth}, but the weekday needs ${servers} servers and all local then costs ${allLocal}${overBudget ? ", over the budget" : ""}. Compliance costs ${extra} a month over all-cloud in the hybrid design.`,
  // Figure 59.5a.
  barOption: (option: CaseOption) => ({ all_cloud: "All cloud", all_local: "All local", hybrid: "Hybrid" })[option],
  barOneServer: (option: string) => `${option}<br>1 server (chapter)`,
  barServersNeeded: (option: string, servers: number) => `${option}<br>${servers} servers needed`,
  localServer: "Local server",
  cloudApi: "Cloud API",
  localHover: "Local: %{y:$,.2f}<extra></extra>",
  cloudHover: "Cloud: %{y:$,.2f}<extra></extra>",
  notCompliantMark: "<br><b>not</b><br><b>compliant</b>",
  figureTitle: "Case study: monthly cost of each option",
  optionAxis: "Option",
  costAxis: "Cost per month (USD)",
  budgetLine: (money: string) => `budget ${money}`,
  budgetAbove: (money: string) => `budget ${money}: above the scale`,
  // The what-if panel.
  panelTitle: "the options at your volume, cloud price and residency rule",
  weekdayControl: "Weekday calls per day",
  priceControl: "Cloud price per call ($)",
  ruleControl: "Sensitive data allowed in",
  anyRegion: "Any region",
  ruleOnly: (region: string) => `${region} only`,
  ruleAnd: (regions: readonly string[], last: string) => `${regions.join(", ")} and ${last}`,
  notCompliant: " (not compliant)",
  panelOptions: (cloud: string, local: string, localServers: string, hybrid: string, hybridServers: string, marks: readonly string[]) =>
    `all cloud ${cloud} a month${marks[0]}, all local ${local} with ${localServers}${marks[1]}, hybrid ${hybrid} with ${hybridServers}${marks[2]}.`,
  perServer: (server: string, calls: string, profile: string) =>
    `one ${server} carries about ${calls} calls a day on the ${profile} profile`,
  notEnough: (perServer: string) => `One server is not enough: ${perServer}.`,
  enough: (perServer: string) => `One server is enough: ${perServer}.`,
  overBudget: (option: string, over: string) => `: the cheapest compliant, ${option}, is ${over} a month over it`,
  noPick: (budget: string, over: string) => `No option is both compliant and within the ${budget} budget${over}.`,
  margin: (less: string, option: string) => `, ${less} a month less than ${option}`,
  onlyCompliant: ", the only compliant option",
  pick: (budget: string, option: string, margin: string) => `Cheapest compliant within the ${budget} budget: ${option}${margin}.`,
  chapterPick: (option: string) => ` Counted with one server for every call, as the chapter does, the pick would be ${option}.`,
  where: (rule: string, scenario: boolean) => `${rule}${scenario ? " (the scenario's rule)" : ""}`,
  summary: (weekday: string, price: string, where: string, options: string, servers: string, verdict: string, chapter: string) =>
    `At ${weekday} weekday calls a day, ${price} a cloud call and sensitive data allowed in ${where}: ${options} ${servers} ${verdict}${chapter}`,
};

const OPTION_ZH: Record<CaseOption, string> = { all_cloud: "全云端", all_local: "全本地", hybrid: "混合" };

/** Chinese as an analyst in mainland China writes it: full-width punctuation beside Chinese, names as the data gives them. */
export const CASE_STUDY_WORDS = catalogue(EN, {
  needWeekday: "工作日调用量",
  needWeekend: "周末调用量",
  needTaskMix: "任务构成",
  needRegions: "敏感数据允许处理的区域",
  needBudget: "预算",
  callsOnDays: (calls, days) => `每日 ${calls} 次，${days} 天`,
  taskShare: (percent, taskType, sensitive) => `${taskType} ${percent}${sensitive ? "（敏感）" : ""}`,
  list: (items) => items.join("、"),
  budget: (money) => `每月 ${money}`,
  hRequirement: "要求",
  hValue: "取值",
  scenarioCaption: (file) => `场景（${file}）`,
  hModel: "模型",
  hRegion: "数据处理地",
  hSensitive: "能否处理敏感任务",
  allowed: "允许",
  excluded: "排除",
  residencyCaption: "数据驻留筛选",
  residencyCount: (allowed, models) => `${models} 个云端模型中有 ${allowed} 个允许处理敏感任务；其余模型的敏感任务须在本地服务器上运行。`,
  depreciation: "折旧",
  electricity: "电费",
  operations: "运维",
  total: "合计",
  totalStated: "合计（数据所列）",
  hItem: "项目",
  hPerMonth: "USD/月",
  serverCaption: (server, gpus, vram) => `${server}：${gpus} × ${vram} GB 显存`,
  capacity: (tokens, measured, callsPerServer, profile, weekday, servers, share, file) =>
    `按实测的每秒 ${tokens} 个输出 token（${measured}，单并发）计，在${profileZh(profile)}流量曲线下，一台服务器每日约可承担 **${callsPerServer} 次调用**。工作日的 ${weekday} 次调用需要 **${servers} 台服务器**${(servers ?? 1) > 1 ? "，而非一台" : ""}。每增加一台服务器，就增加它的折旧和电费，以及第一台服务器运维成本的 ${share}（${file}）；59.7 展示结论如何随这一比例变化。`,
  option: (option) => OPTION_ZH[option],
  hOption: "方案",
  hChapter: "一台服务器，按本章算法（USD/月）",
  hServers: "所需服务器",
  hLocal: "本地（USD/月）",
  hCloud: "云端（USD/月）",
  hTotal: "按所需服务器计的合计（USD/月）",
  hCompliant: "合规",
  hBudget: "预算内",
  yes: "是",
  no: "否",
  optionsCaption: (calls, profile) => `每月 ${calls} 次调用，${profileZh(profile)}流量曲线`,
  none: "无",
  serversNote: (servers, oneServer) => `，按所需的 ${servers}计；按本章算法只用一台服务器则为 ${oneServer}`,
  samePick: (pick, month, serversNote, extra) =>
    `预算内最便宜的合规方案是 **${pick}**（每月 ${month}${serversNote}）。在混合方案中，合规比全云端每月多花 ${extra}。`,
  otherPick: (pick, month, chapterPick, chapterMonth, servers, allLocal, overBudget, extra) =>
    `按调用量实际所需的服务器计，预算内最便宜的合规方案是 **${pick}**，**每月 ${month}**，而不是${chapterPick}：若像本章那样由一台服务器承担全部调用，${chapterPick}看似最便宜（${chapterMonth}），但工作日需要 ${servers} 台服务器，全本地方案因此每月 ${allLocal}${overBudget ? "，超出预算" : ""}。在混合方案中，合规比全云端每月多花 ${extra}。`,
  barOption: (option) => OPTION_ZH[option],
  barOneServer: (option) => `${option}<br>1 台服务器（本章）`,
  barServersNeeded: (option, servers) => `${option}<br>需 ${servers} 台服务器`,
  localServer: "本地服务器",
  cloudApi: "云端 API",
  localHover: "本地：%{y:$,.2f}<extra></extra>",
  cloudHover: "云端：%{y:$,.2f}<extra></extra>",
  notCompliantMark: "<br><b>不合规</b>",
  figureTitle: "实战案例：各方案的月成本",
  optionAxis: "方案",
  costAxis: "月成本（USD）",
  budgetLine: (money) => `预算 ${money}`,
  budgetAbove: (money) => `预算 ${money}：超出坐标范围`,
  panelTitle: "按你的调用量、云端价格和数据驻留规则重算各方案",
  weekdayControl: "工作日每日调用次数",
  priceControl: "云端每次调用价格（USD）",
  ruleControl: "敏感数据允许处理的区域",
  anyRegion: "任意区域",
  ruleOnly: (region) => `仅限${region}`,
  ruleAnd: (regions, last) => `${regions.join("、")}和${last}`,
  notCompliant: "（不合规）",
  panelOptions: (cloud, local, localServers, hybrid, hybridServers, marks) =>
    `全云端每月 ${cloud}${marks[0]}，全本地每月 ${local}（${localServers}）${marks[1]}，混合每月 ${hybrid}（${hybridServers}）${marks[2]}。`,
  perServer: (server, calls, profile) => `一台 ${server} 在${profileZh(profile)}流量曲线下每日约可承担 ${calls} 次调用`,
  notEnough: (perServer) => `一台服务器不够：${perServer}。`,
  enough: (perServer) => `一台服务器足够：${perServer}。`,
  overBudget: (option, over) => `：最便宜的合规方案（${option}）每月也超出预算 ${over}`,
  noPick: (budget, over) => `没有方案既合规又在 ${budget} 的预算之内${over}。`,
  margin: (less, option) => `，每月比${option}少 ${less}`,
  onlyCompliant: "，也是唯一合规的方案",
  pick: (budget, option, margin) => `预算 ${budget} 之内最便宜的合规方案：${option}${margin}。`,
  chapterPick: (option) => `若像本章那样由一台服务器承担全部调用，选择将是${option}。`,
  where: (rule, scenario) => `${rule}${scenario ? "（场景自身的规则）" : ""}`,
  summary: (weekday, price, where, options, servers, verdict, chapter) =>
    `按工作日每日 ${weekday} 次调用、云端每次调用 ${price}、敏感数据规则为${where}计：${options}${servers}${verdict}${chapter}`,
});

/** A region in Chinese: the two that are not places in words, a country or bloc by its Chinese name, else as written. */
export function regionZh(region: string): string {
  const word = ({ on_premises: "本地服务器", unknown: "未声明区域" } as Record<string, string>)[region.toLowerCase()];
  if (word) return word;
  try {
    return new Intl.DisplayNames(["zh-CN"], { type: "region" }).of(region.toUpperCase()) ?? region;
  } catch {
    return region;
  }
}
