/** The sensitivity page (59.8) in Chinese: the China edition's break-even at its own parameters, in CNY. */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import {
  breakEvenUncertainty,
  drawsText,
  inCurrency,
  inputRangesTable,
  rangeTornadoTable,
  selectWorkload,
  sensitivityComparison,
  sensitivityFindings,
  shareTornadoTable,
  uncertaintyFigures,
  workloadNote,
} from "../../src/analysis";
import { tornadoPanelSpec } from "../../src/analysis/panels";
import { figureInCurrency } from "../../src/charts/currency";
import { loadDataset } from "../../src/data";
import { evaluateTornadoPanel, narrowTornadoFigure, TORNADO_PANEL } from "../../src/panels/tornado";
import { DATA_DIR } from "../helpers/data-folder";
import { englishWords } from "../helpers/english-words";
import { figureWords } from "../helpers/figure-words";

/** The China edition in CNY at its parameters.json's server and API, as 59.8 runs it. */
const folder = path.join(DATA_DIR, "2026-11-cn");
const data = inCurrency(selectWorkload(loadDataset(folder), { workloadId: "typical" }), "CNY");
const options = { swing: 0.2, samples: 2000, seed: 59 };
const uncertainty = breakEvenUncertainty(data, "h20x32-r1", "deepseek-v4-pro", options);
const comparison = sensitivityComparison(data, "h20x32-r1", "deepseek-v4-pro", "zh-CN");
const figures = uncertaintyFigures(data, uncertainty, { ...options, comparison, lang: "zh-CN" });

/** The figures' numbers, which are no words. */
const NUMBERS = ["59.8a", "59.8b", "59.8c", "59.8w"];
/** Plotly's placeholders and tags, which are no words. */
const plain = (text: unknown) => String(text).replace(/%\{[^}]*\}|<br>|<\/?extra>/g, " ");
const noEnglish = (text: unknown) => expect(englishWords(data, plain(text), NUMBERS), String(text)).toEqual([]);

/** Every word a figure shows, as the page shows it in CNY. */
const figureTexts = (written: (typeof figures)["band"]) => figureWords(figureInCurrency(written, "CNY"), data);

describe("the sensitivity page in Chinese (the China edition, 4x 8x H20 against DeepSeek V4 Pro)", () => {
  it("says what moves the break-even most, all at once and by an equal share, in Chinese sentences", () => {
    expect(sensitivityFindings(data, uncertainty, comparison, 0.2, "zh-CN")).toBe(
      "对于 **4x 8x H20 96GB 对比 DeepSeek V4 Pro (DeepSeek API)**，盈亏平衡点为每日 84,864 次调用；在数据给出的范围内（24–48 个月），对它影响最大的是**折旧期**：**每日 65,113–124,365 次调用**。" +
        "其次是每次调用输入 token 数（64,291–105,030）。所有输入同时不确定时，盈亏平衡点介于每日 **76,700** 至 **152,933** 次调用之间（第 5 至第 95 百分位）。" +
        "若改为各输入同样变动 ±20%，则折旧期的影响最大：同比例变动反映的是公式的敏感程度，而非输入的不确定程度。",
    );
    expect(drawsText(data, uncertainty, 2000, 59, "zh-CN")).toBe(
      "抽样 2,000 次（随机种子 59），盈亏平衡点介于每日 **76,700** 至 **152,933** 次调用之间（第 5 至第 95 百分位），中位数为 **107,236**，而所有输入取基准值时为 84,864。" +
        "按该工作负载每日 1,000 次调用计，本地硬件在 100.0% 的抽样中亏损。",
    );
    expect(workloadNote(data, "zh-CN")).toBe(
      "**工作负载 `typical`**（workloads.csv）：每次调用 8,000 个输入 token、1,500 个输出 token；每日 1,000 次调用，每月 30 天。" +
        "金额以 CNY 计，按 2026-11-29 的汇率 7 CNY 兑 1 美元换算（exchange_rates.csv）。",
    );
    for (const text of [
      sensitivityFindings(data, uncertainty, comparison, 0.2, "zh-CN"),
      drawsText(data, uncertainty, 2000, 59, "zh-CN"),
      workloadNote(data, "zh-CN"),
    ])
      noEnglish(text);
  });

  it("heads and fills its three tables in Chinese, money units in the page's currency", () => {
    const tables = [
      rangeTornadoTable(data, uncertainty, comparison, "zh-CN"),
      shareTornadoTable(data, uncertainty, comparison, 0.2, "zh-CN"),
      inputRangesTable(data, "zh-CN"),
    ];
    for (const table of tables) {
      noEnglish(table.caption);
      for (const column of table.columns) noEnglish(column.label);
      for (const row of table.rows) for (const cell of Object.values(row)) if (typeof cell === "string") noEnglish(cell);
    }
    expect(tables[0]?.rows.find((row) => row.input === "硬件价格")).toMatchObject({ unit: "CNY" });
    expect(tables[2]?.rows[0]).toMatchObject({ input: "输入价格", distribution: "三角分布" });
  });

  it("titles Figures 59.8a–c, their axes, legends, hovers and labels in Chinese", () => {
    expect(figures.rangeTornado.layout.title.text).toBe(
      "图 59.8a — 各输入在数据给出的范围内变动：4x 8x H20 96GB 对比 DeepSeek V4 Pro (DeepSeek API)",
    );
    expect(figures.band.data.map((trace) => trace.name)).toEqual(["第 5 百分位", "模拟输入的 5%–95% 区间", "中位数"]);
    expect(figureInCurrency(figures.rangeTornado, "CNY").data[0]?.y).toContain("工程师月薪（14,400–27,000 CNY/月）");
    for (const figure of [figures.rangeTornado, figures.tornado, figures.band]) for (const text of figureTexts(figure)) noEnglish(text);
  });

  it("carries the language in the panel's spec: its title, controls, summary and figure are Chinese, its numbers those of the English panel", () => {
    const panelOptions = { hardwareId: "h20x32-r1", apiModelId: "glm-5.3", swing: 0.3, samples: 2000, seed: 59 };
    const zh = tornadoPanelSpec(data, { ...panelOptions, lang: "zh-CN" });
    const en = tornadoPanelSpec(data, panelOptions);
    expect(zh.lang).toBe("zh-CN");
    expect("lang" in en).toBe(false);
    const shownZh = evaluateTornadoPanel(zh, zh.defaults);
    const shownEn = evaluateTornadoPanel(en, en.defaults);
    expect(shownZh.summary).toBe(
      "4x 8x H20 96GB 对比 GLM-5.3 (Zhipu open platform)：盈亏平衡点为每日 45,034 次调用。各输入变动 ±30% 时，折旧期的影响最大：每日 35,358 至 63,003 次。" +
        "在数据给出的范围内，折旧期的影响最大：每日 34,553 至 65,995 次；所有输入同时不确定时，盈亏平衡点介于每日 40,986 至 80,997 次调用之间（第 5 至第 95 百分位）。",
    );
    expect([shownZh.p5, shownZh.p95, shownZh.tornado]).toEqual([shownEn.p5, shownEn.p95, shownEn.tornado]);
    expect(shownZh.figure.layout.title.text).toBe("图 59.8w — 盈亏平衡点敏感性，各输入 ±30%");
    const controls = TORNADO_PANEL.controls(zh);
    expect(controls.map((control) => ("label" in control ? control.label : control.range.label))).toEqual([
      "本地硬件",
      "云端 API",
      "各输入变动 ±（%）",
    ]);
    noEnglish(zh.title);
    noEnglish(shownZh.summary);
    for (const text of figureTexts(shownZh.figure)) noEnglish(text);
    const narrow = narrowTornadoFigure(shownZh.figure, shownZh.tornado.baseBreakEven, "zh-CN");
    expect(narrow.data[0]?.y).toContain("折旧期");
    for (const text of figureTexts(narrow)) noEnglish(text);
  });
});
