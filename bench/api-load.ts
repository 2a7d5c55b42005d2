import { performance } from "node:perf_hooks";

/**
 * The api bench's load generator, run in its own process (forked by `api.bench.ts`) as a separate client on
 * loopback would be: its own event loop, so that the time the client spends sending and reading does not
 * queue behind the server's work and count as the server's latency. Receives the users and the budget,
 * answers with the samples.
 */
export type LoadUser = { base: string; cookie: string; customerIds: number[] };
export type LoadRequest = { users: LoadUser[]; maxRequests: number; maxSeconds: number };
export type Sample = { kind: "agenda" | "customer" | "invoices"; ms: number; status: number };
export type LoadResult = { samples: Sample[]; seconds: number };

async function timed(user: LoadUser, kind: Sample["kind"], path: string): Promise<Sample> {
  const started = performance.now();
  const response = await fetch(`${user.base}${path}`, { headers: { cookie: user.cookie } });
  await response.arrayBuffer();
  return { kind, ms: performance.now() - started, status: response.status };
}

/** Each user in a loop: agenda, a customer's header, its open items; until the request or time budget ends. */
async function runLoad(request: LoadRequest): Promise<LoadResult> {
  // Warm-up: each user's agenda once, not measured.
  await Promise.all(request.users.map((u) => timed(u, "agenda", "/api/agenda")));
  const samples: Sample[] = [];
  const started = performance.now();
  const deadline = started + request.maxSeconds * 1000;
  await Promise.all(
    request.users.map(async (user, userIndex) => {
      let turn = 0;
      while (samples.length < request.maxRequests && performance.now() < deadline) {
        const customerId = user.customerIds[(turn * 7919 + userIndex) % user.customerIds.length] as number;
        const kind = (["agenda", "customer", "invoices"] as const)[turn % 3] as Sample["kind"];
        const path =
          kind === "agenda"
            ? "/api/agenda"
            : kind === "customer"
              ? `/api/customers/${customerId}`
              : `/api/customers/${customerId}/invoices`;
        samples.push(await timed(user, kind, path));
        turn += 1;
      }
    }),
  );
  return { samples, seconds: (performance.now() - started) / 1000 };
}

process.once("message", (request: LoadRequest) => {
  runLoad(request).then(
    (result) => process.send?.(result, () => process.exit(0)),
    (error: Error) => {
      process.stderr.write(`api load: ${error.stack ?? error.message}\n`);
      process.exit(1);
    },
  );
});
