/**
 * The closing questions' own words (59.9): quantisation and VRAM, failover, the hidden ops cost and the A/B test of a
 * model switch, their tables, figures 59.9a–d and the what-if panel, in every language. Values arrive already
 * formatted: a message only orders them and adds its words. Names of models, servers and benchmarks stay as the data
 * writes them.
 */
import { catalogue } from "./catalogue";

/** What the case study's server needs for the model it stands in for, formatted; `undefined` where the data names none. */
export interface VramFacts {
  model: string;
  bitsLabel: string;
  format: string;
  bitsPerWeight: string;
  measuredOn: string;
  weights: string;
  context: string;
  sequences: string;
  kvCache: string;
  overhead: string;
  cards: string;
  required: string;
  available: string;
  server: string;
  /** The formats that fit ("F16, FP8"); "" where none does. */
  fits: string;
  /** Whether the served format fits, and by how much. */
  servedFits: boolean;
  spare: string;
  overheadLimit: string;
  /** The data states the chapter's "about 35 GB". */
  chapterQuote: boolean;
  /** The data names the model and format the server stands in for. */
  served: boolean;
}

/** A failover scenario, formatted. */
export interface FailoverFacts {
  server: string;
  callsPerMonth: string;
  downtime: string;
  outages: string;
  alone: string;
  cloud: string;
  withFailover: string;
  lost: string;
  lostAlone: string;
  fallback: string;
  serverMonth: string;
}

/** The ops sweep, formatted. */
export interface OpsFacts {
  server: string;
  none: string;
  chapter: string;
  half: string;
  full: string;
  volume: string;
  limit: string;
  perHour: string;
}

/** The A/B test, formatted. */
export interface AbFacts {
  baseline: string;
  baselineRate: string;
  benchmark: string;
  candidate: string;
  candidateRate: string;
  gap: string;
  perCallCalls: string;
  perCallDays: string;
  tasks: string;
  callsPerTask: string;
  calls: string;
  days: string;
  share: string;
  dailyCalls: string;
}

/** The non-inferiority test, formatted. */
export interface NonInferiorityFacts {
  margin: string;
  tasks: string;
  calls: string;
  days: string;
  gap: string;
  /** The test can show it at the benchmark's gap. */
  possible: boolean;
  left: string;
  gapTasks: string;
  gapDays: string;
}

const EN = {
  // 1. Quantisation.
  contextOfCall: (tokens: string, input: string, output: string) => `one call's ${tokens}-token context (${input} in, ${output} out)`,
  contextOf: (tokens: string) => `a ${tokens}-token context`,
  vram: (f: VramFacts) =>
    `${f.model} at ${f.bitsLabel} bits (${f.format}, ${f.bitsPerWeight} bits per weight as measured on ${f.measuredOn}: ${f.weights} GiB of weights) with ${f.context} × ${f.sequences} (${f.kvCache} GiB of KV cache) and ${f.overhead} GiB of runtime memory on each of the case study's ${f.cards} cards needs **${f.required} GiB** of the ${f.available} GiB its ${f.server} offers after headroom: ${f.fits ? `only **${f.fits}** fits` : "**no format** fits"}${f.servedFits ? `, with ${f.spare} GiB to spare; above ${f.overheadLimit} GiB of runtime memory per card it would not` : ""}.${f.chapterQuote ? ' The chapter\'s "about 35 GB" is the weights at exactly 4 bits.' : ""}`,
  hModel: "Model",
  hFormat: "Format",
  hBits: "Bits per weight",
  hBitsMeasuredOn: "Bits measured on",
  hWeights: "Weights (GiB)",
  hKvCache: "KV cache (GiB)",
  hFits: "Fits",
  fitsNone: "none",
  vramCaption: (tokens: string, sequences: number, overhead: number) =>
    `VRAM at ${tokens} tokens × ${sequences} sequence(s), ${overhead} GiB runtime overhead per GPU, 5% kept free`,
  hMeasuredOn: "Measured on",
  hPerplexity: "Perplexity increase over FP16 (%)",
  hKld: "KL divergence from FP16",
  qualityCaption: (file: string) => `Quality cost per bit width (${file})`,
  // Figure 59.9a.
  bitsAs: (size: string) => `bits as ${size}`,
  ppl: (percent: string, other: string) => `+${percent}% ppl${other ? ` (${other})` : ""}`,
  weights: "weights",
  kvCache: "KV cache",
  barHover: (name: string) => `%{x}: ${name} %{y:.1f} GiB%{customdata}<extra></extra>`,
  room: (label: string, usable: string, total: number) => `${label}: ${usable} of ${total} GiB`,
  aboveScale: (configs: readonly string[]) => `above the scale: ${configs.join(", ")}`,
  aboveScaleConfig: (label: string, usable: string, total: number) => `${label} (${usable} of ${total} GiB)`,
  linesNote: (headroom: number, overhead: number) =>
    `lines: each configuration's VRAM less ${headroom}% headroom and ${overhead} GiB runtime overhead per GPU`,
  vramTitle: (tokens: string, sequences: number) =>
    `GPU memory by bit width: ${tokens}-token context × ${sequences} sequence${sequences === 1 ? "" : "s"}`,
  vramXAxis: "Model and quantisation",
  vramYAxis: "Weights + KV cache (GiB)",
  // 2. Failover.
  failover: (f: FailoverFacts) =>
    `${f.server} at ${f.callsPerMonth} calls a month, down ${f.downtime} hours a month in ${f.outages} outages: alone it serves **${f.alone}** of calls; with ${f.cloud} as fallback **${f.withFailover}**, losing ${f.lost} calls a month instead of ${f.lostAlone}. The fallback costs **${f.fallback}** a month on top of the server's ${f.serverMonth}.`,
  localOnly: "local only",
  localFirst: (cloud: string) => `local first, ${cloud} fallback`,
  lostHover: (name: string) => `${name}: %{y:,.0f} calls lost (%{customdata}% served) at %{x:.0f} h down<extra></extra>`,
  failoverCost: "cost with failover (right axis)",
  failoverCostEnd: "cost with failover",
  failoverCostHover: (_code: string) => "%{y:$,.0f} a month at %{x:.0f} h down<extra></extra>",
  failoverTitle: "Failover: calls lost and cost by local downtime",
  downtimeAxis: "Local downtime (hours per month)",
  lostAxis: "Calls not served per month (log scale)",
  thisScenario: "this scenario",
  failoverCostAxis: (_code: string) => "Cost per month (USD)",
  moneyFormat: "$,.0f",
  // 3. Ops.
  ops: (f: OpsFacts) =>
    `Without ops time ${f.server} breaks even at ${f.none} calls a day; at the chapter's 0.2 FTE at ${f.chapter}; at half an engineer at ${f.half}; at a full one at ${f.full}. At ${f.volume} calls a day local stops paying once operations take more than **${f.limit} FTE**.\n\nPer hour, at the chapter's 0.2 FTE: ${f.perHour}`,
  engineerAt: (salary: string) => `engineer at ${salary}/month`,
  engineerHover: (salary: string) => `%{x:.2f} FTE at ${salary}: break-even %{y:,.0f} calls/day<extra></extra>`,
  chapterAssumption: "the chapter's assumption",
  chapterHover: "the chapter: %{x:.2f} FTE, %{y:,.0f} calls/day<extra></extra>",
  versus: (server: string, api: string) => `${server} vs ${api}`,
  opsTitle: (comparison: string) => `Hidden ops cost: break-even by ops share, ${comparison}`,
  opsXAxis: "Ops share of an engineer (FTE)",
  opsYAxis: "Break-even (calls per day)",
  yourVolume: (volume: string) => `your volume: ${volume}/day`,
  // 4. A/B test.
  ab: (f: AbFacts) =>
    `${f.baseline} scores ${f.baselineRate} on ${f.benchmark}, ${f.candidate} ${f.candidateRate}. Counting every call as a trial, detecting that ${f.gap}-point drop would take **${f.perCallCalls} calls per arm** (80% power, ${f.perCallDays} day(s)). Success is judged per task, though: it takes ${f.tasks} **tasks** per arm, and at ${f.callsPerTask} calls a task **${f.calls} calls per arm**, **${f.days} day(s)** with ${f.share} of ${f.dailyCalls} daily calls in the test.`,
  nonInferiority: (f: NonInferiorityFacts) =>
    `A switch that only has to be no worse than ${f.margin} points below the current model is a one-sided non-inferiority test: planned for a candidate as good as the current one, **${f.tasks} tasks (${f.calls} calls) per arm**, **${f.days} day(s)**. Planned instead for a candidate as far behind as the benchmark says (${f.gap} points), ${f.possible ? `the margin leaves ${f.left} point(s) and the test needs ${f.gapTasks} tasks per arm (${f.gapDays} days)` : "the gap already uses up the margin and no test can show it"}.`,
  quadruples: "Halving the drop or the margin to rule out roughly quadruples the tasks.",
  // Figure 59.9d.
  detectLine: (power: number, alpha: number) => `detect a drop, two-sided: ${power}% power, α = ${alpha}`,
  detectEnd: (power: number) => `detect, ${power}% power`,
  noWorseLine: (power: number, alpha: number) => `no worse than the margin, one-sided: ${power}% power, α = ${alpha}`,
  noWorseEnd: (power: number) => `no worse, ${power}% power`,
  goalDetect: "detect",
  goalNoWorse: "show no worse than",
  daysText: (count: number) => `${count.toLocaleString("en-US")} day${count === 1 ? "" : "s"}`,
  sampleHover: (label: string, goal: string) =>
    `${label}: %{y:,.0f} calls (%{customdata[1]:,.0f} tasks) per arm to ${goal} −%{x:.1f} points (%{customdata[0]})<extra></extra>`,
  callsPerArm: (calls: string) => `${calls} calls per arm`,
  tasksPerArm: (tasks: string, calls: string) => `${tasks} tasks (${calls} calls) per arm`,
  switchLabel: (baseline: string, candidate: string, benchmark: string) => `${baseline} → ${candidate} (${benchmark})`,
  highlight: (label: string, perArm: string, days: string) => `${label}<br>${perArm}, ${days}`,
  tasksOf: (calls: number) => ` (tasks of ${calls} calls)`,
  sampleTitle: (rate: string, unit: string) => `A/B test of a model switch: calls needed from a ${rate}% task success rate${unit}`,
  sampleXAxis: "Drop in task success rate to detect, or non-inferiority margin (percentage points)",
  sampleYAxis: "Calls per arm (log scale)",
  // The what-if panel.
  panelTitle: "a longer context, a flakier server, a smaller test share and longer tasks",
  contextControl: "Context tokens per sequence",
  sequencesControl: "Sequences at once",
  downtimeControl: "Local downtime (hours a month)",
  shareControl: "Traffic in the A/B test (%)",
  callsPerTaskControl: "Calls per agent task",
  smallestFit: (gib: string, format: string, fit: string | undefined) =>
    `${gib} GiB at ${format} (${fit ? `smallest fit: ${fit}` : "no configuration holds it"})`,
  sequences: (count: string, one: boolean) => `${count} sequence${one ? "" : "s"}`,
  panelContext: (tokens: string, sequences: string) => `${tokens} tokens × ${sequences}`,
  vramFits: (context: string, model: string, formats: readonly string[]) =>
    `At ${context}, ${model} needs for weights and KV cache ${formats.join(", ")}.`,
  vramNone: (context: string, model: string, formats: readonly string[]) =>
    `No GPU configuration in the data holds ${model} at ${context}, at any bit width: it needs ${formats.join(", ")}. Serve fewer sequences at once or a shorter context.`,
  failoverLine: (hours: string, server: string, cloud: string, served: string, fallback: string) =>
    `Down ${hours} h a month, ${server} with ${cloud} as fallback serves ${served} of calls; the fallback costs ${fallback} a month`,
  asAtData: (hours: string) => `, as at the data's ${hours} h.`,
  againstData: (extra: string, more: boolean, hours: string) => `, ${extra} ${more ? "more" : "less"} than at the data's ${hours} h.`,
  panelDays: (count: number | undefined) =>
    count === undefined ? "never (no traffic)" : `${count.toLocaleString("en-US")} day${count === 1 ? "" : "s"}`,
  shareLine: (
    share: string,
    daily: string,
    baseline: string,
    candidate: string,
    perTask: string,
    days: string,
    baseDays: string,
    baseShare: string,
  ) =>
    `With ${share} of ${daily} daily calls in it, the A/B test of ${baseline} against ${candidate}, in tasks of ${perTask} calls, takes ${days}, against ${baseDays} at ${baseShare}.`,
  tasksLine: (perTask: string, share: string, tasks: string, calls: string, days: string) =>
    `With tasks of ${perTask} calls (${share} of traffic), ${tasks} tasks per arm are ${calls} calls per arm: ${days}.`,
};

/** Chinese as an analyst in mainland China writes it: full-width punctuation beside Chinese, names as the data gives them. */
export const CLOSING_QUESTIONS_WORDS = catalogue(EN, {
  contextOfCall: (tokens, input, output) => `单次调用 ${tokens} token 的上下文（输入 ${input}，输出 ${output}）`,
  contextOf: (tokens) => `${tokens} token 的上下文`,
  vram: (f) =>
    f.served
      ? `${f.model} 以 ${f.bitsLabel} 位量化（${f.format}，每个权重 ${f.bitsPerWeight} 位，在 ${f.measuredOn} 上测得：权重 ${f.weights} GiB），按${f.context} × ${f.sequences}（KV 缓存 ${f.kvCache} GiB），加上案例 ${f.cards} 张卡每张 ${f.overhead} GiB 的运行时内存，共需 **${f.required} GiB**，而其 ${f.server} 扣除预留后可用 ${f.available} GiB：${f.fits ? `只有 **${f.fits}** 装得下` : "**没有任何格式**装得下"}${f.servedFits ? `，余量 ${f.spare} GiB；每张卡的运行时内存超过 ${f.overheadLimit} GiB 就装不下了` : ""}。${f.chapterQuote ? "本章所说的“约 35 GB”是恰好 4 位时的权重。" : ""}`
      : `数据未注明案例的 ${f.server} 服务器以何种格式部署哪个模型，因此无法核算其显存需求；按${f.context} × ${f.sequences}、每张卡 ${f.overhead} GiB 的运行时内存，${f.fits ? `它装得下的格式为 **${f.fits}**` : "它**没有任何格式**装得下"}。`,
  hModel: "模型",
  hFormat: "格式",
  hBits: "每个权重的位数",
  hBitsMeasuredOn: "位数测量所用模型",
  hWeights: "权重（GiB）",
  hKvCache: "KV 缓存（GiB）",
  hFits: "装得下的配置",
  fitsNone: "无",
  vramCaption: (tokens, sequences, overhead) =>
    `显存需求：${tokens} token × ${sequences} 条序列，每张 GPU 运行时开销 ${overhead} GiB，预留 5% 空闲`,
  hMeasuredOn: "测量所用模型",
  hPerplexity: "相对 FP16 的困惑度增幅（%）",
  hKld: "相对 FP16 的 KL 散度",
  qualityCaption: (file) => `各位宽的质量代价（${file}）`,
  // Two short lines: a bar is narrower than one Chinese line of both.
  bitsAs: (size) => `位数取自<br>${size}`,
  ppl: (percent, other) => `困惑度+${percent}%${other ? `<br>（${other}）` : ""}`,
  weights: "权重",
  kvCache: "KV 缓存",
  barHover: (name) => `%{x}：${name} %{y:.1f} GiB%{customdata}<extra></extra>`,
  room: (label, usable, total) => `${label}：${total} GiB 中可用 ${usable} GiB`,
  aboveScale: (configs) => `超出纵轴范围：${configs.join("、")}`,
  aboveScaleConfig: (label, usable, total) => `${label}（${total} GiB 中可用 ${usable} GiB）`,
  linesNote: (headroom, overhead) => `虚线：各配置的显存扣除 ${headroom}% 预留和每张 GPU ${overhead} GiB 运行时开销后的可用量`,
  vramTitle: (tokens, sequences) => `各位宽的 GPU 显存需求：${tokens} token 上下文 × ${sequences} 条序列`,
  vramXAxis: "模型与量化格式",
  vramYAxis: "权重 + KV 缓存（GiB）",
  failover: (f) =>
    `${f.server} 每月 ${f.callsPerMonth} 次调用，每月宕机 ${f.downtime} 小时、共 ${f.outages} 次：单靠它可服务 **${f.alone}** 的调用；以 ${f.cloud} 作为备援则为 **${f.withFailover}**，每月丢失 ${f.lost} 次调用，而非 ${f.lostAlone} 次。备援费用为 **每月 ${f.fallback}**，另加服务器本身的 ${f.serverMonth}。`,
  localOnly: "仅本地",
  localFirst: (cloud) => `本地优先，${cloud} 备援`,
  lostHover: (name) => `${name}：每月宕机 %{x:.0f} 小时时丢失 %{y:,.0f} 次调用（服务 %{customdata}%）<extra></extra>`,
  failoverCost: "含故障转移的成本（右轴）",
  failoverCostEnd: "含故障转移的成本",
  failoverCostHover: (code) => `每月宕机 %{x:.0f} 小时时每月 %{y:,.0f} ${code}<extra></extra>`,
  failoverTitle: "故障转移：按本地宕机时长计的丢失调用与成本",
  downtimeAxis: "本地宕机时长（小时/月）",
  lostAxis: "每月未服务的调用（对数坐标）",
  thisScenario: "本情景",
  failoverCostAxis: (code) => `每月成本（${code}）`,
  moneyFormat: ",.0f",
  ops: (f) =>
    `不计运维时间时，${f.server} 的盈亏平衡点为每日 ${f.none} 次调用；按本章的 0.2 个人力为 ${f.chapter} 次；半个工程师为 ${f.half} 次；一个全职工程师为 ${f.full} 次。按每日 ${f.volume} 次调用，运维一旦超过 **${f.limit} 个人力**，本地部署就不再划算。\n\n按小时计（本章的 0.2 个人力）：${f.perHour}`,
  engineerAt: (salary) => `工程师月薪 ${salary}`,
  engineerHover: (salary) => `月薪 ${salary} 的 %{x:.2f} 个人力：盈亏平衡点每日 %{y:,.0f} 次调用<extra></extra>`,
  chapterAssumption: "本章的假设",
  chapterHover: "本章：%{x:.2f} 个人力，每日 %{y:,.0f} 次调用<extra></extra>",
  versus: (server, api) => `${server} 对比 ${api}`,
  opsTitle: (comparison) => `隐性运维成本：按运维投入计的盈亏平衡点，${comparison}`,
  opsXAxis: "运维占一名工程师的比例（人力）",
  opsYAxis: "盈亏平衡点（每日调用次数）",
  yourVolume: (volume) => `你的调用量：每日 ${volume} 次`,
  ab: (f) =>
    `${f.baseline} 在 ${f.benchmark} 上得分 ${f.baselineRate}，${f.candidate} 为 ${f.candidateRate}。若把每次调用都当作一次试验，要发现这 ${f.gap} 个百分点的下降需要 **每组 ${f.perCallCalls} 次调用**（80% 检验功效，${f.perCallDays} 天）。但成功与否按任务判定：每组需要 ${f.tasks} 个**任务**，按每个任务 ${f.callsPerTask} 次调用计为 **每组 ${f.calls} 次调用**；以每日 ${f.dailyCalls} 次调用中的 ${f.share} 进入测试，需要 **${f.days} 天**。`,
  nonInferiority: (f) =>
    `若切换只需证明不比当前模型低 ${f.margin} 个百分点以上，这是单侧非劣效性检验：按候选模型与当前模型一样好来规划，需要 **每组 ${f.tasks} 个任务（${f.calls} 次调用）**，**${f.days} 天**。若按基准测试所示的差距（${f.gap} 个百分点）来规划，${f.possible ? `界值只剩 ${f.left} 个百分点，每组需要 ${f.gapTasks} 个任务（${f.gapDays} 天）` : "这一差距已用尽界值，任何检验都无法证明非劣效"}。`,
  quadruples: "要排除的下降幅度或界值减半，所需任务数大约变为四倍。",
  detectLine: (power, alpha) => `发现下降，双侧：检验功效 ${power}%，α = ${alpha}`,
  detectEnd: (power) => `发现下降，功效 ${power}%`,
  noWorseLine: (power, alpha) => `不差于界值，单侧：检验功效 ${power}%，α = ${alpha}`,
  noWorseEnd: (power) => `非劣效，功效 ${power}%`,
  goalDetect: "发现",
  goalNoWorse: "证明不差于",
  daysText: (count) => `${count.toLocaleString("en-US")} 天`,
  sampleHover: (label, goal) =>
    `${label}：每组 %{y:,.0f} 次调用（%{customdata[1]:,.0f} 个任务）才能${goal} −%{x:.1f} 个百分点（%{customdata[0]}）<extra></extra>`,
  callsPerArm: (calls) => `每组 ${calls} 次调用`,
  tasksPerArm: (tasks, calls) => `每组 ${tasks} 个任务（${calls} 次调用）`,
  switchLabel: (baseline, candidate, benchmark) => `${baseline} → ${candidate}（${benchmark}）`,
  highlight: (label, perArm, days) => `${label}<br>${perArm}，${days}`,
  tasksOf: (calls) => `（每个任务 ${calls} 次调用）`,
  sampleTitle: (rate, unit) => `模型切换的 A/B 测试：任务成功率 ${rate}% 时所需调用次数${unit}`,
  sampleXAxis: "要发现的任务成功率下降或非劣效界值（百分点）",
  sampleYAxis: "每组调用次数（对数坐标）",
  panelTitle: "更长的上下文、更不稳定的服务器、更小的测试流量和更长的任务",
  contextControl: "每条序列的上下文 token 数",
  sequencesControl: "同时服务的序列数",
  downtimeControl: "本地宕机时长（小时/月）",
  shareControl: "A/B 测试的流量占比（%）",
  callsPerTaskControl: "每个 Agent 任务的调用次数",
  smallestFit: (gib, format, fit) => `${format} 需要 ${gib} GiB（${fit ? `最小可用配置：${fit}` : "没有配置装得下"}）`,
  sequences: (count) => `${count} 条序列`,
  panelContext: (tokens, sequences) => `${tokens} token × ${sequences}`,
  vramFits: (context, model, formats) => `按 ${context}，${model} 的权重和 KV 缓存：${formats.join("；")}。`,
  vramNone: (context, model, formats) =>
    `按 ${context}，数据中没有任何 GPU 配置能以任何位宽装下 ${model}：${formats.join("；")}。请减少同时服务的序列数或缩短上下文。`,
  failoverLine: (hours, server, cloud, served, fallback) =>
    `每月宕机 ${hours} 小时，${server} 以 ${cloud} 作为备援可服务 ${served} 的调用；备援费用为每月 ${fallback}`,
  asAtData: (hours) => `，与数据中的 ${hours} 小时相同。`,
  againstData: (extra, more, hours) => `，比数据中的 ${hours} 小时${more ? "多" : "少"} ${extra}。`,
  panelDays: (count) => (count === undefined ? "永远无法完成（没有流量）" : `${count.toLocaleString("en-US")} 天`),
  shareLine: (share, daily, baseline, candidate, perTask, days, baseDays, baseShare) =>
    `以每日 ${daily} 次调用中的 ${share} 进入测试、每个任务 ${perTask} 次调用计，${baseline} 对比 ${candidate} 的 A/B 测试需要 ${days}，而按 ${baseShare} 需要 ${baseDays}。`,
  tasksLine: (perTask, share, tasks, calls, days) =>
    `每个任务 ${perTask} 次调用时（流量占比 ${share}），每组 ${tasks} 个任务即每组 ${calls} 次调用：需要 ${days}。`,
});
