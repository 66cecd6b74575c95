/** The 59.5 what-if: the page's evaluation against the notebook's route through the analysis layer, on random inputs. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { caseStudyCapacity, sizedCaseStudy } from "../../src/analysis/capacity";
import { caseStudyFigure, caseStudyFromData } from "../../src/analysis/case-study";
import { caseStudyPanelSpec } from "../../src/analysis/panels";
import { renumberFigure } from "../../src/charts/theme";
import { loadDataset } from "../../src/data";
import { evaluateCaseStudy } from "../../src/model";
import { CASE_STUDY_PANEL, evaluateCaseStudyPanel } from "../../src/panels";
import { DATA_2026_DIR, DATA_DIR } from "../helpers/data-folder";

const editions = [
  { name: "chapter", data: loadDataset(DATA_DIR) },
  { name: "2026", data: loadDataset(DATA_2026_DIR) },
];

/** The notebook's route: the scenario's inputs with the what-if's volume, regions and price, priced one server and sized. */
function notebookRoute(
  data: (typeof editions)[number]["data"],
  weekdayCallsPerDay: number,
  usdPerCall: number,
  regions: readonly string[],
) {
  const study = caseStudyFromData(data, "saas-export");
  const capacity = caseStudyCapacity(data, { scenarioId: "saas-export" });
  const inputs = { ...study.inputs, weekdayCallsPerDay, allowedRegions: regions, cloud: { ...study.inputs.cloud, usdPerCall } };
  return { result: evaluateCaseStudy(inputs), sized: sizedCaseStudy(capacity, inputs), study };
}

describe("the case-study what-if", () => {
  for (const edition of editions) {
    it(`compares the options as the notebook does, at any volume, cloud price and residency rule (${edition.name})`, () => {
      const spec = caseStudyPanelSpec(edition.data);
      fc.assert(
        fc.property(
          fc.nat(300_000),
          fc.integer({ min: 0, max: 200_000 }),
          fc.constantFrom(...spec.residencyRules),
          (weekdayCallsPerDay, millionths, rule) => {
            const cloudUsdPerCall = millionths / 1e6;
            const page = evaluateCaseStudyPanel(spec, { weekdayCallsPerDay, cloudUsdPerCall, residencyRuleId: rule.id });
            const notebook = notebookRoute(edition.data, weekdayCallsPerDay, cloudUsdPerCall, rule.regions);
            expect(page.asChapter).toEqual(notebook.result);
            expect(page.sized).toEqual(notebook.sized);
          },
        ),
        { numRuns: 60 },
      );
    });

    it(`starts at the notebook's what-if: its figure is the 59.5b the notebook drew (${edition.name})`, () => {
      const { data } = edition;
      const price = caseStudyFromData(data, "saas-export").inputs.cloud.usdPerCall;
      const spec = caseStudyPanelSpec(data, {
        defaults: { weekdayCallsPerDay: 9000, cloudUsdPerCall: price, allowedRegions: ["CN", "on_premises"] },
      });
      const page = evaluateCaseStudyPanel(spec, spec.defaults);
      const notebook = notebookRoute(data, 9000, price, ["CN", "on_premises"]);
      const before = renumberFigure(caseStudyFigure(data, notebook.result, "saas-export", notebook.sized), "59.5b");
      expect(renumberFigure(page.figure, "59.5b")).toEqual(before);
      // 9,000 weekday calls need more than one of either edition's server: the panel says so, with its count.
      const servers = notebook.sized.options[1]!.machines;
      expect(servers).toBeGreaterThan(1);
      expect(page.summary).toContain(`One server is not enough: `);
      expect(page.summary).toContain(
        `all local $${Math.round(notebook.sized.options[1]!.totalUsd).toLocaleString("en-US")} with ${servers} servers`,
      );
      expect(page.summary).toMatch(
        /^At 9,000 weekday calls a day, \$0\.\d+ a cloud call and sensitive data allowed in China and on-premises \(the scenario's rule\): /,
      );
    });
  }

  it("names each residency rule in words, strictest first, starting at the scenario's", () => {
    const spec = caseStudyPanelSpec(editions[0]!.data);
    const [choice] = CASE_STUDY_PANEL.controls(spec).filter((control) => "options" in control);
    const names = choice && "options" in choice ? choice.options.map((option) => option.name) : [];
    expect(names).toEqual(["On-premises only", "China and on-premises", "China, US and on-premises", "Any region"]);
    expect(choice && "value" in choice ? choice.value : "").toBe(spec.residencyRules[1]!.id);
  });

  it("says one server is enough where it is, and counts servers in the right number", () => {
    const spec = caseStudyPanelSpec(editions[1]!.data);
    const shown = evaluateCaseStudyPanel(spec, { ...spec.defaults, weekdayCallsPerDay: 200 });
    expect(shown.summary).toContain("One server is enough: one RTX 5090 workstation carries about");
    expect(shown.summary).toContain("with 1 server");
    expect(shown.summary).not.toMatch(/server\(s\)|server server/);
  });

  it("refuses out-of-range input with the field's label", () => {
    const spec = caseStudyPanelSpec(editions[0]!.data);
    expect(() => evaluateCaseStudyPanel(spec, { ...spec.defaults, cloudUsdPerCall: -0.01 })).toThrow(
      /Cloud price per call \(\$\) must be from 0/,
    );
    expect(() => evaluateCaseStudyPanel(spec, { ...spec.defaults, weekdayCallsPerDay: 1.5 })).toThrow(
      /Weekday calls per day must be a whole number/,
    );
    expect(() => evaluateCaseStudyPanel(spec, { ...spec.defaults, residencyRuleId: "mars" })).toThrow(/no residency rule/);
  });
});
