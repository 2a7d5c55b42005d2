import type { TemplateBody } from "./communications.schemas";

/** English letters; also the fallback for a language without its own. */
const paragraphs = (...parts: string[]) => `${parts.join("\n\n")}\n`;

export const LETTERS_EN: Readonly<Record<string, TemplateBody>> = {
  "standard.formal-notice": {
    subject:
      "FORMAL NOTICE AND DEMAND FOR PAYMENT — {{ totals.with_penalties | default: totals.open_amount }}",
    html: "",
    text: paragraphs(
      "Dear Sir or Madam,",
      "Despite our previous reminders, {% if totals.count == 1 %}the following invoice, issued by {{ company.name }} to {{ customer.name }} for goods and services supplied, remains unpaid although its due date has passed{% else %}the following invoices, issued by {{ company.name }} to {{ customer.name }} for goods and services supplied, remain unpaid although their due dates have passed{% endif %}:",
      "{{ invoice_table }}",
      "Under our terms and conditions of sale and the applicable late-payment legislation, statutory interest runs on these sums from the day after each due date, and a fixed compensation for recovery costs is due for each late invoice.",
      "We hereby formally demand payment of {{ totals.with_penalties | default: totals.open_amount }} within eight days of receipt of this letter, by bank transfer to the account below, quoting the reference {{ payment_reference }}.",
      "{{ bank_details }}",
      "If payment is not received within that time, we will start court proceedings to recover the debt without further notice. Interest will continue to accrue until payment in full, and the costs of recovery may be claimed from you.",
      "If you have already paid, please disregard this letter.",
      "Yours faithfully,",
      "{{ collector.name }}\nFor {{ company.name }}",
    ),
  },
  statement: {
    subject: "Statement of account {{ customer.reference }}",
    html: "",
    text: paragraphs(
      "Dear Sir or Madam,",
      "Please find below the open items on your account {{ customer.reference }} as at {{ today }}:",
      "{{ invoice_table }}",
      "Please check this statement against your records and let us know of any difference. For the overdue invoices, please tell us when payment will be made.",
      "{{ bank_details }}",
      "We remain at your disposal for any question.",
      "{{ collector.name }}\nCredit control — {{ company.name }}",
    ),
  },
  "letter.reminder": {
    subject: "Reminder: {% if totals.count == 1 %}overdue invoice{% else %}overdue invoices{% endif %}",
    html: "",
    text: paragraphs(
      "Dear Sir or Madam,",
      "According to our records, we have not yet received payment of the following {% if totals.count == 1 %}invoice, now overdue{% else %}invoices, now overdue{% endif %}:",
      "{{ invoice_table }}",
      "Please arrange payment as soon as possible by bank transfer to the account below, quoting the reference {{ payment_reference }}.",
      "{{ bank_details }}",
      "If your payment has crossed with this letter, thank you, and please disregard it.",
      "Yours faithfully,",
      "{{ collector.name }}\nCredit control — {{ company.name }}",
    ),
  },
};
