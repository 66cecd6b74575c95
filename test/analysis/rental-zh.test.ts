/** The rent-buy-call page (59.10) in Chinese: the China edition at its own parameters, every sentence, header, cell, figure word and panel. */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import {
  caseStudyRentalSection,
  inCurrency,
  rentalHeatmapFigure,
  rentalOffersTable,
  routerSavingsTable,
  selectWorkload,
  threeWay,
  threeWayFigure,
  threeWayTable,
  threeWayText,
  unitCostFigure,
  unitCosts,
  unitCostTable,
  type PageTable,
} from "../../src/analysis";
import { rentalPanelSpec } from "../../src/analysis/panels";
import { loadDataset } from "../../src/data";
import { moneyText } from "../../src/format";
import { EVEN_HOURS_ID, evaluateRentalPanel, RENTAL_PANEL } from "../../src/panels/rental";
import { DATA_DIR } from "../helpers/data-folder";
import { englishWords } from "../helpers/english-words";
import { figureWords } from "../helpers/figure-words";

const folder = path.join(DATA_DIR, "2026-11-cn");
const parameters = JSON.parse(readFileSync(path.join(folder, "parameters.json"), "utf8"));
/** The China edition in CNY, at its parameters.json's workload, as 59.10 runs it. */
const data = inCurrency(selectWorkload(loadDataset(folder), { workloadId: parameters.workloadId }), "CNY");
const zh = "zh-CN" as const;
const maxCallsPerDay = 20000;
const scenarios = [
  [parameters.scenarioOneRentalId, parameters.scenarioOneApiModelId],
  [parameters.scenarioTwoRentalId, parameters.scenarioTwoApiModelId],
].map(([rentalId, apiModelId]) => threeWay(data, { rentalId, apiModelId, maxCallsPerDay, profileId: parameters.profileId }));

/** Every word a table shows: its caption, headers and cells. */
const tableTexts = (table: PageTable) => [
  table.caption,
  ...table.columns.map((column) => String(column.label)),
  ...table.rows.flatMap((row) => Object.values(row).map((cell) => String(cell ?? ""))),
];

describe("59.10 in Chinese (the China edition's H20 cluster rented from UCloud, bought, or called)", () => {
  it("says where buying and renting pay, and what the case study costs each way, in Chinese sentences", () => {
    const pairs = threeWayText(data, scenarios, [parameters.scenarioOneApiModelId, parameters.scenarioTwoApiModelId], maxCallsPerDay, zh);
    expect(pairs.split("\n\n")[1]).toBe(
      "**4x 8x H20 96GB (DeepSeek-R1, prefill/decode split) 对比 GLM-5.3 (Zhipu open platform)**：购买：**从 45,035 起**；" +
        "常开租用：55,472 至 100,485，从 110,095 起持续更便宜；按小时租用：始终不划算。" +
        "质量方面，DeepSeek-R1 对比 GLM-5.3 (Zhipu open platform)：未比较，因为 GLM-5.3 (Zhipu open platform) 没有评分。",
    );
    const rented = caseStudyRentalSection(
      data,
      { scenarioId: parameters.scenarioId, profileId: parameters.profileId, rentalId: parameters.caseRentalId },
      zh,
    );
    expect(rented.text.split("\n\n")[0]).toBe(
      "按小时租用每月 **¥17.64万**，购买服务器则为 **¥14.32万**。这四种方式中最便宜的合规方式是**全部调用走 DeepSeek V4.1 Flash (DeepSeek API)（中国境内）**，¥1,401.46。" +
        "59.5 的混合方案只把敏感调用留在本地、用其所需的 1 台购买的服务器承载，每月 ¥14.41万。",
    );
    for (const text of [...pairs.split("\n\n"), ...rented.text.split("\n\n")]) expect(englishWords(data, text), text).toEqual([]);
  });

  it("heads and fills its tables in Chinese, money as ¥ and 万", () => {
    const ways = threeWayTable(data, scenarios, { profileId: parameters.profileId, maxCallsPerDay }, zh);
    expect(ways.rows[0]).toMatchObject({ buyUsdPerMonth: "¥14.05万", rentHourly: "永不", buyOverRent: "任意调用量" });
    const tables = [
      rentalOffersTable(data, zh),
      ways,
      unitCostTable(unitCosts(data, { rentalIds: parameters.unitCostRentalIds, utilisations: [0.3, 0.6, 0.9] }), zh),
      routerSavingsTable(data, zh),
      caseStudyRentalSection(
        data,
        { scenarioId: parameters.scenarioId, profileId: parameters.profileId, rentalId: parameters.caseRentalId },
        zh,
      ).table,
    ];
    expect(tables[0]?.columns.map((column) => moneyText(String(column.label)))).toEqual([
      "配置",
      "服务商",
      "报价方案",
      "CNY/GPU·小时",
      "一年期 CNY/GPU·小时",
      "计费粒度",
      "运维 CNY/月",
      "价格日期",
    ]);
    for (const table of tables) for (const text of tableTexts(table)) expect(englishWords(data, text), text).toEqual([]);
  });

  it("titles Figures 59.10a–c, their axes, legends, hovers and labels in Chinese", () => {
    const figures = [
      threeWayFigure(data, scenarios[0] as (typeof scenarios)[number], zh),
      unitCostFigure(
        data,
        { rentalIds: parameters.unitCostRentalIds, apiModelIds: parameters.apiModelIds, utilisations: [0.3, 0.6, 0.9] },
        zh,
      ),
      rentalHeatmapFigure(data, { apiModelIds: parameters.apiModelIds }, zh),
    ];
    expect(figures[0]?.layout.title.text).toBe(
      "图 59.10a — 租用、购买还是调用：4x 8x H20 96GB 对比 DeepSeek V4 Pro (DeepSeek API)，批处理",
    );
    for (const figure of figures) for (const text of figureWords(figure, data)) expect(englishWords(data, text), text).toEqual([]);
  });

  it("carries the language in the panel's spec: Chinese title, controls, summary and figure, the English panel's numbers", () => {
    const options = {
      apiModelIds: parameters.apiModelIds,
      maxCallsPerDay,
      defaults: { rentalId: parameters.scenarioOneRentalId, apiId: parameters.scenarioOneApiModelId, profileId: parameters.profileId },
    };
    const zhSpec = rentalPanelSpec(data, { ...options, lang: zh });
    const enSpec = rentalPanelSpec(data, options);
    expect(zhSpec.lang).toBe(zh);
    expect("lang" in enSpec).toBe(false);
    const cases = [zhSpec.defaults, { ...zhSpec.defaults, profileId: EVEN_HOURS_ID, hoursPerDay: 8, callsPerDay: 250_000 }];
    const shown = evaluateRentalPanel(zhSpec, zhSpec.defaults);
    expect(shown.summary).toBe(
      "4x 8x H20 96GB（UCloud Compshare (优云智算)）对比 DeepSeek V4 Pro (DeepSeek API)，每日 1,000 次调用，按办公时段流量曲线：" +
        "1 台服务器即可承载（利用率 70% 时每日约 100,485 次调用）。每月成本：API ¥2,180，购买 ¥14.32万，常开租用 ¥17.64万，按小时租用 ¥17.64万。" +
        "最便宜：API，每月比购买便宜 ¥14.10万。常开租用在每日 80,929 次调用时与 API 盈亏平衡。",
    );
    for (const inputs of cases) {
      const zhShown = evaluateRentalPanel(zhSpec, inputs);
      const controls = RENTAL_PANEL.controls(zhSpec);
      const labels = controls.map((control) =>
        "range" in control && control.range ? control.range.label : (control as { label: string }).label,
      );
      const choices = controls.flatMap((control) => ("options" in control ? control.options.map((option) => option.name) : []));
      // The page writes a label's USD in the display currency, as it shows it.
      for (const text of [
        zhSpec.title,
        zhShown.summary,
        ...labels.map((label) => moneyText(label)),
        ...choices,
        ...figureWords(zhShown.figure, data),
      ])
        expect(englishWords(data, text), text).toEqual([]);
      // One evaluation in either language: the same costs, servers, cheapest way and break-evens.
      const { summary: _zh, figure: _zhFigure, ...zhNumbers } = zhShown;
      const { summary: _en, figure: _enFigure, ...enNumbers } = evaluateRentalPanel(enSpec, inputs);
      expect(zhNumbers).toEqual(enNumbers);
      expect(RENTAL_PANEL.show(zhSpec, inputs, { narrow: false }).attributes).toEqual(
        RENTAL_PANEL.show(enSpec, inputs, { narrow: false }).attributes,
      );
    }
  });
});
