/** French texts of communications: the sent-messages page. */
export const frCommunications = {
  "nav.messages": "Messages envoyés",

  "messages.title": "Messages envoyés",
  "messages.subtitle":
    "Les messages de relance qui partent de la file d'envoi : envoyés, en attente, en échec. Sans serveur SMTP configuré, ils sont conservés dans Encours sans être délivrés.",
  "messages.allStatuses": "Tous les statuts",
  "messages.column.date": "Date",
  "messages.column.customer": "Client",
  "messages.column.recipient": "Destinataire",
  "messages.column.subject": "Objet",
  "messages.column.status": "Statut",
  "messages.status.queued": "En attente",
  "messages.status.sending": "En cours d'envoi",
  "messages.status.sent": "Envoyé",
  "messages.status.failed": "Échec",
  "messages.status.bounced": "Rejeté",
  "messages.status.cancelled": "Annulé",
  "messages.captured": "non délivré (capture)",
  "messages.capturedHint":
    "Aucun serveur SMTP n'est configuré (SMTP_URL) : ce message est conservé dans Encours et n'a été délivré à personne.",
  "messages.empty": "Aucun message",
  "messages.emptyHint": "Les messages apparaissent ici dès que la relance quotidienne en planifie.",
  "messages.detail": "Détail du message",
  "messages.attempts": "Tentatives",
  "messages.lastError": "Dernière erreur",
  "messages.providerId": "Identifiant d'envoi",
  "messages.language": "Langue",
  "messages.text": "Texte",
  "messages.html": "HTML",
  "messages.notRendered": "Le message n'a pas encore été mis en forme : il le sera au moment de l'envoi.",
};
