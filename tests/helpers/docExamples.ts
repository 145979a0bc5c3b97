// The `@example` blocks of src's doc comments, as tests (tests/docExamples.test.ts): each block is
// collected from its comment, every statement followed by `// => value` is evaluated and compared with
// that value, and every statement followed by `// throws Name: message` must throw that error.
//
// How a shown value compares (the rules the examples are written to):
// - Exactly, by default: numbers with ===, strings character for character, arrays (or typed arrays)
//   and plain objects deeply, with the same length and the same keys.
// - A number written with an ellipsis shows a rounded value, and agrees to the digits shown:
//   `0.04055…` matches any x with |x − 0.04055| < 1e-5 (one unit of its last digit), `4.99999...e-7`
//   within 1e-5·1e-7. An ellipsis inside a string stands for any text: `"✗ At x = … gives …"`.
// - A note after the value can widen every number of it: `(to rounding…)` allows floating-point
//   rounding (relative 1e-12), `(to 1e-8)` an absolute difference of 1e-8, `(to about 1e-10)` ten
//   times that. Any other note in parentheses is a comment.
// - `A or B`: either value; `A, then B, then C`: the statement runs three times (in a loop), giving A,
//   then B, then C.
// - The text after `// =>` must start with a value; an example that shows output rather than returning
//   a value says so in another form (`// shows …`, `// e.g. …`) and is not compared.
// Each block runs in one scope: the exports of src/internal.ts, then those of the block's own module
// (which win, e.g. autodiff's `tanh` in src/autodiff/operations.ts), plus `math` (mathjs), `path`,
// `readFileSync` and `gunzipSync`; TypeScript is stripped first. Examples run from notebooks/, as a lesson's code does.
import { readFileSync, lstatSync, readdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export interface DocExample {
  /** The module, relative to the project (src/…). */
  file: string;
  /** The line of its `@example` tag (1-based). */
  line: number;
  /** The block's code, comment markers taken off. */
  code: string;
}

/** Every `@example` block of the doc comments in the .ts files below `folder` (tests excepted). */
export function collectExamples(root: string, folder = "src"): DocExample[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => {
        const full = path.join(dir, name);
        if (lstatSync(full).isSymbolicLink()) return [];
        if (lstatSync(full).isDirectory()) return walk(full);
        return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [full] : [];
      });
  return walk(path.join(root, folder)).flatMap((file) =>
    examplesIn(readFileSync(file, "utf8"), path.relative(root, file)),
  );
}

/** The `@example` blocks of one file's doc comments. */
export function examplesIn(text: string, file: string): DocExample[] {
  const examples: DocExample[] = [];
  for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const firstLine = text.slice(0, comment.index).split("\n").length;
    const lines = comment[0]
      .replace(/\s*\*\/$/, "")
      .split("\n")
      .map((line, i) => (i === 0 ? line.replace(/^\/\*\*\s?/, "") : line.replace(/^\s*\* ?/, "")));
    for (let i = 0; i < lines.length; i++) {
      const at = lines[i].indexOf("@example");
      if (at < 0) continue;
      const block = [lines[i].slice(at + "@example".length).trim()];
      for (let j = i + 1; j < lines.length && !/^\s*@\w/.test(lines[j]); j++) block.push(lines[j]);
      const code = block.join("\n").trim();
      if (code) examples.push({ file, line: firstLine + i, code });
    }
  }
  return examples;
}

/** A value an example shows after `// =>`, parsed. */
export type Expected =
  | { kind: "number"; value: number; unit?: number }
  | { kind: "string"; parts: string[] }
  | { kind: "array"; items: Expected[] }
  | { kind: "object"; entries: [string, Expected][] }
  | { kind: "literal"; value: boolean | null | undefined };

export interface Expectation {
  /** One value, or the values of successive runs of the statement (`A, then B`). */
  sequence: Expected[][];
  /** Absolute and relative tolerance on every number (from a note such as `(to 1e-8)`). */
  absolute: number;
  relative: number;
  text: string;
}

/**
 * Parses the text after `// =>`: a value (JSON-like, keys may be bare, strings in either quotes, `−` for
 * a minus, `…` or `...` for rounded digits or any text), alternatives (`or`), a sequence (`, then`) and
 * a note. @throws Error when the text does not start with a value
 */
export function parseExpected(text: string): Expectation {
  let pos = 0;
  const rest = () => text.slice(pos);
  const skip = () => {
    while (/\s/.test(text[pos] ?? "")) pos++;
  };
  const fail = (what: string): never => {
    throw new Error(`cannot read the value after "// =>" at "${rest().slice(0, 30)}": ${what}`);
  };
  const value = (): Expected => {
    skip();
    const c = text[pos];
    if (c === "[") {
      pos++;
      const items: Expected[] = [];
      skip();
      while (text[pos] !== "]") {
        items.push(value());
        skip();
        if (text[pos] === ",") pos++;
        else if (text[pos] !== "]") fail("expected , or ]");
        skip();
      }
      pos++;
      return { kind: "array", items };
    }
    if (c === "{") {
      pos++;
      const entries: [string, Expected][] = [];
      skip();
      while (text[pos] !== "}") {
        let key: string;
        if (/^["']/.test(text[pos] ?? "")) key = quoted().join("…");
        else {
          key = (rest().match(/^[A-Za-z_$][\w$]*/) ?? fail("expected a key"))[0];
          pos += key.length;
        }
        skip();
        if (text[pos] !== ":") fail("expected :");
        pos++;
        entries.push([key, value()]);
        skip();
        if (text[pos] === ",") pos++;
        else if (text[pos] !== "}") fail("expected , or }");
        skip();
      }
      pos++;
      return { kind: "object", entries };
    }
    if (c === '"' || c === "'") return { kind: "string", parts: quoted() };
    const word = rest().match(/^(true|false|null|undefined)\b/);
    if (word) {
      pos += word[0].length;
      const literal = { true: true, false: false, null: null, undefined: undefined }[word[1]];
      return { kind: "literal", value: literal as boolean | null | undefined };
    }
    const special = rest().match(/^([−-]?)(Infinity|NaN)\b/);
    if (special) {
      pos += special[0].length;
      return { kind: "number", value: (special[1] ? -1 : 1) * Number(special[2]) };
    }
    const number = rest().match(
      /^([−-]?)(\d[\d_]*)(?:\.(\d+))?(…|\.\.\.)?(?:e([+−-]?\d+))?(…|\.\.\.)?(?![\w.])/,
    );
    if (number) {
      pos += number[0].length;
      const [, sign, whole, fraction = "", cut1, exponent = "0", cut2] = number;
      const e = Number(exponent.replace("−", "-"));
      const digits = `${whole.replace(/_/g, "")}.${fraction || "0"}`;
      const unit = cut1 || cut2 ? 10 ** (e - fraction.length) : undefined;
      return { kind: "number", value: Number(`${sign ? "-" : ""}${digits}e${e}`), unit };
    }
    return fail("not a value");
  };
  /** A quoted string, split at each "…" (any text). */
  const quoted = (): string[] => {
    const quote = text[pos++];
    let out = "";
    while (pos < text.length && text[pos] !== quote) {
      if (text[pos] === "\\") {
        const next = text[pos + 1];
        out += { n: "\n", t: "\t", "\\": "\\", "/": "/", '"': '"', "'": "'" }[next] ?? next;
        pos += 2;
      } else out += text[pos++];
    }
    if (text[pos] !== quote) fail("the string is not closed");
    pos++;
    return out.split("…");
  };
  const alternatives = (): Expected[] => {
    const values = [value()];
    while (/^\s+or\s+/.test(rest())) {
      pos += rest().match(/^\s+or\s+/)![0].length;
      values.push(value());
    }
    return values;
  };
  const sequence = [alternatives()];
  while (/^,\s*then\s+/.test(rest())) {
    pos += rest().match(/^,\s*then\s+/)![0].length;
    sequence.push(alternatives());
  }
  const note = rest();
  const stated = note.match(/\(to (about )?([\d.]+e[−-]?\d+)\)/);
  return {
    sequence,
    absolute: stated ? Number(stated[2].replace("−", "-")) * (stated[1] ? 10 : 1) : 0,
    relative: /\(to rounding\b/.test(note) ? 1e-12 : 0,
    text: text.trim(),
  };
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Why `actual` does not match `expected` (with the path to the difference), or null when it does. */
export function mismatch(
  actual: unknown,
  expected: Expected,
  tolerance: { absolute: number; relative: number } = { absolute: 0, relative: 0 },
  where = "the value",
): string | null {
  const show = (v: unknown) => {
    try {
      return typeof v === "string" ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
    } catch {
      return String(v);
    }
  };
  const differ = (what: string) => `${where} is ${show(actual)}; ${what}`;
  switch (expected.kind) {
    case "literal":
      return actual === expected.value ? null : differ(`expected ${String(expected.value)}`);
    case "number": {
      if (typeof actual !== "number") return differ(`expected the number ${expected.value}`);
      const e = expected.value;
      if (Number.isNaN(e)) return Number.isNaN(actual) ? null : differ("expected NaN");
      const gap = Math.abs(actual - e);
      const ok =
        actual === e ||
        (expected.unit !== undefined && gap < expected.unit) ||
        gap <= tolerance.absolute ||
        gap <= tolerance.relative * Math.max(Math.abs(actual), Math.abs(e));
      return ok
        ? null
        : differ(
            `expected ${e}${expected.unit !== undefined ? ` to ±${expected.unit}` : tolerance.absolute || tolerance.relative ? " within the stated tolerance" : " exactly"}`,
          );
    }
    case "string": {
      if (typeof actual !== "string") return differ("expected a string");
      // The spaces around an ellipsis are part of what it stands for: "per step …" matches "per step;".
      const parts = expected.parts.map((part, i, all) =>
        escapeRegex(i < all.length - 1 ? part.trimEnd() : part).replace(/^\s+/, i > 0 ? "" : "$&"),
      );
      const pattern = new RegExp(`^${parts.join("[\\s\\S]*?")}$`);
      return pattern.test(actual)
        ? null
        : differ(`expected ${JSON.stringify(expected.parts.join("…"))}`);
    }
    case "array": {
      const isArray = Array.isArray(actual) || ArrayBuffer.isView(actual);
      if (!isArray) return differ("expected an array");
      const list = Array.from(actual as ArrayLike<unknown>);
      if (list.length !== expected.items.length)
        return differ(`expected ${expected.items.length} items`);
      for (let i = 0; i < list.length; i++) {
        const inner = mismatch(list[i], expected.items[i], tolerance, `${where}[${i}]`);
        if (inner) return inner;
      }
      return null;
    }
    case "object": {
      if (typeof actual !== "object" || actual === null || Array.isArray(actual))
        return differ("expected an object");
      const keys = Object.keys(actual).filter(
        (k) => (actual as Record<string, unknown>)[k] !== undefined,
      );
      const wanted = expected.entries.map(([k]) => k);
      if ([...keys].sort().join() !== [...wanted].sort().join())
        return differ(`expected the keys ${wanted.join(", ")}`);
      for (const [key, value] of expected.entries) {
        const inner = mismatch(
          (actual as Record<string, unknown>)[key],
          value,
          tolerance,
          `${where}.${key}`,
        );
        if (inner) return inner;
      }
      return null;
    }
  }
}

/** A statement of a block checked by a comment: its value (`// =>`) or its error (`// throws`). */
export interface Check {
  /** The line in the block (0-based) of the comment. */
  line: number;
  statement: string;
  kind: "value" | "throws";
  /** The text after `// =>` or `// throws`. */
  expected: string;
}

/**
 * The block as a runnable script: each checked statement `expr;` becomes `__check(k, () => (expr));`,
 * TypeScript stripped. A `// =>` alone on its line checks the statement just before it.
 */
export function instrument(code: string): { script: string; checks: Check[] } {
  const source = ts.createSourceFile("example.ts", code, ts.ScriptTarget.Latest, true);
  const statements: ts.ExpressionStatement[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isExpressionStatement(node)) statements.push(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  const lines = code.split("\n");
  const lineStarts = source.getLineStarts();
  const checks: (Check & { node: ts.ExpressionStatement })[] = [];
  lines.forEach((line, i) => {
    const marker = line.match(/\/\/ (=>|throws) ?(.*)$/);
    if (!marker) return;
    const at = lineStarts[i] + (marker.index ?? 0);
    // The statement ending closest before the comment (on its line, or before it when the comment
    // stands alone).
    const before = statements
      .filter((s) => s.getEnd() <= at)
      .sort((a, b) => b.getEnd() - a.getEnd() || a.getStart() - b.getStart());
    const node = before[0];
    if (!node) throw new Error(`line ${i + 1}: "// ${marker[1]}" follows no statement`);
    if (/\S/.test(code.slice(node.getEnd(), at)))
      throw new Error(`line ${i + 1}: "// ${marker[1]}" does not follow a statement`);
    checks.push({
      line: i,
      statement: node.expression.getText(source),
      kind: marker[1] === "=>" ? "value" : "throws",
      expected: marker[2],
      node,
    });
  });
  let script = code;
  [...checks]
    .map((c, k) => ({ c, k }))
    .sort((a, b) => b.c.node.getStart() - a.c.node.getStart())
    .forEach(({ c, k }) => {
      script =
        script.slice(0, c.node.getStart()) +
        `__check(${k}, () => (${c.node.expression.getText(source)}));` +
        script.slice(c.node.getEnd());
    });
  const js = ts.transpileModule(script, {
    compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.None },
  }).outputText;
  return { script: js, checks: checks.map(({ node: _, ...c }) => c) };
}

/** What running a block gave for each check: the values of its statement, or the error it threw. */
export interface Outcome {
  values: unknown[][];
  errors: (unknown | undefined)[];
}

/** Runs an instrumented block with `scope`'s names defined. */
export function runExample(
  script: string,
  checks: number,
  scope: Record<string, unknown>,
): Outcome {
  const values: unknown[][] = Array.from({ length: checks }, () => []);
  const errors: (unknown | undefined)[] = new Array(checks).fill(undefined);
  const __check = (k: number, run: () => unknown) => {
    try {
      values[k].push(run());
    } catch (error) {
      errors[k] = error;
    }
  };
  const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  const body = `"use strict";\n{\n${script.replace(/^"use strict";\s*/, "")}\n}`;
  new Function(...names, "__check", body)(...names.map((n) => scope[n]), __check);
  return { values, errors };
}

/** Problems with one block's outcome against its checks, one line each; empty when it holds. */
export function verify(checks: Check[], outcome: Outcome): string[] {
  return checks.flatMap((check, k) => {
    const where = `\`${check.statement.slice(0, 80)}\``;
    const error = outcome.errors[k] as Error | undefined;
    if (check.kind === "throws") {
      const [name, ...message] = check.expected.split(": ");
      if (!error) return [`${where} does not throw; expected ${check.expected}`];
      const problem = mismatch(`${error.name}: ${error.message}`, {
        kind: "string",
        parts: [name, ...message].join(": ").split("…"),
      });
      return problem
        ? [`${where} throws ${error.name}: ${error.message}; expected ${check.expected}`]
        : [];
    }
    if (error) return [`${where} throws ${String(error)}`];
    let expectation: Expectation;
    try {
      expectation = parseExpected(check.expected);
    } catch (e) {
      return [`${where}: ${(e as Error).message}`];
    }
    const got = outcome.values[k];
    if (got.length !== expectation.sequence.length)
      return [
        `${where} ran ${got.length} time(s); "${check.expected}" shows ${expectation.sequence.length} value(s)`,
      ];
    return expectation.sequence.flatMap((alternatives, run) => {
      const problems = alternatives.map((e) => mismatch(got[run], e, expectation, where));
      return problems.some((p) => p === null)
        ? []
        : [
            `${problems[0]}${got.length > 1 ? ` (run ${run + 1})` : ""} — the example shows ${check.expected}`,
          ];
    });
  });
}
