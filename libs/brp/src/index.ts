/** Platform: the gemeente's BRP through the Haal Centraal BRP Personen API v2 — checked answers, retries, a circuit breaker. */
export { BrpError } from './brp-errors';
export { BrpPersonen } from './brp-personen.client';
export { placeOf } from './brp-person';
export { BrpModule } from './brp.module';
export { BrpChangeSource } from './brp-changes';
