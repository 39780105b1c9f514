/** One active registration of the youth being matched, oldest first. */
export interface ActiveRegistration {
  id: string;
  professionalId: string;
  organisationId: string;
}

export interface Person {
  id: string;
  organisationId: string;
}

export type SignalKind = 'match' | 'match_extended' | 'archive';
export type RecipientRole = 'participant' | 'coordinator' | 'follow_up_officer';

export interface SignalDraft {
  kind: SignalKind;
  triggerRegistrationId: string;
  recipientProfessionalId: string;
  recipientOrganisationId: string;
  recipientRole: RecipientRole;
  /** The professionals this signal names: the others involved, never the recipient. */
  named: string[];
}

/** Who receives the copies of a match's events. */
export interface CopyInput {
  coordinatorsByOrganisation: ReadonlyMap<string, Person[]>;
  municipalityByOrganisation: ReadonlyMap<string, string>;
  officersByMunicipality: ReadonlyMap<string, Person[]>;
}

export interface MatchPlanInput extends CopyInput {
  active: ActiveRegistration[];
  /** Registration ids that already take part in the youth's open match (empty when there is none). */
  participants: ReadonlySet<string>;
  matchExists: boolean;
}

export interface MatchPlan {
  createMatch: boolean;
  join: ActiveRegistration[];
  signals: SignalDraft[];
}

const unique = (ids: string[]) => [...new Set(ids)];

/**
 * Who must be told what, when registrations join a youth's match (Jw 7.1.2.3(1)(c), 7.1.3.2, 7.1.3.3).
 * Registrations join one by one in the order they were made. The earliest of a new match founds it
 * without a signal of its own; each later one is an event in which:
 * - the newcomer gets one signal naming every professional already involved;
 * - every earlier participant gets one signal naming the newcomer;
 * - the coordinators of all involved organisations and the follow-up officers of their
 *   municipalities each get one copy naming everyone involved.
 * Two professionals of one organisation match like any others; a professional never has two
 * active registrations of one youth, so no one matches with themselves.
 */
export function planMatch(input: MatchPlanInput): MatchPlan {
  const plan: MatchPlan = { createMatch: false, join: [], signals: [] };
  let members = input.active.filter((r) => input.participants.has(r.id));
  const newcomers = input.active.filter((r) => !input.participants.has(r.id));
  if (!input.matchExists) {
    if (input.active.length < 2) return plan;
    plan.createMatch = true;
    const founder = newcomers.shift() as ActiveRegistration;
    members = [founder];
    plan.join.push(founder);
  }

  for (const newcomer of newcomers) {
    const kind: SignalKind = plan.createMatch && members.length === 1 ? 'match' : 'match_extended';
    const event = (
      recipient: Person,
      role: RecipientRole,
      named: string[],
      signalKind: SignalKind = kind,
    ): SignalDraft => ({
      kind: signalKind,
      triggerRegistrationId: newcomer.id,
      recipientProfessionalId: recipient.id,
      recipientOrganisationId: recipient.organisationId,
      recipientRole: role,
      named: unique(named.filter((id) => id !== recipient.id)),
    });

    plan.signals.push(
      event(
        { id: newcomer.professionalId, organisationId: newcomer.organisationId },
        'participant',
        members.map((m) => m.professionalId),
        'match',
      ),
    );
    for (const member of members) {
      plan.signals.push(
        event({ id: member.professionalId, organisationId: member.organisationId }, 'participant', [
          newcomer.professionalId,
        ]),
      );
    }
    const involved = [...members, newcomer];
    const everyone = involved.map((r) => r.professionalId);
    for (const copy of copyRecipients(involved, input)) plan.signals.push(event(copy.person, copy.role, everyone));

    members = involved;
    plan.join.push(newcomer);
  }
  return plan;
}

/** The coordinators of the involved organisations and the follow-up officers of their colleges, each once. */
export function copyRecipients(
  involved: ActiveRegistration[],
  input: CopyInput,
): { person: Person; role: RecipientRole }[] {
  const organisations = unique(involved.map((r) => r.organisationId));
  const municipalities = unique(
    organisations.map((o) => input.municipalityByOrganisation.get(o)).filter((m): m is string => !!m),
  );
  const seen = new Set<string>();
  const recipients: { person: Person; role: RecipientRole }[] = [];
  const add = (person: Person, role: RecipientRole) => {
    if (seen.has(person.id)) return;
    seen.add(person.id);
    recipients.push({ person, role });
  };
  for (const organisation of organisations)
    for (const person of input.coordinatorsByOrganisation.get(organisation) ?? []) add(person, 'coordinator');
  for (const municipality of municipalities)
    for (const person of input.officersByMunicipality.get(municipality) ?? []) add(person, 'follow_up_officer');
  return recipients;
}
