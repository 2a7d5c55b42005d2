import type { Command } from "commander";
import { serve } from "../server/serve";
import { cliConfig, type GlobalOptions } from "./context";
import { CliInputError } from "./output";

type ServeFlags = { port?: string; role: string; demo?: boolean };

const ROLES = ["all", "web", "worker"] as const;

export function registerServe(program: Command, run: (action: () => Promise<void>) => Promise<void>): void {
  program
    .command("serve")
    .description("Run the HTTP server (API and web app) with the background work")
    .option("--port <port>", "port to listen on (default: PORT or 3000)")
    .option("--role <role>", "all | web | worker", "all")
    .option("--demo", "load demo data on first start (only into an empty database)")
    .action((flags: ServeFlags) =>
      run(async () => {
        const globals = program.opts<GlobalOptions>();
        const role = ROLES.find((r) => r === flags.role);
        if (!role) throw new CliInputError(`--role must be one of ${ROLES.join(", ")}, got "${flags.role}"`);
        const port = flags.port === undefined ? undefined : Number(flags.port);
        if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
          throw new CliInputError(
            `--port must be a port number (0-65535, 0 = any free port), got "${flags.port}"`,
          );
        }
        const config = cliConfig(globals, port === undefined ? {} : { port });
        const server = await serve({ config, role, demo: flags.demo === true });
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once("SIGINT", stop);
          process.once("SIGTERM", stop);
        });
        await server.close();
      }),
    );
}
