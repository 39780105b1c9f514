/** Dutch e-mail announcing a signal. E-mail is not a secure channel: nothing about the youth or the other professionals. */
const KIND_LABELS: Record<string, string> = {
  match: 'match: meerdere professionals zijn betrokken bij dezelfde jongere',
  match_extended: 'uitbreiding van een bestaande match',
  archive: 'signaal uit het historisch archief',
  reminder: 'herinnering: bevestig dat u contact hebt gehad',
  escalation: 'escalatie: het contact tussen de betrokkenen is niet op tijd bevestigd',
  unverified: 'uw melding is niet bevestigd door de BRP en is verwijderd',
  move: 'verhuizing: de jongere die u meldde woont volgens de BRP in een andere gemeente',
};

/** What the subject says a match is about; a family match never says which youth or how related. */
const MATCH_KIND_SUBJECTS: Record<string, string> = {
  same_youth: 'dezelfde jongere',
  family: 'een jongere uit hetzelfde gezin',
  address: 'een jongere op hetzelfde adres',
};

export function signalMail(
  signal: { id: string; kind: string; matchKind?: string | null; standIn?: boolean },
  portalUrl: string,
): { subject: string; text: string; html: string } {
  const aboutAMatch = signal.kind === 'match' || signal.kind === 'match_extended';
  const label =
    aboutAMatch && signal.matchKind === 'family'
      ? 'gezinsmatch: een andere jongere uit hetzelfde gezin is ook gemeld'
      : aboutAMatch && signal.matchKind === 'address'
        ? 'adresmatch: een andere jongere op hetzelfde woonadres is ook gemeld'
        : (KIND_LABELS[signal.kind] ?? 'signaal');
  const link = `${portalUrl}/signalen/${signal.id}`;
  // A stand-in learns that the signal is a colleague's, not whose: the e-mail names nobody.
  const standIn = signal.standIn ? 'U ontvangt dit signaal als vervanger van een collega.' : '';
  const text = [
    'Goedendag,',
    '',
    'Er staat een nieuw signaal voor u klaar in de verwijsindex risicojongeren.',
    `Soort: ${label}.`,
    `Signaalnummer: ${signal.id}`,
    ...(standIn ? [standIn] : []),
    '',
    `Bekijk het signaal in de verwijsindex (u logt eerst in): ${link}`,
    'Werkt uw organisatie met een eigen zorgsysteem, dan staat het signaal daar ook.',
    '',
    'Om privacyredenen staat in deze e-mail niets over de jongere of over de andere betrokkenen.',
    '',
    'Verwijsindex risicojongeren',
  ].join('\n');
  const html = `<!doctype html><html lang="nl"><body>
<p>Goedendag,</p>
<p>Er staat een nieuw signaal voor u klaar in de verwijsindex risicojongeren.<br>
Soort: ${label}.<br>Signaalnummer: <code>${signal.id}</code>${standIn ? `<br>${standIn}` : ''}</p>
<p>Bekijk het signaal in de verwijsindex (u logt eerst in): <a href="${link}">${link}</a><br>
Werkt uw organisatie met een eigen zorgsysteem, dan staat het signaal daar ook.</p>
<p><small>Om privacyredenen staat in deze e-mail niets over de jongere of over de andere betrokkenen.</small></p>
</body></html>`;
  const about = signal.matchKind ? MATCH_KIND_SUBJECTS[signal.matchKind] : undefined;
  return { subject: `Nieuw signaal in de verwijsindex${about ? ` (${about})` : ''}`, text, html };
}

/** The daily digest: one line and a link per signal, in Dutch; as the single e-mail, nothing about anyone. */
export function digestMail(
  to: { email: string; name: string },
  signals: { id: string; kind: string; standIn: boolean }[],
  portalUrl: string,
): { to: string; subject: string; text: string } {
  const n = signals.length;
  return {
    to: to.email,
    subject: `Dagelijks overzicht: ${n} ${n === 1 ? 'nieuw signaal' : 'nieuwe signalen'} in de verwijsindex`,
    text: [
      `Beste ${to.name},`,
      '',
      n === 1
        ? 'Sinds het vorige overzicht staat er een nieuw signaal voor u klaar in de verwijsindex risicojongeren.'
        : `Sinds het vorige overzicht staan er ${n} nieuwe signalen voor u klaar in de verwijsindex risicojongeren.`,
      'Bekijk ze in de verwijsindex (u logt eerst in):',
      '',
      ...signals.map(
        (s) =>
          `- ${KIND_LABELS[s.kind] ?? 'signaal'}${s.standIn ? ' (als vervanger van een collega)' : ''}: ${portalUrl}/signalen/${s.id}`,
      ),
      '',
      'U krijgt één overzicht per dag omdat u dat zo heeft ingesteld. Wilt u weer per signaal een e-mail, kies dat onder Mijn e-mail in de verwijsindex.',
      'Om privacyredenen staat in deze e-mail niets over de jongere of over de andere betrokkenen.',
      '',
      'Verwijsindex risicojongeren',
    ].join('\n'),
  };
}
