import { DEMO_STAFF, type DemoCompanyCode } from "./demo-staff";
import {
  type City,
  FEMALE_FIRST_NAMES,
  FRENCH,
  frenchDepartment,
  frenchOf,
  GERMAN,
  type Vocabulary,
} from "./demo-vocabulary";
import { frenchVatId, germanVatId, withLuhnDigit } from "./legal-ids";
import type { Random } from "./random";

export type Segment = "key_accounts" | "smes" | "public_sector" | "individuals";
/** How a customer pays: never stored, it only shapes the generated ledger. */
export type Behaviour = "on_time" | "slightly_late" | "chronically_late" | "disputing" | "partial_payers";
export type ContactChannel = "email" | "sms" | "letter" | "phone";

export type DemoContact = {
  name: string;
  role: "accounts_payable" | "finance_manager" | "purchasing";
  email: string;
  phone: string;
  preferredChannel: ContactChannel;
};

export type DemoCustomer = {
  company: DemoCompanyCode;
  externalRef: string;
  name: string;
  segment: Segment;
  behaviour: Behaviour;
  language: "fr" | "de";
  email: string;
  phone: string;
  addressLine1: string;
  addressLine2: string | null;
  postalCode: string;
  city: string;
  paymentTerms: string;
  termDays: number;
  /** "45 jours fin de mois": the due date is pushed to the end of that month. */
  isEndOfMonth: boolean;
  creditLimitMinor: number | null;
  riskClass: string;
  isStrategic: boolean;
  collectorEmail: string;
  salesRepEmail: string;
  legalId: string | null;
  vatId: string | null;
  /** The customer's usual invoice size; invoices vary around it within the segment's range. */
  typicalAmountMinor: number;
  contacts: DemoContact[];
};

export const SEGMENT_WEIGHTS: Record<Segment, number> = {
  key_accounts: 5,
  smes: 60,
  public_sector: 15,
  individuals: 20,
};
export const BEHAVIOUR_WEIGHTS: Record<Behaviour, number> = {
  on_time: 40,
  slightly_late: 25,
  chronically_late: 15,
  disputing: 8,
  partial_payers: 12,
};
/** Invoice amounts per segment, in minor units (EUR cents). */
export const SEGMENT_AMOUNTS: Record<Segment, readonly [number, number]> = {
  key_accounts: [2_000_000, 25_000_000],
  smes: [50_000, 2_000_000],
  public_sector: [100_000, 5_000_000],
  individuals: [5_000, 150_000],
};

const RISK_BY_BEHAVIOUR: Record<Behaviour, Record<string, number>> = {
  on_time: { A: 5, B: 4, C: 1 },
  slightly_late: { A: 1, B: 4, C: 4, D: 1 },
  chronically_late: { C: 3, D: 4, E: 2 },
  disputing: { B: 2, C: 4, D: 2 },
  partial_payers: { C: 2, D: 4, E: 3 },
};
const CHANNELS: Record<Segment, Record<ContactChannel, number>> = {
  key_accounts: { email: 80, phone: 15, letter: 5, sms: 0 },
  smes: { email: 70, phone: 12, letter: 10, sms: 8 },
  public_sector: { email: 60, letter: 30, phone: 10, sms: 0 },
  individuals: { email: 50, sms: 30, letter: 15, phone: 5 },
};
const CONTACT_ROLES = ["accounts_payable", "finance_manager", "purchasing"] as const;

type Terms = { text: string; days: number; isEndOfMonth: boolean };

function termsFor(segment: Segment, company: DemoCompanyCode, random: Random): Terms {
  const fr = company === "FR";
  const net = (days: number): Terms => ({
    text: fr ? `${days} jours net` : `${days} Tage netto`,
    days,
    isEndOfMonth: false,
  });
  switch (segment) {
    case "key_accounts":
      return net(60);
    case "public_sector":
      return net(30);
    case "smes":
      if (random.chance(0.6)) return net(30);
      return fr ? { text: "45 jours fin de mois", days: 45, isEndOfMonth: true } : net(45);
    case "individuals":
      if (random.chance(0.5)) return net(15);
      return { text: fr ? "comptant" : "sofort ohne Abzug", days: 0, isEndOfMonth: false };
  }
}

/** Lower-case ASCII for e-mail addresses and domains: "Boulangerie Müller" → "boulangerie-muller". */
export function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Phone numbers in international form with national grouping, e.g. "+33 4 72 18 40 12", "+49 89 41827730". */
function phoneNumber(random: Random, company: DemoCompanyCode, city: City, isMobile: boolean): string {
  if (company === "FR") {
    const lead = isMobile ? random.pick(["6", "7"]) : city[2];
    return `+33 ${lead} ${random.digits(2)} ${random.digits(2)} ${random.digits(2)} ${random.digits(2)}`;
  }
  if (isMobile) return `+49 1${random.pick(["51", "60", "70", "76"])} ${random.digits(8)}`;
  return `+49 ${city[2]} ${random.int(1, 9)}${random.digits(9 - city[2].length)}`;
}

function personName(random: Random, words: Vocabulary): { first: string; last: string; full: string } {
  const first = random.pick(words.firstNames);
  const last = random.pick(words.lastNames);
  return { first, last, full: `${first} ${last}` };
}

type Naming = { name: string; domain: string; legalId: string | null; vatId: string | null };

function frenchIds(random: Random, isPublic: boolean): { legalId: string; vatId: string | null } {
  // Public bodies' SIREN numbers start with 2; they are usually not VAT-registered for their main activity.
  const siren = withLuhnDigit(`${isPublic ? 2 : random.int(3, 9)}${random.digits(7)}`);
  const siret = withLuhnDigit(`${siren}000${random.int(1, 9)}`);
  return { legalId: siret, vatId: isPublic ? null : frenchVatId(siren) };
}

function germanIds(random: Random, form: string, city: City): { legalId: string; vatId: string } {
  const register = /GmbH$|AG$|SE$|UG/.test(form) && !form.includes("KG") ? "HRB" : "HRA";
  return {
    legalId: `Amtsgericht ${city[0]} ${register} ${random.int(10_000, 250_000)}`,
    vatId: germanVatId(`${random.int(1, 9)}${random.digits(7)}`),
  };
}

function businessName(random: Random, segment: Segment, company: DemoCompanyCode, city: City): Naming {
  const words = company === "FR" ? FRENCH : GERMAN;
  const surname = random.pick(words.lastNames);
  const brand = `${random.pick(words.brandPrefixes)}${random.pick(words.brandSuffixes)}`;
  let base: string;
  let form: string;
  if (segment === "key_accounts") {
    base = random.chance(0.3) ? `Groupe ${brand}` : `${brand} ${random.pick(words.keySuffixes)}`;
    if (company === "DE") base = base.replace("Groupe ", "");
    form = random.pick(words.keyForms);
  } else {
    const pattern = random.int(0, 3);
    if (pattern === 0) base = `${random.pick(words.trades)} ${surname}`;
    else if (pattern === 1) base = `${surname} ${random.pick(words.trades2)}`;
    else if (pattern === 2) base = company === "FR" ? `${surname} & Fils` : `${surname} & Söhne`;
    else base = `${brand} ${city[0]}`;
    form = random.pick(words.smeForms);
  }
  const ids = company === "FR" ? frenchIds(random, false) : germanIds(random, form, city);
  return { name: `${base} ${form}`, domain: `${slug(base)}.example`, ...ids };
}

function publicName(random: Random, company: DemoCompanyCode, city: City): Naming {
  const words = company === "FR" ? FRENCH : GERMAN;
  const pattern = random.pick(words.publicBodies);
  const name = pattern
    .replace("{de}", frenchOf(city[0]))
    .replace("{city}", city[0])
    .replace("{district}", random.pick(words.districts))
    .replace("{dept}", frenchDepartment(random.int(0, 99)))
    .replace("{person}", personName(random, words).full);
  const ids = company === "FR" ? frenchIds(random, true) : { legalId: null, vatId: null };
  return { name, domain: `${slug(name).slice(0, 40)}.example`, ...ids };
}

export type CustomerSlot = { company: DemoCompanyCode; externalRef: string };

/**
 * One customer with its contacts. E-mail domains end in `.example` (reserved by RFC 2606), so a
 * demo that sends reminders can never reach a real mailbox.
 */
export function generateCustomer(random: Random, slot: CustomerSlot): DemoCustomer {
  const { company } = slot;
  const words = company === "FR" ? FRENCH : GERMAN;
  const segment = random.weighted(SEGMENT_WEIGHTS);
  const behaviour = random.weighted(BEHAVIOUR_WEIGHTS);
  const city = random.pick(words.cities);
  const terms = termsFor(segment, company, random);
  const [min, max] = SEGMENT_AMOUNTS[segment];
  const typicalAmountMinor = Math.round(random.logUniform(min, max / 2));

  let naming: Naming;
  let person: ReturnType<typeof personName> | null = null;
  if (segment === "individuals") {
    person = personName(random, words);
    const title = FEMALE_FIRST_NAMES.has(person.first) ? words.honorifics.female : words.honorifics.male;
    naming = { name: `${title} ${person.full}`, domain: "mail.example", legalId: null, vatId: null };
  } else if (segment === "public_sector") {
    naming = publicName(random, company, city);
  } else {
    naming = businessName(random, segment, company, city);
  }

  const fr = company === "FR";
  const email = person
    ? `${slug(person.first)}.${slug(person.last)}${random.int(1, 99)}@${naming.domain}`
    : `${mailbox(segment, fr)}@${naming.domain}`;
  const streetNumber = random.int(1, 180);
  const street = random.pick(words.streets);
  const contactCount = segment === "individuals" ? 1 : segment === "key_accounts" ? 3 : random.int(1, 3);
  const contacts: DemoContact[] = [];
  for (let i = 0; i < contactCount; i++) {
    const contactPerson = i === 0 && person ? person : personName(random, words);
    const preferredChannel = random.weighted(CHANNELS[segment]);
    contacts.push({
      name: contactPerson.full,
      role: CONTACT_ROLES[i] as DemoContact["role"],
      email:
        person && i === 0
          ? email
          : `${slug(contactPerson.first)}.${slug(contactPerson.last)}@${naming.domain}`,
      phone: phoneNumber(random, company, city, preferredChannel === "sms" || random.chance(0.3)),
      preferredChannel,
    });
  }

  const staff = DEMO_STAFF[company];
  return {
    company,
    externalRef: slot.externalRef,
    name: naming.name,
    segment,
    behaviour,
    language: fr ? "fr" : "de",
    email,
    phone: phoneNumber(random, company, city, segment === "individuals"),
    addressLine1: fr ? `${streetNumber} ${street}` : `${street} ${streetNumber}`,
    addressLine2: random.chance(0.15) ? random.pick(words.addressLines2) : null,
    postalCode: city[1],
    city: city[0],
    paymentTerms: terms.text,
    termDays: terms.days,
    isEndOfMonth: terms.isEndOfMonth,
    creditLimitMinor: creditLimit(segment, typicalAmountMinor),
    // Public bodies cannot go bankrupt: slow, but low credit risk.
    riskClass:
      segment === "public_sector" ? random.pick(["A", "B"]) : random.weighted(RISK_BY_BEHAVIOUR[behaviour]),
    isStrategic: segment === "key_accounts",
    collectorEmail: random.pick(staff.collectors),
    salesRepEmail: staff.salesRep,
    legalId: naming.legalId,
    vatId: naming.vatId,
    typicalAmountMinor,
    contacts,
  };
}

function mailbox(segment: Segment, fr: boolean): string {
  if (segment === "public_sector") return fr ? "service.financier" : "rechnungseingang";
  return fr ? "compta" : "buchhaltung";
}

/** Roughly two months of business, rounded the way a credit manager would set it. */
function creditLimit(segment: Segment, typicalAmountMinor: number): number | null {
  if (segment === "public_sector") return null;
  const step = segment === "key_accounts" ? 1_000_000 : segment === "smes" ? 100_000 : 50_000;
  return Math.ceil((typicalAmountMinor * 6) / step) * step;
}
