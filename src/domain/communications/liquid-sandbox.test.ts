import { describe, expect, it } from "vitest";
import { isDomainError } from "../../shared/errors";
import { assertTemplateValid, checkTemplatePart, renderTemplate } from "./liquid-sandbox";
import { sampleVariables } from "./sample-message";
import { findShippedTemplate, SHIPPED_EMAIL_CODES } from "./shipped-templates";

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

  it("refuses an unknown filter, with its line and column", () => {
    const problems = checkTemplatePart("text", "Bonjour\n{{ company.name | shell }}", sample);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ part: "text", line: 2 });
    expect(problems[0]?.message).toMatch(/undefined filter: shell/);
    expect(renderTemplate("text", "{{ company.name | shell }}", sample)).rejects.toThrow(/undefined filter/);
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

  it.each(SHIPPED_EMAIL_CODES.flatMap((code) => [[code, "fr"] as const, [code, "en"] as const]))(
    "the shipped template %s (%s) is valid and renders",
    async (code, language) => {
      const shipped = findShippedTemplate(code, language, "email");
      expect(shipped?.isFallback).toBe(false);
      const body = shipped!.body;
      const variables = sampleVariables(language);
      expect(() => assertTemplateValid({ ...body }, variables)).not.toThrow();
      const text = await renderTemplate("text", body.text, variables);
      expect(text).toContain("FA-2026-0042");
      expect(text).not.toMatch(/\{\{|\{%/);
    },
  );

  it("falls back to English for the languages without shipped texts", () => {
    expect(findShippedTemplate("standard.d+7", "de", "email")).toMatchObject({
      language: "en",
      isFallback: true,
    });
  });
});
