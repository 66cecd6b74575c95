/** The 59.6 what-if: the page's check at a looser rounding against the notebook's route through the audit, on random slack. */
import fc from "fast-check";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { auditFigure, checkPublishedFigures } from "../../src/analysis/audit";
import { auditPanelSpec } from "../../src/analysis/panels";
import { loadDataset } from "../../src/data";
import { evaluateAuditPanel } from "../../src/panels";
import { DATA_DIR } from "../helpers/data-folder";

const chapter = loadDataset(DATA_DIR);
const later = loadDataset(path.join(DATA_DIR, "2026-11"));
/** A spec goes to the page as JSON: the page evaluates what arrives there. */
const asSent = <T>(spec: T): T => JSON.parse(JSON.stringify(spec)) as T;
const notebookFlagged = (data: typeof chapter, slack: number) =>
  checkPublishedFigures(data, slack).filter((check) => !check.withinRounding);

describe("the audit what-if", () => {
  for (const [name, data] of [
    ["chapter", chapter],
    ["2026", later],
  ] as const) {
    it(`flags the figures the audit flags at any rounding, with the audit's figure (${name})`, () => {
      const spec = asSent(auditPanelSpec(data));
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 1_000_000 }), (roundingSteps) => {
          const page = evaluateAuditPanel(spec, { roundingSteps });
          const notebook = notebookFlagged(data, roundingSteps);
          expect(page.stillFlagged.map((figure) => figure.label)).toEqual(notebook.map((check) => check.figure.label));
          if (notebook.length === 0) {
            expect(page.figure.data).toEqual([]);
            return;
          }
          const drawn = auditFigure(data, notebook).data[0]!;
          expect(page.figure.data[0]?.y).toEqual(drawn.y);
          const xs = (page.figure.data[0]?.x ?? []) as number[];
          expect(xs).toHaveLength((drawn.x as number[]).length);
          for (const [index, x] of xs.entries()) expect(x).toBeCloseTo((drawn.x as number[])[index]!, 9);
        }),
        { numRuns: 40 },
      );
    });
  }

  it("starts at the notebook's 10 times the rounding, with the figure and count the notebook showed", () => {
    const spec = auditPanelSpec(chapter, { defaults: { roundingSteps: 10 } });
    const result = evaluateAuditPanel(spec, spec.defaults);
    const notebook = notebookFlagged(chapter, 10);
    expect(result.stillFlagged).toHaveLength(notebook.length);
    expect(result.figure.data[0]?.y).toEqual(auditFigure(chapter, notebook).data[0]?.y);
    expect(result.figure.layout.title.text).toBe("Figure 59.6c — Printed figures still flagged at 10× the printed rounding");
    expect(result.summary).toMatch(
      new RegExp(
        `^Allowing 10 times the printed rounding, ${notebook.length} of the 62 printed figures are still flagged \\(${notebookFlagged(chapter, 1).length} at the printed rounding\\); together they move \\$[\\d,]+ a month`,
      ),
    );
  });

  it("says so in words and in its figure when nothing is left flagged, or nothing is printed", () => {
    const loose = evaluateAuditPanel(auditPanelSpec(chapter), { roundingSteps: 1_000_000 });
    expect(loose.summary).toMatch(/no printed figure is flagged: the chapter's formulas or its own inputs give all 62 figures\.$/);
    expect(loose.figure.data).toEqual([]);
    expect(loose.figure.layout.annotations?.[0]?.text).toBe("No printed figure is flagged<br>at 1,000,000× the printed rounding");
    const none = evaluateAuditPanel(auditPanelSpec(later), { roundingSteps: 10 });
    expect(none.summary).toMatch(/published_figures\.csv records no printed figures, so there is nothing to check against a print\.$/);
    expect(none.figure.layout.annotations?.[0]?.text).toBe("No printed figures to check");
  });

  it("refuses a rounding below the print's own rather than clamp it", () => {
    const spec = auditPanelSpec(chapter);
    expect(() => evaluateAuditPanel(spec, { roundingSteps: 0 })).toThrow(/Times the printed rounding must be from 1/);
    expect(() => evaluateAuditPanel(spec, { roundingSteps: 2.5 })).toThrow(/Times the printed rounding must be a whole number/);
  });
});
