import { describe, expect, it } from "vitest";
import { isDomainError } from "../../shared/errors";
import { TEMPLATE_CHANNELS } from "./communications.schemas";
import { assertTemplateValid, checkTemplatePart, renderTemplate } from "./liquid-sandbox";
import { sampleVariables } from "./sample-message";
import { findShippedTemplate, SHIPPED_CODES } from "./shipped-templates";

const sample = sampleVariables("fr");

describe("the Liquid sandbox", () => {
  it.each([
    ["{{ company.constructor }}", ""],
    ["{{ company.constructor.name }}", ""],
    ["{{ invoices.__proto__ }}", ""],
    ["{{ company.name.constructor }}", ""],
    ["{{ company.toString }}", ""],
  ])("gives nothing for %s", async (source, expected) => {
    expect(await renderTemplate("text", source, sample)).toBe(expected);
  });

  it("refuses an unknown filter, with its line and column", async () => {
    const problems = checkTemplatePart("text", "Bonjour\n{{ company.name | shell }}", sample);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ part: "text", line: 2 });
    expect(problems[0]?.message).toMatch(/undefined filter: shell/);
    await expect(renderTemplate("text", "{{ company.name | shell }}", sample)).rejects.toThrow(
      /undefined filter/,
    );
  });

  it("reads no file: include and render find nothing", async () => {
    await expect(renderTemplate("text", "{% include '/etc/passwd' %}", sample)).rejects.toThrow();
    await expect(renderTemplate("text", "{% render 'package.json' %}", sample)).rejects.toThrow();
  });

  it("stops a runaway loop (render limit) and a memory bomb", async () => {
    const loop = "{% for a in (1..100000) %}{% for b in (1..100000) %}x{% endfor %}{% endfor %}";
    await expect(renderTemplate("text", loop, sample)).rejects.toThrow(/limit/i);
  });

  it("escapes values in the HTML part, not in the text part", async () => {
    const evil = { customer: { name: "<script>x</script>" } };
    expect(await renderTemplate("html", "<p>{{ customer.name }}</p>", evil)).toBe(
      "<p>&lt;script&gt;x&lt;/script&gt;</p>",
    );
    expect(await renderTemplate("text", "{{ customer.name }}", evil)).toBe("<script>x</script>");
  });
});

describe("template validation", () => {
  it.each([
    [
      "an unknown variable",
      "Bonjour,\n\nMontant : {{ totals.amout }}",
      3,
      14,
      /unknown variable totals.amout/,
    ],
    ["an unknown root", "{{ client.name }}", 1, 4, /unknown variable client.name/],
    ["an unclosed tag", "Ligne 1\n{% if totals.count > 1 %}\nplusieurs", 2, 1, /not closed/],
    ["an unknown field in a loop", "{% for i in invoices %}\n  {{ i.numero }}{% endfor %}", 2, 6, /numero/],
  ])("reports %s with its line and column", (_label, source, line, column, message) => {
    const [problem] = checkTemplatePart("text", source, sample);
    expect(problem).toMatchObject({ line, column });
    expect(problem?.message).toMatch(message);
  });

  it("throws VALIDATION naming the part, line and column", () => {
    try {
      assertTemplateValid({ subject: "Relance", text: "ok\n{{ nope }}" }, sample);
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.details.issues?.[0]).toMatchObject({
        field: "text",
        line: 2,
        column: "4",
      });
    }
  });

  const LANGUAGES = ["fr", "en", "de", "es", "it", "nl"] as const;
  const CASES = TEMPLATE_CHANNELS.flatMap((channel) =>
    SHIPPED_CODES[channel].flatMap((code) => LANGUAGES.map((language) => [channel, code, language] as const)),
  );

  it.each(CASES)(
    "the shipped %s template %s (%s) exists, is valid and renders",
    async (channel, code, language) => {
      const shipped = findShippedTemplate(code, language, channel);
      expect(shipped).toMatchObject({ language, isFallback: false });
      const body = shipped!.body;
      const variables = sampleVariables(language, channel);
      const parts: Record<string, string> =
        channel === "email"
          ? { ...body }
          : channel === "letter"
            ? { subject: body.subject, text: body.text }
            : { text: body.text };
      expect(() => assertTemplateValid(parts, variables)).not.toThrow();
      const text = await renderTemplate("text", body.text, variables);
      expect(text).not.toMatch(/\{\{|\{%/);
      if (channel === "email") expect(text).toContain("FA-2026-0042");
      if (channel === "letter") expect(text).toContain("[[invoice_table]]");
      if (channel === "sms") expect(text).toContain("C0001");
    },
  );

  it("has no shipped text for an unknown code, and falls back to English for a language without one", () => {
    expect(findShippedTemplate("standard.d+99", "de", "email")).toBeNull();
    expect(findShippedTemplate("standard.d+7", "xx" as "de", "email")).toMatchObject({
      language: "en",
      isFallback: true,
    });
  });
});
