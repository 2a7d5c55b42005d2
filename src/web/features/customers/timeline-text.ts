/** A timeline entry as the customer page shows it. */
export type TimelineText = {
  /** One line in the user's language when the entry's data is understood, else the server's summary. */
  title: string;
  /** Secondary facts, each a short phrase: payment method and reference, a reason, the actions of a step… */
  details: string[];
  /** Items a payment was allocated to. */
  invoiceNumbers: string[];
};
