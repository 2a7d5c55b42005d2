import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../db/client";
import type { Clock } from "../shared/clock";

/** What every use case receives: the database and the clock (never `new Date()` in domain code). */
export type AppContext = { db: Database; clock: Clock };

/** Settings the HTTP routes of the modules need, filled from the server's config. */
export type RouteSettings = {
  sessionTtlHours: number;
  loginMaxFailures: number;
  loginWindowMinutes: number;
  /** Mark cookies Secure even when the request looks like plain HTTP (public URL is https). */
  forceSecureCookies: boolean;
};

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
