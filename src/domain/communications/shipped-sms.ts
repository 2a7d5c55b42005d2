import type { LanguageCode } from "../../shared/schemas";
import type { TemplateBody } from "./communications.schemas";

const sms = (text: string): TemplateBody => ({ subject: "", html: "", text });

/**
 * Text messages: one 160-character GSM-7 part with a usual company name and amount (no ç, ê or
 * other characters outside the GSM alphabet, which would halve the length), and a way to stop them.
 */
export const SHIPPED_SMS: Readonly<Partial<Record<LanguageCode, Readonly<Record<string, TemplateBody>>>>> = {
  fr: {
    "small.d+20": sms(
      "{{ company.name }} : {{ totals.open_amount }} restent impayés sur votre compte {{ customer.reference }}. Merci de régler sans délai, réf. {{ payment_reference }}. Déjà réglé ? Ignorez ce SMS.",
    ),
  },
  en: {
    "small.d+20": sms(
      "{{ company.name }}: {{ totals.open_amount }} is overdue on your account {{ customer.reference }}. Please pay now, ref. {{ payment_reference }}. Already paid? Please ignore this text.",
    ),
  },
  de: {
    "small.d+20": sms(
      "{{ company.name }}: {{ totals.open_amount }} sind auf Ihrem Konto {{ customer.reference }} überfällig. Bitte zahlen Sie umgehend, Ref. {{ payment_reference }}. Schon bezahlt? Dann ignorieren Sie diese SMS.",
    ),
  },
  es: {
    "small.d+20": sms(
      "{{ company.name }}: su cuenta {{ customer.reference }} tiene {{ totals.open_amount }} vencidos. Por favor, pague cuanto antes, ref. {{ payment_reference }}. Si ya ha pagado, ignore este SMS.",
    ),
  },
  it: {
    "small.d+20": sms(
      "{{ company.name }}: sul suo conto {{ customer.reference }} risultano {{ totals.open_amount }} scaduti. La preghiamo di pagare subito, rif. {{ payment_reference }}. Se ha già pagato, ignori questo SMS.",
    ),
  },
  nl: {
    "small.d+20": sms(
      "{{ company.name }}: op uw rekening {{ customer.reference }} staat {{ totals.open_amount }} open. Betaal a.u.b. direct, kenmerk {{ payment_reference }}. Al betaald? Negeer dan dit bericht.",
    ),
  },
};
