/** The hybrid-routing page (59.4) in Chinese: the China edition's router, every sentence, table, figure word and panel word. */
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  inCurrency,
  routerFromData,
  routingHeadline,
  routingLocalServer,
  routingTable,
  routingTiersTable,
  savingsTable,
  selectWorkload,
  thresholdFigure,
  tierCostFigure,
  workloadNote,
  type PageTable,
} from "../../src/analysis";
import { hybridRoutingPanelSpec } from "../../src/analysis/panels";
import { loadDataset } from "../../src/data";
import { formatCell } from "../../src/display/html-table";
import { moneyText, setDisplayCurrency } from "../../src/format";
import { evaluateHybridRoutingPanel, HYBRID_ROUTING_PANEL } from "../../src/panels";
import { DATA_DIR } from "../helpers/data-folder";
import { englishWords } from "../helpers/english-words";
import { figureWords } from "../helpers/figure-words";

/** The China edition in yuan, at its own parameters (the typical workload), as 59.4 runs it. */
const data = inCurrency(selectWorkload(loadDataset(path.join(DATA_DIR, "2026-11-cn")), { workloadId: "typical" }), "CNY");
afterAll(() => setDisplayCurrency("USD"));

const setup = routerFromData(data);
const local = routingLocalServer(data);
const estimate = setup.router.estimateMonthlySavings(setup.distribution, 5000, { ...setup.config, complexityThreshold: 0.7 });
const zh = "zh-CN" as const;

/** A table's every word as the page shows it: caption, headers in the display currency, each cell as its column formats it. */
function tableTexts(table: PageTable): string[] {
  const cells = table.rows.flatMap((row) => table.columns.map((column) => formatCell(row[column.key], column.format ?? "text", zh)));
  return [table.caption, ...table.columns.map((column) => moneyText(column.label ?? column.key)), ...cells];
}

/** The notebook's what-if: half simple questions, 20,000 calls a day, premium from 0.8. */
const whatIf = {
  defaults: {
    taskMixPercent: { simple_qa: 50, summarization: 30, code_debugging: 15, complex_analysis: 5 },
    dailyVolume: 20_000,
    complexityThreshold: 0.8,
  },
};

describe("the hybrid-routing page in Chinese (the China edition's router on DeepSeek and its own H20)", () => {
  it("states the headline and the workload in Chinese, money as the formatter writes it", () => {
    expect(routingHeadline(estimate, local.monthlyUsd, zh)).toBe(
      "按本章算法，节省 **55.0%**。计入本地硬件成本后，反而比纯云端多花 **1259.0%**。",
    );
    expect(workloadNote(data, zh)).toBe(
      "**工作负载 `typical`**（workloads.csv）：每次调用 8,000 个输入 token、1,500 个输出 token；每日 1,000 次调用，每月 30 天。" +
        "金额以 CNY 计，按 2026-11-29 的汇率 7 CNY 兑 1 美元换算（exchange_rates.csv）。",
    );
    for (const text of [routingHeadline(estimate, local.monthlyUsd, zh), workloadNote(data, zh)])
      expect(englishWords(data, text), text).toEqual([]);
  });

  it("heads and fills the tiers', task types' and savings tables in Chinese, tiers and task types named in Chinese", () => {
    const tiers = routingTiersTable(data, setup.router.tiers, zh);
    const routed = routingTable(estimate, 5000, 0.7, zh);
    const savings = savingsTable(estimate, local, zh);
    expect(routed.rows.map((row) => [row.taskType, row.tier])).toEqual([
      ["简单问答", "本地大模型"],
      ["摘要", "本地大模型"],
      ["代码生成", "云端顶级模型"],
      ["多步调研", "云端顶级模型"],
      ["复杂分析", "云端顶级模型"],
    ]);
    expect(routed.caption).toBe("每日路由 5,000 次调用，顶级层级阈值 0.7");
    expect(routed.columns.map((column) => moneyText(column.label ?? ""))).toEqual([
      "任务类型",
      "调用占比（%）",
      "复杂度",
      "层级",
      "次/日",
      "CNY/月",
    ]);
    expect(savings.rows[1]?.view).toBe("计入 4x 8x H20 96GB (DeepSeek-R1, prefill/decode split) 的成本（每月 ¥14.32万）");
    expect(formatCell(savings.rows[1]?.saved, "usd", zh)).toBe("-¥13.72万");
    for (const table of [tiers, routed, savings]) for (const text of tableTexts(table)) expect(englishWords(data, text), text).toEqual([]);
  });

  it("titles figures 59.4a and 59.4b, their axes, legends, hovers, totals and source lines in Chinese, money in ¥", () => {
    const cost = tierCostFigure(data, estimate, undefined, zh);
    const threshold = thresholdFigure(data, { thresholds: [0.6, 0.7, 0.8, 0.9, 1], complexityThreshold: 0.7, lang: zh });
    expect(cost.layout.title.text).toBe("图 59.4a — 各层级月成本：纯云端与混合路由对比");
    expect(cost.data.map((trace) => trace.name)).toEqual([
      "云端顶级模型",
      "本地硬件（4x 8x H20 96GB (DeepSeek-R1, prefill/decode split)）",
    ]);
    expect(cost.data[0]?.hovertemplate).toBe("云端顶级模型：¥%{y:,.0f}<extra></extra>");
    expect((cost.layout.annotations as { text: string }[]).map((annotation) => annotation.text).slice(0, 3)).toEqual([
      "¥10,898",
      "¥4,904",
      "¥14.81万",
    ]);
    expect(threshold.layout.title.text).toBe("图 59.4b — 节省比例与复杂度阈值");
    // The source line stays last, under the lines' end labels.
    expect((threshold.layout.annotations as { text: string }[]).at(-1)?.text).toMatch(/^来源：.*。roilab$/);
    for (const figure of [cost, threshold])
      for (const text of figureWords(figure, data)) expect(englishWords(data, text), text).toEqual([]);
  });

  it("carries the language in the panel's spec: its title, fields, summary and figure are Chinese, its numbers those of the English panel", () => {
    const zhSpec = hybridRoutingPanelSpec(data, { ...whatIf, lang: zh });
    const enSpec = hybridRoutingPanelSpec(data, whatIf);
    expect(zhSpec.lang).toBe(zh);
    expect("lang" in enSpec).toBe(false);
    const shownZh = evaluateHybridRoutingPanel(zhSpec, zhSpec.defaults);
    const shownEn = evaluateHybridRoutingPanel(enSpec, enSpec.defaults);
    expect(shownZh.summary).toBe(
      "按每日 20,000 次调用、复杂度 0.8 起走顶级层级计，混合路由每月 ¥15.19万：其中云端调用 ¥8,719，本地层级所用的 4x 8x H20 96GB 服务器 ¥14.32万。" +
        "与纯云端的 ¥43,594 相比，计入硬件成本后每月多花 ¥10.83万（多 248.5%）；按本章算法（本地调用按零成本计），每月节省 ¥34,875（80.0%）。",
    );
    const labels = HYBRID_ROUTING_PANEL.controls(zhSpec).map((control) => ("range" in control ? control.range.label : control.label));
    expect(labels.slice(0, 3)).toEqual(["每日调用次数", "复杂度达到多少走顶级层级（0–1）", "简单问答（%）"]);
    for (const text of [zhSpec.title, shownZh.summary, ...labels, ...figureWords(shownZh.figure, data)])
      expect(englishWords(data, text), text).toEqual([]);
    // A scaled mix says so in Chinese too.
    const scaled = evaluateHybridRoutingPanel(zhSpec, { ...zhSpec.defaults, "share.simple_qa": 60 });
    expect(scaled.summary).toMatch(/各项占比合计 110%，因此按各自占合计的比例折算（归一到 100%）。$/);
    // A share out of its field's range, or none at all, is refused in Chinese too.
    expect(() => evaluateHybridRoutingPanel(zhSpec, { ...zhSpec.defaults, "share.simple_qa": 120 })).toThrow(
      "简单问答（%）应在 0 到 100 之间，而不是 120",
    );
    const none = Object.fromEntries(zhSpec.taskTypes.map((type) => [`share.${type.id}`, 0]));
    expect(() => evaluateHybridRoutingPanel(zhSpec, { ...zhSpec.defaults, ...none })).toThrow("请至少为一种任务类型设定大于 0% 的调用占比");
    // One evaluation in either language: the same month, savings and page attributes.
    expect(shownZh.estimate).toEqual(shownEn.estimate);
    expect(shownZh.paid).toEqual(shownEn.paid);
    expect(HYBRID_ROUTING_PANEL.show(zhSpec, zhSpec.defaults, { narrow: false }).attributes).toEqual(
      HYBRID_ROUTING_PANEL.show(enSpec, enSpec.defaults, { narrow: false }).attributes,
    );
  });
});
