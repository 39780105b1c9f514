import { FieldProblem } from './app-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details, with this service's stable `code` and the fields at fault. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  correlationId?: string;
  errors?: FieldProblem[];
}

export function problem(
  status: number,
  code: string,
  title: string,
  detail: string,
  extra: { instance?: string; correlationId?: string; errors?: FieldProblem[] } = {},
): ProblemDetails {
  const body: ProblemDetails = {
    type: `urn:verwijsindex:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    title,
    status,
    detail,
    code,
  };
  if (extra.instance) body.instance = extra.instance;
  if (extra.correlationId) body.correlationId = extra.correlationId;
  if (extra.errors && extra.errors.length > 0) body.errors = extra.errors;
  return body;
}

/** Fastify's own errors (body parsing, limits, URLs) as problems; undefined when it is not one of them. */
export function fromFrameworkError(error: {
  code?: string;
  statusCode?: number;
  message?: string;
}): ProblemDetails | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'PAYLOAD_TOO_LARGE', 'Request body too large', 'The request body exceeds 64 KiB.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Unsupported media type',
        'Send the request body as application/json (UTF-8).',
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'MALFORMED_JSON', 'Malformed JSON', 'The request body is empty but declared as JSON.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem(
        400,
        'INVALID_CONTENT_LENGTH',
        'Invalid Content-Length',
        'The Content-Length header does not match the body.',
      );
    case 'FST_ERR_BAD_URL':
      return problem(400, 'BAD_URL', 'Bad URL', 'The request URL could not be decoded.');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return problem(
        414,
        'URI_TOO_LONG',
        'URI too long',
        'A path segment of the URL is longer than this service accepts.',
      );
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_PLUGIN':
      return problem(400, 'MALFORMED_JSON', 'Malformed JSON', 'The request body is not valid JSON.');
    default:
      break;
  }
  if (error.statusCode === 413) return fromFrameworkError({ code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
  if (error.statusCode === 415) return fromFrameworkError({ code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' });
  if (error.statusCode === 414) return fromFrameworkError({ code: 'FST_ERR_MAX_PARAM_LENGTH' });
  if (error.statusCode === 400 && (error instanceof SyntaxError || /JSON/i.test(error.message ?? ''))) {
    return problem(400, 'MALFORMED_JSON', 'Malformed JSON', 'The request body is not valid JSON.');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return problem(error.statusCode, 'BAD_REQUEST', 'Bad request', 'The request could not be read.');
  }
  return undefined;
}

export const DATABASE_RETRY_AFTER_SECONDS = 5;

export function databaseUnavailable(): ProblemDetails {
  return problem(
    503,
    'SERVICE_UNAVAILABLE',
    'Service unavailable',
    `The database cannot be reached right now; nothing was changed. Retry after ${DATABASE_RETRY_AFTER_SECONDS} seconds.`,
  );
}
