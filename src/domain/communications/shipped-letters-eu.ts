import type { TemplateBody } from "./communications.schemas";

/**
 * German, Spanish, Italian and Dutch letters. The legal basis is the creditor's terms of sale and the
 * late-payment rules common to the EU (Directive 2011/7/EU): the language of the letter is the
 * debtor's, the law is the creditor's, so no national article is quoted.
 */
const paragraphs = (...parts: string[]) => `${parts.join("\n\n")}\n`;
const TOTAL = "{{ totals.with_penalties | default: totals.open_amount }}";
const ONE = (singular: string, plural: string) =>
  `{% if totals.count == 1 %}${singular}{% else %}${plural}{% endif %}`;

export const LETTERS_DE: Readonly<Record<string, TemplateBody>> = {
  "standard.formal-notice": {
    subject: `MAHNUNG UND LETZTE ZAHLUNGSAUFFORDERUNG — ${TOTAL}`,
    html: "",
    text: paragraphs(
      "Sehr geehrte Damen und Herren,",
      `trotz unserer Zahlungserinnerungen ${ONE("ist die folgende Rechnung", "sind die folgenden Rechnungen")} von {{ company.name }} an {{ customer.name }} für gelieferte Waren und erbrachte Leistungen nach Ablauf der Fälligkeit weiterhin unbezahlt:`,
      "{{ invoice_table }}",
      "Nach unseren Allgemeinen Geschäftsbedingungen und den geltenden Vorschriften über den Zahlungsverzug (Richtlinie 2011/7/EU) schulden Sie Verzugszinsen ab dem Tag nach jeder Fälligkeit bis heute sowie eine Pauschale für Beitreibungskosten von {{ penalties.indemnity_per_invoice }} je Rechnung.",
      `Wir fordern Sie hiermit auf, den Betrag von ${TOTAL} innerhalb von acht Tagen nach Zugang dieses Schreibens auf das unten genannte Konto unter Angabe des Verwendungszwecks {{ payment_reference }} zu überweisen.`,
      "{{ bank_details }}",
      "Nach fruchtlosem Ablauf dieser Frist werden wir ohne weitere Ankündigung gerichtliche Schritte zur Beitreibung unserer Forderung einleiten. Die Verzugszinsen laufen bis zur vollständigen Zahlung weiter; die Kosten der Rechtsverfolgung gehen zu Ihren Lasten.",
      "Sollte sich Ihre Zahlung mit diesem Schreiben überschnitten haben, betrachten Sie es bitte als gegenstandslos.",
      "Mit freundlichen Grüßen",
      "{{ collector.name }}\nfür {{ company.name }}",
    ),
  },
  statement: {
    subject: "Kontoauszug {{ customer.reference }}",
    html: "",
    text: paragraphs(
      "Sehr geehrte Damen und Herren,",
      "nachstehend erhalten Sie die Aufstellung der offenen Posten auf Ihrem Konto {{ customer.reference }} zum {{ today }}:",
      "{{ invoice_table }}",
      "Bitte gleichen Sie diese Aufstellung mit Ihrer Buchhaltung ab und teilen Sie uns etwaige Abweichungen mit. Für die überfälligen Rechnungen bitten wir um Mitteilung des geplanten Zahlungstermins.",
      "{{ bank_details }}",
      "Mit freundlichen Grüßen",
      "{{ collector.name }}\nDebitorenbuchhaltung — {{ company.name }}",
    ),
  },
  "letter.reminder": {
    subject: `Zahlungserinnerung: ${ONE("überfällige Rechnung", "überfällige Rechnungen")}`,
    html: "",
    text: paragraphs(
      "Sehr geehrte Damen und Herren,",
      `nach unseren Unterlagen ist die Zahlung ${ONE("der folgenden Rechnung", "der folgenden Rechnungen")} bei uns noch nicht eingegangen:`,
      "{{ invoice_table }}",
      "Wir bitten Sie, den offenen Betrag umgehend auf das unten genannte Konto unter Angabe des Verwendungszwecks {{ payment_reference }} zu überweisen.",
      "{{ bank_details }}",
      "Sollte sich Ihre Zahlung mit diesem Schreiben überschnitten haben, betrachten Sie es bitte als gegenstandslos.",
      "Mit freundlichen Grüßen",
      "{{ collector.name }}\nDebitorenbuchhaltung — {{ company.name }}",
    ),
  },
};

export const LETTERS_ES: Readonly<Record<string, TemplateBody>> = {
  "standard.formal-notice": {
    subject: `REQUERIMIENTO FORMAL DE PAGO — ${TOTAL}`,
    html: "",
    text: paragraphs(
      "Estimados señores:",
      `A pesar de nuestros recordatorios, ${ONE("la siguiente factura, emitida", "las siguientes facturas, emitidas")} por {{ company.name }} a {{ customer.name }} por los bienes y servicios suministrados, ${ONE("sigue impagada una vez vencida", "siguen impagadas una vez vencidas")}:`,
      "{{ invoice_table }}",
      "De conformidad con nuestras condiciones generales de venta y con la normativa aplicable en materia de morosidad (Directiva 2011/7/UE), estas cantidades devengan intereses de demora desde el día siguiente a cada vencimiento hasta la fecha, así como una indemnización por costes de cobro de {{ penalties.indemnity_per_invoice }} por factura.",
      `Por la presente les requerimos formalmente para que nos abonen la cantidad de ${TOTAL} en el plazo de ocho días desde la recepción de esta carta, mediante transferencia a la cuenta indicada, haciendo constar la referencia {{ payment_reference }}.`,
      "{{ bank_details }}",
      "Transcurrido dicho plazo sin haber recibido el pago, iniciaremos sin más aviso las acciones judiciales oportunas para el cobro de nuestro crédito. Los intereses de demora seguirán devengándose hasta el pago completo.",
      "Si su pago se ha cruzado con esta carta, les rogamos que no la tengan en cuenta.",
      "Atentamente,",
      "{{ collector.name }}\nPor {{ company.name }}",
    ),
  },
  statement: {
    subject: "Extracto de cuenta {{ customer.reference }}",
    html: "",
    text: paragraphs(
      "Estimados señores:",
      "Les remitimos el extracto de las partidas pendientes de su cuenta {{ customer.reference }} a {{ today }}:",
      "{{ invoice_table }}",
      "Les agradeceríamos que cotejaran este extracto con su contabilidad y nos comunicaran cualquier diferencia. Para las facturas vencidas, les rogamos que nos indiquen la fecha de pago prevista.",
      "{{ bank_details }}",
      "Atentamente,",
      "{{ collector.name }}\nDepartamento de cobros — {{ company.name }}",
    ),
  },
  "letter.reminder": {
    subject: `Recordatorio: ${ONE("factura vencida", "facturas vencidas")}`,
    html: "",
    text: paragraphs(
      "Estimados señores:",
      `Salvo error por nuestra parte, aún no hemos recibido el pago de ${ONE("la siguiente factura", "las siguientes facturas")}:`,
      "{{ invoice_table }}",
      "Les rogamos que procedan al pago a la mayor brevedad mediante transferencia a la cuenta indicada, haciendo constar la referencia {{ payment_reference }}.",
      "{{ bank_details }}",
      "Si su pago se ha cruzado con esta carta, les damos las gracias y les rogamos que no la tengan en cuenta.",
      "Atentamente,",
      "{{ collector.name }}\nDepartamento de cobros — {{ company.name }}",
    ),
  },
};

export const LETTERS_IT: Readonly<Record<string, TemplateBody>> = {
  "standard.formal-notice": {
    subject: `DIFFIDA E MESSA IN MORA — ${TOTAL}`,
    html: "",
    text: paragraphs(
      "Gentili Signori,",
      `nonostante i nostri solleciti, ${ONE("la seguente fattura, emessa", "le seguenti fatture, emesse")} da {{ company.name }} nei confronti di {{ customer.name }} per forniture di beni e servizi, ${ONE("risulta ancora insoluta benché scaduta", "risultano ancora insolute benché scadute")}:`,
      "{{ invoice_table }}",
      "Ai sensi delle nostre condizioni generali di vendita e della normativa applicabile sui ritardi di pagamento (Direttiva 2011/7/UE), su tali importi sono dovuti gli interessi moratori dal giorno successivo a ciascuna scadenza fino ad oggi, nonché un risarcimento forfettario dei costi di recupero di {{ penalties.indemnity_per_invoice }} per fattura.",
      `Con la presente Vi diffidiamo e Vi costituiamo formalmente in mora al pagamento della somma di ${TOTAL} entro otto giorni dal ricevimento della presente, mediante bonifico sul conto indicato, riportando il riferimento {{ payment_reference }}.`,
      "{{ bank_details }}",
      "Decorso inutilmente tale termine, procederemo senza ulteriore avviso per le vie legali al recupero del nostro credito. Gli interessi moratori continueranno a maturare fino al completo pagamento.",
      "Qualora il pagamento sia già stato effettuato, Vi preghiamo di non tenere conto della presente.",
      "Distinti saluti,",
      "{{ collector.name }}\nPer {{ company.name }}",
    ),
  },
  statement: {
    subject: "Estratto conto {{ customer.reference }}",
    html: "",
    text: paragraphs(
      "Gentili Signori,",
      "Vi trasmettiamo l'estratto delle partite aperte sul Vostro conto {{ customer.reference }} al {{ today }}:",
      "{{ invoice_table }}",
      "Vi preghiamo di confrontare il presente estratto con la Vostra contabilità e di segnalarci eventuali differenze. Per le fatture scadute, Vi preghiamo di indicarci la data di pagamento prevista.",
      "{{ bank_details }}",
      "Cordiali saluti,",
      "{{ collector.name }}\nUfficio crediti — {{ company.name }}",
    ),
  },
  "letter.reminder": {
    subject: `Sollecito: ${ONE("fattura scaduta", "fatture scadute")}`,
    html: "",
    text: paragraphs(
      "Gentili Signori,",
      `salvo errori da parte nostra, non abbiamo ancora ricevuto il pagamento ${ONE("della seguente fattura", "delle seguenti fatture")}:`,
      "{{ invoice_table }}",
      "Vi preghiamo di provvedere al pagamento quanto prima tramite bonifico sul conto indicato, riportando il riferimento {{ payment_reference }}.",
      "{{ bank_details }}",
      "Qualora il pagamento sia già stato effettuato, Vi ringraziamo e Vi preghiamo di non tenere conto della presente.",
      "Distinti saluti,",
      "{{ collector.name }}\nUfficio crediti — {{ company.name }}",
    ),
  },
};

export const LETTERS_NL: Readonly<Record<string, TemplateBody>> = {
  "standard.formal-notice": {
    subject: `INGEBREKESTELLING EN LAATSTE SOMMATIE — ${TOTAL}`,
    html: "",
    text: paragraphs(
      "Geachte heer, mevrouw,",
      `Ondanks onze herinneringen ${ONE("staat de volgende factuur", "staan de volgende facturen")} van {{ company.name }} aan {{ customer.name }} voor geleverde goederen en diensten na de vervaldatum nog steeds open:`,
      "{{ invoice_table }}",
      "Op grond van onze algemene voorwaarden en de toepasselijke regels inzake betalingsachterstand (Richtlijn 2011/7/EU) bent u over deze bedragen rente verschuldigd vanaf de dag na elke vervaldatum tot vandaag, en een vergoeding voor incassokosten van ten minste {{ penalties.indemnity_per_invoice }} per factuur.",
      `Wij stellen u hierbij in gebreke en sommeren u het bedrag van ${TOTAL} binnen acht dagen na ontvangst van deze brief over te maken naar onderstaande rekening, onder vermelding van het kenmerk {{ payment_reference }}.`,
      "{{ bank_details }}",
      "Blijft betaling binnen deze termijn uit, dan zullen wij zonder nadere aankondiging gerechtelijke stappen nemen om onze vordering te innen. De rente loopt door tot de volledige betaling.",
      "Heeft uw betaling deze brief gekruist, dan kunt u deze als niet verzonden beschouwen.",
      "Met vriendelijke groet,",
      "{{ collector.name }}\nNamens {{ company.name }}",
    ),
  },
  statement: {
    subject: "Rekeningoverzicht {{ customer.reference }}",
    html: "",
    text: paragraphs(
      "Geachte heer, mevrouw,",
      "Hieronder vindt u het overzicht van de openstaande posten op uw rekening {{ customer.reference }} per {{ today }}:",
      "{{ invoice_table }}",
      "Wilt u dit overzicht met uw administratie vergelijken en ons eventuele verschillen laten weten? Voor de vervallen facturen vernemen wij graag de geplande betaaldatum.",
      "{{ bank_details }}",
      "Met vriendelijke groet,",
      "{{ collector.name }}\nDebiteurenbeheer — {{ company.name }}",
    ),
  },
  "letter.reminder": {
    subject: `Betalingsherinnering: ${ONE("vervallen factuur", "vervallen facturen")}`,
    html: "",
    text: paragraphs(
      "Geachte heer, mevrouw,",
      `Volgens onze administratie hebben wij de betaling van ${ONE("de volgende factuur", "de volgende facturen")} nog niet ontvangen:`,
      "{{ invoice_table }}",
      "Wij verzoeken u het openstaande bedrag per omgaande over te maken naar onderstaande rekening, onder vermelding van het kenmerk {{ payment_reference }}.",
      "{{ bank_details }}",
      "Heeft uw betaling deze brief gekruist, dan danken wij u en kunt u deze als niet verzonden beschouwen.",
      "Met vriendelijke groet,",
      "{{ collector.name }}\nDebiteurenbeheer — {{ company.name }}",
    ),
  },
};
