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

type TS = typeof import("@tslab/typescript-for-tslab");

const TSLAB_TYPESCRIPT = "@tslab/typescript-for-tslab";

/** tslab's own TypeScript, the one its kernel compiles cells with. */
function tslabTypeScript(): TS {
  const tslabDir = path.dirname(require.resolve("tslab/package.json"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiler tslab bundles, found from tslab's folder
  return require(require.resolve(TSLAB_TYPESCRIPT, { paths: [tslabDir] })) as TS;
}

/** Its version, read without loading the compiler (a cached run never needs it). */
function tslabTypeScriptVersion(): string {
  const tslabDir = path.dirname(require.resolve("tslab/package.json"));
  return (JSON.parse(readFileSync(require.resolve(`${TSLAB_TYPESCRIPT}/package.json`, { paths: [tslabDir] }), "utf8")) as { version: string }).version;
}

export interface CheckedNotebook {
  /** The notebook's file: its folder is where the cells' imports resolve from. */
  file: string;
  /** Every code cell's source, in order (empty cells included, so indexes stay the notebook's). */
  cells: readonly string[];
}

/** For each code cell, what tslab would print before refusing to run it; null for a cell that passes (kept as JSON). */
export type CellDiagnostics = (string | null)[];

/** The names a cell declares at its top level, and which of them are variables a later cell may assign. */
function declaredNames(ts: TS, source: string): { names: Set<string>; assignable: Set<string> } {
  const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names = new Set<string>();
  const assignable = new Set<string>();
  const bind = (name: import("@tslab/typescript-for-tslab").BindingName, mutable: boolean) => {
    if (ts.isIdentifier(name)) {
      names.add(name.text);
      if (mutable) assignable.add(name.text);
      return;
    }
    for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name, mutable);
  };
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      const mutable = !(statement.declarationList.flags & ts.NodeFlags.Const);
      for (const declaration of statement.declarationList.declarations) bind(declaration.name, mutable);
    } else if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name) names.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
      else if (bindings) for (const element of bindings.elements) names.add(element.name.text);
    } else if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) || ts.isImportEqualsDeclaration(statement) || ts.isModuleDeclaration(statement)) &&
      statement.name !== undefined && ts.isIdentifier(statement.name)
    ) {
      names.add(statement.name.text);
    }
  }
  return { names, assignable };
}

/** The virtual module of cell `index` of `notebook`, in the notebook's folder. */
function cellModule(notebook: string, index: number): string {
  return path.join(path.dirname(path.resolve(notebook)), `.roilab-check.${path.basename(notebook, ".ipynb")}.cell${index}.ts`);
}

/**
 * Each cell's module text: its source unchanged from line 1, then the imports of earlier names and its exports.
 * A cell in `failed` declares nothing for later cells, as tslab keeps no declaration of a cell it refused.
 */
function cellModules(ts: TS, notebook: CheckedNotebook, failed: ReadonlySet<number>): { files: Map<string, string>; assignable: Map<string, Set<string>> } {
  const files = new Map<string, string>();
  const assignable = new Map<string, Set<string>>();
  /** Each name declared so far, with the cell that declared it last. */
  const lastDeclared = new Map<string, number>();
  const mutable = new Set<string>();
  notebook.cells.forEach((source, index) => {
    const own = failed.has(index) ? { names: new Set<string>(), assignable: new Set<string>() } : declaredNames(ts, source);
    const imports = [...lastDeclared].filter(([name]) => !own.names.has(name));
    const trailer = [
      ...imports.map(([name, from]) => `import { ${name} } from "./${path.basename(cellModule(notebook.file, from), ".ts")}";`),
      `export { ${[...own.names].join(", ")} };`,
    ];
    const file = cellModule(notebook.file, index);
    files.set(file, `${source}\n;${trailer.join(" ")}\n`);
    assignable.set(file, new Set(imports.map(([name]) => name).filter((name) => mutable.has(name))));
    for (const name of own.names) {
      lastDeclared.set(name, index);
      if (own.assignable.has(name)) mutable.add(name);
      else mutable.delete(name);
    }
  });
  return { files, assignable };
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

/** Assigning an earlier cell's `let` is fine in tslab; as an import here it would read as an error. */
const ASSIGN_TO_IMPORT = 2632;

/** One line per message of a chain, all at the diagnostic's start, as tslab prints them. */
function tslabLines(ts: TS, diagnostic: import("@tslab/typescript-for-tslab").Diagnostic, line: number, column: number): string[] {
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
    checked.diagnostics.forEach((cells, n) => cells.forEach((text, index) => text !== null && failed[n]!.add(index)));
  }
}

function checkOnce(ts: TS, notebooks: readonly CheckedNotebook[], failed: readonly ReadonlySet<number>[], oldProgram: import("@tslab/typescript-for-tslab").Program | undefined) {
  const modules = notebooks.map((notebook, n) => cellModules(ts, notebook, failed[n]!));
  const virtual = new Map(modules.flatMap((module) => [...module.files]));
  const options = compilerOptions(ts);
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    const text = virtual.get(path.resolve(fileName));
    return text === undefined ? getSourceFile(fileName, languageVersion, ...rest) : ts.createSourceFile(fileName, text, languageVersion, true);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => virtual.has(path.resolve(fileName)) || fileExists(fileName);
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => virtual.get(path.resolve(fileName)) ?? readFile(fileName);
  const program = ts.createProgram([...virtual.keys()], options, host, oldProgram);
  const diagnostics = notebooks.map((notebook, n) =>
    notebook.cells.map((source, index) => {
      const fileName = cellModule(notebook.file, index);
      const file = program.getSourceFile(fileName);
      if (!file) return null;
      const assignable = modules[n]!.assignable.get(fileName) ?? new Set();
      const diagnostics = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file), ...program.getDeclarationDiagnostics(file)]
        .filter((diagnostic) => diagnostic.start !== undefined && diagnostic.start < source.length)
        .filter((diagnostic) => !(diagnostic.code === ASSIGN_TO_IMPORT && assignable.has(source.slice(diagnostic.start, diagnostic.start! + diagnostic.length!))));
      const lines = diagnostics.flatMap((diagnostic) => {
        const { line, character } = file.getLineAndCharacterOfPosition(diagnostic.start!);
        return tslabLines(ts, diagnostic, line, character);
      });
      return lines.length ? lines.join("\n") : null;
    }),
  );
  return { program, diagnostics };
}

/** What a notebook's check depends on: its cells (parameters injected), the compiler, the kernel's types and the library. */
export function checkKey(notebook: CheckedNotebook, library: string): string {
  return createHash("sha256")
    .update(JSON.stringify([tslabTypeScriptVersion(), process.versions.node.split(".")[0], process.env.ROILAB_KERNEL_TYPES ?? "", library, path.dirname(path.resolve(notebook.file)), notebook.cells]))
    .digest("hex");
}
