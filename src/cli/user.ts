import { randomBytes } from "node:crypto";
import type { Command } from "commander";
import { createUser } from "../domain/users/create-user";
import { CreateUserInput } from "../domain/users/users.schemas";
import { SYSTEM_ACTOR } from "../domain/users/users.types";
import { type GlobalOptions, outputOf, withRuntime } from "./context";
import { printResult } from "./output";
import { parseInput } from "./parse-input";

export function registerUser(program: Command, run: (action: () => Promise<void>) => Promise<void>): void {
  const user = program.command("user").description("Manage the users");
  user
    .command("add")
    .description("Create a user (a password is generated and shown once when none is given)")
    .requiredOption("--email <email>", "sign-in email")
    .requiredOption("--name <name>", "full name")
    .requiredOption("--role <role>", "admin | credit_manager | collector | sales | viewer")
    .option("--language <lang>", "fr, en, de, es, it, nl", "fr")
    .option("--password <password>", "at least 10 characters (prefer the generated one)")
    .action((flags: Record<string, string | undefined>) =>
      run(async () => {
        const globals = program.opts<GlobalOptions>();
        const password = flags.password ?? randomBytes(12).toString("base64url");
        const input = parseInput(CreateUserInput, { ...flags, password });
        const created = await withRuntime(globals, (ctx) => createUser(ctx, SYSTEM_ACTOR, input));
        const shown = flags.password === undefined ? { ...created, password } : created;
        printResult(
          outputOf(globals),
          shown,
          () =>
            `User ${created.email} (${created.role}) created${flags.password === undefined ? ` with the password ${password}` : ""}.`,
        );
      }),
    );
}
