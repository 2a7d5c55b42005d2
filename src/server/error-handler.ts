import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type DomainErrorCode, isDomainError } from "../shared/errors";

const STATUS: Record<DomainErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  RATE_LIMITED: 429,
};

/** The one place where errors become HTTP responses: `{ error: { code, message, issues? } }`. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    if (isDomainError(error)) {
      const retryAfter = error.details.retryAfterSeconds;
      if (typeof retryAfter === "number") reply.header("retry-after", String(retryAfter));
      return reply.code(STATUS[error.code]).send({
        error: {
          code: error.code,
          message: error.message,
          ...(error.details.issues ? { issues: error.details.issues } : {}),
        },
      });
    }
    const status = (error as FastifyError).statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, body too large, unsupported media type.
      return reply.code(status).send({ error: { code: "BAD_REQUEST", message: error.message } });
    }
    request.log.error({ err: error }, "unhandled error");
    return reply
      .code(500)
      .send({ error: { code: "INTERNAL", message: "Internal error; it has been logged." } });
  });
}
