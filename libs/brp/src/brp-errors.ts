/**
 * Why a BRP request gave no answer the index can use. The messages name a status, a path in the
 * answer or a cause — never a BSN, a name or anything else of a person.
 */
export class BrpError extends Error {
  constructor(
    readonly reason: 'unavailable' | 'refused' | 'invalid_answer',
    message: string,
  ) {
    super(message);
    this.name = 'BrpError';
  }
}

/** Network failure, timeout, 429 or 5xx, or the breaker is open: try again later. */
export const brpUnavailable = (cause: string) => new BrpError('unavailable', `The BRP is unavailable: ${cause}`);

/** The gateway refused the request (4xx): a configuration or authorisation problem, not retried. */
export const brpRefused = (status: number) => new BrpError('refused', `The BRP refused the request (HTTP ${status})`);

/** The answer does not follow the Personen API specification: untrusted input, not used. */
export const brpInvalidAnswer = (where: string) =>
  new BrpError('invalid_answer', `The BRP answered outside its specification at ${where}`);
