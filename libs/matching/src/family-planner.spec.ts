import { FamilyRegistration, planFamily } from './family-planner';

const copies = {
  coordinatorsByOrganisation: new Map([
    ['org-a', [{ id: 'coord-a', organisationId: 'org-a' }]],
    ['org-b', [{ id: 'coord-b', organisationId: 'org-b' }]],
  ]),
  municipalityByOrganisation: new Map([
    ['org-a', '0983'],
    ['org-b', '0889'],
  ]),
  officersByMunicipality: new Map([
    ['0983', [{ id: 'officer-venlo', organisationId: 'gem-venlo' }]],
    ['0889', [{ id: 'officer-beesel', organisationId: 'gem-beesel' }]],
  ]),
};

const reg = (id: string, professional: string, organisation: string, youth: string, parents: string[]) => ({
  id,
  professionalId: professional,
  organisationId: organisation,
  youth,
  parents,
});

const plan = (parent: string, active: FamilyRegistration[], participants: string[] = []) =>
  planFamily({ parent, active, participants: new Set(participants), matchExists: participants.length > 0, ...copies });

describe('the family planner', () => {
  const lotte = reg('r1', 'p1', 'org-a', 'lotte', ['mother', 'father']);
  const daan = reg('r2', 'p2', 'org-b', 'daan', ['mother', 'father']);

  it('matches siblings once, in the family of the first parent they share, across organisations and colleges', () => {
    const first = plan('father', [lotte, daan]);
    expect(first.createMatch).toBe(true);
    expect(first.join.map((r) => r.id)).toEqual(['r1', 'r2']);
    const participants = first.signals.filter((s) => s.recipientRole === 'participant');
    expect(participants.map((s) => [s.recipientProfessionalId, s.kind, s.named])).toEqual([
      ['p2', 'match', ['p1']],
      ['p1', 'match', ['p2']],
    ]);
    const copiesTo = first.signals
      .filter((s) => s.recipientRole !== 'participant')
      .map((s) => s.recipientProfessionalId);
    expect(copiesTo.sort()).toEqual(['coord-a', 'coord-b', 'officer-beesel', 'officer-venlo']);
    // 'father' < 'mother': the second shared parent founds nothing.
    expect(plan('mother', [lotte, daan])).toEqual({ createMatch: false, join: [], signals: [] });
  });

  it("tells a registrant only of the other youths' registrants, never of their own youth's", () => {
    const lotteAgain = reg('r3', 'p3', 'org-b', 'lotte', ['mother', 'father']);
    const result = plan('father', [lotte, daan, lotteAgain], ['r1', 'r2']);
    const participants = result.signals.filter((s) => s.recipientRole === 'participant');
    expect(participants.map((s) => [s.recipientProfessionalId, s.kind, s.named])).toEqual([
      ['p3', 'match', ['p2']],
      ['p2', 'match_extended', ['p3']],
    ]);
  });

  it('founds nothing for registrations of one youth, or of siblings by the same professional', () => {
    expect(plan('father', [lotte, reg('r4', 'p4', 'org-b', 'lotte', ['mother', 'father'])]).createMatch).toBe(false);
    expect(plan('father', [lotte, reg('r5', 'p1', 'org-a', 'daan', ['mother', 'father'])]).createMatch).toBe(false);
  });

  it('matches half-siblings in the family of the parent they share', () => {
    const noah = reg('r6', 'p6', 'org-a', 'noah', ['mother', 'stepfather']);
    const result = plan('mother', [lotte, daan, noah]);
    expect(result.createMatch).toBe(true);
    // Lotte and Daan share 'father' first: in this family only Noah's registrant meets them.
    const participants = result.signals.filter((s) => s.recipientRole === 'participant');
    expect(participants.map((s) => [s.recipientProfessionalId, s.named])).toEqual([
      ['p6', ['p1', 'p2']],
      ['p1', ['p6']],
      ['p2', ['p6']],
    ]);
  });

  it('adds nothing on a rerun: everyone already takes part', () => {
    expect(plan('father', [lotte, daan], ['r1', 'r2']).signals).toEqual([]);
  });

  describe('for an address', () => {
    const atAddress = (active: FamilyRegistration[], participants: string[] = []) =>
      planFamily({
        kind: 'address',
        parent: 'address',
        active,
        participants: new Set(participants),
        matchExists: participants.length > 0,
        ...copies,
      });
    const levi = reg('r3', 'p3', 'org-a', 'levi', ['mother-levi']);
    const mila = reg('r4', 'p4', 'org-b', 'mila', []);

    it('matches youths of different families at one address, with both colleges copied', () => {
      const first = atAddress([levi, mila]);
      expect(first.createMatch).toBe(true);
      expect(first.signals.map((s) => [s.recipientProfessionalId, s.recipientRole, s.kind, s.named]).sort()).toEqual(
        [
          ['p4', 'participant', 'match', ['p3']],
          ['p3', 'participant', 'match', ['p4']],
          ['coord-a', 'coordinator', 'match', ['p4', 'p3']],
          ['coord-b', 'coordinator', 'match', ['p4', 'p3']],
          ['officer-venlo', 'follow_up_officer', 'match', ['p4', 'p3']],
          ['officer-beesel', 'follow_up_officer', 'match', ['p4', 'p3']],
        ].sort(),
      );
    });

    it('does not tell siblings at their address what their family match tells them', () => {
      expect(atAddress([lotte, daan])).toEqual({ createMatch: false, join: [], signals: [] });
      const third = atAddress([lotte, daan, mila]);
      expect(third.createMatch).toBe(true);
      const told = third.signals.filter((s) => s.recipientRole === 'participant');
      expect(told.map((s) => [s.recipientProfessionalId, s.named])).toEqual([
        ['p4', ['p1', 'p2']],
        ['p1', ['p4']],
        ['p2', ['p4']],
      ]);
    });

    it('does not match two registrations of one youth at their address', () => {
      const again = reg('r5', 'p5', 'org-b', 'levi', ['mother-levi']);
      expect(atAddress([levi, again]).createMatch).toBe(false);
    });
  });
});
