/** Then and now (59.11) in Chinese: the chapter's edition against the China edition, every sentence, header, cell, figure word and panel summary. */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import {
  caseCaption,
  caseColumns,
  caseRows,
  caseStudyText,
  conclusions,
  editionAnswers,
  editionLabel,
  editionScenarios,
  inCurrency,
  scenarioCaption,
  scenarioColumns,
  scenarioRows,
  thenAndNowFigure,
  thenAndNowFindings,
  thenAndNowPanelSpec,
  tierCaption,
  tierColumns,
  tierNotes,
  tierRows,
} from "../../src/analysis";
import { editionParameters, loadDataset } from "../../src/data";
import { moneyText } from "../../src/format";
import { evaluateThenAndNowPanel, THEN_AND_NOW_PANEL } from "../../src/panels/then-and-now";
import { DATA_DIR } from "../helpers/data-folder";
import { dataNames, englishWords } from "../helpers/english-words";
import { figureWords } from "../helpers/figure-words";

/** The chapter's edition against the China edition, both in yuan, as 59.11 runs it for the China edition. */
const nowFolder = path.join(DATA_DIR, "2026-11-cn");
const thenData = inCurrency(loadDataset(DATA_DIR), "CNY");
const nowData = inCurrency(loadDataset(nowFolder), "CNY");
const zh = "zh-CN" as const;
const answersOf = (lang?: typeof zh) => ({
  then: editionAnswers(thenData, editionLabel(thenData), editionScenarios(editionParameters(DATA_DIR)), lang),
  now: editionAnswers(nowData, editionLabel(nowData), editionScenarios(editionParameters(nowFolder)), lang),
});
const { then, now } = answersOf(zh);
const editions = { then: { data: thenData, answers: then }, now: { data: nowData, answers: now } };
const folders = { then: "data", now: "data/2026-11-cn" };

/** The English words of `texts` beyond either edition's names, files, units and money: none on a Chinese page. */
// The source line names both editions' folders, as a reader finds them.
const thenNames = [...dataNames(thenData), folders.then, folders.now];
const english = (texts: readonly string[]) =>
  texts.flatMap((text) => englishWords(nowData, text, thenNames).map((word) => `${word} in ${text}`));

/** Every cell of rows that is text: the words a table shows beyond its numbers. */
const cells = (rows: readonly Record<string, unknown>[]) =>
  rows.flatMap((row) => Object.values(row).filter((cell): cell is string => typeof cell === "string"));

describe("59.11 in Chinese (the chapter's edition against the China edition)", () => {
  it("states its key findings and each conclusion's evidence in Chinese", () => {
    const findings = thenAndNowFindings(then, now, conclusions(then, now, zh), zh);
    expect(findings.split("\n")[0]).toBe(
      "**核心结论**：2025-09 对比 2026-12。本章 3 条结论中，有 2 条在较新版本的价格下依然成立（按本章版本自身的价格为 2 条）：",
    );
    expect(findings).toContain(
      "- 把简单任务路由到本地模型，至少能省下只用高端模型时账单的一半：2025-09 成立，**2026-12 成立**；示例路由器在 2025-09 节省 55.0%，在 2026-12 节省 55.0%（与本章一样，本地调用按零成本计）。",
    );
    expect(english([findings])).toEqual([]);
  });

  it("heads, captions and fills its tables and notes in Chinese", () => {
    expect(tierRows(then, now, zh).map((row) => row.tier)).toEqual(["高档", "中档", "低档"]);
    expect(scenarioRows(then, now, zh)[0]?.scenario).toBe("场景 1（2025-09）");
    expect(caseRows(then, now, zh).map((row) => row.option)).toEqual(["全云端", "全本地", "混合"]);
    const labels = [...tierColumns(then, now, zh), ...scenarioColumns(zh), ...caseColumns(then, now, zh)].map((column) =>
      moneyText(column.label ?? "", "CNY", zh),
    );
    const text = caseStudyText(editions, zh);
    expect(text.split("\n\n")[0]).toBe(
      "在全云端、全本地和混合三个方案中（各自配足所需的服务器），¥35,000 预算之内最便宜的合规方案在 2025-09 是**混合**（全本地需要 11 台服务器），在 2026-12 是**全云端**（全本地需要 1 台服务器）。这三个方案都基于实战案例中唯一的云端档位模型；在同一规则下遍历所有模型、服务器和租用方案：",
    );
    expect(
      english([
        ...labels,
        tierCaption(nowData, zh),
        scenarioCaption(zh),
        caseCaption(nowData, zh),
        tierNotes(editions, zh),
        text,
        ...cells(tierRows(then, now, zh)),
        ...cells(scenarioRows(then, now, zh)).filter((cell) => /^场景/.test(cell)),
        ...cells(caseRows(then, now, zh)),
      ]),
    ).toEqual([]);
  });

  it("titles figure 59.11a, its axis, bars, hovers and source in Chinese", () => {
    const figure = thenAndNowFigure(then, now, folders, zh);
    expect(figure.layout.title.text).toBe("图 59.11a — 本章各项核心结果的变化，2025-09 至 2026-12");
    const hovers = figure.data.flatMap((trace) => (trace.customdata as string[][]).flat());
    expect(english([...figureWords(figure, nowData), ...hovers])).toEqual([]);
  });

  it("carries the language in the panel's spec: its title, control, summary and figure are Chinese, its numbers the English panel's", () => {
    const options = { folders, defaults: { apiPriceFactor: 0.5 } };
    const zhSpec = thenAndNowPanelSpec(editions, { ...options, lang: zh });
    const en = answersOf();
    const enSpec = thenAndNowPanelSpec({ then: { data: thenData, answers: en.then }, now: { data: nowData, answers: en.now } }, options);
    expect("lang" in enSpec).toBe(false);
    const shownZh = evaluateThenAndNowPanel(zhSpec, zhSpec.defaults);
    const shownEn = evaluateThenAndNowPanel(enSpec, enSpec.defaults);
    expect(shownZh.summary).toBe(
      "按 2026-12 API 价格的 50% 计：场景 1 的盈亏平衡点为每天 131,403 次调用（按原价为 65,701 次）；场景 2 的盈亏平衡点为每天 90,068 次调用（按原价为 45,034 次）；" +
        "实战案例最便宜的合规方案是 GLM-5.3-Flash (Zhipu open platform)，每月 ¥411（按原价为每月 ¥822）。本章 3 条结论中有 2 条成立（按原价为 2 条）。",
    );
    const controls = THEN_AND_NOW_PANEL.controls(zhSpec).map((control) => ("range" in control ? control.range.label : control.label));
    expect(controls).toEqual(["API 价格（较新版本价格的倍数）"]);
    expect(shownZh.figure.layout.title.text).toBe("图 59.11b — 本章各项核心结果的变化，2025-09 至 2026-12（API 价格的 50%）");
    expect(english([zhSpec.title, shownZh.summary, ...controls, ...figureWords(shownZh.figure, nowData)])).toEqual([]);
    const numbers = (shown: typeof shownEn) => [
      shown.whatIf.scenarios,
      shown.whatIf.caseStudy.sized,
      shown.whatIf.caseStudy.winner?.usdPerMonth,
      shown.verdicts.map((verdict) => [verdict.then, verdict.now]),
    ];
    expect(numbers(shownZh)).toEqual(numbers(shownEn));
  });
});
