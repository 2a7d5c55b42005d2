import type { DemoCompanyCode } from "./demo-staff";
import { frenchIban, frenchVatId, germanIban, germanVatId, withLuhnDigit } from "./legal-ids";

/** A row of the `company` table, in the column names of the schema. */
export type DemoCompany = {
  code: DemoCompanyCode;
  name: string;
  country: string;
  currency: "EUR";
  timeZone: string;
  defaultLanguage: string;
  legalId: string;
  vatId: string;
  iban: string;
  bic: string;
  addressLine1: string;
  addressLine2: string | null;
  postalCode: string;
  city: string;
  phone: string;
  senderName: string;
  senderEmail: string;
  collectionEmail: string;
  legalMentions: string;
};

const FR_SIREN = withLuhnDigit("81234567");
const DE_VAT = germanVatId("81234567");

/** The two legal entities of the demo; identifiers are made up but pass their check-digit tests. */
export const DEMO_COMPANIES: readonly DemoCompany[] = [
  {
    code: "FR",
    name: "Atelier Dupont Industries SAS",
    country: "FR",
    currency: "EUR",
    timeZone: "Europe/Paris",
    defaultLanguage: "fr",
    legalId: withLuhnDigit(`${FR_SIREN}0002`),
    vatId: frenchVatId(FR_SIREN),
    iban: frenchIban("30004", "00825", "00012345678"),
    bic: "BNPAFRPPXXX",
    addressLine1: "18 rue des Forges",
    addressLine2: "ZI de Gerland",
    postalCode: "69007",
    city: "Lyon",
    phone: "+33 4 72 00 18 18",
    senderName: "Atelier Dupont Industries – Service clients",
    senderEmail: "relances@demo.encours.app",
    collectionEmail: "recouvrement@demo.encours.app",
    legalMentions:
      `SAS au capital de 250 000 € – RCS Lyon ${FR_SIREN} – TVA ${frenchVatId(FR_SIREN)}. ` +
      "Pénalités de retard : trois fois le taux d'intérêt légal. " +
      "Indemnité forfaitaire pour frais de recouvrement : 40 € (art. L441-10 du Code de commerce).",
  },
  {
    code: "DE",
    name: "Nordwerk Maschinenbau GmbH",
    country: "DE",
    currency: "EUR",
    timeZone: "Europe/Berlin",
    defaultLanguage: "de",
    legalId: "Amtsgericht München HRB 214587",
    vatId: DE_VAT,
    iban: germanIban("70020270", "0015243678"),
    bic: "HYVEDEMMXXX",
    addressLine1: "Landsberger Straße 302",
    addressLine2: null,
    postalCode: "80687",
    city: "München",
    phone: "+49 89 5431200",
    senderName: "Nordwerk Maschinenbau – Debitorenbuchhaltung",
    senderEmail: "mahnwesen@demo.encours.app",
    collectionEmail: "forderungen@demo.encours.app",
    legalMentions:
      `Sitz München – Amtsgericht München HRB 214587 – USt-IdNr. ${DE_VAT} – Geschäftsführer: Jürgen Hartmann. ` +
      "Verzugszinsen: neun Prozentpunkte über dem Basiszinssatz (§ 288 Abs. 2 BGB), Pauschale 40 € (§ 288 Abs. 5 BGB).",
  },
];
