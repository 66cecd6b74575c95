import { describe, expect, it } from "vitest";
import type { NotebookResult } from "../../src/notebook/execute";
import { plainReporter, terminalReporter } from "../../src/notebook/progress";

function result(overrides: Partial<NotebookResult> = {}): NotebookResult {
  return {
    name: "costs",
    file: "notebooks/costs.ipynb",
    dataFolder: undefined,
    status: "ok",
    notebook: { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [] },
    outputFile: "reports/costs.ipynb",
    failures: [],
    cellsRun: 3,
    durationMs: 1500,
    ...overrides,
  };
}

function plain(): { lines: string[]; reporter: ReturnType<typeof plainReporter> } {
  const lines: string[] = [];
  return { lines, reporter: plainReporter((text) => lines.push(text)) };
}

/** A stand-in for a TTY stream that records everything cli-progress writes to it. */
class FakeTty {
  readonly isTTY = true;
  readonly columns = 80;
  readonly rows = 24;
  readonly writes: string[] = [];

  write(chunk: string | Uint8Array, ...rest: unknown[]): boolean {
    this.writes.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString());
    const callback = rest.find((arg): arg is () => void => typeof arg === "function");
    callback?.();
    return true;
  }
  cursorTo(_x: number, _y?: number | (() => void), callback?: () => void): boolean {
    if (typeof callback === "function") callback();
    return true;
  }
  moveCursor(_dx: number, _dy: number, callback?: () => void): boolean {
    callback?.();
    return true;
  }
  clearLine(_dir: number, callback?: () => void): boolean {
    callback?.();
    return true;
  }
  clearScreenDown(callback?: () => void): boolean {
    callback?.();
    return true;
  }
  getWindowSize(): [number, number] {
    return [this.columns, this.rows];
  }

  /** Everything written, with ANSI escape sequences removed. */
  text(): string {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the terminal escapes the progress bar writes
    return this.writes.join("").replace(/\x1B(?:\[[0-9;?]*[A-Za-z]|[78])/g, "");
  }
}

describe("plainReporter", () => {
  it("writes one line for a notebook that ran, with its status, name, cells, seconds and output file", () => {
    const { lines, reporter } = plain();
    reporter.finish(result());

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ok\s+costs\s+\(3 cells, 1\.5 s\) -> reports\/costs\.ipynb\n$/);
  });

  it("rounds the duration to a tenth of a second", () => {
    const { lines, reporter } = plain();
    reporter.finish(result({ cellsRun: 12, durationMs: 61_249 }));

    expect(lines[0]).toContain("(12 cells, 61.2 s)");
  });

  it("labels a reused notebook as cached and unchanged instead of counting cells", () => {
    const { lines, reporter } = plain();
    reporter.finish(result({ status: "cached", cellsRun: 0, durationMs: 4 }));

    expect(lines[0]).toMatch(/^cached\s+costs\s+\(unchanged, reused\) -> reports\/costs\.ipynb\n$/);
    expect(lines[0]).not.toContain("cells");
  });

  it("labels a failed notebook as FAILED and points at its failed output file", () => {
    const { lines, reporter } = plain();
    reporter.finish(
      result({
        status: "failed",
        cellsRun: 2,
        durationMs: 2340,
        outputFile: "reports/costs.failed.ipynb",
        failures: [{ message: "cell 2: boom", ename: "Error" }],
      }),
    );

    expect(lines[0]).toMatch(/^FAILED\s+costs\s+\(2 cells, 2\.3 s\) -> reports\/costs\.failed\.ipynb\n$/);
  });

  it("writes one line per finished notebook, in the order they finish", () => {
    const { lines, reporter } = plain();
    reporter.finish(result({ name: "b", outputFile: "reports/b.ipynb" }));
    reporter.finish(result({ name: "a", outputFile: "reports/a.ipynb", status: "cached" }));

    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^ok\s+b\s/);
    expect(lines[1]).toMatch(/^cached\s+a\s/);
  });

  it("writes nothing on start, cell progress or close", () => {
    const { lines, reporter } = plain();
    reporter.start([{ name: "costs", codeCells: 3 }]);
    reporter.cell({ notebook: "costs", done: 1, total: 3, cellNumber: 2 });
    reporter.close();

    expect(lines).toEqual([]);
  });
});

describe("terminalReporter", () => {
  function terminal(): { tty: FakeTty; reporter: ReturnType<typeof terminalReporter> } {
    const tty = new FakeTty();
    return { tty, reporter: terminalReporter(tty as unknown as NodeJS.WriteStream) };
  }

  it("draws a bar per notebook showing its name and the code cells done out of the total", () => {
    const { tty, reporter } = terminal();
    reporter.start([{ name: "costs", codeCells: 3 }]);
    reporter.cell({ notebook: "costs", done: 1, total: 3, cellNumber: 1 });
    reporter.cell({ notebook: "costs", done: 2, total: 3, cellNumber: 3 });
    reporter.finish(result({ cellsRun: 2 }));
    reporter.close();

    const text = tty.text();
    expect(text).toContain("costs");
    expect(text).toContain("2/3 cells");
    expect(text).toContain("done");
  });

  it("fills the bar of a cached notebook and marks it as reused", () => {
    const { tty, reporter } = terminal();
    reporter.start([{ name: "prices", codeCells: 4 }]);
    reporter.finish(result({ name: "prices", status: "cached", cellsRun: 0 }));
    reporter.close();

    const text = tty.text();
    expect(text).toContain("4/4 cells");
    expect(text).toContain("prices");
    expect(text).toContain("unchanged, reused");
  });

  it("marks a failed notebook as FAILED", () => {
    const { tty, reporter } = terminal();
    reporter.start([{ name: "broken", codeCells: 5 }]);
    reporter.cell({ notebook: "broken", done: 1, total: 5, cellNumber: 1 });
    reporter.finish(result({ name: "broken", status: "failed", cellsRun: 1 }));
    reporter.close();

    const text = tty.text();
    expect(text).toContain("1/5 cells");
    expect(text).toContain("broken");
    expect(text).toContain("FAILED");
  });

  it("keeps one bar for each notebook of the run", () => {
    const { tty, reporter } = terminal();
    reporter.start([
      { name: "first", codeCells: 2 },
      { name: "second", codeCells: 7 },
    ]);
    reporter.cell({ notebook: "first", done: 2, total: 2, cellNumber: 2 });
    reporter.finish(result({ name: "first", cellsRun: 2 }));
    reporter.cell({ notebook: "second", done: 3, total: 7, cellNumber: 4 });
    reporter.close();

    const text = tty.text();
    expect(text).toMatch(/2\/2 cells\s+first/);
    expect(text).toMatch(/3\/7 cells\s+second/);
  });
});
