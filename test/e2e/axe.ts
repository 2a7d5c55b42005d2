import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/**
 * Accessibility checks with axe-core in the browser flows: inject axe into the page, run it on the whole page
 * (or a part of it), and fail on the serious or critical violations of WCAG 2 A and AA (labels, names,
 * contrast, ARIA). Moderate and minor ones are left to review, as axe itself ranks them.
 */
const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve("axe-core/axe.min.js");

export const WCAG_TAGS: readonly string[] = ["wcag2a", "wcag2aa"];
export const BLOCKING_IMPACTS: readonly string[] = ["serious", "critical"];

export type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; html: string; summary: string }[];
};

export type AxeOptions = {
  /** A CSS selector: only this part of the page is checked (e.g. an open dialog). */
  include?: string;
  /** Rules switched off for a documented reason, e.g. a third-party widget. */
  disableRules?: readonly string[];
};

/** Loads axe once per document; `page.addScriptTag` with a path reads the file here and inlines it. */
async function injectAxe(page: Page): Promise<void> {
  const isLoaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === "object");
  if (!isLoaded) await page.addScriptTag({ path: AXE_PATH });
}

/**
 * Waits for transitions to end (a dialog fading in is half transparent, and its colours would be measured
 * blended with the page behind).
 */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        // Endless ones (a loader, a skeleton's pulse) never end: only transitions and one-off animations count.
        .every(
          (a) => a.playState !== "running" || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY,
        ),
    undefined,
    { timeout: 5_000 },
  );
}

/** The WCAG 2 A/AA violations axe finds, of every impact. */
export async function runAxe(page: Page, options: AxeOptions = {}): Promise<AxeViolation[]> {
  await injectAxe(page);
  await settle(page);
  return page.evaluate(
    async ({ include, tags, disabled }) => {
      type AxeResult = {
        violations: {
          id: string;
          impact?: string | null;
          help: string;
          nodes: { target: unknown[]; html: string; failureSummary?: string }[];
        }[];
      };
      const axe = (
        window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }
      ).axe;
      const rules = Object.fromEntries(disabled.map((id) => [id, { enabled: false }]));
      const result = await axe.run(include ? { include: [include] } : document, {
        runOnly: { type: "tag", values: tags },
        rules,
        resultTypes: ["violations"],
      });
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        help: violation.help,
        nodes: violation.nodes.map((node) => ({
          target: node.target.map(String).join(" "),
          html: node.html.slice(0, 200),
          summary: node.failureSummary ?? "",
        })),
      }));
    },
    { include: options.include ?? null, tags: [...WCAG_TAGS], disabled: [...(options.disableRules ?? [])] },
  );
}

/** A readable report: rule, impact, what it asks, and the first elements that break it. */
export function formatViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 5)
        .map((node) => `    - ${node.target}\n      ${node.html}\n      ${node.summary.replace(/\n/g, " ")}`)
        .join("\n");
      return `${violation.id} (${violation.impact}): ${violation.help}\n${nodes}`;
    })
    .join("\n");
}

/**
 * Fails with the list of serious and critical WCAG 2 A/AA violations on the page (or the part `include`
 * selects); `where` names the screen in the message.
 */
export async function expectAccessible(page: Page, where: string, options: AxeOptions = {}): Promise<void> {
  const blocking = (await runAxe(page, options)).filter((v) => BLOCKING_IMPACTS.includes(v.impact ?? ""));
  if (blocking.length > 0) {
    throw new Error(`Accessibility violations on ${where}:\n${formatViolations(blocking)}`);
  }
}
