/**
 * What the case-study page (59.5) writes around its figure, in its language: the scenario, the residency filter, the
 * local server and how many the weekday needs, the options and the pick. English is as the notebook wrote it before
 * it took a language.
 */
import type { Dataset } from "../data";
import { countIn, formatInteger, formatPercent, formatUsd, type CountNoun } from "../format";
import { CASE_STUDY_WORDS, regionZh } from "../i18n/case-study";
import { DEFAULT_LANG, type Lang } from "../i18n/lang";
import type { CaseStudyResult } from "../model";
import type { caseStudyCapacity } from "./capacity";
import type { CaseStudy, caseStudyRow } from "./case-study";
import { dataFileName } from "./figure-context";
import { taskTypeIn } from "./hybrid-routing-page";
import type { PageTable } from "./page-table";
import { findHardware } from "./lookup";

type Scenario = ReturnType<typeof caseStudyRow>;
type Capacity = ReturnType<typeof caseStudyCapacity>;

/** A server counted: "1 server", "2 servers", "2 台服务器". */
const SERVER: CountNoun = { one: "server", other: "servers", zh: "台服务器" };

/** A region as the page writes it: the data's code in English, its Chinese name in Chinese (CN is 中国). */
const regionIn = (region: string, lang: Lang) => (lang === DEFAULT_LANG ? region : regionZh(region));

/** The scenario's requirements: volumes, task mix, where sensitive data may go, the budget. */
export function scenarioTable(data: Dataset, scenario: Scenario, study: CaseStudy, lang: Lang = DEFAULT_LANG): PageTable {
  const words = CASE_STUDY_WORDS[lang];
  const n = (value: number) => formatInteger(value, lang);
  return {
    rows: [
      { need: words.needWeekday, value: words.callsOnDays(n(scenario.weekdayCallsPerDay), scenario.weekdayDaysPerMonth) },
      { need: words.needWeekend, value: words.callsOnDays(n(scenario.weekendCallsPerDay), scenario.weekendDaysPerMonth) },
      {
        need: words.needTaskMix,
        value: words.list(
          study.inputs.taskMix.map((task) =>
            // English names the data's ids, as it always has; Chinese, the task types' words.
            words.taskShare(
              formatPercent(task.share * 100, 0),
              lang === DEFAULT_LANG ? task.taskType : taskTypeIn(task.taskType, lang),
              task.sensitive,
            ),
          ),
        ),
      },
      { need: words.needRegions, value: words.list(scenario.allowedRegions.map((region) => regionIn(region, lang))) },
      { need: words.needBudget, value: words.budget(formatUsd(scenario.budgetUsdPerMonth, 0, lang)) },
    ],
    columns: [
      { key: "need", label: words.hRequirement },
      { key: "value", label: words.hValue },
    ],
    caption: words.scenarioCaption(dataFileName(data, "case_study.csv")),
  };
}

/** Step 1: each cloud model, where it processes data, and whether sensitive tasks may go to it. */
export function residencyTable(study: CaseStudy, lang: Lang = DEFAULT_LANG): PageTable {
  const words = CASE_STUDY_WORDS[lang];
  const row = (model: { modelName: string; dataRegion: string }, sensitive: string) => ({
    model: model.modelName,
    region: regionIn(model.dataRegion, lang),
    sensitive,
  });
  return {
    rows: [
      ...study.residency.allowed.map((model) => row(model, words.allowed)),
      ...study.residency.excluded.map((model) => row(model, words.excluded)),
    ],
    columns: [
      { key: "model", label: words.hModel },
      { key: "region", label: words.hRegion },
      { key: "sensitive", label: words.hSensitive },
    ],
    caption: words.residencyCaption,
  };
}

/** How many of the data's cloud models may take sensitive tasks. */
export function residencyCount(data: Dataset, study: CaseStudy, lang: Lang = DEFAULT_LANG): string {
  return CASE_STUDY_WORDS[lang].residencyCount(study.residency.allowed.length, data.models.length);
}

/** Step 2: the local server's month, itemised where the data itemises it. */
export function localServerTable(data: Dataset, scenario: Scenario, study: CaseStudy, lang: Lang = DEFAULT_LANG): PageTable {
  const words = CASE_STUDY_WORDS[lang];
  const server = findHardware(data, scenario.localHardwareId);
  const local = study.local;
  return {
    rows:
      local.basis === "itemised"
        ? [
            { item: words.depreciation, usd: local.depreciationUsd },
            { item: words.electricity, usd: local.powerUsd },
            { item: words.operations, usd: local.opsUsd },
            { item: words.total, usd: local.totalUsd },
          ]
        : [{ item: words.totalStated, usd: local.totalUsd }],
    columns: [
      { key: "item", label: words.hItem },
      { key: "usd", label: words.hPerMonth, format: "usd" },
    ],
    caption: words.serverCaption(server.name, server.gpuCount, server.vramGbPerGpu),
  };
}

/** Step 2: what one server carries on its measured throughput, and how many the weekday needs. */
export function capacityText(data: Dataset, scenario: Scenario, capacity: Capacity, lang: Lang = DEFAULT_LANG): string {
  const server = findHardware(data, scenario.localHardwareId);
  const perServer = capacity.capacity;
  const throughput = perServer.throughput;
  const sizedLocal = capacity.withCapacity.options[1];
  return CASE_STUDY_WORDS[lang].capacity(
    throughput.outputTokensPerSecond,
    `${throughput.engine}, ${throughput.model} ${throughput.quantisation}`,
    formatInteger(perServer.callsPerDayPerMachine, lang),
    capacity.profile.profileId,
    formatInteger(scenario.weekdayCallsPerDay, lang),
    sizedLocal?.machines,
    formatPercent(server.opsSharePerAddedServer === undefined ? 0 : server.opsSharePerAddedServer * 100, 0),
    dataFileName(data, "hardware.csv"),
  );
}

/** Steps 3 and 4: each option with one server, as the chapter counts, and with the servers the volume needs. */
export function optionsTable(study: CaseStudy, capacity: Capacity, lang: Lang = DEFAULT_LANG): PageTable {
  const words = CASE_STUDY_WORDS[lang];
  const sized = capacity.withCapacity;
  return {
    rows: study.result.options.map((option, index) => ({
      option: words.option(option.option),
      chapter: option.totalUsd,
      machines: sized.options[index]?.machines ?? 0,
      local: sized.options[index]?.localUsd ?? 0,
      cloud: sized.options[index]?.cloudUsd ?? 0,
      total: sized.options[index]?.totalUsd ?? 0,
      compliant: option.compliant ? words.yes : words.no,
      budget: (sized.options[index]?.withinBudget ?? false) ? words.yes : words.no,
    })),
    columns: [
      { key: "option", label: words.hOption },
      { key: "chapter", label: words.hChapter, format: "usd" },
      { key: "machines", label: words.hServers, format: "integer" },
      { key: "local", label: words.hLocal, format: "usd" },
      { key: "cloud", label: words.hCloud, format: "usd" },
      { key: "total", label: words.hTotal, format: "usd" },
      { key: "compliant", label: words.hCompliant },
      { key: "budget", label: words.hBudget },
    ],
    caption: words.optionsCaption(formatInteger(study.result.monthlyCalls.total, lang), capacity.profile.profileId),
  };
}

/** The pick: the cheapest compliant option within budget with the servers it needs, and where the chapter's count differs. */
export function caseStudyVerdict(study: CaseStudy, capacity: Capacity, lang: Lang = DEFAULT_LANG): string {
  const words = CASE_STUDY_WORDS[lang];
  const sized = capacity.withCapacity;
  const sizedLocal = sized.options[1];
  const label = (name: CaseStudyResult["cheapestCompliant"]) => (name === undefined ? words.none : words.option(name));
  const priceOf = (result: CaseStudyResult, name: CaseStudyResult["cheapestCompliant"]) =>
    formatUsd(result.options.find((option) => option.option === name)?.totalUsd ?? 0, 2, lang);
  const chapterPick = study.result.cheapestCompliant;
  const sizedPick = sized.cheapestCompliant;
  const extra = formatUsd(sized.hybridExtraOverCloudUsd, 2, lang);
  if (chapterPick === sizedPick) {
    // All cloud needs no server: the note on servers is for an option that has some.
    const machines = sized.options.find((option) => option.option === sizedPick)?.machines ?? 0;
    const note = machines > 0 ? words.serversNote(countIn(machines, SERVER, lang), priceOf(study.result, chapterPick)) : "";
    return words.samePick(label(sizedPick), priceOf(sized, sizedPick), note, extra);
  }
  return words.otherPick(
    label(sizedPick),
    priceOf(sized, sizedPick),
    label(chapterPick),
    priceOf(study.result, chapterPick),
    sizedLocal?.machines,
    formatUsd(sizedLocal?.totalUsd ?? 0, 2, lang),
    !sizedLocal?.withinBudget,
    extra,
  );
}
