import { DomainError } from "../../shared/errors";
import { recordAudit } from "../audit/audit.repo";
import type { AppContext } from "../context";
import { hashPassword } from "./passwords";
import { findUserByEmail, insertUser, toSummary } from "./users.repo";
import type { CreateUserInput, UserSummary } from "./users.schemas";
import type { Actor } from "./users.types";

export async function createUser(
  ctx: AppContext,
  actor: Actor,
  input: CreateUserInput,
): Promise<UserSummary> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    if (await findUserByEmail(tx, email)) {
      throw new DomainError("CONFLICT", `A user with the email ${email} already exists`, {
        issues: [{ field: "email", value: email, message: "is already used by another user" }],
      });
    }
    const row = await insertUser(tx, {
      email,
      name: input.name,
      role: input.role,
      language: input.language,
      passwordHash,
    });
    const summary = toSummary(row);
    await recordAudit(tx, { actor, action: "create", entity: "app_user", entityId: row.id, after: summary });
    return summary;
  });
}
