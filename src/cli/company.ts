import type { Command } from "commander";
import { CreateCompanyInput } from "../domain/companies/companies.schemas";
import { createCompany } from "../domain/companies/create-company";
import { SYSTEM_ACTOR } from "../domain/users/users.types";
import { type GlobalOptions, outputOf, withRuntime } from "./context";
import { printResult, table } from "./output";
import { parseInput } from "./parse-input";

export function registerCompany(program: Command, run: (action: () => Promise<void>) => Promise<void>): void {
  const company = program.command("company").description("Manage the companies (legal entities)");
  company
    .command("add")
    .description("Create a company")
    .requiredOption("--code <code>", "short unique code, e.g. FR01")
    .requiredOption("--name <name>", "legal name")
    .requiredOption("--country <country>", "ISO 3166 country code, e.g. FR")
    .requiredOption("--currency <currency>", "ISO 4217 currency, e.g. EUR")
    .option("--iban <iban>", "bank account printed on reminders")
    .option("--bic <bic>", "bank identifier")
    .option("--email <email>", "sender and collection department address")
    .option("--legal-id <id>", "SIREN/SIRET, HRB, KvK…")
    .option("--vat-id <id>", "intra-community VAT number")
    .option("--time-zone <tz>", "IANA time zone (default from the country)")
    .option("--language <lang>", "default language: fr, en, de, es, it, nl (default from the country)")
    .action((flags: Record<string, string | undefined>) =>
      run(async () => {
        const globals = program.opts<GlobalOptions>();
        const input = parseInput(CreateCompanyInput, {
          code: flags.code,
          name: flags.name,
          country: flags.country?.toUpperCase(),
          currency: flags.currency?.toUpperCase(),
          iban: flags.iban,
          bic: flags.bic,
          email: flags.email,
          legalId: flags.legalId,
          vatId: flags.vatId,
          timeZone: flags.timeZone,
          defaultLanguage: flags.language,
        });
        const created = await withRuntime(globals, (ctx) => createCompany(ctx, SYSTEM_ACTOR, input));
        printResult(outputOf(globals), created, () =>
          table([
            {
              id: created.id,
              code: created.code,
              name: created.name,
              country: created.country,
              currency: created.currency,
              timeZone: created.timeZone,
            },
          ]),
        );
      }),
    );
}
