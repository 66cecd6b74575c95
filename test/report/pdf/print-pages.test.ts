/** Printing with a browser that misbehaves: it never answers, or a page never loads. */
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { RoilabError, UsageError } from "../../../src/errors";
import { printPages } from "../../../src/report/pdf/print-pages";
import { scratchFolders } from "../../helpers/notebooks";
import { isAlive, until } from "../../helpers/processes";
import { CHROMIUM } from "../../helpers/browser";

const scratch = scratchFolders("roilab-print-");

describe("printing report pages", () => {
  it("gives up on a browser that never answers, says so, and ends it with what it started", async () => {
    const dir = scratch();
    const pidFile = path.join(dir, "child.pid");
    // A "browser" that starts a child in a session of its own, holding the pipes it was given, and never answers.
    const hanging = path.join(dir, "hanging-chromium");
    writeFileSync(hanging, `#!/bin/sh\nsetsid sleep 100000 &\necho $! > ${pidFile}\nwait\n`);
    chmodSync(hanging, 0o755);
    const page = path.join(dir, "index.html");
    writeFileSync(page, "<!doctype html><html data-figures-drawn><p>x</p></html>");
    const failure = await printPages([page], { chromium: hanging, launchTimeoutMs: 2000 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UsageError);
    expect((failure as Error).message).toBe(`could not start ${hanging} as headless Chromium: it did not answer within 2 s`);
    expect(existsSync(pidFile)).toBe(true);
    const child = Number(readFileSync(pidFile, "utf8"));
    await until(() => !isAlive(child));
  });

  it("gives up on a page that never loads, naming it, without the browser's own call log", async () => {
    const dir = scratch();
    const page = path.join(dir, "busy.html");
    writeFileSync(page, "<!doctype html><html><script>while (true) {}</script></html>");
    const failure = await printPages([page], { chromium: CHROMIUM, loadTimeoutMs: 2000 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RoilabError);
    expect((failure as Error).message).toBe(`${page}: the page did not load within 2 s, so it was not printed`);
  });
});
