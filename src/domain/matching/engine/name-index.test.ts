import { describe, expect, it } from "vitest";
import { NameIndex, nameTokens } from "./name-index";

describe("nameTokens", () => {
  it.each([
    ["Dupont Industrie SAS", ["DUPONT", "INDUSTRIE"]],
    ["STE DUPONT S.A.R.L.", ["DUPONT"]],
    ["Société Générale d'Équipement", ["GENERALE", "EQUIPEMENT"]],
    ["Van den Berg Logistiek B.V.", ["VAN", "DEN", "BERG", "LOGISTIEK"]],
    ["Müller & Söhne GmbH", ["MULLER", "SOHNE"]],
    ["SAS", ["SAS"]],
  ])("%s → %j", (name, expected) => {
    expect(nameTokens(name)).toEqual(expected);
  });
});

const CUSTOMERS = [
  { customerId: 1, name: "Dupont Industrie SAS" },
  { customerId: 2, name: "Martin Transports SARL" },
  { customerId: 3, name: "Boulangerie Lefèvre" },
  { customerId: 4, name: "Müller Maschinenbau GmbH" },
  { customerId: 5, name: "Holding Dupont" },
  { customerId: 6, name: "Garage Martin" },
  { customerId: 7, name: "Garage Martin SARL" },
  { customerId: 8, name: "Leroy Merlin" },
];

describe("NameIndex", () => {
  const index = new NameIndex(CUSTOMERS);
  const best = (payer: string) => index.search(payer, 5)[0];

  it.each([
    ["DUPONT INDUSTRIE", 1],
    ["STE DUPONT INDUSTRIE SA", 1],
    ["INDUSTRIE DUPONT", 1],
    ["TRANSPORTS MARTIN", 2],
    ["BOULANGERIE LEFEVRE", 3],
    ["boulangerie lefèvre eurl", 3],
    ["MUELLER MASCHINENBAU", 4],
    ["MULLER MASCHINENBAU AG", 4],
    ["LEROYMERLIN", 8],
  ])("%s finds customer %i with a high similarity", (payer, customerId) => {
    const hit = best(payer);
    expect(hit?.customerId).toBe(customerId);
    expect(hit?.similarity).toBeGreaterThanOrEqual(0.85);
  });

  it("survives one typo in a word", () => {
    const hit = best("BOULANGERIE LEFEBVRE");
    expect(hit?.customerId).toBe(3);
    expect(hit?.similarity).toBeGreaterThanOrEqual(0.85);
  });

  it("does not take a parent company for its subsidiary", () => {
    const hits = index.search("HOLDING DUPONT", 5);
    expect(hits[0]).toEqual({ customerId: 5, similarity: 1 });
    expect(hits.find((h) => h.customerId === 1)?.similarity ?? 0).toBeLessThan(0.8);
  });

  it("finds nothing close for an unrelated payer", () => {
    expect(index.search("EUROFACTOR SA", 5)).toEqual([]);
  });

  it("returns two customers of the same name together, ties by customer id", () => {
    const hits = index.search("GARAGE MARTIN", 5);
    expect(hits.slice(0, 2)).toEqual([
      { customerId: 6, similarity: 1 },
      { customerId: 7, similarity: 1 },
    ]);
  });

  it("respects the limit and an empty name", () => {
    expect(index.search("MARTIN", 1)).toHaveLength(1);
    expect(index.search("", 5)).toEqual([]);
    expect(index.search("SARL", 5)).toEqual([]);
  });

  it("stays correct with 100,000 customers", () => {
    const big = new NameIndex([
      ...Array.from({ length: 100_000 }, (_, i) => ({
        customerId: 1000 + i,
        name: `${["Transports", "Garage", "Boulangerie", "Pharmacie"][i % 4]} ${(i * 7919).toString(36).toUpperCase()} SARL`,
      })),
      ...CUSTOMERS,
    ]);
    expect(big.search("BOULANGERIE LEFEVRE", 5)[0]?.customerId).toBe(3);
    expect(big.search("DUPONT INDUSTRIE", 5)[0]?.customerId).toBe(1);
  });
});
