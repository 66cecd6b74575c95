import { describe, expect, it } from "vitest";
import { caseStudyFromData, hybridSavings, provenance } from "../../src/analysis";
import type { Figure } from "../../src/charts";
import { caseStudyOptions, tierCostStacked } from "../../src/charts/hybrid-routing";
import { LOCAL_COST_COLOR, TIER_COLORS } from "../../src/charts/theme";
import { loadDataset } from "../../src/data";
import { DATA_DIR } from "../helpers/data-folder";

const data = loadDataset(DATA_DIR);
const source = provenance(data, ["models.csv", "workloads.csv"]);

const names = (figure: Figure) => figure.data.map((trace) => trace.name);

describe("the 59.4a builder", () => {
  it("59.4a: pure cloud $6,975, hybrid $3,138.75, and hybrid with the A100 server $7,476.17", () => {
    const estimate = hybridSavings(data);
    const figure = tierCostStacked(estimate, { name: "4x A100", monthlyUsd: 4337.42 }, source);
    expect(names(figure)).toEqual(["Premium cloud model", "Local hardware (4x A100)"]);
    expect(figure.layout.barmode).toBe("stack");
    expect(figure.layout.annotations?.slice(0, 3).map((label) => label.text)).toEqual(["$6,975", "$3,139", "$7,476"]);
    const premium = figure.data[0] as unknown as { y: number[] };
    expect(premium.y[1]).toBeCloseTo(3138.75, 2);
  });
});

describe("cost sides across 59.4 and 59.5", () => {
  it("draws local hardware in one colour on both pages, and the case study's cloud part in the colour of the tier it is priced at", () => {
    const tiers = tierCostStacked(hybridSavings(data), { name: "4x A100", monthlyUsd: 4337.42 }, source);
    const study = caseStudyOptions(caseStudyFromData(data).result, 5000, source);
    const colour = (figure: Figure, name: string) =>
      (figure.data.find((trace) => trace.name?.startsWith(name)) as unknown as { marker: { color: string } }).marker.color;
    expect(colour(tiers, "Local hardware")).toBe(LOCAL_COST_COLOR);
    expect(colour(study, "Local server")).toBe(LOCAL_COST_COLOR);
    expect(colour(study, "Cloud API")).toBe(TIER_COLORS.cloud_economy);
  });
});

describe("the hatched local hardware in 59.4a", () => {
  it("draws its hatch over the bar's own colour, so the $4,337 it adds shows in the bar and its legend swatch", () => {
    const tiers = tierCostStacked(hybridSavings(data), { name: "4x A100", monthlyUsd: 4337.42 }, source);
    const local = tiers.data.find((trace) => trace.name?.startsWith("Local hardware")) as unknown as {
      marker: { color: string; pattern: { fillmode: string; fgcolor: string } };
    };
    // Plotly's default fill mode draws the hatch on a transparent ground: white lines on a white page.
    expect(local.marker.pattern.fillmode).toBe("overlay");
    expect(local.marker.pattern.fgcolor).not.toBe(local.marker.color);
  });
});
