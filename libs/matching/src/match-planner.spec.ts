import { ActiveRegistration, MatchPlanInput, planMatch } from './match-planner';

const reg = (n: number, org = `org${n}`): ActiveRegistration => ({
  id: `r${n}`,
  professionalId: `p${n}`,
  organisationId: org,
});

function input(
  active: ActiveRegistration[],
  participants: string[] = [],
  extra: Partial<MatchPlanInput> = {},
): MatchPlanInput {
  const organisations = [...new Set(active.map((r) => r.organisationId))];
  return {
    active,
    participants: new Set(participants),
    matchExists: participants.length > 0,
    coordinatorsByOrganisation: new Map(organisations.map((o) => [o, [{ id: `c-${o}`, organisationId: o }]])),
    municipalityByOrganisation: new Map(organisations.map((o) => [o, '0983'])),
    officersByMunicipality: new Map([['0983', [{ id: 'officer', organisationId: 'gemeente' }]]]),
    ...extra,
  };
}

const summary = (plan: ReturnType<typeof planMatch>) =>
  plan.signals
    .map((s) => `${s.recipientProfessionalId}:${s.kind}:${s.recipientRole}:${[...s.named].sort().join(',')}`)
    .sort();

describe('planMatch', () => {
  it('does nothing for a single registration', () => {
    expect(planMatch(input([reg(1)]))).toEqual({ createMatch: false, join: [], signals: [] });
  });

  it('creates a match for the second registration: both professionals, both coordinators and the officer are told', () => {
    const plan = planMatch(input([reg(1), reg(2)]));
    expect(plan.createMatch).toBe(true);
    expect(plan.join.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(summary(plan)).toEqual(
      [
        'p2:match:participant:p1',
        'p1:match:participant:p2',
        'c-org1:match:coordinator:p1,p2',
        'c-org2:match:coordinator:p1,p2',
        'officer:match:follow_up_officer:p1,p2',
      ].sort(),
    );
    expect(new Set(plan.signals.map((s) => s.triggerRegistrationId))).toEqual(new Set(['r2']));
  });

  it('extends an open match: the newcomer learns of everyone, everyone learns of the newcomer', () => {
    const plan = planMatch(input([reg(1), reg(2), reg(3)], ['r1', 'r2']));
    expect(plan.createMatch).toBe(false);
    expect(plan.join.map((r) => r.id)).toEqual(['r3']);
    expect(summary(plan)).toEqual(
      [
        'p3:match:participant:p1,p2',
        'p1:match_extended:participant:p3',
        'p2:match_extended:participant:p3',
        'c-org1:match_extended:coordinator:p1,p2,p3',
        'c-org2:match_extended:coordinator:p1,p2,p3',
        'c-org3:match_extended:coordinator:p1,p2,p3',
        'officer:match_extended:follow_up_officer:p1,p2,p3',
      ].sort(),
    );
  });

  it('matches two professionals of one organisation, with one coordinator copy per event', () => {
    const plan = planMatch(input([reg(1, 'school'), reg(2, 'school')]));
    expect(summary(plan)).toEqual([
      'c-school:match:coordinator:p1,p2',
      'officer:match:follow_up_officer:p1,p2',
      'p1:match:participant:p2',
      'p2:match:participant:p1',
    ]);
  });

  it('handles several newcomers in one go in registration order, each participant told once per later participant', () => {
    const n = 6;
    const active = Array.from({ length: n }, (_, i) => reg(i + 1));
    const plan = planMatch(input(active));
    const participantSignals = plan.signals.filter((s) => s.recipientRole === 'participant');
    for (let i = 1; i <= n; i += 1) {
      const received = participantSignals.filter((s) => s.recipientProfessionalId === `p${i}`);
      // one on joining (except the founder) plus one for each later participant
      expect(received).toHaveLength((i === 1 ? 0 : 1) + (n - i));
    }
    const keys = plan.signals.map((s) => `${s.triggerRegistrationId}/${s.recipientProfessionalId}/${s.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(plan.signals.filter((s) => s.kind === 'match').length).toBe(n - 1 + 4); // each newcomer's own, plus the founder's, two coordinators' and the officer's copy of the first event
  });

  it('informs the follow-up officers of every municipality involved, once each', () => {
    const plan = planMatch(
      input([reg(1), reg(2)], [], {
        municipalityByOrganisation: new Map([
          ['org1', '0983'],
          ['org2', '0957'],
        ]),
        officersByMunicipality: new Map([
          ['0983', [{ id: 'venlo', organisationId: 'g1' }]],
          [
            '0957',
            [
              { id: 'roermond', organisationId: 'g2' },
              { id: 'roermond2', organisationId: 'g2' },
            ],
          ],
        ]),
      }),
    );
    expect(
      plan.signals
        .filter((s) => s.recipientRole === 'follow_up_officer')
        .map((s) => s.recipientProfessionalId)
        .sort(),
    ).toEqual(['roermond', 'roermond2', 'venlo']);
  });

  it('does nothing again once everyone takes part (a retried job)', () => {
    expect(planMatch(input([reg(1), reg(2)], ['r1', 'r2'])).signals).toEqual([]);
  });
});
