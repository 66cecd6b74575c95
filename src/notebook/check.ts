/**
 * Check, then run: every notebook's cells are type-checked here, together, in one TypeScript program, before
 * any cell runs; the kernels then execute cells transpile-only (kernel-preload.ts). tslab itself would check
 * each cell as it runs it, against the declarations of the cells before, rebuilding its program twice a cell.
 *
 * Each code cell becomes a module of its own beside its notebook (virtual: nothing is written), so its imports
 * resolve as they do in the kernel. It imports every name an earlier cell declared that it does not declare
 * itself, from the last cell that declared it, and exports its own: a cell sees earlier cells' names and may
 * declare one again, as in tslab. The compiler is tslab's own, with tslab's options and the kernel's global types,
 * and a diagnostic is written as tslab writes one (`line:column - message`, each message of a chain on a line).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { kernelTypePackages } from "./kernel-types";
import { resolveFromTslab, tslabDir } from "./tslab-package";

type TS = typeof import("@tslab/typescript-for-tslab");

const TSLAB_TYPESCRIPT = "@tslab/typescript-for-tslab";

/** tslab's own TypeScript, the one its kernel compiles cells with. */
function tslabTypeScript(): TS {
  // The compiler tslab bundles, found from tslab's folder
  return require(resolveFromTslab(TSLAB_TYPESCRIPT)) as TS;
}

let typeScriptVersion: string | undefined;
/** Its version, read once and without loading the compiler (a cached run never needs it). */
function tslabTypeScriptVersion(): string {
  typeScriptVersion ??= (JSON.parse(readFileSync(resolveFromTslab(`${TSLAB_TYPESCRIPT}/package.json`), "utf8")) as { version: string })
    .version;
  return typeScriptVersion;
}

export interface CheckedNotebook {
  /** The notebook's file: its folder is where the cells' imports resolve from. */
  file: string;
  /** Every code cell's source, in order (empty cells included, so indexes stay the notebook's). */
  cells: readonly string[];
}

/** For each code cell, what tslab would print before refusing to run it; null for a cell that passes (kept as JSON). */
export type CellDiagnostics = (string | null)[];

/** What a top-level name is, as far as assigning to it from a later cell goes. */
type NameKind = "variable" | "constant" | "function" | "class" | "enum" | "import" | "other";

/** The names a cell declares at its top level, each with its kind. */
function declaredNames(ts: TS, source: string): Map<string, NameKind> {
  const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names = new Map<string, NameKind>();
  const bind = (name: import("@tslab/typescript-for-tslab").BindingName, kind: NameKind) => {
    if (ts.isIdentifier(name)) names.set(name.text, kind);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name, kind);
  };
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      const kind = statement.declarationList.flags & ts.NodeFlags.Const ? "constant" : "variable";
      for (const declaration of statement.declarationList.declarations) bind(declaration.name, kind);
    } else if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name) names.set(clause.name.text, "import");
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.set(bindings.name.text, "import");
      else if (bindings) for (const element of bindings.elements) names.set(element.name.text, "import");
    } else if (ts.isImportEqualsDeclaration(statement)) {
      names.set(statement.name.text, "import");
    } else if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) {
      if (statement.name)
        names.set(
          statement.name.text,
          ts.isFunctionDeclaration(statement) ? "function" : ts.isClassDeclaration(statement) ? "class" : "enum",
        );
    } else if (
      (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isModuleDeclaration(statement)) &&
      ts.isIdentifier(statement.name)
    ) {
      // A namespace merged with a same-named function or class keeps that kind.
      if (!names.has(statement.name.text)) names.set(statement.name.text, "other");
    }
  }
  return names;
}

/** The virtual module of cell `index` of `notebook`, in the notebook's folder. */
function cellModule(notebook: string, index: number): string {
  return path.join(path.dirname(path.resolve(notebook)), `.roilab-check.${path.basename(notebook, ".ipynb")}.cell${index}.ts`);
}

/**
 * Each cell's module text: its source unchanged from line 1, then the imports of earlier names and its exports;
 * with, for each cell's module, the kind of every name it imports. A cell in `failed` declares nothing for later
 * cells, as tslab keeps no declaration of a cell it refused.
 */
function cellModules(
  ts: TS,
  notebook: CheckedNotebook,
  failed: ReadonlySet<number>,
): { files: Map<string, string>; imported: Map<string, Map<string, NameKind>> } {
  const files = new Map<string, string>();
  const imported = new Map<string, Map<string, NameKind>>();
  /** Each name declared so far, with the cell that declared it last and its kind there. */
  const lastDeclared = new Map<string, { cell: number; kind: NameKind }>();
  notebook.cells.forEach((source, index) => {
    const own = failed.has(index) ? new Map<string, NameKind>() : declaredNames(ts, source);
    const imports = [...lastDeclared].filter(([name]) => !own.has(name));
    // The exports first, on the line after the cell, as tslab adds them: an unfinished last line reads the same.
    const trailer = [
      `export { ${[...own.keys()].join(", ")} };`,
      ...imports.map(([name, { cell }]) => `import { ${name} } from "./${path.basename(cellModule(notebook.file, cell), ".ts")}";`),
    ];
    const file = cellModule(notebook.file, index);
    files.set(file, `${source}\n${trailer.join(" ")}\n`);
    imported.set(file, new Map(imports.map(([name, { kind }]) => [name, kind])));
    for (const [name, kind] of own) lastDeclared.set(name, { cell: index, kind });
  });
  return { files, imported };
}

/** tslab's compiler options (its converter's), as far as they concern checking, with the kernel's global types. */
function compilerOptions(ts: TS): import("@tslab/typescript-for-tslab").CompilerOptions {
  const major = Number(process.versions.node.split(".")[0]);
  const target = major >= 18 ? ts.ScriptTarget.ES2022 : ts.ScriptTarget.ES2021;
  return {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    target,
    lib: [major >= 18 ? "lib.es2022.d.ts" : "lib.es2021.d.ts"],
    declaration: true,
    experimentalDecorators: true,
    resolveJsonModule: true,
    jsx: ts.JsxEmit.React,
    skipLibCheck: true,
    // As the kernel's (ROILAB_KERNEL_TYPES may widen them); undefined: every @types package, as stock tslab.
    types: kernelTypePackages(process.env.ROILAB_KERNEL_TYPES),
  };
}

/** "Cannot assign to 'x' because it is an import": what assigning to an earlier cell's name reads as here. */
const ASSIGN_TO_IMPORT = 2632;
/** tslab's own message for each kind of earlier name (its earlier cells are declarations, not imports). */
const ASSIGN_TO: Partial<Record<NameKind, { code: number; text: (name: string) => string }>> = {
  constant: { code: 2588, text: (name) => `Cannot assign to '${name}' because it is a constant.` },
  function: { code: 2630, text: (name) => `Cannot assign to '${name}' because it is a function.` },
  class: { code: 2629, text: (name) => `Cannot assign to '${name}' because it is a class.` },
  enum: { code: 2628, text: (name) => `Cannot assign to '${name}' because it is an enum.` },
};

/**
 * A diagnostic as tslab would give it: assigning to an earlier cell's `let` is fine there, and assigning to an
 * earlier constant, function, class or enum says so rather than calling the name an import.
 */
function asTslabSeesIt(
  diagnostic: import("@tslab/typescript-for-tslab").Diagnostic,
  importedKind: NameKind | undefined,
): import("@tslab/typescript-for-tslab").Diagnostic[] {
  if (diagnostic.code !== ASSIGN_TO_IMPORT || importedKind === undefined) return [diagnostic];
  if (importedKind === "variable") return [];
  const name = diagnostic.file?.text.slice(diagnostic.start, diagnostic.start! + diagnostic.length!) ?? "";
  const message = ASSIGN_TO[importedKind];
  return message ? [{ ...diagnostic, code: message.code, messageText: message.text(name) }] : [diagnostic];
}

/** One line per message of a chain, all at the diagnostic's start, as tslab prints them. */
function tslabLines(diagnostic: import("@tslab/typescript-for-tslab").Diagnostic, line: number, column: number): string[] {
  const lines: string[] = [];
  const visit = (message: string | import("@tslab/typescript-for-tslab").DiagnosticMessageChain) => {
    if (typeof message === "string") return void lines.push(`${line + 1}:${column + 1} - ${message}`);
    lines.push(`${line + 1}:${column + 1} - ${message.messageText}`);
    for (const next of message.next ?? []) visit(next);
  };
  visit(diagnostic.messageText);
  return lines;
}

/**
 * A compiler host that reads the cells' virtual modules, and sees tslab itself in every notebook folder's
 * `node_modules/tslab`, as tslab's kernel lets a cell import tslab itself wherever it runs.
 */
function cellsHost(
  ts: TS,
  options: import("@tslab/typescript-for-tslab").CompilerOptions,
  virtual: ReadonlyMap<string, string>,
  folders: readonly string[],
) {
  const tslab = tslabDir();
  const forward = (fileName: string) => {
    for (const folder of folders) {
      const inside = path.relative(path.join(folder, "node_modules", "tslab"), fileName);
      if (!inside.startsWith("..") && !path.isAbsolute(inside)) return path.join(tslab, inside);
    }
    return fileName;
  };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, directoryExists } = {
    fileExists: host.fileExists.bind(host),
    readFile: host.readFile.bind(host),
    directoryExists: host.directoryExists?.bind(host),
  };
  host.fileExists = (fileName) => virtual.has(path.resolve(fileName)) || fileExists(forward(fileName));
  host.readFile = (fileName) => virtual.get(path.resolve(fileName)) ?? readFile(forward(fileName));
  host.directoryExists = (name) =>
    folders.some((folder) => path.join(folder, "node_modules") === path.resolve(name)) || (directoryExists?.(forward(name)) ?? true);
  host.getSourceFile = (fileName, languageVersion) => {
    const text = host.readFile(fileName);
    return text === undefined ? undefined : ts.createSourceFile(fileName, text, languageVersion, true);
  };
  return host;
}

/**
 * Type-checks the notebooks' cells in one program; for each notebook, what each cell would print in tslab. When
 * a cell fails, later cells are checked again without its declarations (what `--allow-errors` runs them with).
 */
export function checkNotebooks(notebooks: readonly CheckedNotebook[]): CellDiagnostics[] {
  const ts = tslabTypeScript();
  const failed = notebooks.map(() => new Set<number>());
  let program: import("@tslab/typescript-for-tslab").Program | undefined;
  for (;;) {
    const checked = checkOnce(ts, notebooks, failed, program);
    program = checked.program;
    const more = checked.diagnostics.some((cells, n) => cells.some((text, index) => text !== null && !failed[n]!.has(index)));
    if (!more) return checked.diagnostics;
    checked.diagnostics.forEach((cells, n) => {
      cells.forEach((text, index) => {
        if (text !== null) failed[n]!.add(index);
      });
    });
  }
}

function checkOnce(
  ts: TS,
  notebooks: readonly CheckedNotebook[],
  failed: readonly ReadonlySet<number>[],
  oldProgram: import("@tslab/typescript-for-tslab").Program | undefined,
) {
  const modules = notebooks.map((notebook, n) => cellModules(ts, notebook, failed[n]!));
  const virtual = new Map(modules.flatMap((module) => [...module.files]));
  const options = compilerOptions(ts);
  const host = cellsHost(
    ts,
    options,
    virtual,
    notebooks.map((notebook) => path.dirname(path.resolve(notebook.file))),
  );
  const program = ts.createProgram([...virtual.keys()], options, host, oldProgram);
  const diagnostics = notebooks.map((notebook, n) =>
    notebook.cells.map((source, index) => {
      const fileName = cellModule(notebook.file, index);
      const file = program.getSourceFile(fileName);
      if (!file) return null;
      const imported = modules[n]!.imported.get(fileName) ?? new Map<string, NameKind>();
      // Sorted by position, as tslab's getPreEmitDiagnostics gives them.
      const all = [
        ...program.getSyntacticDiagnostics(file),
        ...program.getSemanticDiagnostics(file),
        ...program.getDeclarationDiagnostics(file),
      ];
      const diagnostics = [...ts.sortAndDeduplicateDiagnostics(all)]
        // The cell's own text, and the line after it, where an unfinished last statement is reported (as tslab does).
        .filter((diagnostic) => diagnostic.start !== undefined && diagnostic.start <= source.length + 1)
        .flatMap((diagnostic) =>
          asTslabSeesIt(diagnostic, imported.get(source.slice(diagnostic.start, diagnostic.start! + diagnostic.length!))),
        );
      const lines = diagnostics.flatMap((diagnostic) => {
        const { line, character } = file.getLineAndCharacterOfPosition(diagnostic.start!);
        return tslabLines(diagnostic, line, character);
      });
      return lines.length ? lines.join("\n") : null;
    }),
  );
  return { program, diagnostics };
}

/** What a notebook's check depends on: its cells (parameters injected), the compiler, the kernel's types and the library. */
export function checkKey(notebook: CheckedNotebook, library: string): string {
  return createHash("sha256")
    .update(
      JSON.stringify([
        tslabTypeScriptVersion(),
        process.versions.node.split(".")[0],
        process.env.ROILAB_KERNEL_TYPES ?? "",
        library,
        path.dirname(path.resolve(notebook.file)),
        notebook.cells,
      ]),
    )
    .digest("hex");
}
