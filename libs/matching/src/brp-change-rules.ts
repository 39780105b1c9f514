/** What a BRP answer about a followed youth means for the index. */
export type BrpChange =
  | { kind: 'none' }
  /** The index did not know where the youth lives yet: recorded, nobody told. */
  | { kind: 'learned'; to: string }
  | { kind: 'moved'; from: string; to: string }
  | { kind: 'deceased' };

/**
 * A followed youth as the BRP now has them, against the municipality the index last knew: a death
 * removes everything of the youth (Jw 7.1.4.5(2)(c)); another municipality of registration is a move
 * (Jw 7.1.2.3(1)(g)), also out of the region or abroad (1999, the RNI). A person the BRP no longer
 * knows changes nothing here.
 */
export function brpChange(
  known: string | null,
  person: { deceased: boolean; municipalityCode: string | null } | undefined,
): BrpChange {
  if (!person) return { kind: 'none' };
  if (person.deceased) return { kind: 'deceased' };
  const now = person.municipalityCode;
  if (!now || now === known) return { kind: 'none' };
  return known ? { kind: 'moved', from: known, to: now } : { kind: 'learned', to: now };
}
