import type { FollowUpSettings } from './follow-up.service';
import { ActiveRegistration, MatchPlan, Person, planMatch, SignalDraft } from './match-planner';
import type { SignalToWrite } from '@vir/signals';

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

/** What matching decided for one youth of a batch. */
export interface YouthPlan {
  key: string;
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
    return { key, state, plan, matchId: state.match_id, correlationId: correlationOfYouth.get(key) ?? null };
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
      ...p.plan.signals.map((s) => ({ ...s, matchId: p.matchId })),
      ...archiveSignals(p.state.archived, unchecked),
    ];
    return drafts.map((d) => ({ ...d, correlationId: correlationOf.get(d.triggerRegistrationId) ?? p.correlationId }));
  });
}
