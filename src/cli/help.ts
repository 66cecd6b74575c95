/**
 * `roilab --help`, `roilab <command> --help` and the README's list of commands and options, all made from the
 * command tables in options.ts, so that each option is described once.
 */
import { COMMAND_SPECS, COMMANDS, GLOBAL_OPTIONS, type Command, type CommandForm, type OptionSpec } from "./options";

const EXIT_CODES = "Exit codes: 0 success, 1 a notebook or check failed, 2 bad input or usage, 130/143 stopped by Ctrl-C/SIGTERM.";

/** Help's width: long descriptions wrap under their own column. */
const WIDTH = 110;

type Options = Readonly<Record<string, OptionSpec>>;

const optionsOf = (command: Command): Options => COMMAND_SPECS[command].options;
const formsOf = (command: Command): readonly CommandForm[] => COMMAND_SPECS[command].forms;

/** README text as plain text: no backticks, and a link to a README section named as such. */
function plain(text: string): string {
  return text.replace(/\[([^\]]+)\]\(#[^)]+\)/g, (_, title: string) => `"${title.replace(/`/g, "")}" in the README`).replace(/`/g, "");
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `items` joined by `separator` in lines of at most `width` characters, an item never split. */
function wrapItems(items: readonly string[], width: number, separator: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    if (line && line.length + separator.length + item.length > width) {
      lines.push(line + separator.trimEnd());
      line = item;
    } else line = line ? `${line}${separator}${item}` : item;
  }
  return line ? [...lines, line] : lines;
}

/** `text` broken into lines of at most `width` characters, at spaces. */
const wrap = (text: string, width: number) => wrapItems(text.split(/\s+/).filter(Boolean), width, " ");

/** A term and its text in two columns; a term too wide for its column puts the text on the next line. */
function entry(term: string, text: string, column: number): string {
  const lines = wrap(text, WIDTH - column);
  const first = `  ${term}`;
  const indent = " ".repeat(column);
  if (first.length >= column - 1) return [first, ...lines.map((line) => indent + line)].join("\n");
  return [first.padEnd(column) + (lines[0] ?? ""), ...lines.slice(1).map((line) => indent + line)].join("\n");
}

/** The flags as typed: `--out DIR`, `-p, --param NAME=VALUE`. */
function flags(name: string, option: OptionSpec, code: (text: string) => string = (text) => text): string {
  const long = code(`--${name}${option.value ? ` ${option.value}` : ""}`);
  return option.short ? `${code(`-${option.short}`)}, ${long}` : long;
}

/** One flag as a list names it: the short one where there is one (`-p NAME=VALUE`). */
const flag = (name: string, option: OptionSpec) =>
  `${option.short ? `-${option.short}` : `--${name}`}${option.value ? ` ${option.value}` : ""}`;

/** `run's`, `tables'`; `code` marks the name up before the apostrophe. */
const possessive = (name: string, code: (text: string) => string = (text) => text) => `${code(name)}${name.endsWith("s") ? "'" : "'s"}`;

/** The default as a reader is told it, in README text, or undefined for none (a switch is off unless given). */
function shownDefault(option: OptionSpec): string | undefined {
  if (option.shownDefault !== undefined) return option.shownDefault;
  return typeof option.default === "string" ? `\`${option.default}\`` : undefined;
}

function optionText(option: OptionSpec, full: boolean): string {
  const shown = shownDefault(option);
  const text = `${capitalised(option.description)}${shown === undefined ? "" : ` (default: ${shown})`}`;
  return plain(full && option.details ? `${text}. ${option.details}` : text);
}

const usageLine = (command: Command, form: CommandForm) => `roilab ${command}${form.arguments ? ` ${form.arguments}` : ""}`;

/**
 * How a command's options are listed after the commands before it: those it shares with an earlier command (the
 * same option, not only the same name) are named by that command, whole (`all of run's`) or flag by flag where it
 * shares two or more; the others are its own.
 */
function sharing(command: Command): { own: string[]; all: Command[]; some: { from: Command; names: string[] }[] } {
  const names = Object.keys(optionsOf(command));
  const earlier = COMMANDS.slice(0, COMMANDS.indexOf(command));
  const sharedWith = new Map<Command, string[]>();
  for (const name of names) {
    const from = earlier.find((other) => optionsOf(other)[name] === optionsOf(command)[name]);
    if (from) sharedWith.set(from, [...(sharedWith.get(from) ?? []), name]);
  }
  const all = [...sharedWith].filter(([from, shared]) => shared.length === Object.keys(optionsOf(from)).length).map(([from]) => from);
  const some = [...sharedWith]
    .filter(([from, shared]) => !all.includes(from) && shared.length >= 2)
    .map(([from, shared]) => ({ from, names: shared }));
  const named = new Set([...all.flatMap((from) => Object.keys(optionsOf(from))), ...some.flatMap((group) => group.names)]);
  return { own: names.filter((name) => !named.has(name)), all, some };
}

/** `roilab --help`: every command, then every command's options in a line each. */
export function overviewHelp(): string {
  const commands = COMMANDS.flatMap((command) =>
    formsOf(command).map((form) => entry(`${command}${form.arguments ? ` ${form.arguments}` : ""}`, plain(capitalised(form.summary)), 32)),
  );
  const sections = COMMANDS.map((command) => {
    const { own, all, some } = sharing(command);
    const options = optionsOf(command);
    const heading = `Options of ${command}${all.length ? `: all of ${all.map((from) => possessive(from)).join(" and ")}${own.length || some.length ? ", and" : ""}` : ""}`;
    const lines = own.map((name) => entry(flags(name, options[name]!), optionText(options[name]!, false), 27));
    const alike = some.flatMap((group) =>
      wrapItems(
        [
          `As for ${group.from}: ${flag(group.names[0]!, options[group.names[0]!]!)}`,
          ...group.names.slice(1).map((name) => flag(name, options[name]!)),
        ],
        WIDTH - 4,
        ", ",
      ).map((line, index) => `${index ? "    " : "  "}${line}`),
    );
    return [`${heading}:`, ...lines, ...alike].join("\n");
  });
  const general = Object.entries(GLOBAL_OPTIONS).map(([name, option]) => entry(flags(name, option), optionText(option, false), 27));
  return [
    "Usage: roilab <command> [options]",
    "",
    "Commands:",
    ...commands,
    "",
    ...sections.flatMap((section) => [section, ""]),
    "General, for every command:",
    ...general,
    "",
    EXIT_CODES,
    "roilab <command> --help shows a command's options in full.",
    "",
  ].join("\n");
}

/** `roilab <command> --help`: how to call it, what it does, and each of its options in full. */
/** The forms of a command a usage error names (those whose arguments start with `verb`, or all): `usage: roilab prices import FILE.json [options]`. */
export function usageLines(command: Command, verb?: string): string {
  const forms = formsOf(command).filter((form) => verb === undefined || form.arguments?.split(" ")[0] === verb);
  const lines = forms.map((form) => `roilab ${command}${form.arguments ? ` ${form.arguments}` : ""} [options]`);
  return `usage: ${lines.join("\n       ")}\n(roilab ${command} --help lists the options)`;
}

export function commandHelp(command: Command): string {
  const forms = formsOf(command);
  const options = optionsOf(command);
  const usage = forms.map((form, index) => `${index === 0 ? "Usage: " : "       "}${usageLine(command, form)} [options]`);
  const about = forms.flatMap((form) => [
    "",
    ...wrap(
      plain(`${forms.length > 1 ? `${form.arguments}: ` : ""}${capitalised(form.summary)}.${form.details ? ` ${form.details}` : ""}`),
      WIDTH,
    ),
  ]);
  return [
    ...usage,
    ...about,
    "",
    "Options:",
    ...Object.entries(options).map(([name, option]) => entry(flags(name, option), optionText(option, true), 27)),
    "",
    "General:",
    ...Object.entries(GLOBAL_OPTIONS).map(([name, option]) => entry(flags(name, option), optionText(option, false), 27)),
    "",
    EXIT_CODES,
    "",
  ].join("\n");
}

/** A cell of a markdown table: a `|` of the text escaped. */
const cell = (text: string) => text.replace(/\|/g, "\\|");
const code = (text: string) => `\`${text}\``;

function optionRows(options: Options, names: readonly string[]): string[] {
  return [
    "| option | meaning | default |",
    "|---|---|---|",
    ...names.map((name) => {
      const option = options[name]!;
      const shown = shownDefault(option) ?? (option.type === "boolean" ? "off" : "");
      return `| ${cell(flags(name, option, code))} | ${cell(option.details ? `${option.description}. ${option.details.replace(/\.$/, "")}` : option.description)} | ${cell(shown)} |`;
    }),
  ];
}

/** The README's commands and their options, as markdown: the part between `<!-- options:start -->` and `<!-- options:end -->`. */
export function optionsMarkdown(): string {
  const commands = COMMANDS.flatMap((command) =>
    formsOf(command).map(
      (form) =>
        `| ${cell(code(usageLine(command, form).replace(/^roilab /, "")))} | ${cell(`${form.summary}${form.details ? `. ${form.details.replace(/\.$/, "")}` : ""}`)} |`,
    ),
  );
  const sections = COMMANDS.flatMap((command) => {
    const { own, all, some } = sharing(command);
    const options = optionsOf(command);
    const also = [
      ...all.map((from) => `all of ${possessive(from, code)} options`),
      ...some.map((group) => `${group.names.map((name) => code(flag(name, options[name]!))).join(", ")} as for ${code(group.from)}`),
    ];
    const intro = `Options of ${code(command)}${also.length ? `: ${also.join("; ")}${own.length ? "; and" : ""}` : ""}${own.length ? ":" : "."}`;
    return ["", intro, ...(own.length ? ["", ...optionRows(options, own)] : [])];
  });
  const general = ["", "Every command takes:", "", ...optionRows(GLOBAL_OPTIONS, Object.keys(GLOBAL_OPTIONS))];
  return ["`npx roilab <command> [options]`", "", "| command | what it does |", "|---|---|", ...commands, ...sections, ...general, ""].join(
    "\n",
  );
}

/** The markers around the README's generated part. */
const README_MARKERS = { start: "<!-- options:start -->", end: "<!-- options:end -->" } as const;

/** `readme` with its generated part made anew from the command tables; an error where the markers are missing. */
export function withOptionsMarkdown(readme: string): string {
  const start = readme.indexOf(README_MARKERS.start);
  const end = readme.indexOf(README_MARKERS.end);
  if (start < 0 || end < start)
    throw new Error(`README.md lacks ${README_MARKERS.start} … ${README_MARKERS.end} around its command line options`);
  return `${readme.slice(0, start + README_MARKERS.start.length)}\n<!-- made by npm run readme from src/cli/options.ts: edit that, not this -->\n${optionsMarkdown()}${readme.slice(end)}`;
}
