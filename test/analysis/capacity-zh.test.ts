/** The capacity page (59.7) in Chinese: the China edition's case, every sentence, header, cell, figure word and panel word. */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import {
  capacityBreakEvenPageTable,
  capacityBreakEvenTable,
  capacityFigures,
  capacityHeadline,
  capacityPanelSpec,
  caseOptionsTable,
  caseStudyCapacity,
  demandTable,
  inCurrency,
  opsGrowthSweep,
  opsGrowthTable,
  opsGrowthText,
  type PageTable,
  selectWorkload,
  serverCapacityText,
  servingNote,
  throughputTable,
  unfitServersText,
  workloadNote,
} from "../../src/analysis";
import { loadDataset } from "../../src/data";
import { CAPACITY_PANEL, evaluateCapacityPanel } from "../../src/panels/capacity";
import { CAPACITY_WORDS } from "../../src/i18n/capacity";
import { DATA_DIR } from "../helpers/data-folder";
import { englishWords } from "../helpers/english-words";
import { figureWords } from "../helpers/figure-words";

/** The China edition at its own parameters.json, in yuan, as 59.7 runs it. */
const folder = path.join(DATA_DIR, "2026-11-cn");
const parameters = JSON.parse(readFileSync(path.join(folder, "parameters.json"), "utf8")) as Record<string, string>;
const data = inCurrency(selectWorkload(loadDataset(folder), { workloadId: parameters.workloadId }), "CNY");
const scenarioId = parameters.scenarioId as string;
const apiModelId = parameters.apiModelId as string;
const targetUtilisation = 0.7;
const study = caseStudyCapacity(data, { scenarioId, targetUtilisation });
const flat = caseStudyCapacity(data, { scenarioId, targetUtilisation, profileId: "flat-24h" });
const growth = opsGrowthSweep(data, study);
const breakEvens = capacityBreakEvenTable(data, apiModelId, { targetUtilisation, profileId: study.profile.profileId });

/** Each throughput row's source, cut as the table cuts it: a citation of a publication, quoted in its own language. */
const citations = data.throughput.map((row) => row.source.split(":")[0] as string);

/** The cards as the sentences name them, without their maker: "32× H20 96GB". */
const cards = data.hardware.map((row) => row.gpuModel.replace(/^NVIDIA /, ""));

/** Every text a table shows: its caption, headers and cells. */
const tableTexts = (table: PageTable): string[] => [
  table.caption,
  ...table.columns.map((column) => column.label ?? ""),
  ...table.rows.flatMap((row) => Object.values(row).map(String)),
];

describe("the capacity page in Chinese (the China edition's SaaS exporter on 32 H20 cards)", () => {
  it("states the servers the case needs and what they cost in one Chinese sentence, money as ¥ and 万", () => {
    expect(capacityHeadline(study, flat, "zh-CN")).toBe(
      "按每个工作日 3,000 次调用计，在办公时段流量曲线下，案例需要 **1 台**与其 32× H20 96GB 相同的服务器（即使调用在 24 小时内均匀分布也需要 **1** 台）。" +
        "全部本地部署的成本因此为 **每月 ¥14.32万**，与按单台服务器估算的相同；只把敏感的 40% 调用留在本地的混合方案需要 1 台服务器，每月 **¥14.41万**，与按单台服务器估算的相同。全部上云仍为 ¥1,401.46。",
    );
    expect(opsGrowthText(study, growth, "zh-CN")).toBe(
      "即使一个团队以一台服务器的运维成本管理所有服务器，全部本地部署也超出 ¥35,000 的预算。",
    );
  });

  it("sets a sized month beside the chapter's one-server month where they differ, and says they are the same where not", () => {
    const headline = {
      weekdayCalls: "3,000",
      servers: "11",
      gpus: "2× RTX 4090",
      profile: "办公时段",
      flatServers: "4",
      localMonth: "¥24.90万",
      localPublished: "¥2.26万",
      sensitiveShare: "40%",
      hybridMonth: "¥12.10万",
      hybridServers: "5",
      hybridPublished: "¥2.30万",
      cloudMonth: "¥1,401.46",
    };
    const sized = CAPACITY_WORDS["zh-CN"].headline(headline);
    expect(sized).toContain("**每月 ¥24.90万**（按单台服务器估算为 ¥2.26万）");
    expect(sized).toContain("混合方案需要 5 台服务器，每月 **¥12.10万**（按单台服务器估算为 ¥2.30万）");
    expect(sized).toContain("，而不是一台");
    expect(CAPACITY_WORDS["zh-CN"].headline({ ...headline, localPublished: "¥24.90万" })).toContain(
      "**每月 ¥24.90万**，与按单台服务器估算的相同；",
    );
  });

  it("writes its notes with no English word beyond the data's names", () => {
    for (const text of [
      capacityHeadline(study, flat, "zh-CN"),
      servingNote(data, targetUtilisation, "zh-CN"),
      workloadNote(data, "zh-CN"),
      serverCapacityText(data, study, flat, targetUtilisation, "zh-CN"),
      opsGrowthText(study, growth, "zh-CN"),
      unfitServersText(data, breakEvens, apiModelId, "zh-CN"),
    ])
      expect(englishWords(data, text, cards), text).toEqual([]);
    // The China edition's server is measured batched: the sentence says so, and groups its thousands.
    expect(serverCapacityText(data, study, flat, targetUtilisation, "zh-CN")).toBe(
      "一台 4x 8x H20 96GB (DeepSeek-R1, prefill/decode split) 以批处理方式实测 **每秒 11,400 个输出 token**（SGLang (Ant Group H20 release)，DeepSeek-R1 FP8），" +
        "每次调用耗时 **0.2 秒**，按 70% 利用率每小时可处理 10,395.0 次调用：在该流量曲线下 **每日 100,485 次调用**，24 小时均匀分布时为 249,480 次。" +
        "即使均匀分布，工作日也需要每秒 52.1 个输出 token，是本章认为足够的 15 的 3.5 倍。",
    );
  });

  it("heads and fills every table in Chinese, money as the Chinese formatter writes it", () => {
    const tables = [
      throughputTable(data, "zh-CN"),
      demandTable(study, "zh-CN"),
      caseOptionsTable(study, "zh-CN"),
      opsGrowthTable(study, growth, "zh-CN"),
      capacityBreakEvenPageTable(data, breakEvens, apiModelId, study.profile.profileId, "zh-CN"),
    ];
    for (const table of tables) for (const text of tableTexts(table)) expect(englishWords(data, text, citations), text).toEqual([]);
    expect(caseOptionsTable(study, "zh-CN").columns.map((column) => column.label)).toEqual([
      "方案",
      "一台服务器（CNY/月）",
      "所需服务器",
      "计入所需服务器（CNY/月）",
      "在预算内",
    ]);
    expect(caseOptionsTable(study, "zh-CN").rows[1]).toEqual({
      option: "全部本地",
      published: "¥14.32万",
      machines: 1,
      sized: "¥14.32万",
      budget: "否",
    });
  });

  it("writes a break-even that never comes as 永不, where English keeps Infinity for the table to print never", () => {
    // The chapter's 2x RTX 4090 server against Claude 3.5 Sonnet: one full server costs more than the calls it takes.
    const chapter = loadDataset(DATA_DIR);
    const rows = capacityBreakEvenTable(chapter, "claude-3-5-sonnet", { targetUtilisation, profileId: "office-hours" });
    expect(capacityBreakEvenPageTable(chapter, rows, "claude-3-5-sonnet", "office-hours", "zh-CN").rows[0]).toMatchObject({
      first: "永不",
      sustained: "永不",
    });
    expect(capacityBreakEvenPageTable(chapter, rows, "claude-3-5-sonnet", "office-hours").rows[0]).toMatchObject({
      first: Infinity,
      sustained: Infinity,
    });
  });

  it("keeps English tables' money as numbers for the table to format, as before", () => {
    const row = caseOptionsTable(study).rows[1] as Record<string, unknown>;
    expect(typeof row.published).toBe("number");
    expect(row.option).toBe("all local");
    expect(row.budget).toBe("no");
  });

  it("titles figures 59.7a and 59.7b, their axes, legends, hovers, marks and source lines in Chinese", () => {
    const { machines, cost } = capacityFigures(data, { scenarioId, targetUtilisation, maxCallsPerDay: 10_000, lang: "zh-CN" });
    expect(machines.layout.title.text).toBe("图 59.7a — 所需服务器：4x 8x H20 96GB (DeepSeek-R1, prefill/decode split)，按流量曲线");
    expect(cost.data.map((trace) => trace.name)).toContain("所需服务器，办公时段");
    for (const figure of [machines, cost]) {
      const texts = (figure.layout.annotations as { text: string }[]).map((annotation) => annotation.text);
      expect(texts.filter((text) => text.startsWith("来源：data/2026-11-cn/throughput.csv、"))).toHaveLength(1);
      for (const text of figureWords(figure, data)) expect(englishWords(data, text), text).toEqual([]);
    }
  });

  it("carries the language in the panel's spec: its title, controls, summary and figure are Chinese, its numbers the English panel's", () => {
    const options = { scenarioId, targetUtilisation, maxCallsPerDay: 10_000, defaults: { serving: "batched" as const } };
    const zh = capacityPanelSpec(data, { ...options, lang: "zh-CN" });
    const en = capacityPanelSpec(data, options);
    expect(zh.lang).toBe("zh-CN");
    expect("lang" in en).toBe(false);
    const shownZh = evaluateCapacityPanel(zh, zh.defaults);
    const shownEn = evaluateCapacityPanel(en, en.defaults);
    expect(shownZh.summary).toBe(
      "在办公时段流量曲线下，一台服务器每日可处理 100,485 次调用。按每个工作日 3,000 次调用计：全部本地需要 1 台服务器，每月 ¥14.32万；混合需要 1 台，每月 ¥14.41万；全部上云每月 ¥1,401.46。",
    );
    const controls = CAPACITY_PANEL.controls(zh);
    const controlTexts = controls.flatMap((control) => [
      "range" in control ? (control.range as { label: string }).label : (control as { label: string }).label,
      ...("options" in control ? (control.options as { name: string }[]).map((option) => option.name) : []),
    ]);
    for (const text of [zh.title, shownZh.summary, ...controlTexts, ...figureWords(shownZh.figure, data)])
      expect(englishWords(data, text), text).toEqual([]);
    expect(shownZh.figure.layout.title.text).toMatch(/^图 59\.7w — /);
    // An input out of its range is refused in the page's language, the English refusal unchanged.
    expect(() => evaluateCapacityPanel(zh, { ...zh.defaults, targetUtilisationPercent: 150 })).toThrow(
      "计划利用率（%）应在 1 到 100 之间，而不是 150",
    );
    expect(() => evaluateCapacityPanel(en, { ...en.defaults, targetUtilisationPercent: 150 })).toThrow(
      "Planned utilisation (%) must be from 1 to 100, not 150",
    );
    const numbers = (shown: typeof shownEn) => [shown.callsPerDayPerMachine, shown.allLocal, shown.hybrid, shown.allCloudUsd];
    expect(numbers(shownZh)).toEqual(numbers(shownEn));
    expect(CAPACITY_PANEL.show(zh, zh.defaults, { narrow: false }).attributes).toEqual(
      CAPACITY_PANEL.show(en, en.defaults, { narrow: false }).attributes,
    );
  });
});
