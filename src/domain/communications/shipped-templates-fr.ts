import type { TemplateBody } from "./communications.schemas";
import { compose, invoiceTableHtml, type LanguageBlocks } from "./shipped-layout";

/** French, the reference language: courteous and firm, as French credit departments write. */
const FR: LanguageBlocks = {
  invoicesText: [
    "{% for invoice in invoices -%}",
    "- Facture n° {{ invoice.number }} du {{ invoice.date }}, échéance le {{ invoice.due_date }} : montant TTC {{ invoice.amount }}, reste dû {{ invoice.open_amount }}{% if invoice.days_overdue > 0 %} ({{ invoice.days_overdue }} jour{% if invoice.days_overdue > 1 %}s{% endif %} de retard){% endif %}",
    "{% endfor -%}",
    "Total restant dû : {{ totals.open_amount }}",
  ].join("\n"),
  invoicesHtml: invoiceTableHtml({
    number: "Facture",
    date: "Date",
    dueDate: "Échéance",
    amount: "Montant TTC",
    open: "Reste dû",
    late: "Jours de retard",
    total: "Total restant dû",
  }),
  bankText: [
    "{% if company.iban != blank -%}",
    "Règlement par virement sur le compte suivant :",
    "IBAN : {{ company.iban }}",
    "BIC : {{ company.bic }}",
    "Merci de rappeler la référence {{ payment_reference }} dans le libellé de votre virement.",
    "{%- else -%}",
    "Merci de rappeler la référence {{ payment_reference }} avec votre règlement.",
    "{%- endif %}",
  ].join("\n"),
  bankHtml: [
    "{% if company.iban != blank -%}",
    "<p>Règlement par virement sur le compte suivant :<br>",
    "IBAN : <strong>{{ company.iban }}</strong><br>",
    "BIC : <strong>{{ company.bic }}</strong><br>",
    "Merci de rappeler la référence <strong>{{ payment_reference }}</strong> dans le libellé de votre virement.</p>",
    "{%- else -%}",
    "<p>Merci de rappeler la référence <strong>{{ payment_reference }}</strong> avec votre règlement.</p>",
    "{%- endif %}",
  ].join("\n"),
  signatureText: [
    "{{ collector.name }}",
    "Service relances clients — {{ company.name }}",
    "{% if collector.email != blank %}{{ collector.email }}{% endif %}{% if company.phone != blank %} — {{ company.phone }}{% endif %}",
    "{% if company.legal_mentions != blank %}",
    "--",
    "{{ company.legal_mentions }}{% endif %}",
  ].join("\n"),
  signatureHtml: [
    "<p>{{ collector.name }}<br>",
    "Service relances clients — {{ company.name }}<br>",
    "{% if collector.email != blank %}{{ collector.email }}{% endif %}{% if company.phone != blank %} — {{ company.phone }}{% endif %}</p>",
    '{% if company.legal_mentions != blank %}<p style="font-size:12px;color:#868e96">{{ company.legal_mentions }}</p>{% endif %}',
  ].join("\n"),
};

const ONE = (singular: string, plural: string) =>
  `{% if totals.count == 1 %}${singular}{% else %}${plural}{% endif %}`;
const IGNORE =
  "Si votre règlement nous est parvenu entre-temps, nous vous remercions et vous prions de ne pas tenir compte de ce message.";
const FORMAL_CLOSING =
  "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.";

export const SHIPPED_FR: Readonly<Record<string, TemplateBody>> = {
  "standard.d-5": compose(FR, `Rappel d'échéance — {{ company.name }}`, [
    "Madame, Monsieur,",
    `Nous nous permettons de vous rappeler l'échéance prochaine ${ONE("de la facture suivante", "des factures suivantes")} :`,
    "INVOICES",
    "Si le règlement est déjà programmé, nous vous en remercions. Dans le cas contraire, nous vous serions reconnaissants de bien vouloir prévoir son paiement à la date d'échéance.",
    "BANK",
    `Notre service reste à votre disposition pour toute question concernant ${ONE("cette facture", "ces factures")}.`,
    "Bien cordialement,",
    "SIGNATURE",
  ]),
  "standard.d+0": compose(FR, `${ONE("Facture", "Factures")} à échéance — {{ company.name }}`, [
    "Madame, Monsieur,",
    `Sauf erreur ou omission de notre part, le règlement ${ONE("de la facture suivante", "des factures suivantes")} ne nous est pas encore parvenu :`,
    "INVOICES",
    `Nous vous remercions de bien vouloir procéder au règlement de ${ONE("cette facture", "ces factures")} dans les meilleurs délais.`,
    "BANK",
    IGNORE,
    "Bien cordialement,",
    "SIGNATURE",
  ]),
  "standard.d+7": compose(FR, `Relance : ${ONE("facture échue", "factures échues")} — {{ company.name }}`, [
    "Madame, Monsieur,",
    `Sauf erreur de notre part, nous restons dans l'attente du règlement ${ONE("de la facture suivante, échue", "des factures suivantes, échues")} à ce jour :`,
    "INVOICES",
    "Nous vous rappelons que nos conditions de règlement prévoient le paiement à la date d'échéance convenue. Nous vous remercions de bien vouloir régulariser cette situation sans tarder, par virement aux coordonnées ci-dessous.",
    "BANK",
    `Si ${ONE("cette facture fait", "l'une de ces factures fait")} l'objet d'une contestation, ou si vous ne l'avez pas reçue, merci de nous le signaler par retour afin que nous puissions traiter votre demande rapidement.`,
    IGNORE,
    FORMAL_CLOSING,
    "SIGNATURE",
  ]),
  "standard.d+14": compose(
    FR,
    `Dernier rappel avant transmission au service recouvrement — pénalités de retard — {{ company.name }}`,
    [
      "Madame, Monsieur,",
      `Malgré nos précédentes relances, nous constatons que ${ONE("la facture suivante demeure impayée", "les factures suivantes demeurent impayées")} :`,
      "INVOICES",
      "Conformément à l'article L441-10 du Code de commerce et à nos conditions générales de vente, tout retard de paiement entraîne de plein droit l'application de pénalités de retard, ainsi que d'une indemnité forfaitaire pour frais de recouvrement de {{ penalties.indemnity_per_invoice }} par facture.",
      [
        "À ce jour, les sommes dues s'établissent comme suit :",
        "- principal restant dû : {{ totals.open_amount }}",
        "- pénalités de retard : {{ penalties.interest }}",
        "- indemnité forfaitaire pour frais de recouvrement : {{ penalties.indemnity }} ({{ penalties.indemnity_count }} facture{% if penalties.indemnity_count > 1 %}s{% endif %})",
        "{% if totals.with_penalties != blank %}soit un total de {{ totals.with_penalties }}.{% endif %}",
      ].join("\n"),
      "Les pénalités de retard continuent de courir jusqu'au complet paiement.",
      "À défaut de règlement sous huit jours à compter de la réception du présent courriel, votre dossier sera transmis à notre service recouvrement, qui pourra engager toute démarche utile au recouvrement de notre créance.",
      "BANK",
      "Si votre règlement nous est parvenu entre-temps, nous vous prions de ne pas tenir compte de ce message.",
      FORMAL_CLOSING,
      "SIGNATURE",
    ],
  ),
  "key-accounts.statement": compose(FR, `Relevé de compte au {{ today }} — {{ company.name }}`, [
    "Madame, Monsieur,",
    "Nous vous prions de trouver ci-dessous le relevé des factures ouvertes sur votre compte {{ customer.reference }} à la date du {{ today }} :",
    "INVOICES",
    "Nous vous remercions de bien vouloir rapprocher ce relevé de votre comptabilité et de nous signaler toute différence. Pour les factures échues, pourriez-vous nous indiquer la date de règlement prévue ?",
    "BANK",
    "Nous restons à votre disposition pour tout complément d'information.",
    "Bien cordialement,",
    "SIGNATURE",
  ]),
  "small.d+1": compose(FR, `Rappel : ${ONE("facture échue", "factures échues")} — {{ company.name }}`, [
    "Madame, Monsieur,",
    `Sauf erreur de notre part, le règlement ${ONE("de la facture suivante", "des factures suivantes")} ne nous est pas encore parvenu :`,
    "INVOICES",
    "Nous vous remercions de bien vouloir procéder au règlement dès réception de ce message.",
    "BANK",
    IGNORE,
    "Bien cordialement,",
    "SIGNATURE",
  ]),
  "small.d+10": compose(
    FR,
    `Second rappel : ${ONE("facture impayée", "factures impayées")} — {{ company.name }}`,
    [
      "Madame, Monsieur,",
      `Notre précédent rappel est resté sans effet : ${ONE("la facture suivante reste impayée", "les factures suivantes restent impayées")} à ce jour.`,
      "INVOICES",
      "Nous vous remercions de procéder au règlement sous huit jours. À défaut, les pénalités de retard et l'indemnité forfaitaire pour frais de recouvrement de {{ penalties.indemnity_per_invoice }} par facture prévues par nos conditions générales de vente (article L441-10 du Code de commerce) pourront vous être réclamées.",
      "BANK",
      IGNORE,
      FORMAL_CLOSING,
      "SIGNATURE",
    ],
  ),
  "internal.sales-rep": compose(
    FR,
    `[Relances] {{ customer.name }} : {{ totals.overdue_amount }} échus non réglés`,
    [
      "Bonjour,",
      "Pour information, votre client {{ customer.name }} ({{ customer.reference }}) a des factures échues non réglées. Une relance vient de lui être adressée.",
      "INVOICES",
      "Si vous avez connaissance d'un litige, d'une difficulté de livraison ou d'un accord de paiement, merci d'en informer le service relances : nous suspendrons les relances le temps de le traiter.",
      "Fiche client : {{ customer.url }}",
      "Bien cordialement,",
      "SIGNATURE",
    ],
  ),
  "internal.collection": compose(FR, `[Recouvrement] Transmission du dossier {{ customer.name }}`, [
    "Bonjour,",
    "Le dossier du client {{ customer.name }} ({{ customer.reference }}) est transmis au service recouvrement : la troisième relance, annonçant les pénalités de retard et l'indemnité forfaitaire, vient de lui être adressée.",
    "INVOICES",
    [
      "Pénalités de retard à ce jour : {{ penalties.interest }}",
      "Indemnité forfaitaire pour frais de recouvrement : {{ penalties.indemnity }}",
      "{% if totals.with_penalties != blank %}Total de la créance : {{ totals.with_penalties }}{% endif %}",
    ].join("\n"),
    "Fiche client : {{ customer.url }}",
    "Bien cordialement,",
    "SIGNATURE",
  ]),
  "internal.dispute": compose(
    FR,
    `[Litige] {{ customer.name }} : {{ dispute.reason }}, {{ dispute.amount }}`,
    [
      "Bonjour,",
      "Un litige vous est confié sur le client {{ customer.name }} ({{ customer.reference }}){% if dispute.opened_by != blank %}, ouvert par {{ dispute.opened_by }}{% endif %}.",
      "Motif : {{ dispute.reason }}\nMontant contesté : {{ dispute.amount }}{% if dispute.deadline != blank %}\nÀ traiter avant le {{ dispute.deadline }}{% endif %}{% if dispute.note != blank %}\nNote : {{ dispute.note }}{% endif %}",
      "{% for invoice in dispute.invoices %}Facture {{ invoice.number }} : {{ invoice.amount }}\n{% endfor %}",
      "Les relances de ces factures sont suspendues tant que le litige est ouvert. Merci de l'examiner et de donner votre conclusion (avoir ou rejet) au service relances.",
      "Fiche client : {{ customer.url }}",
      "Bien cordialement,",
      "SIGNATURE",
    ],
  ),
};
