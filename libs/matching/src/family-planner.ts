import {
  ActiveRegistration,
  copyRecipients,
  CopyInput,
  MatchPlan,
  Person,
  RecipientRole,
  SignalDraft,
  SignalKind,
} from './match-planner';

/** A registration in matching whose youth has the family's parent (or lives at the address). */
export interface FamilyRegistration extends ActiveRegistration {
  /** The youth's key (hex). */
  youth: string;
  /** The keys (hex) of every parent of the youth. */
  parents: string[];
}

export interface FamilyPlanInput extends CopyInput {
  /** `family`: the youths share the parent `parent`; `address`: they live at the address `parent`. */
  kind?: 'family' | 'address';
  /** The shared parent's key (hex): the family this plan is about; for kind `address` the address's key. */
  parent: string;
  /** Oldest first. */
  active: FamilyRegistration[];
  participants: ReadonlySet<string>;
  matchExists: boolean;
}

/**
 * Two registrations are related through this parent when they concern different youths and this is
 * the first parent (in key order) their youths share: full siblings share two parents and are
 * matched once, in the family of the first; half-siblings in the family of the one they share.
 */
function relatedHere(a: FamilyRegistration, b: FamilyRegistration, parent: string): boolean {
  if (a.youth === b.youth) return false;
  const shared = a.parents.filter((p) => b.parents.includes(p)).sort();
  return shared[0] === parent;
}

/**
 * Two registrations are related through their address when they concern different youths who share
 * no parent: siblings are told of each other by their family match, not a second time for living together.
 */
function relatedByAddress(a: FamilyRegistration, b: FamilyRegistration): boolean {
  return a.youth !== b.youth && !a.parents.some((p) => b.parents.includes(p));
}

/**
 * Who must be told what when registrations join a family match (Jw 7.1.2.3(1)(e)) or an address
 * match (Jw 7.1.2.3(1)(d)): as in the
 * same-youth match (see planMatch), but a registration is told only of the registrations of the
 * other youths of the family — never of its own youth's, which the same-youth match is about — and
 * never of a registration by the same professional. Every registration whose youth has the parent
 * joins; a family match is founded only once two registrations are related through it.
 */
export function planFamily(input: FamilyPlanInput): MatchPlan {
  const plan: MatchPlan = { createMatch: false, join: [], signals: [] };
  const related = (a: FamilyRegistration, b: FamilyRegistration) =>
    a.professionalId !== b.professionalId &&
    (input.kind === 'address' ? relatedByAddress(a, b) : relatedHere(a, b, input.parent));
  if (!input.matchExists) {
    const anyPair = input.active.some((a, i) => input.active.slice(i + 1).some((b) => related(a, b)));
    if (!anyPair) return plan;
    plan.createMatch = true;
  }
  const members = input.active.filter((r) => input.participants.has(r.id));
  const anyRelated = (among: FamilyRegistration[]) => among.some((a) => among.some((b) => related(a, b)));
  for (const newcomer of input.active.filter((r) => !input.participants.has(r.id))) {
    const partners = members.filter((m) => related(m, newcomer));
    plan.join.push(newcomer);
    if (partners.length > 0) {
      const event = (recipient: Person, role: RecipientRole, named: string[], kind: SignalKind): SignalDraft => ({
        kind,
        triggerRegistrationId: newcomer.id,
        recipientProfessionalId: recipient.id,
        recipientOrganisationId: recipient.organisationId,
        recipientRole: role,
        named: [...new Set(named.filter((id) => id !== recipient.id))],
      });
      const person = (r: ActiveRegistration): Person => ({ id: r.professionalId, organisationId: r.organisationId });
      plan.signals.push(
        event(
          person(newcomer),
          'participant',
          partners.map((m) => m.professionalId),
          'match',
        ),
      );
      for (const partner of partners) {
        const known = members.some((m) => m !== partner && related(m, partner));
        plan.signals.push(
          event(person(partner), 'participant', [newcomer.professionalId], known ? 'match_extended' : 'match'),
        );
      }
      const involved = [newcomer, ...partners];
      const everyone = involved.map((r) => r.professionalId);
      const copyKind: SignalKind = anyRelated(members) ? 'match_extended' : 'match';
      for (const copy of copyRecipients(involved, input))
        plan.signals.push(event(copy.person, copy.role, everyone, copyKind));
    }
    members.push(newcomer);
  }
  return plan;
}
