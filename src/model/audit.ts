/**
 * A printed figure against the value its formulas give: how far it is, and whether the print is that value rounded
 * as printed. The audit (59.6) and its what-if panel check every figure with this one rule.
 */

/** A figure as printed: one value or a range, and the rounding step it was printed at. */
export interface PrintedValue {
  value: number;
  /** Upper end where the print states a range ("60-75%"). */
  valueHigh?: number;
  /** The rounding step of the print: 1 for whole dollars, 0.01 for cents, 10 for "about 93,270". */
  precision: number;
}

/** Which inputs give the printed figure within its rounding: the data's, or only those the chapter states for it. */
export type Explanation = "data" | "chapter_inputs";

export interface PrintedFigureCheck {
  /** recomputed − printed (for a range, the distance to its nearest end); NaN when nothing is recomputed. */
  difference: number;
  /** difference relative to the printed value. */
  relativeDifference: number;
  /** What gives the printed figure within its rounding; undefined when neither does (the figure is flagged). */
  explainedBy: Explanation | undefined;
  withinRounding: boolean;
}

/** Distance from a value to the printed figure (0 inside a printed range). */
export function distanceToPrinted(printed: PrintedValue, value: number): number {
  const low = printed.value;
  const high = printed.valueHigh ?? printed.value;
  return value < low ? value - low : value > high ? value - high : 0;
}

/** Whether a difference is within half the printed rounding step times `slack`. */
export function isWithinRounding(printed: PrintedValue, difference: number, slack: number): boolean {
  const tolerance = (printed.precision / 2) * slack + 1e-9 * Math.max(1, Math.abs(printed.value));
  return Math.abs(difference) <= tolerance;
}

/**
 * A printed figure against its recomputed value from the data and, where the chapter states its own inputs for it,
 * from those: flagged only when neither gives it within half its rounding step times `slack` (1: as printed).
 */
export function checkPrintedFigure(
  printed: PrintedValue,
  recomputed: number | undefined,
  atChapterInputs: number | undefined,
  slack = 1,
): PrintedFigureCheck {
  const difference = recomputed === undefined ? Number.NaN : distanceToPrinted(printed, recomputed);
  const explainedBy: Explanation | undefined =
    recomputed !== undefined && isWithinRounding(printed, difference, slack)
      ? "data"
      : atChapterInputs !== undefined && isWithinRounding(printed, distanceToPrinted(printed, atChapterInputs), slack)
        ? "chapter_inputs"
        : undefined;
  return {
    difference,
    relativeDifference: recomputed === undefined || printed.value === 0 ? Number.NaN : difference / printed.value,
    explainedBy,
    withinRounding: explainedBy !== undefined,
  };
}
