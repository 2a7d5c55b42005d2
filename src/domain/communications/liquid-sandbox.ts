import { Liquid, LiquidError, type Template } from "liquidjs";
import { DomainError, type FieldIssue } from "../../shared/errors";

/**
 * Templates are written by users, so they run in a sandbox: only own properties are readable (no
 * `constructor`, no prototype), unknown filters are errors, no file system (an empty in-memory
 * partials map: `include` and `render` find nothing), and parsing, rendering time and memory are bounded.
 */
const LIMITS = { parseLimit: 200_000, renderLimit: 1_000, memoryLimit: 10_000_000 };

function engine(strictVariables: boolean, isHtml: boolean): Liquid {
  return new Liquid({
    ownPropertyOnly: true,
    // In HTML every value is escaped; `| raw` is the explicit way out.
    ...(isHtml ? { outputEscape: "escape" as const } : {}),
    strictFilters: true,
    strictVariables,
    templates: {},
    dynamicPartials: false,
    ...LIMITS,
  });
}

const ENGINES = {
  lenient: { html: engine(false, true), plain: engine(false, false) },
  strict: { html: engine(true, true), plain: engine(true, false) },
};
const flavour = (part: string) => (part === "html" ? "html" : "plain");

/** Where a template problem is: its part (subject, html, text), line and column, and what is wrong. */
export type TemplateProblem = { part: string; line: number; column: number; message: string };

function problemOf(part: string, error: unknown): TemplateProblem {
  if (error instanceof LiquidError && error.token) {
    const [line = 1, column = 1] = error.token.getPosition();
    const message = (error.originalError?.message ?? error.message).split(", line:")[0] ?? error.message;
    return { part, line, column, message };
  }
  return { part, line: 1, column: 1, message: error instanceof Error ? error.message : String(error) };
}

/** Does `path` exist in the sample variables? Segments that are themselves variables are not checked. */
function knownPath(sample: unknown, segments: readonly unknown[]): boolean {
  let node: unknown = sample;
  for (const segment of segments) {
    if (typeof segment !== "string" && typeof segment !== "number") return true;
    if (Array.isArray(node)) {
      if (segment === "size" || segment === "first" || segment === "last") {
        node = segment === "size" ? node.length : node[0];
        continue;
      }
      if (typeof segment === "number") {
        node = node[0];
        continue;
      }
    }
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, segment)) return false;
    node = (node as Record<string, unknown>)[segment];
  }
  return true;
}

/**
 * Checks one part: syntax (with line and column), every variable read from outside the template
 * against the sample variables, then a strict render of the sample, which also finds unknown fields
 * read through loop variables.
 */
export function checkTemplatePart(part: string, source: string, sample: object): TemplateProblem[] {
  const STRICT = ENGINES.strict[flavour(part)];
  let parsed: Template[];
  try {
    parsed = STRICT.parse(source);
  } catch (error) {
    return [problemOf(part, error)];
  }
  const problems: TemplateProblem[] = [];
  try {
    const analysis = STRICT.analyzeSync(parsed);
    for (const variables of Object.values(analysis.globals)) {
      for (const variable of variables) {
        if (knownPath(sample, variable.segments)) continue;
        const { row, col } = variable.location;
        problems.push({ part, line: row, column: col, message: `unknown variable ${variable.toString()}` });
      }
    }
  } catch (error) {
    problems.push(problemOf(part, error));
  }
  if (problems.length > 0) return problems;
  try {
    STRICT.renderSync(parsed, sample);
  } catch (error) {
    problems.push(problemOf(part, error));
  }
  return problems;
}

/** Throws VALIDATION with one issue per problem, each naming its part, line and column. */
export function assertTemplateValid(parts: Record<string, string>, sample: object): void {
  const problems = Object.entries(parts).flatMap(([part, source]) =>
    source === "" ? [] : checkTemplatePart(part, source, sample),
  );
  if (problems.length === 0) return;
  const issues: FieldIssue[] = problems.map((p) => ({
    field: p.part,
    line: p.line,
    column: String(p.column),
    message: `line ${p.line}, column ${p.column}: ${p.message}`,
  }));
  throw new DomainError("VALIDATION", `The template has ${issues.length} error(s)`, { issues });
}

/**
 * Parsed templates, by flavour and source text: a template is parsed once, not once per message (a
 * run renders the same few templates thousands of times). Keyed by the text itself, so a new version
 * is a new entry; the oldest entries leave past the bound.
 */
const PARSED_BOUND = 500;
const parsedTemplates = new Map<string, Template[]>();

function parsedOf(part: string, source: string): Template[] {
  const key = `${flavour(part)}\u0000${source}`;
  let parsed = parsedTemplates.get(key);
  if (parsed) return parsed;
  parsed = ENGINES.lenient[flavour(part)].parse(source);
  if (parsedTemplates.size >= PARSED_BOUND) {
    const oldest = parsedTemplates.keys().next().value;
    if (oldest !== undefined) parsedTemplates.delete(oldest);
  }
  parsedTemplates.set(key, parsed);
  return parsed;
}

/**
 * Renders with the lenient engine: a missing value prints nothing rather than stopping a delivery.
 * Synchronous inside (the sandbox has no file system and no asynchronous tag), with the same limits.
 */
export async function renderTemplate(part: string, source: string, variables: object): Promise<string> {
  if (source === "") return "";
  const engine = ENGINES.lenient[flavour(part)];
  return engine.renderSync(parsedOf(part, source), variables);
}
