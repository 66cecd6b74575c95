/** The decision page in Chinese: the China edition's own case, every sentence, header, figure word and panel summary. */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import {
  bottomLine,
  decisionColumns,
  decisionFigure,
  decisionInputs,
  decisionMethod,
  decisionRows,
  displayCurrency,
  flipText,
  pageDecision,
  shortListRows,
} from "../../src/analysis";
import { decisionPanelSpec } from "../../src/analysis/panels";
import type { Decision } from "../../src/analysis/decide";
import { loadDataset } from "../../src/data";
import { DECISION_PANEL, evaluateDecisionPanel } from "../../src/panels/decision";
import { DATA_DIR } from "../helpers/data-folder";
import { englishWords as englishWordsIn } from "../helpers/english-words";

/** The China edition, at its own parameters.json's workload and today's API, as 00-decision runs it. */
const data = loadDataset(path.join(DATA_DIR, "2026-11-cn"));
const cny = displayCurrency(data, "CNY");
const pageOptions = { workloadId: "agent-example", currentModelId: "deepseek-v4-pro", targetUtilisation: 0.7, samples: 0 };
const decision = pageDecision(data, pageOptions);

/** The names in the data the page may quote: models, today's and every option's provider, the hardware, the benchmark, files. */
function names(decision: Decision): string[] {
  const found = decision.options.flatMap((option) => {
    const parts = /^(?:Buy|Rent) (.*?)(?: from (.*), (?:always on|by the hour))?$/.exec(option.label);
    return [option.modelName, option.label, option.region, ...(parts ? [parts[1], parts[2]] : [])].filter((name): name is string =>
      Boolean(name),
    );
  });
  const benchmarks = data.benchmarks.map((row) => row.benchmark);
  return [...new Set([...found, ...benchmarks])].sort((a, b) => b.length - a.length);
}

/** The English words of a text beyond the data's names and the decision's option names. */
const englishWords = (text: string) => englishWordsIn(data, text, names(decision));

describe("the decision page in Chinese (the China edition's agent on DeepSeek V4 Pro)", () => {
  it("keeps DeepSeek V4 Pro at ¥52,224.23 a month, in one Chinese sentence with money as the formatter writes it", () => {
    expect(bottomLine(decision, cny, "zh-CN")).toBe(
      "在现用质量或更高质量下，没有任何合规方案比现用的 **DeepSeek V4 Pro (DeepSeek API)**（Terminal-Bench 2.0 得分 67.9%）更便宜：" +
        "维持现状，**每月 ¥52,224.23**，每次调用 ¥0.12010。" +
        "更便宜但质量不可比的方案：**GLM-5.3-Flash (Zhipu open platform)**，每月 ¥6,691.90，数据中没有任何基准测试将其与现用模型同场评分。",
    );
    expect(flipText(decision, "zh-CN")).toBe(
      "在该工作负载的规则之内，没有其他方案被证明达到现用质量，因此任何价格或调用量的变化都不会改变答案；只有出现表明另一模型达到现用质量的基准评分，或放宽规则，答案才会改变。",
    );
  });

  it("writes its findings, inputs and method with no English word beyond the data's names, units and files", () => {
    for (const text of [bottomLine(decision, cny, "zh-CN"), flipText(decision, "zh-CN"), decisionMethod(data, decision, "zh-CN")])
      expect(englishWords(text), text).toEqual([]);
    // The inputs line quotes the workload's and the rate's sources as the data writes them: only its own words are checked.
    const inputs = decisionInputs(data, decision, cny, "zh-CN")
      .replace(/（[^（）]*workloads\.csv）/, "")
      .replace(/（exchange_rates\.csv：.*）$/, "");
    expect(englishWords(inputs), inputs).toEqual([]);
  });

  it("heads and fills both tables in Chinese", () => {
    const rows = decisionRows(decision, cny, "zh-CN");
    const columns = decisionColumns(decision, cny, "full", "zh-CN");
    expect(columns.map((column) => column.label)).toEqual([
      "方案",
      "方式",
      "CNY/月",
      "CNY/次",
      "服务器",
      "优于现用的起点（次/工作日）",
      "P5–P95（月）",
      "同模型 API",
      "合规性",
      "质量",
      "与现用质量相比",
      "延迟",
    ]);
    for (const column of [...columns, ...decisionColumns(decision, cny, "short", "zh-CN")])
      expect(englishWords(column.label), column.label).toEqual([]);
    for (const row of [...rows, ...shortListRows(decision, rows, "zh-CN")])
      for (const cell of Object.values(row)) expect(englishWords(cell), cell).toEqual([]);
    const today = shortListRows(decision, rows, "zh-CN").find((row) => row.option?.startsWith("DeepSeek V4 Pro"));
    expect(today).toMatchObject({
      option: "DeepSeek V4 Pro (DeepSeek API)：现用；答案",
      month: "¥52,224",
      beats: "现用",
      compliance: "合规（中国境内）",
    });
  });

  it("titles figure D1, its axis, legend, hovers and source line in Chinese", () => {
    const figure = decisionFigure(data, decision, cny, "zh-CN");
    expect(figure.layout.title.text).toBe("图 D1 — 本工作负载的全部方案，CNY/月（浅色：未通过数据驻留、质量或延迟要求）");
    expect((figure.layout.xaxis as { title: { text: string } }).title.text).toBe("CNY/月");
    expect(figure.data.map((trace) => trace.name)).toEqual(["调用", "购买", "租用（按小时）", "租用（常开）", "混合"]);
    const source = (figure.layout.annotations as { text: string }[]).at(-1)?.text ?? "";
    expect(source).toMatch(/^来源：.*价格日期为 .* 至 .*。roilab$/);
    for (const text of [
      figure.layout.title.text,
      source,
      ...figure.data.map((trace) => String(trace.hovertemplate).replace(/%\{[^}]*\}|<br>|<\/?extra>/g, " ")),
      ...figure.data.flatMap((trace) => (trace.y as string[]) ?? []),
      ...figure.data.flatMap((trace) => ((trace.customdata as string[][]) ?? []).flatMap((cells) => cells.slice(1))),
    ])
      expect(englishWords(text), text).toEqual([]);
  });

  it("carries the language in the panel's spec: its title, control and summary are Chinese, and its numbers those of the English panel", () => {
    const options = { ...pageOptions, currency: cny, defaults: { callsPerDay: 40_000 } };
    const zh = decisionPanelSpec(data, { ...options, lang: "zh-CN" });
    const en = decisionPanelSpec(data, options);
    expect(zh.lang).toBe("zh-CN");
    expect("lang" in en).toBe(false);
    const shownZh = evaluateDecisionPanel(zh, zh.defaults);
    const shownEn = evaluateDecisionPanel(en, en.defaults);
    expect(shownZh.summary).toBe(
      "按每工作日 40,000 次调用计：在现用质量或更高质量下，没有任何合规方案比现用的 DeepSeek V4 Pro (DeepSeek API)（Terminal-Bench 2.0 得分 67.9%）更便宜：" +
        "维持现状，每月 ¥10.44万，每次调用 ¥0.12010。更便宜但质量不可比的方案：GLM-5.3-Flash (Zhipu open platform)，每月 ¥13,383.80，数据中没有任何基准测试将其与现用模型同场评分。" +
        "规则之内最便宜的自建方案是租用 UCloud Compshare (优云智算) 的 4x 8x H20 96GB（按小时，部署 DeepSeek-R1），每月 ¥10.89万，最繁忙时段需要 2 台服务器：一台不够。",
    );
    expect(englishWords(shownZh.summary)).toEqual([]);
    expect(englishWords(zh.title)).toEqual([]);
    expect(DECISION_PANEL.controls(zh)[0]).toMatchObject({ range: { label: "每工作日调用次数" } });
    expect(shownZh.figure.layout.title.text).toMatch(/^图 D2 — /);
    // One evaluation in either language: the same options, months, servers and answer.
    const numbers = (shown: typeof shownEn) =>
      shown.options.map((option) => [option.id, option.usdPerMonth, option.usdPerCall, option.servers, option.eligible]);
    expect(numbers(shownZh)).toEqual(numbers(shownEn));
    expect(shownZh.verdict.winner?.id).toBe(shownEn.verdict.winner?.id);
    expect(shownZh.verdict.winnerBeatsFromCallsPerDay).toBe(shownEn.verdict.winnerBeatsFromCallsPerDay);
    expect(DECISION_PANEL.show(zh, zh.defaults, { narrow: false }).attributes).toEqual(
      DECISION_PANEL.show(en, en.defaults, { narrow: false }).attributes,
    );
  });
});
