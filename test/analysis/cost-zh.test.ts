/** The cost model's page (59.1) in Chinese: the China edition's workload, every sentence, header, cell, figure word and panel summary. */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import {
  billingColumns,
  billingFinding,
  billingNoteSentences,
  billingWays,
  cloudCostCaption,
  cloudCostColumns,
  cloudCostTable,
  costRangeText,
  costVolumeFigure,
  findHardware,
  findModel,
  findWorkload,
  hardwareMonthlyCost,
  inCurrency,
  localCostCaption,
  localCostColumns,
  localCostItems,
  monthlyCostFigure,
  priceListCaption,
  priceListColumns,
  selectWorkload,
  workloadNote,
} from "../../src/analysis";
import { monthlyCostPanelSpec } from "../../src/analysis/panels";
import { loadDataset } from "../../src/data";
import { evaluateMonthlyCostPanel, MONTHLY_COST_PANEL } from "../../src/panels/monthly-cost";
import { DATA_DIR } from "../helpers/data-folder";
import { englishWords } from "../helpers/english-words";
import { figureWords as wordsOf } from "../helpers/figure-words";

/** The China edition in yuan, at its own parameters.json's workload, server and API, as 59.1 runs it. */
const folder = path.join(DATA_DIR, "2026-11-cn");
const parameters = JSON.parse(fs.readFileSync(path.join(folder, "parameters.json"), "utf8")) as Record<string, string>;
const data = inCurrency(selectWorkload(loadDataset(folder), { workloadId: parameters.workloadId }), "CNY");
const workload = findWorkload(data);
const zh = "zh-CN" as const;

/** The English words of `texts` beyond the data's names, files, units and money: none on a Chinese page. */
const figureWords = (figure: Parameters<typeof wordsOf>[0]) => wordsOf(figure, data);
const english = (texts: readonly string[]) => texts.flatMap((text) => englishWords(data, text).map((word) => `${word} in ${text}`));

describe("59.1 in Chinese (the China edition's typical workload)", () => {
  const costs = cloudCostTable(data, workload);

  it("states its finding and its workload in Chinese, money as ¥", () => {
    expect(costRangeText(costs, workload, zh)).toBe(
      "按每天 1,000 次调用计，各模型的月成本从 **¥318.00**（GLM-5.3-Flash (Zhipu open platform)）到 **¥9,300.00**（Kimi K3 (Moonshot open platform)）不等。",
    );
    expect(workloadNote(data, zh)).toBe(
      "**工作负载 `typical`**（workloads.csv）：每次调用 8,000 个输入 token、1,500 个输出 token；每日 1,000 次调用，每月 30 天。" +
        "金额以 CNY 计，按 2026-11-29 的汇率 7 CNY 兑 1 美元换算（exchange_rates.csv）。",
    );
    expect(english([costRangeText(costs, workload, zh), workloadNote(data, zh)])).toEqual([]);
  });

  it("says a weekday workload's calendar and a field the run set in Chinese", () => {
    const weekly = inCurrency(
      selectWorkload(loadDataset(folder), { workloadId: parameters.decisionWorkloadId, callsPerDay: 600, inputTokensPerCall: 9000 }),
      "CNY",
    );
    const note = workloadNote(weekly, zh);
    expect(note).toContain("**本次运行设定**：每工作日调用次数 600（workloads.csv 中为 ");
    expect(note).toContain("每工作日 600 次调用、每个周末日 ");
    // The time zone is an IANA name (Asia/Shanghai), quoted as the data writes it.
    expect(englishWords(weekly, note, [String(findWorkload(weekly).timeZone)])).toEqual([]);
  });

  it("heads, captions and fills its tables in Chinese", () => {
    const model = findModel(data, parameters.apiModelId as string);
    const billed = billingWays(zh).map((way) => ({
      way,
      row: cloudCostTable(data, {
        ...workload,
        cachedInputShare: way.cachedInputShare,
        cacheWriteShare: 0,
        batchShare: way.batchShare,
      }).find((row) => row.model.modelId === model.modelId),
    }));
    const plain = billed[0]?.row as (typeof costs)[number];
    const both = billed[3]?.row as (typeof costs)[number];
    expect(billingFinding(model, plain, both, zh)).toBe(
      "一半输入从缓存读取、且全部调用走批处理后，DeepSeek V4 Pro (DeepSeek API) 的单次调用成本从 **¥0.0727** 降至 **¥0.0502**，每月 **¥1,505.44**，而按标价为 ¥2,179.69。",
    );
    const server = findHardware(data, parameters.localHardwareId as string);
    const items = localCostItems(server, hardwareMonthlyCost(server, workload.daysPerMonth), zh);
    expect(items.map((item) => [item.item, item.detail])).toEqual([
      ["折旧", "¥480.00万，分 36 个月摊销"],
      ["电费", "12.8 kW，9,216 kWh，电价 ¥0.68/kWh"],
      ["运维", "0.2 个 FTE，月薪 ¥18,000"],
      ["合计", ""],
    ]);
    const labels = [priceListColumns(zh), cloudCostColumns(zh), billingColumns(zh), localCostColumns(zh)]
      .flat()
      .map((column) => column.label ?? "");
    expect(
      english([
        ...labels,
        priceListCaption(data, zh),
        cloudCostCaption(zh),
        localCostCaption(server, zh),
        billingFinding(model, plain, both, zh),
        ...billingWays(zh).map((way) => way.label),
        ...billingNoteSentences([{ model, bill: both.bill }], zh),
        ...items.flatMap((item) => [item.item, item.detail]),
      ]),
    ).toEqual([]);
  });

  it("titles figures 59.1a and 59.1b, their axes, hovers, labels and sources in Chinese, money as ¥", () => {
    const monthly = monthlyCostFigure(data, workload, undefined, zh);
    const volume = costVolumeFigure(data, workload, [0, 5000, 10000], zh);
    expect(monthly.layout.title.text).toBe("图 59.1a — 各模型的月度云端成本，每天 1,000 次调用");
    expect(volume.layout.title.text).toBe("图 59.1b — 云端成本随调用量线性增长");
    expect((monthly.layout.yaxis as { tickprefix?: string }).tickprefix).toBe("¥");
    expect(monthly.data[0]?.hovertemplate).toBe("%{x}<br>每月 ¥%{y:,.2f}<extra></extra>");
    expect(english([...figureWords(monthly), ...figureWords(volume)])).toEqual([]);
  });

  it("carries the language in the panel's spec: its title, controls, summary and figure are Chinese, its numbers the English panel's", () => {
    const options = {
      localHardwareId: parameters.localHardwareId as string,
      defaults: { callsPerDay: 3000, inputTokensPerCall: 4000, outputTokensPerCall: 800 },
    };
    const zhSpec = monthlyCostPanelSpec(data, { ...options, lang: zh });
    const enSpec = monthlyCostPanelSpec(data, options);
    expect("lang" in enSpec).toBe(false);
    const shownZh = evaluateMonthlyCostPanel(zhSpec, zhSpec.defaults);
    const shownEn = evaluateMonthlyCostPanel(enSpec, enSpec.defaults);
    expect(shownZh.summary).toBe(
      "按每天 3,000 次调用计，最便宜的模型是 GLM-5.3-Flash (Zhipu open platform)，每月 ¥489.60；本地服务器（4x 8x H20 96GB）无论调用量多少，每月都是 ¥14.32万，比 GLM-5.3-Flash (Zhipu open platform) 贵 ¥14.27万。",
    );
    const controls = MONTHLY_COST_PANEL.controls(zhSpec).map((control) => ("range" in control ? control.range.label : control.label));
    expect(controls).toEqual(["每天调用次数", "每次调用的输入 token 数", "每次调用的输出 token 数"]);
    expect(english([zhSpec.title, shownZh.summary, ...controls, ...figureWords(shownZh.figure)])).toEqual([]);
    expect(shownZh.rows).toEqual(shownEn.rows);
    expect(shownZh.cheapest).toEqual(shownEn.cheapest);
  });
});
