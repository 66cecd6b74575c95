/** The case study (59.5) in Chinese: the China edition's exporter, every sentence, table, figure word and panel word. */
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  capacityText,
  caseStudyCapacity,
  caseStudyFigure,
  caseStudyFromData,
  caseStudyRow,
  caseStudyVerdict,
  inCurrency,
  localServerTable,
  optionsTable,
  residencyCount,
  residencyTable,
  scenarioTable,
  selectWorkload,
  workloadNote,
  type PageTable,
} from "../../src/analysis";
import { caseStudyPanelSpec } from "../../src/analysis/panels";
import { loadDataset } from "../../src/data";
import { formatCell } from "../../src/display/html-table";
import { moneyText, setDisplayCurrency } from "../../src/format";
import { CASE_STUDY_PANEL, evaluateCaseStudyPanel } from "../../src/panels";
import { DATA_DIR } from "../helpers/data-folder";
import { englishWords } from "../helpers/english-words";
import { figureWords } from "../helpers/figure-words";

/** The China edition in yuan, at its own parameters (scenario saas-export), as 59.5 runs it. */
const data = inCurrency(selectWorkload(loadDataset(path.join(DATA_DIR, "2026-11-cn")), { workloadId: "typical" }), "CNY");
afterAll(() => setDisplayCurrency("USD"));

const scenarioId = "saas-export";
const scenario = caseStudyRow(data, scenarioId);
const study = caseStudyFromData(data, scenarioId);
const capacity = caseStudyCapacity(data, { scenarioId });
const zh = "zh-CN" as const;

/** A table's every word as the page shows it: caption, headers in the display currency, each cell as its column formats it. */
function tableTexts(table: PageTable): string[] {
  const cells = table.rows.flatMap((row) => table.columns.map((column) => formatCell(row[column.key], column.format ?? "text", zh)));
  return [table.caption, ...table.columns.map((column) => moneyText(column.label ?? column.key)), ...cells];
}

/** The notebook's what-if: 9,000 weekday calls, the data's cloud price, data kept in China or on the local server. */
const whatIf = { scenarioId, defaults: { weekdayCallsPerDay: 9000, allowedRegions: ["CN", "on_premises"] } };

describe("the case study in Chinese (the China edition's exporter, data kept in China)", () => {
  it("states the pick, the servers the weekday needs and the residency count in Chinese, money as the formatter writes it", () => {
    expect(caseStudyVerdict(study, capacity, zh)).toBe(
      "预算内最便宜的合规方案是 **全云端**（每月 ¥1,401.46）。在混合方案中，合规比全云端每月多花 ¥14.26万。",
    );
    expect(capacityText(data, scenario, capacity, zh)).toBe(
      "按实测的每秒 11400 个输出 token（SGLang (Ant Group H20 release), DeepSeek-R1 FP8，单并发）计，在办公时段流量曲线下，" +
        "一台服务器每日约可承担 **100,485 次调用**。工作日的 3,000 次调用需要 **1 台服务器**。" +
        "每增加一台服务器，就增加它的折旧和电费，以及第一台服务器运维成本的 25%（data/2026-11-cn/hardware.csv）；59.7 展示结论如何随这一比例变化。",
    );
    expect(residencyCount(data, study, zh)).toBe("12 个云端模型中有 9 个允许处理敏感任务；其余模型的敏感任务须在本地服务器上运行。");
    for (const text of [
      caseStudyVerdict(study, capacity, zh),
      capacityText(data, scenario, capacity, zh),
      residencyCount(data, study, zh),
      workloadNote(data, zh),
    ])
      expect(englishWords(data, text), text).toEqual([]);
  });

  it("heads and fills the scenario's, residency, server and options tables in Chinese, task types, regions and options included", () => {
    const needs = scenarioTable(data, scenario, study, zh);
    expect(needs.rows.map((row) => row.value)).toEqual([
      "每日 3,000 次，25 天",
      "每日 500 次，5 天",
      "摘要 60%、合规查询 25%（敏感）、复杂报价计算 15%（敏感）",
      "中国、本地服务器",
      "每月 ¥35,000",
    ]);
    const options = optionsTable(study, capacity, zh);
    expect(options.rows.map((row) => [row.option, row.compliant, row.budget])).toEqual([
      ["全云端", "是", "是"],
      ["全本地", "是", "否"],
      ["混合", "是", "否"],
    ]);
    expect(formatCell(options.rows[1]?.total, "usd", zh)).toBe("¥14.32万");
    const tables = [needs, residencyTable(study, zh), localServerTable(data, scenario, study, zh), options];
    for (const table of tables) for (const text of tableTexts(table)) expect(englishWords(data, text), text).toEqual([]);
  });

  it("titles figure 59.5a, its axis, legend, bars, hovers, totals, budget and source line in Chinese, money in ¥", () => {
    const figure = caseStudyFigure(data, study.result, scenarioId, capacity.withCapacity, zh);
    expect(figure.layout.title.text).toBe("图 59.5a — 实战案例：各方案的月成本");
    expect(figure.data.map((trace) => trace.name)).toEqual(["本地服务器", "云端 API"]);
    expect(figure.data[0]?.x).toEqual([
      "全云端",
      "全本地<br>1 台服务器（本章）",
      "全本地<br>需 1 台服务器",
      "混合<br>1 台服务器（本章）",
      "混合<br>需 1 台服务器",
    ]);
    const annotations = (figure.layout.annotations as { text: string }[]).map((annotation) => annotation.text);
    expect(annotations).toContain("预算 ¥35,000");
    expect(annotations.at(-1)).toMatch(/^来源：.*，<br>价格日期为 .* 至 .*。roilab$/);
    for (const text of figureWords(figure, data)) expect(englishWords(data, text), text).toEqual([]);
  });

  it("carries the language in the panel's spec: its title, fields, rules, summary and figure are Chinese, its numbers those of the English panel", () => {
    const zhSpec = caseStudyPanelSpec(data, { ...whatIf, lang: zh });
    const enSpec = caseStudyPanelSpec(data, whatIf);
    expect(zhSpec.lang).toBe(zh);
    expect("lang" in enSpec).toBe(false);
    expect(zhSpec.residencyRules.map((rule) => rule.name)).toEqual(["仅限本地服务器", "中国和本地服务器", "任意区域"]);
    expect(zhSpec.residencyRules.map((rule) => rule.id)).toEqual(enSpec.residencyRules.map((rule) => rule.id));
    const shownZh = evaluateCaseStudyPanel(zhSpec, zhSpec.defaults);
    const shownEn = evaluateCaseStudyPanel(enSpec, enSpec.defaults);
    expect(shownZh.summary).toBe(
      "按工作日每日 9,000 次调用、云端每次调用 ¥0.018083、敏感数据规则为中国和本地服务器（场景自身的规则）计：" +
        "全云端每月 ¥4,114，全本地每月 ¥14.32万（1 台服务器），混合每月 ¥14.57万（1 台服务器）。" +
        "一台服务器足够：一台 4x 8x H20 96GB 在办公时段流量曲线下每日约可承担 100,485 次调用。" +
        "预算 ¥35,000 之内最便宜的合规方案：全云端，每月比全本地少 ¥13.91万。",
    );
    const controls = CASE_STUDY_PANEL.controls(zhSpec);
    const labels = controls.map((control) => moneyText("range" in control ? control.range.label : control.label));
    expect(labels).toEqual(["工作日每日调用次数", "云端每次调用价格（CNY）", "敏感数据允许处理的区域"]);
    // Every rule, and none at all in the budget: each summary Chinese.
    const summaries = zhSpec.residencyRules.flatMap((rule) => [
      evaluateCaseStudyPanel(zhSpec, { ...zhSpec.defaults, residencyRuleId: rule.id }).summary,
      evaluateCaseStudyPanel(zhSpec, { ...zhSpec.defaults, residencyRuleId: rule.id, weekdayCallsPerDay: 3_000_000 }).summary,
    ]);
    for (const text of [
      zhSpec.title,
      ...labels,
      ...zhSpec.residencyRules.map((rule) => rule.name),
      ...summaries,
      ...figureWords(shownZh.figure, data),
    ])
      expect(englishWords(data, text), text).toEqual([]);
    // A value out of its field's range is refused in Chinese too.
    expect(() => evaluateCaseStudyPanel(zhSpec, { ...zhSpec.defaults, weekdayCallsPerDay: -5 })).toThrow(
      "工作日每日调用次数应在 0 到 100,000,000 之间，而不是 -5",
    );
    // One evaluation in either language: the same options, servers, pick and page attributes.
    expect(shownZh.sized).toEqual(shownEn.sized);
    expect(shownZh.asChapter).toEqual(shownEn.asChapter);
    expect(CASE_STUDY_PANEL.show(zhSpec, zhSpec.defaults, { narrow: false }).attributes).toEqual(
      CASE_STUDY_PANEL.show(enSpec, enSpec.defaults, { narrow: false }).attributes,
    );
  });
});
