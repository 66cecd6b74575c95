/** The break-even page (59.3) in Chinese: the China edition at its own parameters, every sentence, header, cell, figure word and panel. */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import {
  breakEvenCurvesFigure,
  breakEvenHeatmapFigure,
  breakEvenMatrixTable,
  breakEvenScenarios,
  breakEvenScenarioTable,
  breakEvenScenarioText,
  findWorkload,
  inCurrency,
  sameModelSection,
  selectWorkload,
  tooSmallText,
  workloadNote,
} from "../../src/analysis";
import { breakEvenPanelSpec } from "../../src/analysis/panels";
import { loadDataset } from "../../src/data";
import { moneyText } from "../../src/format";
import { BREAK_EVEN_PANEL, evaluateBreakEvenPanel, OWN_SERVER_ID } from "../../src/panels/break-even";
import { DATA_DIR } from "../helpers/data-folder";
import { englishWords } from "../helpers/english-words";
import { figureWords } from "../helpers/figure-words";

const folder = path.join(DATA_DIR, "2026-11-cn");
const parameters = JSON.parse(readFileSync(path.join(folder, "parameters.json"), "utf8"));
/** The China edition in CNY, at its parameters.json's workload, as 59.3 runs it. */
const data = inCurrency(selectWorkload(loadDataset(folder), { workloadId: parameters.workloadId }), "CNY");
const workload = findWorkload(data);
const zh = "zh-CN" as const;
const pairs: [string, string][] = [
  [parameters.scenarioOneHardwareId, parameters.scenarioOneApiModelId],
  [parameters.scenarioTwoHardwareId, parameters.scenarioTwoApiModelId],
];
const scenarios = breakEvenScenarios(data, pairs, workload);

describe("59.3 in Chinese (the China edition's H20 cluster against DeepSeek V4 Pro and GLM-5.3)", () => {
  it("says where each scenario breaks even, and what the hourly figure means, in Chinese sentences", () => {
    expect(breakEvenScenarioText(data, scenarios, parameters.profileId, zh)).toBe(
      "4x 8x H20 96GB (DeepSeek-R1, prefill/decode split) 与 DeepSeek V4 Pro (DeepSeek API) 的盈亏平衡点为**每日 65,701 次调用**；" +
        "4x 8x H20 96GB (DeepSeek-R1, prefill/decode split) 与 GLM-5.3 (Zhipu open platform) 的盈亏平衡点为**每日 45,034 次**。" +
        "就前者而言，每小时 2,737 次是把每日盈亏平衡量平均摊到 24 小时的结果；按办公时段流量曲线，最繁忙时段的调用量是平均每小时的 2.48 倍（在该日调用量下为 6,797 次），" +
        "因此应拿每日调用量与每日盈亏平衡点比较，而不是拿某一小时的调用量比较。",
    );
    expect(workloadNote(data, zh)).toBe(
      "**工作负载 `typical`**（workloads.csv）：每次调用 8,000 个输入 token、1,500 个输出 token；每日 1,000 次调用，每月 30 天。" +
        "金额以 CNY 计，按 2026-11-29 的汇率 7 CNY 兑 1 美元换算（exchange_rates.csv）。",
    );
    const same = sameModelSection(data, workload.workloadId, zh);
    for (const text of [
      breakEvenScenarioText(data, scenarios, parameters.profileId, zh),
      same.text,
      tooSmallText(data, parameters.tableHardwareIds, zh),
    ])
      expect(englishWords(data, text), text).toEqual([]);
  });

  it("heads and fills its tables in Chinese, money as ¥ and 万", () => {
    const first = breakEvenScenarioTable(data, scenarios, zh);
    expect(first.columns.map((column) => column.label)).toEqual([
      "情形",
      "本地 CNY/月",
      "API CNY/次",
      "盈亏平衡（次/日）",
      "次/月",
      "次/小时",
    ]);
    expect(first.rows[0]).toMatchObject({ localUsd: "¥14.32万", apiUsdPerCall: "¥0.07266" });
    const matrix = breakEvenMatrixTable(
      data,
      { hardwareIds: parameters.tableHardwareIds, apiModelIds: parameters.apiModelIds, workload },
      zh,
    );
    expect(matrix.rows.map((row) => row.monthly)).toEqual(["¥14.32万", "¥2,669"]);
    for (const table of [first, matrix]) {
      for (const text of [table.caption, ...table.columns.map((column) => String(column.label))])
        expect(englishWords(data, text), text).toEqual([]);
      for (const row of table.rows)
        for (const cell of Object.values(row)) expect(englishWords(data, String(cell ?? "")), String(cell)).toEqual([]);
    }
  });

  it("titles Figures 59.3a and 59.3b, their axes, legends, hovers and labels in Chinese", () => {
    const curves = breakEvenCurvesFigure(
      data,
      { hardwareIds: parameters.tableHardwareIds, apiModelIds: parameters.apiModelIds, maxCallsPerDay: 20000, workload },
      zh,
    );
    const heatmap = breakEvenHeatmapFigure(data, { apiModelIds: parameters.apiModelIds, workload }, zh);
    expect(curves.layout.title.text).toBe("图 59.3a — 盈亏平衡：本地硬件与云端 API");
    expect(heatmap.layout.title.text).toBe("图 59.3b — 各硬件配置对各 API 的盈亏平衡点（次/日）");
    expect((curves.layout.yaxis as { tickprefix?: string }).tickprefix).toBe("¥");
    for (const figure of [curves, heatmap])
      for (const text of figureWords(figure, data)) expect(englishWords(data, text), text).toEqual([]);
  });

  it("carries the language in the panel's spec: Chinese title, controls, summary and figure, the English panel's numbers", () => {
    const options = { apiModelIds: parameters.apiModelIds, defaults: { hardwareId: OWN_SERVER_ID, callsPerDay: 1000 } };
    const zhSpec = breakEvenPanelSpec(data, { ...options, lang: zh });
    const enSpec = breakEvenPanelSpec(data, options);
    expect(zhSpec.lang).toBe(zh);
    expect("lang" in enSpec).toBe(false);
    for (const spec of [zhSpec]) {
      const shown = evaluateBreakEvenPanel(spec, spec.defaults);
      expect(shown.summary).toMatch(/^你的服务器每月成本 ¥/);
      const controls = BREAK_EVEN_PANEL.controls(spec);
      const labels = controls.map((control) =>
        "range" in control && control.range ? control.range.label : (control as { label: string }).label,
      );
      const choices = controls.flatMap((control) => ("options" in control ? control.options.map((option) => option.name) : []));
      // The page writes a label's USD in the display currency, as it shows it.
      for (const text of [
        spec.title,
        shown.summary,
        ...labels.map((label) => moneyText(label)),
        ...choices,
        ...figureWords(shown.figure, data),
      ])
        expect(englishWords(data, text), text).toEqual([]);
    }
    // A measured configuration: the servers the volume needs, in Chinese too.
    const measured = { ...zhSpec.defaults, hardwareId: parameters.tableHardwareIds[0], callsPerDay: 200_000 };
    const many = evaluateBreakEvenPanel(zhSpec, measured);
    expect(englishWords(data, many.summary), many.summary).toEqual([]);
    for (const text of figureWords(many.figure, data)) expect(englishWords(data, text), text).toEqual([]);
    // One evaluation in either language: the same months, break-even and servers.
    for (const inputs of [zhSpec.defaults, measured]) {
      const numbers = (shown: ReturnType<typeof evaluateBreakEvenPanel>) => [
        shown.localMonthlyUsd,
        shown.apiUsdPerCall,
        shown.breakEven,
        shown.capacity?.servers,
        shown.localAtVolumeUsd,
      ];
      expect(numbers(evaluateBreakEvenPanel(zhSpec, inputs))).toEqual(numbers(evaluateBreakEvenPanel(enSpec, inputs)));
      expect(BREAK_EVEN_PANEL.show(zhSpec, inputs, { narrow: false }).attributes).toEqual(
        BREAK_EVEN_PANEL.show(enSpec, inputs, { narrow: false }).attributes,
      );
    }
  });
});
