/** The closing questions' page (59.9) in Chinese: the China edition's case, every sentence, header, cell, figure word and panel word. */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import {
  abFinding,
  callContextTokens,
  caseServer,
  closingQuestionsPanelSpec,
  failoverFigure,
  failoverFinding,
  findHardware,
  inCurrency,
  opsFinding,
  opsSweepFigure,
  opsVolume,
  type PageTable,
  quantisationPageTable,
  sampleSizeFigure,
  selectWorkload,
  usdIn,
  vramFigure,
  vramFinding,
  vramPageTable,
  workloadNote,
} from "../../src/analysis";
import { loadDataset } from "../../src/data";
import { CLOSING_QUESTIONS_PANEL, evaluateClosingQuestionsPanel } from "../../src/panels/closing-questions";
import { DATA_DIR } from "../helpers/data-folder";
import { englishWords } from "../helpers/english-words";
import { figureWords } from "../helpers/figure-words";

/** The China edition at its own parameters.json, in yuan, as 59.9 runs it. */
const folder = path.join(DATA_DIR, "2026-11-cn");
const parameters = JSON.parse(readFileSync(path.join(folder, "parameters.json"), "utf8")) as Record<string, string>;
const data = inCurrency(selectWorkload(loadDataset(folder), { workloadId: parameters.workloadId }), "CNY");
const vramQuestion = { contextTokens: null, concurrentSequences: 1, overheadGibPerGpu: 1 };
const failoverScenarioId = parameters.failoverScenarioId as string;
const ops = { hardwareId: parameters.opsHardwareId as string, apiModelId: parameters.opsApiModelId as string };
const ab = {
  baselineModelId: parameters.abBaselineModelId as string,
  candidateModelId: parameters.abCandidateModelId as string,
  benchmark: parameters.abBenchmark as string,
  callsPerDay: 3000,
  testShare: 0.5,
  callsPerTask: 5,
  nonInferiorityMarginPoints: 3,
};

/** The cards as the sentences name them, without their maker: "32× H20 96GB". */
const cards = data.hardware.map((row) => row.gpuModel.replace(/^NVIDIA /, ""));
/**
 * Every name the page may quote: the data's, the cards', each model's bar label at its size ("671B"), the formats as
 * llama.cpp writes them (Q4_K_M, from quantisation.csv's q4_k_m) with the sizes they were measured on, and GiB, KL
 * (divergence) and A/B (test), which a Chinese analyst writes as they are.
 */
const names = [
  ...cards,
  ...data.modelArchitectures.map((row) => row.model.match(/\d+(?:\.\d+)?B\b/)?.[0] ?? row.modelId),
  ...data.quantisation.flatMap((row) => [row.quantId.toUpperCase(), row.referenceModel.match(/\d+(?:\.\d+)?B\b/)?.[0] ?? ""]),
  "GiB",
  "KL",
  "A/B",
  // The page's translated prose calls an agent "Agent", as Chinese technical writing does: the panel says it alike.
  "Agent",
].filter((name) => name !== "");
const check = (text: string) => expect(englishWords(data, text, names), text).toEqual([]);

const tableTexts = (table: PageTable): string[] => [
  table.caption,
  ...table.columns.map((column) => column.label ?? ""),
  ...table.rows.flatMap((row) => Object.values(row).map((value) => (typeof value === "string" ? value : ""))),
];

describe("the closing questions in Chinese (the China edition's H20 server, DeepSeek V4 Pro against Kimi K2.6)", () => {
  it("answers each question in Chinese sentences with the edition's numbers, money as ¥ and 万", () => {
    expect(failoverFinding(data, failoverScenarioId, "zh-CN")).toBe(
      "4x 8x H20 96GB (DeepSeek-R1, prefill/decode split) 每月 150,000 次调用，每月宕机 7.2 小时、共 2 次：单靠它可服务 **99.00%** 的调用；" +
        "以 DeepSeek V4 Pro (DeepSeek API) 作为备援则为 **99.994%**，每月丢失 8 次调用，而非 1,500 次。备援费用为 **每月 ¥108.37**，另加服务器本身的 ¥14.32万。",
    );
    expect(abFinding(data, ab, "zh-CN").split("\n\n")[0]).toBe(
      "DeepSeek V4 Pro (DeepSeek API) 在 Terminal-Bench 2.0 上得分 67.9%，Kimi K2.6 (Moonshot international platform) 为 66.7%。" +
        "若把每次调用都当作一次试验，要发现这 1.2 个百分点的下降需要 **每组 23,990 次调用**（80% 检验功效，32 天）。" +
        "但成功与否按任务判定：每组需要 23,990 个**任务**，按每个任务 5 次调用计为 **每组 119,950 次调用**；以每日 3,000 次调用中的 50% 进入测试，需要 **160 天**。",
    );
    for (const text of [
      vramFinding(data, vramQuestion, "zh-CN"),
      workloadNote(data, "zh-CN"),
      failoverFinding(data, failoverScenarioId, "zh-CN"),
      opsFinding(data, ops, "zh-CN"),
      abFinding(data, ab, "zh-CN"),
    ])
      check(text);
  });

  it("heads and fills the VRAM and quality tables in Chinese", () => {
    const vram = vramPageTable(data, vramQuestion, "zh-CN");
    expect(vram.columns.map((column) => column.label)).toEqual([
      "模型",
      "格式",
      "每个权重的位数",
      "位数测量所用模型",
      "权重（GiB）",
      "KV 缓存（GiB）",
      "装得下的配置",
    ]);
    for (const table of [vram, quantisationPageTable(data, "zh-CN")]) for (const text of tableTexts(table)) check(text);
  });

  it("titles figures 59.9a–d, their axes, legends, hovers, notes and source lines in Chinese", () => {
    const callTokens = callContextTokens(data);
    const opsHardware = findHardware(data, ops.hardwareId);
    const figures = [
      vramFigure(data, { contextTokens: callTokens, concurrentSequences: 1, overheadGibPerGpu: 1, lang: "zh-CN" }),
      failoverFigure(data, { scenarioId: failoverScenarioId, lang: "zh-CN" }),
      opsSweepFigure(data, {
        ...ops,
        salariesUsdPerMonth: [5000, 10000].map((usd) => usdIn(data, usd)),
        chapterFte: opsHardware.opsFte ?? 0.2,
        chapterSalaryUsdPerMonth: opsHardware.opsSalaryUsdPerMonth ?? 10000,
        volumeCallsPerDay: opsVolume(data, ops.hardwareId),
        lang: "zh-CN",
      }),
      sampleSizeFigure(data, { ...ab, lang: "zh-CN" }),
    ];
    expect(figures.map((figure) => figure.layout.title.text)).toEqual([
      "图 59.9a — 各位宽的 GPU 显存需求：9,500 token 上下文 × 1 条序列",
      "图 59.9b — 故障转移：按本地宕机时长计的丢失调用与成本",
      "图 59.9c — 隐性运维成本：按运维投入计的盈亏平衡点，4x 8x H20 96GB 对比 DeepSeek V4 Pro (DeepSeek API)",
      "图 59.9d — 模型切换的 A/B 测试：任务成功率 67.9% 时所需调用次数（每个任务 5 次调用）",
    ]);
    for (const figure of figures) {
      expect((figure.layout.annotations as { text: string }[]).at(-1)?.text).toMatch(/^来源：/);
      for (const text of figureWords(figure, data)) check(text);
    }
  });

  it("carries the language in the panel's spec: its title, controls, summary and figure are Chinese, its numbers the English panel's", () => {
    const options = {
      vramModelId: caseServer(data).modelId,
      overheadGibPerGpu: 1,
      failoverScenarioId,
      abBaselineModelId: ab.baselineModelId,
      abCandidateModelId: ab.candidateModelId,
      abBenchmark: ab.benchmark,
      abCallsPerDay: ab.callsPerDay,
      abTestShare: ab.testShare,
      abCallsPerTask: ab.callsPerTask,
      defaults: { contextTokens: 32000, concurrentSequences: 4, downtimeHoursPerMonth: 24, testSharePercent: 10, callsPerTask: 10 },
    };
    const zh = closingQuestionsPanelSpec(data, { ...options, lang: "zh-CN" });
    const en = closingQuestionsPanelSpec(data, options);
    expect(zh.lang).toBe("zh-CN");
    expect("lang" in en).toBe(false);
    const shownZh = evaluateClosingQuestionsPanel(zh, zh.defaults);
    const shownEn = evaluateClosingQuestionsPanel(en, en.defaults);
    expect(shownZh.summary).toContain(
      "每月宕机 24 小时，4x 8x H20 96GB (DeepSeek-R1, prefill/decode split) 以 DeepSeek V4 Pro (DeepSeek API) 作为备援可服务 99.992% 的调用；备援费用为每月 ¥362，比数据中的 7.2 小时多 ¥254。",
    );
    const controls = CLOSING_QUESTIONS_PANEL.controls(zh).map((control) =>
      "range" in control ? control.range.label : (control as { label: string }).label,
    );
    expect(controls).toEqual([
      "每条序列的上下文 token 数",
      "同时服务的序列数",
      "本地宕机时长（小时/月）",
      "A/B 测试的流量占比（%）",
      "每个 Agent 任务的调用次数",
    ]);
    for (const text of [zh.title, shownZh.summary, ...controls, ...figureWords(shownZh.figure, data)]) check(text);
    expect(() => evaluateClosingQuestionsPanel(zh, { ...zh.defaults, callsPerTask: 2.55 })).toThrow(
      "每个 Agent 任务的调用次数应为 0.1 的整数倍，而不是 2.55",
    );
    const numbers = (shown: typeof shownEn) => [shown.cells, shown.failover, shown.dataFailover, shown.smallerShare, shown.longerTasks];
    expect(numbers(shownZh)).toEqual(numbers(shownEn));
    expect(CLOSING_QUESTIONS_PANEL.show(zh, zh.defaults, { narrow: false }).attributes).toEqual(
      CLOSING_QUESTIONS_PANEL.show(en, en.defaults, { narrow: false }).attributes,
    );
  });
});
