/** The price matrix's page (59.2) in Chinese: the China edition's typical workload, every sentence, header, figure word and panel summary. */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import {
  benchmarkCaption,
  benchmarkColumns,
  benchmarkCountText,
  benchmarkFigure,
  cloudCostTable,
  costMatrixFigure,
  findWorkload,
  inCurrency,
  perCallRangeText,
  priceMatrixPanelSpec,
  priceQualityFigure,
  ratingsCaption,
  ratingsColumns,
  selectWorkload,
  usdIn,
  workloadNote,
} from "../../src/analysis";
import { loadDataset } from "../../src/data";
import { moneyText } from "../../src/format";
import { evaluatePriceMatrixPanel, PRICE_MATRIX_PANEL } from "../../src/panels/price-matrix";
import { DATA_DIR } from "../helpers/data-folder";
import { englishWords } from "../helpers/english-words";
import { figureWords } from "../helpers/figure-words";

/** The China edition in yuan, at its own parameters.json's workload, as 59.2 runs it. */
const folder = path.join(DATA_DIR, "2026-11-cn");
const parameters = JSON.parse(fs.readFileSync(path.join(folder, "parameters.json"), "utf8")) as Record<string, string>;
const data = inCurrency(selectWorkload(loadDataset(folder), { workloadId: parameters.workloadId }), "CNY");
const workload = findWorkload(data);
const zh = "zh-CN" as const;

/** The English words of `texts` beyond the data's names, files, units and money: none on a Chinese page. */
const english = (texts: readonly string[]) => texts.flatMap((text) => englishWords(data, text).map((word) => `${word} in ${text}`));

describe("59.2 in Chinese (the China edition's typical workload)", () => {
  it("states its finding in Chinese, money as ¥, and heads its tables in Chinese", () => {
    const finding = perCallRangeText(cloudCostTable(data, workload), zh);
    expect(finding).toBe(
      "典型工作负载下，单次调用成本从 **¥0.01060**（GLM-5.3-Flash (Zhipu open platform)）到 **¥0.31000**（Kimi K3 (Moonshot open platform)）不等，相差 29 倍。",
    );
    expect(ratingsColumns(zh).map((column) => column.label)).toEqual([
      "模型",
      "推理",
      "工具调用",
      "速度",
      "上下文长度（token）",
      "输入价（$/百万 token）",
      "输出价（$/百万 token）",
      "性价比",
    ]);
    expect(benchmarkCountText(6, 4, 3, zh)).toBe("共 6 个得分，覆盖 4 个模型、3 项基准测试。");
    expect(
      english([
        finding,
        workloadNote(data, zh),
        ratingsCaption(data, zh),
        benchmarkCaption(data, zh),
        ...[...ratingsColumns(zh), ...benchmarkColumns([], zh)].map((column) => column.label ?? ""),
      ]),
    ).toEqual([]);
  });

  it("titles figures 59.2a to 59.2c, their axes, hovers, labels and sources in Chinese", () => {
    const matrix = costMatrixFigure(data, [100, 1000, 10000], workload, zh);
    const quality = priceQualityFigure(data, workload, zh);
    const benchmarks = benchmarkFigure(data, zh);
    expect(matrix.layout.title.text).toBe("图 59.2a — 成本矩阵：各模型在不同日调用量下的月成本");
    expect(benchmarks.layout.title.text).toBe("图 59.2c — 智能体基准测试（均为百分比）");
    expect(matrix.data[0]?.hovertemplate).toBe("%{y}，%{x}：每月 ¥%{customdata:,.2f}<extra></extra>");
    expect(english([matrix, quality, benchmarks].flatMap((figure) => figureWords(figure, data)))).toEqual([]);
  });

  it("carries the language in the panel's spec: its title, controls, summary and figure are Chinese, its numbers the English panel's", () => {
    const defaults = { firstCallsPerDay: 2000, secondCallsPerDay: 4000, thirdCallsPerDay: 8000, budgetUsdPerMonth: usdIn(data, 1500) };
    const zhSpec = priceMatrixPanelSpec(data, { workload, defaults, lang: zh });
    const enSpec = priceMatrixPanelSpec(data, { workload, defaults });
    expect("lang" in enSpec).toBe(false);
    const shownZh = evaluatePriceMatrixPanel(zhSpec, zhSpec.defaults);
    const shownEn = evaluatePriceMatrixPanel(enSpec, enSpec.defaults);
    expect(shownZh.summary).toMatch(
      /^按每月 ¥10,500 的预算：每天 2,000 次调用时，12 个模型中有 9 个在预算之内，最便宜的 GLM-5\.3-Flash \(Zhipu open platform\) 每月 ¥636，比预算低 ¥9,864；/,
    );
    const controls = PRICE_MATRIX_PANEL.controls(zhSpec).map((control) => ("range" in control ? control.range.label : control.label));
    expect(controls).toEqual([
      "第一个调用量（每天调用次数）",
      "第二个调用量（每天调用次数）",
      "第三个调用量（每天调用次数）",
      "预算（USD/月）",
    ]);
    expect(shownZh.figure.layout.title.text).toBe("图 59.2d — 成本矩阵：对照每月 ¥10,500 的预算");
    expect(
      english([
        zhSpec.title,
        shownZh.summary,
        ...controls.map((label) => moneyText(label, "CNY", zh)),
        ...figureWords(shownZh.figure, data),
      ]),
    ).toEqual([]);
    expect(shownZh.cells).toEqual(shownEn.cells);
    expect(shownZh.fits).toEqual(shownEn.fits);
  });
});
