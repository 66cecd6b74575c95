/** The audit page (59.6) in Chinese: the China edition's findings, tables, figures and panel, and the main edition's findings. */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import {
  auditChapter,
  auditFigure,
  auditSummary,
  findingNotes,
  findingsTable,
  flagNotes,
  materialityFigure,
  noFlaggedText,
  printedFiguresTable,
  rankingTable,
} from "../../src/analysis";
import { auditPanelSpec } from "../../src/analysis/panels";
import { loadDataset } from "../../src/data";
import { AUDIT_PANEL, evaluateAuditPanel } from "../../src/panels/audit";
import { DATA_DIR } from "../helpers/data-folder";
import { englishWords } from "../helpers/english-words";

const data = loadDataset(path.join(DATA_DIR, "2026-11-cn"));
const audit = auditChapter(data, "zh-CN");
/** The main edition: it records the chapter's printed figures, whose labels are English data the page quotes. */
const main = loadDataset(DATA_DIR);
const mainAudit = auditChapter(main, "zh-CN");

/** The figures' numbers, which are no words either. */
const NUMBERS = ["59.6a", "59.6b", "59.6c"];

/** Plotly's placeholders and tags, which are no words. */
const plain = (text: unknown) => String(text).replace(/%\{[^}]*\}|<br>|<\/?extra>/g, " ");

describe("the audit page in Chinese (the China edition)", () => {
  it("says what it checked and what moves most in one Chinese sentence, money in the chapter's dollars", () => {
    expect(auditSummary(data, audit, "zh-CN")).toBe(
      "data/2026-11-cn/published_figures.csv 没有记录任何印刷数字，因此无从与印刷值核对；数据还显示出 **2 项**问题。" +
        "影响最大的一项：案例研究的月份比任何自然月的工作日都多，**每月 US$20.48**。",
    );
    expect(noFlaggedText(data, audit, "zh-CN")).toBe("data/2026-11-cn/published_figures.csv 没有记录任何印刷数字，因此无从与印刷值核对。");
    expect(findingNotes(audit, "zh-CN")).toContain(
      "- **案例研究的月份比任何自然月的工作日都多**（59.5）：案例研究按每月 25 个工作日和 5 个周末日计费；而自然月有 20-23 个工作日和 8-10 个周末日。",
    );
  });

  it("writes every sentence, header, cell and caption with no English word beyond the data's names and files", () => {
    const tables = [printedFiguresTable(data, audit, "zh-CN"), findingsTable(data, audit, "zh-CN"), rankingTable(audit, "zh-CN")];
    const texts = [
      auditSummary(data, audit, "zh-CN"),
      flagNotes(audit, "zh-CN"),
      noFlaggedText(data, audit, "zh-CN"),
      findingNotes(audit, "zh-CN"),
      ...tables.flatMap((table) => [table.caption, ...table.columns.map((column) => column.label)]),
      ...tables.flatMap((table) => table.rows.flatMap((row) => Object.values(row).filter((cell) => typeof cell === "string"))),
    ];
    for (const text of texts) expect(englishWords(data, String(text)), String(text)).toEqual([]);
    expect(rankingTable(audit, "zh-CN").rows[0]).toMatchObject({ source: "数据中发现", usdPerMonth: "US$20.48" });
  });

  it("titles Figures 59.6a and 59.6b, their axes, legends, hovers and source lines in Chinese", () => {
    const figures = [
      materialityFigure(data, audit.ranking, "zh-CN"),
      auditFigure(
        main,
        mainAudit.checks.filter((check) => !check.withinRounding),
        "zh-CN",
      ),
    ];
    expect(figures[0]?.layout.title.text).toBe("图 59.6b — 每处差异影响的月度金额");
    expect(figures[1]?.layout.title.text).toBe("图 59.6a — 与本章公式不一致的印刷数字");
    const [materiality] = figures;
    expect(materiality?.data.map((trace) => trace.name)).toEqual(["印刷数字", "数据中发现"]);
    for (const figure of [materiality]) {
      const layout = figure?.layout as unknown as { xaxis: { title: { text: string } }; annotations: { text: string }[] };
      for (const text of [
        figure?.layout.title.text,
        layout.xaxis.title.text,
        ...layout.annotations.map((annotation) => annotation.text),
        ...(figure?.data ?? []).flatMap((trace) => [
          trace.name,
          plain(trace.hovertemplate),
          ...((trace.y as string[]) ?? []),
          ...((trace.text as string[]) ?? []),
        ]),
      ])
        expect(englishWords(data, String(text), NUMBERS), String(text)).toEqual([]);
    }
  });

  it("writes the main edition's findings and what each difference bears on in Chinese, beside the printed figures' own labels", () => {
    const labels = main.publishedFigures.map((figure) => figure.label);
    for (const finding of mainAudit.findings)
      for (const text of [finding.title, finding.detail, finding.effect.decision])
        expect(englishWords(main, text, labels), text).toEqual([]);
    for (const row of mainAudit.ranking) expect(englishWords(main, row.decision, labels), row.decision).toEqual([]);
  });

  it("carries the language in the panel's spec: its title, control, summary and figure are Chinese, its flags those of the English panel", () => {
    const zh = auditPanelSpec(main, { lang: "zh-CN", defaults: { roundingSteps: 10 } });
    const en = auditPanelSpec(main, { defaults: { roundingSteps: 10 } });
    expect(zh.lang).toBe("zh-CN");
    expect("lang" in en).toBe(false);
    const shownZh = evaluateAuditPanel(zh, zh.defaults);
    const shownEn = evaluateAuditPanel(en, en.defaults);
    expect(shownZh.stillFlagged).toEqual(shownEn.stillFlagged);
    expect(shownZh.usdPerMonth).toBe(shownEn.usdPerMonth);
    expect(shownZh.summary).toMatch(/^允许偏离 10 倍印刷舍入精度时，\d+ 个印刷数字中仍有 \d+ 个被标记（按印刷舍入精度为 \d+ 个）/);
    expect(shownZh.figure.layout.title.text).toBe("图 59.6c — 按 10 倍印刷舍入精度仍被标记的印刷数字");
    expect(AUDIT_PANEL.controls(zh)[0]).toMatchObject({ range: { label: "印刷舍入精度的倍数" } });
    const labels = main.publishedFigures.map((figure) => figure.label);
    for (const text of [
      zh.title,
      shownZh.summary,
      shownZh.figure.layout.title.text,
      (shownZh.figure.layout.xaxis as { title: { text: string } }).title.text,
    ])
      expect(englishWords(main, text, [...labels, ...NUMBERS]), text).toEqual([]);
    const empty = evaluateAuditPanel(auditPanelSpec(data, { lang: "zh-CN" }), { roundingSteps: 1 });
    expect(empty.summary).toBe("data/2026-11-cn/published_figures.csv 没有记录任何印刷数字，因此无从与印刷值核对。");
    expect((empty.figure.layout.annotations as { text: string }[]).map((annotation) => annotation.text)).toEqual([
      "没有可核对的印刷数字",
      "来源：data/2026-11-cn/published_figures.csv。roilab",
    ]);
  });
});
