import { isValidTimeZone } from "../../shared/dates";
import { DomainError, type FieldIssue, validationError } from "../../shared/errors";
import { recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import { ensureShippedScenarios } from "../dunning/ensure-shipped-scenarios";
import type { Actor } from "../users/users.types";
import { ensureDisputeReasons } from "../workbench/list-dispute-reasons";
import { findCompanyByCode, insertCompany } from "./companies.repo";
import { countryDefaults, isValidBic, isValidIban } from "./companies.rules";
import type { Company, CreateCompanyInput } from "./companies.schemas";

function checkInput(input: CreateCompanyInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.iban && !isValidIban(input.iban)) {
    issues.push({
      field: "iban",
      value: input.iban,
      message: "is not a valid IBAN (check digits do not match)",
    });
  }
  if (input.bic && !isValidBic(input.bic)) {
    issues.push({
      field: "bic",
      value: input.bic,
      message: "is not a valid BIC (8 or 11 letters and digits)",
    });
  }
  if (input.timeZone && !isValidTimeZone(input.timeZone)) {
    issues.push({
      field: "timeZone",
      value: input.timeZone,
      message: "is not an IANA time zone such as Europe/Paris",
    });
  }
  return issues;
}

export async function createCompany(
  ctx: AppContext,
  actor: Actor,
  input: CreateCompanyInput,
): Promise<Company> {
  const issues = checkInput(input);
  if (issues.length > 0) throw validationError("The company is not valid", issues);
  const defaults = countryDefaults(input.country);
  return ctx.db.transaction(async (tx) => {
    if (await findCompanyByCode(tx, input.code)) {
      throw new DomainError("CONFLICT", `A company with the code ${input.code} already exists`, {
        issues: [{ field: "code", value: input.code, message: "is already used by another company" }],
      });
    }
    const created = await insertCompany(tx, {
      code: input.code,
      name: input.name,
      country: input.country,
      currency: input.currency,
      timeZone: input.timeZone ?? defaults.timeZone,
      defaultLanguage: input.defaultLanguage ?? defaults.language,
      legalId: input.legalId ?? null,
      vatId: input.vatId ?? null,
      iban: input.iban ? input.iban.replace(/\s+/g, "").toUpperCase() : null,
      bic: input.bic ? input.bic.replace(/\s+/g, "").toUpperCase() : null,
      senderName: input.name,
      senderEmail: input.email ?? null,
      collectionEmail: input.email ?? null,
    });
    await ensureShippedScenarios(tx, created.id);
    await ensureDisputeReasons(tx, created.id);
    await recordAudit(tx, {
      actor,
      action: "create",
      entity: "company",
      entityId: created.id,
      after: created,
    });
    return created;
  });
}
