/**
 * Word lists the demo combines into French and German names and addresses. Kept in one place so
 * that a translator or a new country only touches this file.
 */

/** [city, postal code, telephone area code without the trunk 0]. */
export type City = readonly [name: string, postalCode: string, areaCode: string];

export type Vocabulary = {
  firstNames: readonly string[];
  lastNames: readonly string[];
  cities: readonly City[];
  streets: readonly string[];
  addressLines2: readonly string[];
  trades: readonly string[];
  /** Second words after a family name: "Dubois Haustechnik". */
  trades2: readonly string[];
  smeForms: readonly string[];
  brandPrefixes: readonly string[];
  brandSuffixes: readonly string[];
  keySuffixes: readonly string[];
  keyForms: readonly string[];
  publicBodies: readonly string[];
  districts: readonly string[];
  honorifics: { male: string; female: string };
};

/** Splits a comma- or line-separated list, so that word lists stay compact and readable. */
function list(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** "Le Mans 72000 2": the last two words are the postal code and the telephone area code. */
function cities(text: string): City[] {
  return list(text).map((entry) => {
    const words = entry.split(" ");
    const areaCode = words.pop() as string;
    const postalCode = words.pop() as string;
    return [words.join(" "), postalCode, areaCode] as const;
  });
}

export const FRENCH: Vocabulary = {
  firstNames: list(`
    Jean, Marie, Pierre, Nathalie, Philippe, Isabelle, Nicolas, Sandrine, Laurent, Céline, Stéphane,
    Valérie, Olivier, Sophie, Christophe, Aurélie, Julien, Camille, François, Émilie, Sébastien,
    Hélène, Thierry, Caroline, Mathieu, Élodie, Guillaume, Chloé, Benoît, Léa
  `),
  lastNames: list(`
    Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon, Laurent,
    Lefèvre, Michel, Garcia, David, Bertrand, Roux, Vincent, Fournier, Morel, Girard, André, Mercier,
    Dupont, Lambert, Bonnet, François, Martinez, Legrand, Garnier, Faure, Rousseau, Blanc, Guérin,
    Muller, Henry, Roussel, Nicolas, Perrin
  `),
  cities: cities(`
    Paris 75011 1, Lyon 69003 4, Marseille 13008 4, Toulouse 31000 5, Nantes 44000 2,
    Bordeaux 33000 5, Lille 59000 3, Rennes 35000 2, Strasbourg 67000 3, Montpellier 34000 4,
    Grenoble 38000 4, Dijon 21000 3, Angers 49000 2, Reims 51100 3, Le Mans 72000 2,
    Clermont-Ferrand 63000 4, Tours 37000 2, Limoges 87000 5, Amiens 80000 3, Metz 57000 3,
    Besançon 25000 3, Orléans 45000 2, Rouen 76000 2, Caen 14000 2, Nancy 54000 3, Annecy 74000 4,
    Pau 64000 5, La Rochelle 17000 5, Poitiers 86000 5, Chambéry 73000 4, Valence 26000 4,
    Nîmes 30000 4, Brest 29200 2, Troyes 10000 3, Colmar 68000 3, Vannes 56000 2,
    Saint-Étienne 42000 4, Perpignan 66000 4, Bayonne 64100 5, Le Havre 76600 2
  `),
  streets: list(`
    rue de la République, avenue Jean Jaurès, boulevard Victor Hugo, rue des Forges, rue Pasteur,
    rue du Général de Gaulle, place de la Mairie, impasse des Tilleuls, chemin des Vignes,
    rue de l'Industrie, allée des Peupliers, avenue de la Gare, rue des Artisans, quai des Chartrons,
    rue Gambetta, route Nationale, rue du Moulin, avenue des Champs, rue Nationale, rue des Écoles
  `),
  addressLines2: list(`Bâtiment B, ZI Nord, ZA des Prés, BP 214, Parc d'activités du Canal, 2e étage`),
  trades: list(`
    Boulangerie, Transports, Menuiserie, Garage, Plomberie, Électricité, Imprimerie, Maçonnerie,
    Charpente, Fromagerie, Traiteur, Serrurerie, Carrosserie, Quincaillerie, Brasserie, Boucherie,
    Librairie, Pépinières, Climatisation, Nettoyage, Cabinet, Agence, Ambulances, Couverture
  `),
  trades2: list(`Bâtiment, Logistique, Services, Rénovation, Négoce, Conseil, Distribution`),
  smeForms: list(`SARL, SAS, SASU, EURL, SA, SARL, SAS`),
  brandPrefixes: list(`Techno, Agri, Médi, Bati, Logi, Éco, Hydro, Méca, Plasti, Électro, Alti, Vita`),
  brandSuffixes: list(`plast, serv, log, bois, pro, tec, concept, nova, flux, métal, sol, ver`),
  keySuffixes: list(`Industries, Distribution, Logistique, Énergie, Santé, Bâtiment, Agroalimentaire`),
  keyForms: list(`SA, SAS, SA, SE`),
  publicBodies: list(`
    Mairie {de}, Communauté de communes du {district}, Centre hospitalier {de},
    Conseil départemental {dept}, Syndicat intercommunal des eaux {de},
    Office public de l'habitat {de}, Lycée professionnel {person} {de}, Université {de},
    Communauté d'agglomération {de}
  `),
  districts: list(`
    Pays de Gex, Val de Saône, Grand Autunois Morvan, Pays de Lunel, Haut-Jura, Pays d'Évian,
    Bocage Bourbonnais, Val d'Ille, Pays Rochois, Sud Corrézien, Pays Mornantais, Lodévois et Larzac
  `),
  honorifics: { male: "M.", female: "Mme" },
};

export const GERMAN: Vocabulary = {
  firstNames: list(`
    Thomas, Anna, Michael, Julia, Andreas, Katrin, Stefan, Sabine, Markus, Claudia, Christian,
    Nicole, Tobias, Sarah, Jan, Laura, Matthias, Melanie, Florian, Stefanie, Sebastian, Lena, Daniel,
    Johanna, Frank, Birgit, Uwe, Petra, Jürgen, Monika
  `),
  lastNames: list(`
    Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, Schäfer,
    Koch, Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann, Braun, Krüger,
    Hofmann, Hartmann, Lange, Schmitt, Werner, Krause, Meier, Lehmann
  `),
  cities: cities(`
    Berlin 10115 30, Hamburg 20095 40, München 80331 89, Köln 50667 221, Frankfurt am Main 60311 69,
    Stuttgart 70173 711, Düsseldorf 40213 211, Leipzig 04109 341, Dortmund 44135 231,
    Essen 45127 201, Bremen 28195 421, Dresden 01067 351, Hannover 30159 511, Nürnberg 90402 911,
    Bonn 53111 228, Bielefeld 33602 521, Münster 48143 251, Karlsruhe 76133 721, Mannheim 68159 621,
    Augsburg 86150 821, Freiburg im Breisgau 79098 761, Kiel 24103 431, Regensburg 93047 941,
    Ulm 89073 731, Würzburg 97070 931, Kassel 34117 561
  `),
  streets: list(`
    Hauptstraße, Bahnhofstraße, Industriestraße, Gartenstraße, Schillerstraße, Goethestraße,
    Lindenweg, Am Markt, Mühlenweg, Kirchplatz, Friedrichstraße, Gewerbering, Birkenallee,
    Ringstraße
  `),
  addressLines2: list(`Gebäude C, Postfach 1120, Gewerbepark Süd, 3. OG, Hinterhaus`),
  trades: list(`
    Bäckerei, Spedition, Tischlerei, Autohaus, Sanitär, Elektro, Druckerei, Metzgerei, Malerbetrieb,
    Dachdeckerei, Zimmerei, Gartenbau, Gasthaus, Hotel, Fliesen, Kfz-Werkstatt
  `),
  trades2: list(`Haustechnik, Metallbau, Logistik, Bau, Elektrotechnik, Holzbau, Kältetechnik, Handel`),
  smeForms: list(`GmbH, GmbH, e.K., GmbH & Co. KG, KG, OHG, UG (haftungsbeschränkt)`),
  brandPrefixes: list(`Tekno, Agro, Medi, Bau, Logi, Öko, Hydro, Mecha, Plasto, Elektro, Alpen, Nord`),
  brandSuffixes: list(`plast, tec, werk, form, tronic, flex, met, line, sys, stahl, bau, trans`),
  keySuffixes: list(`Maschinenbau, Logistik, Energie, Handel, Automotive, Chemie, Medizintechnik`),
  keyForms: list(`AG, SE, GmbH, AG`),
  publicBodies: list(`
    Stadtverwaltung {city}, Landratsamt {district}, Klinikum {city}, Universitätsklinikum {city},
    Stadtwerke {city}, Berufsschule {city}, Gemeinde {district},
    Zweckverband Wasserversorgung {district}
  `),
  districts: list(`
    Ottobrunn, Esslingen, Rosenheim, Hohenbrunn, Ludwigsburg, Starnberg, Tübingen, Pinneberg,
    Segeberg, Reutlingen, Unterhaching, Lörrach
  `),
  honorifics: { male: "Herr", female: "Frau" },
};

/** The female first names of both lists, for "M." / "Mme" and "Herr" / "Frau". */
export const FEMALE_FIRST_NAMES: ReadonlySet<string> = new Set(
  list(`
    Marie, Nathalie, Isabelle, Sandrine, Céline, Valérie, Sophie, Aurélie, Camille, Émilie
    Hélène, Caroline, Élodie, Chloé, Léa, Anna, Julia, Katrin, Sabine, Claudia, Nicole, Sarah
    Laura, Melanie, Stefanie, Lena, Johanna, Birgit, Petra, Monika
  `),
);

const FRENCH_DEPARTMENTS = list(
  `de la Gironde, du Rhône, de l'Isère, du Nord, de la Loire-Atlantique, du Calvados`,
);

/** "de Lyon", "d'Angers", "du Mans": French contracts the preposition before vowels and "Le". */
export function frenchOf(city: string): string {
  if (city.startsWith("Le ")) return `du ${city.slice(3)}`;
  if (/^[AEIOUÉÈÎ]/.test(city)) return `d'${city}`;
  return `de ${city}`;
}

export function frenchDepartment(index: number): string {
  return FRENCH_DEPARTMENTS[index % FRENCH_DEPARTMENTS.length] as string;
}
