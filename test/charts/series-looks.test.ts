import { describe, expect, it } from "vitest";
import { cielab, distinctSeries, repeatPatterns, SERIES_DASHES, SERIES_PALETTE, type Trace } from "../../src/charts";

const line = (name: string, color: string, extra: Partial<Trace> = {}): Trace => ({
  type: "scatter",
  mode: "lines",
  name,
  x: [0, 1],
  y: [0, 1],
  line: { color },
  ...extra,
});
const lineOf = (trace: Trace | undefined) => (trace?.line ?? {}) as { color?: string; dash?: string };
const colorOf = (trace: Trace | undefined) => lineOf(trace).color;
const dashOf = (trace: Trace | undefined) => lineOf(trace).dash ?? "solid";
const distance = (a: string, b: string) => {
  const [l1, a1, b1] = cielab(a);
  const [l2, a2, b2] = cielab(b);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
};

describe("series that never look alike", () => {
  it("gives a series whose colour an earlier one took the free palette colour most unlike the figure's others", () => {
    const [first, second] = [SERIES_PALETTE[0], SERIES_PALETTE[11]];
    const out = distinctSeries([line("API", first), line("server", second), line("other server", first)], SERIES_PALETTE, "#ffffff");
    expect(out.slice(0, 2).map(colorOf)).toEqual([first, second]);
    const moved = colorOf(out[2]) as string;
    const free = SERIES_PALETTE.filter((color) => color !== first && color !== second);
    const nearest = (color: string) => Math.min(distance(color, first), distance(color, second));
    expect(free).toContain(moved);
    expect(Math.max(...free.map(nearest))).toBe(nearest(moved));
  });

  it("keeps one colour for the lines of one legend group, told apart by their dash", () => {
    const color = SERIES_PALETTE[3];
    const out = distinctSeries(
      [
        line("server, bought", color, { legendgroup: "a" }),
        line("server, rented", color, { legendgroup: "a", line: { color, dash: "dash" } }),
      ],
      SERIES_PALETTE,
      "#ffffff",
    );
    expect(out.map(colorOf)).toEqual([color, color]);
    expect(out.map(dashOf)).toEqual(["solid", "dash"]);
  });

  it("past the palette's colours, gives each repeat of a colour a dash of its own, and each repeated bar a pattern", () => {
    const traces = Array.from({ length: 30 }, (_, index) => line(`model ${index}`, SERIES_PALETTE[index % 24] as string));
    const out = distinctSeries(traces, SERIES_PALETTE, "#ffffff");
    expect(out.map(colorOf)).toEqual(traces.map(colorOf));
    expect(out.map(dashOf)).toEqual([...Array(24).fill("solid"), ...Array(6).fill(SERIES_DASHES[1])]);
    expect(repeatPatterns(["#111111", "#222222", "#111111", "#111111"])).toEqual(["", "", "/", "\\"]);
  });
});
