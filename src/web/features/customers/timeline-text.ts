/** A timeline entry as the customer page shows it. */
export type TimelineText = {
  /** One line in the user's language when the entry's data is understood, else the server's summary. */
  title: string;
  /** Secondary facts: payment method and reference. */
  details: string[];
  /** Items a payment was allocated to. */
  invoiceNumbers: string[];
};
