/** French texts of the legal pack: the customer's claim and the reference-rate table. */
export const frLegal = {
  "nav.referenceRates": "Taux de référence",

  "legal.claim.statementPdf": "Relevé de compte (PDF)",
  "legal.claim.title": "Créance",
  "legal.claim.asOf": "Au",
  "legal.claim.invoice": "Facture",
  "legal.claim.dueDate": "Échéance",
  "legal.claim.daysLate": "Retard",
  "legal.claim.principal": "Principal",
  "legal.claim.interest": "Pénalités de retard",
  "legal.claim.compensation": "Indemnité forfaitaire",
  "legal.claim.total": "Total dû",
  "legal.claim.empty": "Aucune facture échue : ni pénalités de retard ni indemnité à réclamer.",
  "legal.claim.basis":
    "Pénalités calculées jour par jour jusqu'à aujourd'hui, arrondies une fois par facture ; paiements imputés d'abord sur le principal. Taux : {rule}",
  "legal.claim.noRegime":
    "Le pack juridique ne couvre pas le pays de la société ({country}) : seul le principal est indiqué.",

  "legal.rates.title": "Taux de référence",
  "legal.rates.subtitle":
    "Taux de la BCE, de la Banque d'Angleterre, taux de l'intérêt légal français et Basiszinssatz : ils servent au calcul des pénalités de retard. Les taux livrés avec Encours sont mis à jour à chaque version ; ceux que vous saisissez ici sont conservés.",
  "legal.rates.allSeries": "Toutes les séries",
  "legal.rates.add": "Ajouter un taux",
  "legal.rates.edit": "Corriger",
  "legal.rates.delete": "Supprimer",
  "legal.rates.deleteConfirm":
    "Supprimer le taux {series} du {date} ? Le calcul des pénalités ne l'utilisera plus.",
  "legal.rates.deleted": "Taux supprimé",
  "legal.rates.saved": "Taux enregistré",
  "legal.rates.empty": "Aucun taux",
  "legal.rates.provisional": "Provisoire",
  "legal.rates.source.shipped": "Livré",
  "legal.rates.source.admin": "Saisi",
  "legal.rates.col.series": "Série",
  "legal.rates.col.effectiveFrom": "En vigueur depuis",
  "legal.rates.col.rate": "Taux (%)",
  "legal.rates.col.status": "Statut",
  "legal.rates.col.note": "Note",
  "legal.rates.form.addTitle": "Ajouter un taux",
  "legal.rates.form.editTitle": "Corriger un taux",
  "legal.rates.form.dateRequired": "Indiquez la date d'entrée en vigueur",
  "legal.rates.form.rateHint": "En pour cent par an, point décimal : 2.15 ou -0.88",
  "legal.rates.form.provisional": "Taux provisoire, à vérifier auprès de sa source officielle",
  "legal.rates.form.cancel": "Annuler",
  "legal.rates.form.save": "Enregistrer",
  "legal.rates.import.button": "Importer un fichier CSV",
  "legal.rates.import.failed": "Le fichier n'a pas été importé",
  "legal.rates.import.invalid":
    "Corrigez ces lignes puis importez à nouveau le fichier (rien n'a été enregistré) :",
  "legal.rates.import.done": "{rows} taux lus : {created} ajoutés, {updated} modifiés, {unchanged} inchangés",

  "legal.series.ECB_MRO": "BCE — taux des opérations principales de refinancement",
  "legal.series.BOE_BANK_RATE": "Banque d'Angleterre — Bank Rate",
  "legal.series.FR_LEGAL_OTHER": "Taux de l'intérêt légal (autres cas)",
  "legal.series.FR_LEGAL_PERSON": "Taux de l'intérêt légal (créancier personne physique)",
  "legal.series.DE_BASISZINSSATZ": "Basiszinssatz (Bundesbank)",

  "legal.regime.FR":
    "taux de refinancement de la BCE + 10 points, fixé par semestre (Code de commerce L441-10), indemnité de 40 €",
  "legal.regime.EU":
    "taux de refinancement de la BCE + 8 points, fixé par semestre (directive 2011/7/UE), indemnité de 40 €",
  "legal.regime.DE": "Basiszinssatz + 9 points, fixé par semestre (BGB § 288), indemnité de 40 €",
  "legal.regime.BE":
    "taux de la BCE + 8 points arrondi au demi-point supérieur, par semestre (loi du 2 août 2002), indemnité de 40 €",
  "legal.regime.ES": "dernier taux de la BCE avant le semestre + 8 points (Ley 3/2004), indemnité de 40 €",
  "legal.regime.IT": "taux de la BCE + 8 points, fixé par semestre (D.Lgs. 231/2002), indemnité de 40 €",
  "legal.regime.NL":
    "taux de la BCE + 8 points par semestre, intérêts capitalisés chaque année (BW 6:119a), frais selon le barème BIK",
  "legal.regime.UK":
    "Bank Rate de la Banque d'Angleterre + 8 points, fixé une fois pour toute la durée de la dette (Late Payment Act 1998), indemnité de 40, 70 ou 100 £",

  "legal.flag.CONTRACTUAL_RATE_BELOW_FLOOR":
    "Taux contractuel inférieur à 3 fois le taux de l'intérêt légal.",
  "legal.flag.FLOOR_NOT_CHECKED":
    "Plancher de 3 fois le taux légal non vérifié (taux légal absent de la table).",
  "legal.flag.PROVISIONAL_RATE": "Un taux de référence utilisé est provisoire : à vérifier.",
  "legal.flag.RATE_NOT_PUBLISHED":
    "Le taux d'un semestre n'est pas encore dans la table : le dernier taux connu a été utilisé.",
  "legal.flag.PAYMENT_EXCEEDS_DEBT": "Les paiements dépassent le principal et les intérêts.",
  "legal.flag.COMPENSATION_NEEDS_CONVERSION":
    "Barème de l'indemnité dans une autre devise : le minimum a été retenu.",
  "legal.flag.NO_REGIME": "Aucun régime de pénalités pour le pays de la société.",
  "legal.flag.NOT_COMPUTED": "Pénalités non calculées : taux de référence manquant pour la période.",
};
