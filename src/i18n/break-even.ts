/**
 * The break-even page's own words (59.3): its tables, sentences, Figures 59.3a and 59.3b and its what-if panel, in
 * every language. Values arrive already formatted (money, counts, names); a message orders them and adds its words.
 * Names of models, hardware and providers stay as the data writes them.
 */
import { catalogue } from "./catalogue";

const EN = {
  // Figure 59.3a and the panel's figure.
  curvesTitle: "Break-even: local hardware against cloud APIs",
  callsPerDay: (calls: string) => `${calls}/day`,
  apiHover: (name: string, money: string) => `${name}: ${money} a month at %{x:,.0f} calls/day<extra></extra>`,
  localName: (name: string) => `${name} (local)`,
  localHover: (name: string, money: string) => `${name}: ${money} a month at any volume<extra></extra>`,
  breakEvenName: "Break-even",
  crossingHover: "break-even at %{customdata} calls/day<extra></extra>",
  xLog: "Calls per day (log scale)",
  xLinear: "Calls per day",
  yLog: (code: string) => `Cost per month (${code}, log scale)`,
  yLinear: (code: string) => `Cost per month (${code})`,
  // Figure 59.3b.
  heatmapTitle: "Break-even by hardware and API (calls per day)",
  versus: (name: string) => `vs ${name}`,
  heatmapHover: "%{y} %{x}: %{text}<extra></extra>",
  cloudApi: "Cloud API",
  localConfiguration: "Local configuration",
  // The two scenarios' table and sentence.
  scenario: (hardware: string, model: string) => `${hardware} vs ${model}`,
  hScenario: "Scenario",
  hLocalMonth: "Local $/month",
  hApiCall: "API $/call",
  hPerDay: "Break-even calls/day",
  hPerMonth: "calls/month",
  hPerHour: "calls/hour",
  scenarioCaption: "Break-even of the two scenarios",
  scenarioText: (one: string, oneApi: string, oneCalls: string, two: string, twoApi: string, twoCalls: string, note: string) =>
    `The ${one} breaks even with ${oneApi} at **${oneCalls} calls a day**; the ${two} with ${twoApi} at **${twoCalls}**. For the first, ${note}`,
  perHourNote: (averageHour: string, profile: string, times: string, busiest: string) =>
    `${averageHour} calls an hour is the daily break-even spread evenly over 24 hours; on the ${profile} profile the busiest hour carries ${times} times the average hour (${busiest} calls at that volume), so compare a day's calls with the daily figure, not an hour's.`,
  // Every configuration against each API, recomputed and as printed.
  hMonth: "$/month",
  hBook: "book",
  matrixCaption: "Break-even calls/day: recomputed, and as printed in the book",
  tooSmall: (name: string, note: string) =>
    `**${name}** ${note}: its break-evens compare the APIs with a server that cannot serve the model they assume.`,
  // The same model served and called.
  noSameModel: (hardwareFile: string, modelsFile: string) =>
    `No server in ${hardwareFile} serves a model that ${modelsFile} also prices as an API: there is no like-for-like pair in this edition.`,
  sameModelNever: (never: number, all: number) =>
    `${never} of ${all} servers never cost less a call than the API serving their own model, even running full every hour.`,
  hServer: "Server",
  hServes: "Serves (its API)",
  hServerMonth: "One server a month",
  hFullLoad: "Calls a month at full planned load",
  hCallAtFull: "A call at full load",
  hApiCallSame: "The same model's API a call",
  hSameBreakEven: "Break-even (calls a day)",
  sameModelCaption: (workload: string, files: string) =>
    `Each bought server against the API serving its own model, at ${workload}'s call (${files})`,
  // The what-if panel.
  panelTitle: "break-even for your server and traffic",
  yourServer: "Your server",
  yourOwnServer: "Your own server",
  localHardware: "Local hardware",
  servedBasis: (batched: boolean, percent: number) =>
    `served ${batched ? "batched" : "one call at a time"} at ${percent}% of its measured rate`,
  panelCosts: (machine: string, month: string, api: string, call: string, breakEven: string) =>
    `${machine} costs ${month} a month; ${api} costs ${call} a call. Break-even: ${breakEven} calls a day. `,
  atVolume: (calls: string) => `At ${calls} calls a day`,
  theApi: "the API",
  local: "local",
  sameCost: (a: string, b: string) => `${a} and ${b} cost the same`,
  cheaperBy: (cheaper: string, money: string) => `${cheaper} is cheaper by ${money} a month`,
  ownUnmeasured: "Your own server has no measured throughput",
  fileUnmeasured: (file: string) => `${file} measures no throughput for it`,
  unmeasured: (volume: string, bill: string, verdict: string, unmeasured: string) =>
    `${volume} the API bill is ${bill}; against one server, ${verdict}, if one server carries them. ` +
    `${unmeasured}, so how many servers this volume needs is not known.`,
  carries: (calls: string, basis: string) => `each takes about ${calls} a day, ${basis}`,
  carriesOne: (calls: string, basis: string) => `it takes about ${calls} a day, ${basis}`,
  beyond: (first: string | undefined) =>
    ` One server would break even only past the calls it carries; with the servers each volume needs, local ${
      first !== undefined ? `is cheaper from ${first} calls a day` : "never costs less than the API"
    }.`,
  oneServer: (carries: string) => `one server carries them (${carries})`,
  manyServers: (servers: string, carries: string, month: string) =>
    `one server is not enough: ${servers} are needed (${carries}), ${month} a month`,
  advice: (volume: string, servers: string, bill: string, verdict: string, beyond: string) =>
    `${volume} ${servers}; the API bill is ${bill}: ${verdict}.${beyond}`,
  serversNeeded: (machine: string) => `${machine}, the servers needed`,
  serversNeededHover: (money: string) => `${money} a month for the servers %{x:,.0f} calls/day need<extra></extra>`,
  yourVolume: "your volume",
  calls: "Calls per day",
  inputTokens: "Input tokens per call",
  outputTokens: "Output tokens per call",
  electricity: "Electricity ($/kWh)",
  operations: "Operations ($/month)",
  serverPrice: "Server price ($)",
  writtenOff: "Written off over (months)",
  power: "Power ($/month)",
};

/** A name before Chinese words: a space after one ending in a Latin letter, digit or bracket ("API 每月"), none after Chinese. */
const spaceAfter = (name: string) => (/[A-Za-z0-9)]$/.test(name) ? `${name} ` : name);

/** Chinese as an analyst in mainland China writes it: full-width punctuation beside Chinese, names as the data gives them. */
export const BREAK_EVEN_WORDS = catalogue(EN, {
  curvesTitle: "盈亏平衡：本地硬件与云端 API",
  callsPerDay: (calls) => (calls === "永不" ? calls : `${calls} 次/日`),
  apiHover: (name, money) => `${name}：每日 %{x:,.0f} 次调用时每月 ${money}<extra></extra>`,
  localName: (name) => `${name}（本地）`,
  localHover: (name, money) => `${name}：每月 ${money}，与调用量无关<extra></extra>`,
  breakEvenName: "盈亏平衡点",
  crossingHover: "盈亏平衡点：%{customdata} 次/日<extra></extra>",
  xLog: "每日调用次数（对数刻度）",
  xLinear: "每日调用次数",
  yLog: (code) => `每月成本（${code}，对数刻度）`,
  yLinear: (code) => `每月成本（${code}）`,
  heatmapTitle: "各硬件配置对各 API 的盈亏平衡点（次/日）",
  versus: (name) => `对比 ${name}`,
  heatmapHover: "%{y}，%{x}：%{text}<extra></extra>",
  cloudApi: "云端 API",
  localConfiguration: "本地配置",
  scenario: (hardware, model) => `${hardware} 对比 ${model}`,
  hScenario: "情形",
  hLocalMonth: "本地 USD/月",
  hApiCall: "API USD/次",
  hPerDay: "盈亏平衡（次/日）",
  hPerMonth: "次/月",
  hPerHour: "次/小时",
  scenarioCaption: "两种情形的盈亏平衡点",
  scenarioText: (one, oneApi, oneCalls, two, twoApi, twoCalls, note) =>
    `${one} 与 ${oneApi} 的盈亏平衡点为**每日 ${oneCalls} 次调用**；${two} 与 ${twoApi} 的盈亏平衡点为**每日 ${twoCalls} 次**。就前者而言，${note}`,
  perHourNote: (averageHour, profile, times, busiest) =>
    `每小时 ${averageHour} 次是把每日盈亏平衡量平均摊到 24 小时的结果；按${profile}流量曲线，最繁忙时段的调用量是平均每小时的 ${times} 倍（在该日调用量下为 ${busiest} 次），因此应拿每日调用量与每日盈亏平衡点比较，而不是拿某一小时的调用量比较。`,
  hMonth: "USD/月",
  hBook: "书中数值",
  matrixCaption: "盈亏平衡点（次/日）：重新计算值与书中印刷值",
  tooSmall: (name, note) => `**${name}** ${note}：其盈亏平衡点是拿 API 与一台无法运行所假定模型的服务器相比。`,
  noSameModel: (hardwareFile, modelsFile) =>
    `${hardwareFile} 中没有任何服务器运行 ${modelsFile} 同时以 API 计价的模型：本版数据中没有同模型的对照组。`,
  sameModelNever: (never, all) => `${all} 台服务器中有 ${never} 台即使每小时满负荷运行，单次调用成本也始终高于提供同一模型的 API。`,
  hServer: "服务器",
  hServes: "所运行模型（即其 API）",
  hServerMonth: "单台服务器每月成本",
  hFullLoad: "满计划负荷下每月调用次数",
  hCallAtFull: "满负荷下单次调用成本",
  hApiCallSame: "同模型 API 单次调用成本",
  hSameBreakEven: "盈亏平衡（次/日）",
  sameModelCaption: (workload, files) => `每台购买的服务器对比提供同一模型的 API，按工作负载 ${workload} 的单次调用计（${files}）`,
  panelTitle: "按你的服务器和流量计算盈亏平衡",
  yourServer: "你的服务器",
  yourOwnServer: "你自己的服务器",
  localHardware: "本地硬件",
  servedBasis: (batched, percent) => `${batched ? "批处理" : "逐次处理"}，按实测速率的 ${percent}% 计`,
  panelCosts: (machine, month, api, call, breakEven) =>
    `${spaceAfter(machine)}每月成本 ${month}；${api} 每次调用 ${call}。盈亏平衡点：每日 ${breakEven} 次调用。`,
  atVolume: (calls) => `每日 ${calls} 次调用时，`,
  theApi: "API",
  local: "本地",
  sameCost: (a, b) => `${spaceAfter(a)}与${b === "API" ? " API " : b}成本相同`,
  cheaperBy: (cheaper, money) => `${spaceAfter(cheaper)}每月便宜 ${money}`,
  ownUnmeasured: "你自己的服务器没有实测吞吐量",
  fileUnmeasured: (file) => `${file} 中没有该配置的实测吞吐量`,
  unmeasured: (volume, bill, verdict, unmeasured) =>
    `${volume}API 账单为 ${bill}；与一台服务器相比，${verdict}（假设一台服务器承载得了）。${unmeasured}，因此无法得知该调用量需要几台服务器。`,
  carries: (calls, basis) => `每台每日约承载 ${calls} 次，${basis}`,
  carriesOne: (calls, basis) => `每日约承载 ${calls} 次，${basis}`,
  beyond: (first) =>
    `单台服务器要超出其承载能力才能达到盈亏平衡；按每个调用量所需的服务器数计算，本地${
      first !== undefined ? `从每日 ${first} 次调用起更便宜` : "始终不比 API 便宜"
    }。`,
  oneServer: (carries) => `一台服务器即可承载（${carries}）`,
  manyServers: (servers, carries, month) => `一台服务器不够：需要 ${servers}（${carries}），每月 ${month}`,
  advice: (volume, servers, bill, verdict, beyond) => `${volume}${servers}；API 账单为 ${bill}：${verdict}。${beyond}`,
  serversNeeded: (machine) => `${machine}（按所需服务器数）`,
  serversNeededHover: (money) => `每日 %{x:,.0f} 次调用所需服务器每月 ${money}<extra></extra>`,
  yourVolume: "你的调用量",
  calls: "每日调用次数",
  inputTokens: "每次调用输入 token 数",
  outputTokens: "每次调用输出 token 数",
  electricity: "电价（USD/kWh）",
  operations: "运维（USD/月）",
  serverPrice: "服务器价格（USD）",
  writtenOff: "折旧期（月）",
  power: "电费（USD/月）",
});
