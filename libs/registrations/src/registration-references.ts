import type { Sql } from '@vir/database';

/**
 * Another context's rows that point at a registration (a match participation, a signal it
 * triggered) keep its tombstone alive. Each such owner publishes the condition that tells, given the
 * registration id as an SQL expression; the application wires them in (the worker module), so the
 * registrations lib does not name tables it does not own. The foreign keys stay as the safety net.
 */
export type RegistrationReference = (registrationId: Sql) => Sql;

export const REGISTRATION_REFERENCES = Symbol('REGISTRATION_REFERENCES');

/** A tombstone (who registered, when, why it ended; no youth key) is kept two years after its registration ended: the statistics and the log's context need it that long. */
export const TOMBSTONE_TERM_MONTHS = 24;

/**
 * Another context's rows keyed by the youth key (an open match) move with it when a key rotation
 * re-keys a youth presented again: given the new key and the array of old keys (SQL expressions),
 * the owner's UPDATE, run as a step of the re-keying statement. Wired in by the api module.
 */
export type YouthKeyHolder = (newKey: Sql, oldKeys: Sql) => Sql;

export const YOUTH_KEY_HOLDERS = Symbol('YOUTH_KEY_HOLDERS');
