import { callProvider, providerIdOf } from "./http-delivery";

/** One letter to post: the PDF and what the provider needs to route it. */
export type PostalLetter = {
  outboxId: number;
  fileName: string;
  pdf: Buffer;
  pages: number;
  recipientLines: string[];
  /** Registered letter with acknowledgement of receipt (the formal notice). */
  isRegistered: boolean;
};

/** The port of the postal channel: "print" keeps the letter for the day's print batch. */
export type PostalProvider = {
  kind: "print" | "http";
  send(letter: PostalLetter): Promise<{ providerMessageId: string | null }>;
};

/** No postal provider configured: the letter waits in the day's print batch (printed and posted by hand). */
export function printBatchProvider(): PostalProvider {
  return {
    kind: "print",
    async send() {
      return { providerMessageId: null };
    },
  };
}

/**
 * A generic hybrid-mail API (`POSTAL_API_URL`, `POSTAL_API_TOKEN`): one POST per letter, JSON with the
 * PDF in base64; the provider prints, envelopes and posts it and answers with its id. Documented in
 * docs/communications.md so that a small adapter can bridge any provider's own API.
 */
export function httpPostalProvider(options: { url: string; token?: string }): PostalProvider {
  return {
    kind: "http",
    async send(letter) {
      const json = await callProvider("Postal provider", options.url, {
        headers: {
          "Content-Type": "application/json",
          ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify({
          reference: `encours-${letter.outboxId}`,
          fileName: letter.fileName,
          pages: letter.pages,
          registered: letter.isRegistered,
          acknowledgementOfReceipt: letter.isRegistered,
          color: false,
          duplex: false,
          recipient: { lines: letter.recipientLines },
          pdf: letter.pdf.toString("base64"),
        }),
      });
      return {
        providerMessageId: providerIdOf(json, ["id", "letterId", "reference"], `postal:${letter.outboxId}`),
      };
    },
  };
}
