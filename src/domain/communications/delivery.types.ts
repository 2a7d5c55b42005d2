import type { PostalProvider } from "./postal-provider";
import type { SmsProvider } from "./sms-provider";
import type { EmailTransport } from "./transport";

export type DeliverOptions = {
  now: Date;
  /** Messages per claim (one short transaction each). */
  limit?: number;
  transport: EmailTransport;
  /** Text messages; default: capture (kept in Encours, not delivered). */
  sms?: SmsProvider;
  /** Most parts a text message may take (longer ones are refused); default 3. */
  smsMaxParts?: number;
  /** Letters; default: the day's print batch. */
  postal?: PostalProvider;
  /** `encours send`: everything planned for today or earlier, whatever the send window says. */
  flush?: boolean;
  /** Base URL of Encours, for the links in internal emails. */
  publicUrl?: string;
  /** Messages rendered and sent at the same time (the SMTP pool's connections). */
  concurrency?: number;
  /** Sender when the company has none. */
  defaultFrom?: string;
};

export type Outcome = "sent" | "retry" | "failed";

/** Records a failed attempt: retried with backoff unless permanent or out of attempts. */
export type Fail = (error: string, permanent: boolean) => Promise<Outcome>;
