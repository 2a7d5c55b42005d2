/**
 * Layering of DESIGN.md / STYLE.md: shared ← db ← domain ← server, cli, demo; the web app sees
 * only shared/ and the modules' zod schemas. Checked in `npm run lint`.
 */
module.exports = {
  forbidden: [
    {
      name: "shared-is-pure",
      comment: "src/shared imports nothing from the rest of the application",
      severity: "error",
      from: { path: "^src/shared/" },
      to: { path: "^src/(?!shared/)" },
    },
    {
      name: "domain-below-entry-points",
      comment: "domain modules never import the server, the CLI, the demo generator or the web app",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { path: "^src/(server|cli|demo|web)/" },
    },
    {
      name: "db-below-domain",
      comment: "the database layer knows nothing of the modules or entry points",
      severity: "error",
      from: { path: "^src/db/" },
      to: { path: "^src/(domain|server|cli|demo|web)/" },
    },
    {
      name: "web-sees-shared-and-schemas",
      comment: "the web app imports only shared/ and the modules' *.schemas.ts",
      severity: "error",
      from: { path: "^src/web/" },
      to: { path: "^src/(?!web/|shared/)", pathNot: "^src/domain/[^/]+/[^/]+\\.schemas\\.ts$" },
    },
    {
      name: "server-not-from-cli",
      severity: "error",
      from: { path: "^src/server/" },
      to: { path: "^src/cli/" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|dist)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs"] },
  },
};
