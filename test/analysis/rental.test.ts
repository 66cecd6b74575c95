import { describe, expect, it } from "vitest";
import { caseStudyFromData } from "../../src/analysis";
import {
  caseStudyRental,
  crossoverRangeText,
  rentalHeatmapFigure,
  rentalSetup,
  threeWay,
  threeWayFigure,
  unitCostFigure,
  unitCosts,
} from "../../src/analysis/rental";
import { loadDataset } from "../../src/data";
import { DATA_DIR } from "../helpers/data-folder";
import { title } from "../helpers/figures";

const data = loadDataset(DATA_DIR);

describe("rent, buy or call, from data", () => {
  it("prices the case study's server rented: $1,065.60 a server-month around the clock, ops as stated and growing alike", () => {
    const setup = rentalSetup(data, "runpod-4090x2-saas");
    // Each rented server adds its rent and a quarter of the offer's $300 of operations; the other $225 is paid once.
    expect(setup.rentAlwaysOn.perMachineUsdPerMonth).toBeCloseTo(1065.6 + 75, 8);
    expect(setup.rentAlwaysOn.sharedUsdPerMonth).toBe(225);
    expect(setup.rentOps).toEqual({ opsOneServerUsdPerMonth: 300, opsSharePerAddedServer: 0.25 });
    expect(setup.buy.perMachineUsdPerMonth).toBeCloseTo(12000 / 36 + 60 + 75, 8);
    expect(setup.callsPerHourAtTarget).toBeCloseTo((3600 * 0.7) / (8000 / 905.38 + 1500 / 19.06), 10);
  });

  it("serves the case study's month hour by hour on its office-hours profile for $5,319.80", () => {
    const study = caseStudyFromData(data);
    const rented = caseStudyRental(data, {
      rentalId: "runpod-4090x2-saas",
      profileId: "office-hours",
      weekdayCallsPerDay: study.inputs.weekdayCallsPerDay,
      weekdayDays: study.inputs.weekdayDaysPerMonth,
      weekendCallsPerDay: study.inputs.weekendCallsPerDay,
      weekendDays: study.inputs.weekendDaysPerMonth,
      apiUsdPerCall: study.inputs.cloud.usdPerCall,
    });
    // 109 weekday and 32 weekend server-hours at $1.48, plus operations for the 11 servers of the busiest hour:
    // 109 × 1.48 × 25 + 32 × 1.48 × 5 + 300 × (1 + 0.25 × 10).
    expect(rented.rentScaledUsd).toBeCloseTo(109 * 1.48 * 25 + 32 * 1.48 * 5 + 1050, 6);
    expect(rented.servers).toBe(11);
    expect(rented.buyUsd).toBeCloseTo(11 * 393.3333 + 1050, 2);
    expect(rented.rentAlwaysOnUsd).toBeCloseTo(11 * 1.48 * 24 * 30 + 1050, 6);
    // 77,500 calls x Hermes 4's $0.00855 (8,000 x $0.90/M + 1,500 x $0.90/M).
    expect(rented.allCloudUsd).toBeCloseTo(662.625, 8);
  });

  it("finds the chapter's scenario 1 crossovers: buying from 3,109 calls a day, renting around the clock from 5,129", () => {
    const result = threeWay(data, {
      rentalId: "runpod-a100x4",
      apiModelId: "claude-3-5-sonnet",
      maxCallsPerDay: 20000,
      profileId: "office-hours",
    });
    expect(Math.floor(result.buyVsApi.firstDailyCalls)).toBe(3109);
    // ($5,155.20 + $2,000) / ($0.0465 × 30) = 5,129.2 calls a day.
    expect(result.rentAlwaysOnVsApi.firstDailyCalls).toBeCloseTo((4 * 1.79 * 720 + 2000) / (0.0465 * 30), 6);
    expect(result.buyVsRentAlwaysOn.firstDailyCalls).toBe(result.stepCallsPerDay);
    const figure = threeWayFigure(data, result);
    expect(title(figure)).toBe("Figure 59.10a — Rent, buy or call: 4x A100 80GB vs Claude 3.5 Sonnet, batched");
    expect(figure.data).toHaveLength(4);
    // Four lines, four colours: the bought server never takes the API's colour, though both come from one palette.
    const colors = figure.data.map((line) => (line.line as { color: string }).color.toUpperCase());
    expect(new Set(colors).size).toBe(4);
    expect(figure.layout.annotations?.at(-1)?.text).toBe(
      "Source: data/gpu_rentals.csv, data/hardware.csv, data/throughput.csv, data/models.csv, data/workloads.csv, data/traffic_profiles.csv,<br>prices as of 2025-03-06 to 2026-11-09. roilab",
    );
  });

  it("gives self-hosting's cost per million tokens: the case study's server bought at 60% busy is $4.11", () => {
    const rows = unitCosts(data, { rentalIds: ["runpod-4090x2-saas"], utilisations: [0.6] });
    expect(rows[0]?.boughtUsdPerMillionTokens).toBeCloseTo(4.1078, 3);
    expect(rows[0]?.rentedUsdPerMillionTokens).toBeCloseTo(
      ((1.48 + 300 / 720) / ((0.6 * 3600) / (8000 / 905.38 + 1500 / 19.06)) / 9500) * 1e6,
      6,
    );
    const figure = unitCostFigure(data, {
      rentalIds: ["runpod-4090x2-saas", "lambda-h100x8"],
      apiModelIds: ["claude-3-5-sonnet"],
      utilisations: [0.3, 0.6, 0.9],
    });
    expect(figure.data.map((trace) => trace.name)).toEqual([
      "Claude 3.5 Sonnet (API)",
      "2x RTX 4090 server, bought",
      "2x RTX 4090 server, rented",
      "8x H100 80GB, bought",
      "8x H100 80GB, rented",
    ]);
    // A server's two lines are one group in one colour, told apart by their dash.
    const [, bought, rented] = figure.data as unknown as { legendgroup: string; line: { color: string; dash: string } }[];
    expect([rented?.legendgroup, rented?.line.color, rented?.line.dash]).toEqual([bought?.legendgroup, bought?.line.color, "dash"]);
  });

  it("adds every rented configuration to the break-even heatmap, below the bought ones", () => {
    const figure = rentalHeatmapFigure(data, { apiModelIds: ["claude-3-5-sonnet"] });
    const rows = figure.data[0]?.y as string[];
    expect(rows).toHaveLength(data.hardware.length + data.gpuRentals.length);
    expect(rows.at(-1)).toBe("8x H100 80GB, rented (Google Cloud)");
    // The 4x A100 rented: ($5,155.20 + $2,000) / ($0.0465 × 30) truncated, as the chapter's break-even is.
    expect((figure.data[0]!.text as string[][])[rows.indexOf("4x A100 80GB, rented (RunPod)")]?.[0]).toBe("5,129/day");
  });
});

describe("a break-even range in words", () => {
  it("says where a server that fills up stops winning and whether it wins again for good", () => {
    expect(
      crossoverRangeText({ firstDailyCalls: Infinity, sustainedFromDailyCalls: Infinity, firstRunEndsDailyCalls: Infinity }, 20_000),
    ).toBe("never");
    expect(crossoverRangeText({ firstDailyCalls: 516.2, sustainedFromDailyCalls: 516.2, firstRunEndsDailyCalls: Infinity }, 20_000)).toBe(
      "from 517",
    );
    expect(crossoverRangeText({ firstDailyCalls: 3627.8, sustainedFromDailyCalls: 5642.3, firstRunEndsDailyCalls: 3985 }, 20_000)).toBe(
      "from 3,628 to 3,985, for good from 5,643",
    );
    expect(crossoverRangeText({ firstDailyCalls: 100, sustainedFromDailyCalls: Infinity, firstRunEndsDailyCalls: 200 }, 20_000)).toBe(
      "from 100 to 200, and not for good up to 20,000",
    );
  });
});
