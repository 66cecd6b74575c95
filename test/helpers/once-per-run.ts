/**
 * What is costly to make (a published report), made once per test run and shared by the test files that ask for it:
 * the first to ask makes it in a folder of the run's scratch, the others wait for its outcome.
 */
import { inject } from "vitest";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** `make`'s outcome (plain JSON), made once per run in the scratch folder `name`, which `make` is given. */
export async function oncePerRun<T>(name: string, make: (dir: string) => Promise<T>): Promise<T> {
  const root = path.join(inject("e2eScratch"), name);
  const outcome = path.join(root, "outcome.json");
  try {
    // Making the folder is the claim: exactly one file succeeds.
    mkdirSync(root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    while (!existsSync(outcome)) await sleep(250);
    return JSON.parse(readFileSync(outcome, "utf8")) as T;
  }
  const made = await make(root);
  writeFileSync(`${outcome}.partial`, JSON.stringify(made));
  renameSync(`${outcome}.partial`, outcome);
  return made;
}
