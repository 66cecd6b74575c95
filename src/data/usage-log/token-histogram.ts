/**
 * Exact percentiles of token counts in bounded memory: a count per distinct value, not a list of every call.
 * A million calls of an agent take a few thousand distinct counts, and never more than the largest count.
 */
export class TokenHistogram {
  private readonly counts = new Map<number, number>();
  calls = 0;
  tokens = 0;

  add(tokens: number): void {
    this.counts.set(tokens, (this.counts.get(tokens) ?? 0) + 1);
    this.calls += 1;
    this.tokens += tokens;
  }

  get mean(): number {
    return this.calls === 0 ? 0 : this.tokens / this.calls;
  }

  /**
   * Nearest-rank percentiles (each 0 < p ≤ 100): the smallest count at least p% of calls do not exceed, the
   * count of the ⌈p/100 × N⌉-th call in ascending order. Always a count some call had; 0 with no calls.
   */
  percentiles(percents: readonly number[]): number[] {
    if (this.calls === 0) return percents.map(() => 0);
    const values = [...this.counts.keys()].sort((a, b) => a - b);
    return percents.map((percent) => {
      // percent × calls first: whole numbers multiply exactly, where 0.29 × 100 would give 28.999….
      const rank = Math.max(1, Math.ceil((percent * this.calls) / 100));
      let seen = 0;
      for (const value of values) {
        seen += this.counts.get(value) as number;
        if (seen >= rank) return value;
      }
      return values[values.length - 1] as number;
    });
  }
}
