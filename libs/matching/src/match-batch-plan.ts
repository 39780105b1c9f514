import type { FollowUpSettings } from './follow-up.service';
import { FamilyRegistration, planFamily } from './family-planner';
import { ActiveRegistration, MatchPlan, Person, planMatch, SignalDraft } from './match-planner';
import type { MatchKind, SignalToWrite } from '@vir/signals';

/** What the locked read found of one youth of a batch. */
export interface YouthState {
  youth_key: Buffer;
  active: (ActiveRegistration & { checked: boolean })[];
  match_id: string | null;
  participants: string[];
  archived: string[];
}

/** Who gets copies, per organisation and college, and each college's follow-up terms. */
export interface Copies {
  coordinatorsByOrganisation: Map<string, Person[]>;
  municipalityByOrganisation: Map<string, string>;
  officersByMunicipality: Map<string, Person[]>;
  followUpByMunicipality: Map<string, FollowUpSettings>;
}

/** What the locked read found of one parent (or address) of a batch's youths. */
export interface GroupState {
  group_key: Buffer;
  active: FamilyRegistration[];
  match_id: string | null;
  participants: string[];
}

/** What matching decided for one youth of a batch, or (kinds `family`, `address`) for one parent or address of its youths. */
export interface YouthPlan {
  /** The youth's key, or the parent's, or the address's (hex). */
  key: string;
  kind: MatchKind;
  state: YouthState;
  plan: MatchPlan;
  matchId: string | null;
  correlationId: string | null;
}

/** The plan of every youth of a batch (pure): who joins which match, who is told what. */
export function planYouths(
  states: YouthState[],
  copies: Copies,
  correlationOfYouth: Map<string, string | null>,
): YouthPlan[] {
  return states.map((state) => {
    const key = state.youth_key.toString('hex');
    const plan = planMatch({
      active: state.active,
      participants: new Set(state.participants),
      matchExists: state.match_id !== null,
      ...copies,
    });
    return {
      key,
      kind: 'same_youth' as const,
      state,
      plan,
      matchId: state.match_id,
      correlationId: correlationOfYouth.get(key) ?? null,
    };
  });
}

/**
 * The family (or address) plans of a batch (pure). Such a plan marks no registration checked and
 * sends no archive signal: those belong to each registration's own youth plan.
 */
export function planGroups(
  kind: 'family' | 'address',
  states: GroupState[],
  copies: Copies,
  correlationOfYouth: Map<string, string | null>,
): YouthPlan[] {
  return states.map((state) => {
    const key = state.group_key.toString('hex');
    const plan = planFamily({
      kind,
      parent: key,
      active: state.active,
      participants: new Set(state.participants),
      matchExists: state.match_id !== null,
      ...copies,
    });
    const first = state.active.find((r) => correlationOfYouth.has(r.youth));
    return {
      key,
      kind,
      state: {
        youth_key: state.group_key,
        active: [],
        match_id: state.match_id,
        participants: state.participants,
        archived: [],
      },
      plan,
      matchId: state.match_id,
      correlationId: (first && correlationOfYouth.get(first.youth)) ?? null,
    };
  });
}

/**
 * Historical archive (Jw 7.1.4.6(2)): a professional who registers a youth with archive entries
 * receives one archive signal naming the archived registrations' professionals — once, only them,
 * never the archived entry's own professional.
 */
function archiveSignals(archived: string[], registrations: ActiveRegistration[]): (SignalDraft & { matchId: null })[] {
  if (archived.length === 0) return [];
  return registrations
    .map((registration) => ({
      kind: 'archive' as const,
      matchId: null,
      triggerRegistrationId: registration.id,
      recipientProfessionalId: registration.professionalId,
      recipientOrganisationId: registration.organisationId,
      recipientRole: 'participant' as const,
      named: archived.filter((id) => id !== registration.professionalId),
    }))
    .filter((draft) => draft.named.length > 0);
}

/** The signals of every youth of a batch; each carries the correlation id of the request that triggered it. */
export function signalDrafts(plans: YouthPlan[], correlationOf: Map<string, string | null>): SignalToWrite[] {
  return plans.flatMap((p) => {
    const unchecked = p.state.active.filter((r) => !r.checked);
    const drafts = [
      ...p.plan.signals.map((s) => ({ ...s, matchId: p.matchId, matchKind: p.kind })),
      ...archiveSignals(p.state.archived, unchecked),
    ];
    return drafts.map((d) => ({ ...d, correlationId: correlationOf.get(d.triggerRegistrationId) ?? p.correlationId }));
  });
}
