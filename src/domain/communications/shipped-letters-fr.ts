import type { TemplateBody } from "./communications.schemas";

/**
 * French letters. The formal notice carries the customary mentions (letters-and-legal-steps.md):
 * date and identities (letterhead, address, SIREN), "MISE EN DEMEURE" in the subject, origin of the
 * debt (invoices), principal, penalties (rate, period) and the 40 € indemnity, the missed due dates,
 * an eight-day deadline from receipt, how to pay, the consequences, the signature and how it is sent.
 * The layout adds the letterhead, the address, place and date, the table, the totals and the bank box.
 */
const paragraphs = (...parts: string[]) => `${parts.join("\n\n")}\n`;

export const LETTERS_FR: Readonly<Record<string, TemplateBody>> = {
  "standard.formal-notice": {
    subject: "MISE EN DEMEURE DE PAYER — {{ totals.with_penalties | default: totals.open_amount }}",
    html: "",
    text: paragraphs(
      "Madame, Monsieur,",
      "Malgré nos relances amiables restées sans effet, nous constatons que {% if totals.count == 1 %}la facture suivante, émise par {{ company.name }} au titre de nos livraisons et prestations à {{ customer.name }}{% if customer.legal_id != blank %} (SIREN {{ customer.legal_id }}){% endif %}, demeure impayée alors que sa date d'échéance est dépassée{% else %}les factures suivantes, émises par {{ company.name }} au titre de nos livraisons et prestations à {{ customer.name }}{% if customer.legal_id != blank %} (SIREN {{ customer.legal_id }}){% endif %}, demeurent impayées alors que leurs dates d'échéance sont dépassées{% endif %} :",
      "{{ invoice_table }}",
      "En application de l'article L441-10 du Code de commerce et de nos conditions générales de vente, ces sommes sont majorées de plein droit de pénalités de retard, calculées depuis le lendemain de chaque date d'échéance jusqu'à ce jour au taux appliqué par la Banque centrale européenne à son opération de refinancement la plus récente, majoré de dix points, ainsi que d'une indemnité forfaitaire pour frais de recouvrement de {{ penalties.indemnity_per_invoice }} par facture (article D441-5 du Code de commerce).",
      "En conséquence, nous vous mettons en demeure, par la présente, de nous régler la somme de {{ totals.with_penalties | default: totals.open_amount }} dans un délai de huit jours à compter de la réception de ce courrier, par virement sur le compte ci-dessous en rappelant la référence {{ payment_reference }}.",
      "{{ bank_details }}",
      "À défaut de paiement dans ce délai, nous saisirons sans autre avis la juridiction compétente, notamment par voie d'injonction de payer, afin d'obtenir le recouvrement de notre créance. Les pénalités de retard continueront de courir jusqu'au complet paiement ; si les frais de recouvrement exposés dépassent le montant de l'indemnité forfaitaire, une indemnisation complémentaire pourra vous être demandée sur justification.",
      "La présente lettre vaut mise en demeure au sens de l'article 1344 du Code civil.",
      "Si votre règlement nous est parvenu entre-temps, nous vous prions de ne pas tenir compte de ce courrier.",
      "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
      "{{ collector.name }}\nPour {{ company.name }}",
    ),
  },
  statement: {
    subject: "Relevé de compte {{ customer.reference }}",
    html: "",
    text: paragraphs(
      "Madame, Monsieur,",
      "Veuillez trouver ci-dessous le relevé des factures ouvertes sur votre compte {{ customer.reference }} à la date du {{ today }} :",
      "{{ invoice_table }}",
      "Nous vous remercions de bien vouloir rapprocher ce relevé de votre comptabilité et de nous signaler sans tarder toute différence. Pour les factures échues, nous vous remercions de nous indiquer la date de règlement prévue.",
      "{{ bank_details }}",
      "Nous restons à votre disposition pour tout complément d'information.",
      "{{ collector.name }}\nService relances clients — {{ company.name }}",
    ),
  },
  "letter.reminder": {
    subject: "Relance : {% if totals.count == 1 %}facture échue{% else %}factures échues{% endif %}",
    html: "",
    text: paragraphs(
      "Madame, Monsieur,",
      "Sauf erreur ou omission de notre part, nous restons dans l'attente du règlement {% if totals.count == 1 %}de la facture suivante, échue{% else %}des factures suivantes, échues{% endif %} à ce jour :",
      "{{ invoice_table }}",
      "Nous vous remercions de bien vouloir procéder à ce règlement dans les meilleurs délais, par virement sur le compte ci-dessous en rappelant la référence {{ payment_reference }}.",
      "{{ bank_details }}",
      "Conformément à l'article L441-10 du Code de commerce, tout retard de paiement rend exigibles de plein droit des pénalités de retard ainsi qu'une indemnité forfaitaire pour frais de recouvrement de {{ penalties.indemnity_per_invoice }} par facture.",
      "Si votre règlement nous est parvenu entre-temps, nous vous remercions et vous prions de ne pas tenir compte de ce courrier.",
      "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
      "{{ collector.name }}\nService relances clients — {{ company.name }}",
    ),
  },
};
