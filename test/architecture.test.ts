/**
 * The layering rules the README's "How it is built" states, checked on every import of every module in src/:
 * each layer imports only the layers below it, and the model and the figure specs stay free of I/O and kernels.
 * The generic layers (runner, publisher, shared helpers) also name nothing of roilab's data, packages or outputs.
 * The page's script is checked too: its modules share nothing through globals, and one function writes the figure
 * markup it reads.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { TABLE_SPECS } from "../src/data/dataset";
import { EDITION_PARAMETERS_FILE } from "../src/data/edition-parameters";
import { PRICE_DATABASE_PACKAGE } from "../src/data/price-database";
import { ROILAB_PAGES } from "../src/cli/pages";
import { WHATIF_MIME } from "../src/panels/mime";

const SRC = path.resolve(__dirname, "../src");
const DATA = path.resolve(__dirname, "../data");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

function sourceFiles(dir: string): string[] {
  return filesUnder(dir).filter((file) => file.endsWith(".ts"));
}

interface Import {
  /** The importing file, relative to src/ (`notebook/run.ts`). */
  file: string;
  /** What it imports: a package name (`tslab`, `node:fs`) or the src/ path it resolves to (`data/index`, `errors`). */
  target: string;
}

const IMPORT = /(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*)["']([^"']+)["']/g;

const imports: Import[] = sourceFiles(SRC).flatMap((full) => {
  const file = path.relative(SRC, full).split(path.sep).join("/");
  return [...readFileSync(full, "utf8").matchAll(IMPORT)].map((match) => {
    const specifier = match[1] as string;
    const target = specifier.startsWith(".")
      ? path
          .relative(SRC, path.resolve(path.dirname(full), specifier))
          .split(path.sep)
          .join("/")
      : specifier;
    return { file, target };
  });
});

/** The layer of a src/ path: its first folder, or the file's own name at the top (`errors`, `cli`). */
const layerOf = (srcPath: string) => srcPath.split("/")[0]!.replace(/\.ts$/, "");
const isLocal = (target: string) =>
  !target.startsWith("node:") &&
  (target.includes("/")
    ? readdirSync(SRC).includes(target.split("/")[0]!) || readdirSync(SRC).includes(`${target.split("/")[0]}.ts`)
    : readdirSync(SRC).some((name) => name.replace(/\.ts$/, "") === target));

function importsOf(predicate: (file: string) => boolean): Import[] {
  return imports.filter((entry) => predicate(entry.file));
}

/** The imports of `files` that break the rule: local ones outside `allowedLayers`, or packages in `forbiddenPackages`. */
function violations(
  files: (file: string) => boolean,
  allowedLayers: readonly string[],
  forbiddenPackages: (name: string) => boolean = () => false,
): string[] {
  return importsOf(files)
    .filter((entry) => (isLocal(entry.target) ? !allowedLayers.includes(layerOf(entry.target)) : forbiddenPackages(entry.target)))
    .map((entry) => `${entry.file} imports ${entry.target}`);
}

const inLayer = (layer: string) => (file: string) => layerOf(file) === layer;

/** The one module that writes a figure's markup (`roilab-figure`), for the report, its index and the analyses alike. */
const FIGURE_MARKUP = "util/figure-markup";
const BROWSER = path.join(SRC, "report", "browser");
/** The page's script: every module bundled into it, TypeScript or not. */
const browserModules = readdirSync(BROWSER)
  .filter((name) => /\.[cm]?[jt]s$/.test(name))
  .map((name) => ({ file: `report/browser/${name}`, text: readFileSync(path.join(BROWSER, name), "utf8") }));
/**
 * A global set in the page: a property of `window`, `globalThis` or `self` assigned (also through a cast, `(window as
 * X).name =`), defined or merged in, or a `declare global` for one. Modules of the page share what they need by import.
 */
const GLOBAL_ASSIGNMENT =
  /(?:\b(?:window|globalThis|self)|\(\s*(?:window|globalThis|self)\b[^()]*\))\s*(?:\.\s*[\w$]+|\[[^\]]*\])\s*(?:\?\?|\|\||&&|[-+*/%&|^])?=(?![=>])|\b(?:Object\.(?:assign|defineProperty|defineProperties)|Reflect\.set)\(\s*(?:window|globalThis|self)\b|\bdeclare\s+global\b/g;

describe("the layers", () => {
  it("finds the imports it checks", () => {
    expect(imports.length).toBeGreaterThan(150);
    expect(imports).toContainEqual({ file: "notebook/run.ts", target: "errors" });
  });

  it("keep the model pure: it imports only itself and the error module, and no package or built-in", () => {
    expect(violations(inLayer("model"), ["model", "errors"], () => true)).toEqual([]);
  });

  it("keep roilab's languages at the bottom: the catalogues and date formats import only the error module, and no package", () => {
    expect(violations(inLayer("i18n"), ["i18n", "errors"], () => true)).toEqual([]);
  });

  it("keep figure specs free of data, kernels and I/O", () => {
    expect(violations(inLayer("charts"), ["charts", "model", "errors", "format", "i18n"], () => true)).toEqual([]);
  });

  it("keep what-if panels to the model and the figure specs, so the page can run them", () => {
    expect(violations(inLayer("panels"), ["panels", "charts", "model", "errors", "format", "i18n"], () => true)).toEqual([]);
  });

  it("keep the data layer below the analyses (it may read the pure model's calendar, to fill in a workload's month)", () => {
    expect(violations(inLayer("data"), ["data", "errors", "util", "model"])).toEqual([]);
  });

  it("let the analyses use data, model, figure and panel specs, but not the runner, the publisher or a kernel", () => {
    expect(
      violations(
        inLayer("analysis"),
        ["analysis", "data", "model", "charts", "panels", "display", "errors", "format", "util", "i18n"],
        (name) => name === "tslab" || name === "zeromq",
      ),
    ).toEqual([]);
  });

  it("keep the runner generic: no roilab data, figures, panels, analyses or HTML", () => {
    expect(violations(inLayer("notebook"), ["notebook", "errors", "util"])).toEqual([]);
  });

  it("keep the publisher generic: it renders notebooks and knows no analysis or data layout", () => {
    const publisher = (file: string) => layerOf(file) === "report" && !file.startsWith("report/browser/");
    expect(violations(publisher, ["report", "notebook", "errors", "util", "i18n"])).toEqual([]);
    // The page's script bundles the panels' own evaluation code, its own words and reads the figure and table markup the pages are written with; nothing else of roilab.
    expect(
      violations((file) => file.startsWith("report/browser/"), ["report", "panels", "i18n"]).filter(
        (violation) => !violation.endsWith(` imports ${FIGURE_MARKUP}`) && !violation.endsWith(" imports util/table-markup"),
      ),
    ).toEqual([]);
  });

  it("let only the notebook display helpers require tslab", () => {
    expect(imports.filter((entry) => entry.target.startsWith("tslab")).map((entry) => entry.file)).toEqual([
      "display/display.ts",
      "display/display.ts",
      "display/display.ts",
    ]);
  });

  it("let nothing but the executable import the command line", () => {
    expect(
      imports
        .filter((entry) => layerOf(entry.target) === "cli" && isLocal(entry.target) && layerOf(entry.file) !== "cli")
        .map((entry) => entry.file),
    ).toEqual(["bin.ts"]);
  });

  it("keep lazy requires to the few that say why", () => {
    const lazy = sourceFiles(SRC).flatMap((full) => {
      const lines = readFileSync(full, "utf8").split("\n");
      return lines.flatMap((line, index) =>
        /\brequire\(/.test(line) && !line.trim().startsWith("//") && !line.trim().startsWith("*")
          ? [{ file: path.relative(SRC, full), context: lines.slice(Math.max(0, index - 6), index).join("\n") }]
          : [],
      );
    });
    // The price database loads at its first use. The kernel preload finds tslab's own modules and Node's module loader at run time; the type check loads tslab's TypeScript only when a notebook is to run.
    expect(lazy.map((entry) => entry.file).sort()).toEqual([
      "data/frame.ts",
      "data/price-database.ts",
      "display/display.ts",
      "display/display.ts",
      "notebook/check.ts",
      "notebook/kernel-preload.ts",
      "notebook/kernel-preload.ts",
      "notebook/kernel.ts",
      "notebook/progress.ts",
    ]);
    // Each says why it is lazy, in a comment or doc comment just above.
    for (const entry of lazy) expect(entry.context, entry.file).toMatch(/\/\/|\/\*|\*/);
  });
});

/**
 * Names only roilab's data and notebooks give meaning to: every file a data folder holds (from the data layer's
 * tables and from data/ itself), the price database package (also as a folder of node_modules) and the vendor
 * name in the MIME type of roilab's what-if panels (however the rest of the type is spelt).
 */
const roilabNames = [
  ...new Set([
    ...TABLE_SPECS.map((spec) => spec.file),
    ...filesUnder(DATA).map((file) => path.basename(file)),
    EDITION_PARAMETERS_FILE,
    PRICE_DATABASE_PACKAGE,
    PRICE_DATABASE_PACKAGE.split("/").at(-1)!,
    WHATIF_MIME.replace(/^application\/vnd\.|\+json$/g, ""),
    // What roilab's pages call themselves, but for the name "roilab" itself, which comments may use.
    ...[ROILAB_PAGES.site.tagline, ROILAB_PAGES.site.heading, ROILAB_PAGES.site.about],
  ]),
];

describe("the generic layers", () => {
  it("find the names they must not know", () => {
    expect(roilabNames).toEqual(
      expect.arrayContaining([
        "models.csv",
        "gpu_rentals.csv",
        "parameters.json",
        "@pydantic/genai-prices",
        "genai-prices",
        "roilab.whatif",
      ]),
    );
  });

  it("name no roilab data file, package or MIME type: the command line hands them what they need", () => {
    // The runner, the publisher (its page scripts too) and the shared helpers, code and comments alike.
    const generic = ["notebook", "report", "util"].flatMap((layer) => filesUnder(path.join(SRC, layer)));
    const named = generic.flatMap((full) => {
      const text = readFileSync(full, "utf8");
      return roilabNames
        .filter((name) => text.includes(name))
        .map((name) => `${path.relative(SRC, full).split(path.sep).join("/")} names ${name}`);
    });
    expect(named).toEqual([]);
  });
});

describe("the page's script", () => {
  it("finds the modules it checks", () => {
    expect(browserModules.map((module) => module.file)).toContain("report/browser/page.ts");
  });

  it("shares nothing between its modules through globals: none sets one, and only Plotly's bundle has a global name", () => {
    const assignments = browserModules.flatMap((module) =>
      [...module.text.matchAll(GLOBAL_ASSIGNMENT)].map((match) => `${module.file}: ${match[0]}`),
    );
    expect(assignments).toEqual([]);
    // Plotly is its own asset, chosen per report (slim or complete), loaded before the page's script as `Plotly`.
    const globalNames = [...readFileSync(path.join(SRC, "report", "build-assets.ts"), "utf8").matchAll(/\bglobalName\s*:\s*([^,}]+)/g)].map(
      (match) => match[1]!.trim(),
    );
    expect(globalNames.filter((name) => name !== '"Plotly"')).toEqual([]);
  });

  it.each([
    ["figures", "roilab-figure", `${FIGURE_MARKUP}.ts`],
    ["live panels", "roilab-whatif", `${FIGURE_MARKUP}.ts`],
    ["tables", "roilab-table", "util/table-markup.ts"],
  ])("finds %s by the markup one module writes: no other module of src/ names its class", (_, name, owner) => {
    const writers = [...sourceFiles(SRC), ...browserModules.map((module) => path.join(SRC, module.file))]
      .filter((full, index, all) => all.indexOf(full) === index && readFileSync(full, "utf8").includes(name))
      .map((full) => path.relative(SRC, full).split(path.sep).join("/"));
    expect(writers).toEqual([owner]);
  });
});

describe("the figures' colours", () => {
  it("are named once, in the theme: no colour literal in the charts, analyses or panels elsewhere", () => {
    const literals = ["charts", "analysis", "panels"]
      .flatMap((layer) => sourceFiles(path.join(SRC, layer)))
      .filter((full) => path.relative(SRC, full) !== path.join("charts", "theme.ts"))
      .flatMap((full) =>
        [...readFileSync(full, "utf8").matchAll(/["'`]#[0-9A-Fa-f]{6}["'`]/g)].map((match) => `${path.relative(SRC, full)}: ${match[0]}`),
      );
    expect(literals).toEqual([]);
  });
});
