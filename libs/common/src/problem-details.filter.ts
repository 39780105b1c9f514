import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error';
import { isDatabaseUnavailable } from './postgres-errors';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  databaseUnavailable,
  fromFrameworkError,
  problem,
  PROBLEM_CONTENT_TYPE,
  ProblemDetails,
} from './problem-details';

const CODES_BY_STATUS: Record<number, [string, string]> = {
  400: ['BAD_REQUEST', 'Bad request'],
  401: ['UNAUTHENTICATED', 'Authentication required'],
  403: ['FORBIDDEN', 'Forbidden'],
  404: ['NOT_FOUND', 'Not found'],
  405: ['METHOD_NOT_ALLOWED', 'Method not allowed'],
  406: ['NOT_ACCEPTABLE', 'Not acceptable'],
  409: ['CONFLICT', 'Conflict'],
  413: ['PAYLOAD_TOO_LARGE', 'Request body too large'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type'],
  429: ['RATE_LIMITED', 'Too many requests'],
  503: ['SERVICE_UNAVAILABLE', 'Service unavailable'],
};

export interface ProblemDetailsOptions {
  /** The methods a path answers to, for 405 instead of 404 when only the method is wrong. */
  allowedMethods?: (path: string) => string[];
}

/**
 * Turns any error into application/problem+json. A database that cannot be reached is a 503 with
 * Retry-After; any other unknown error is a bare 500 that leaks nothing.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  constructor(private readonly options: ProblemDetailsOptions = {}) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const path = request.url.split('?')[0];
    let body = this.toProblem(exception);
    if (body.status === 404 && !(exception instanceof AppError)) {
      const allowed = this.options.allowedMethods?.(path) ?? [];
      if (allowed.length > 0) {
        reply.header('Allow', allowed.join(', '));
        body = problem(405, 'METHOD_NOT_ALLOWED', 'Method not allowed', `This path answers to ${allowed.join(', ')}.`);
      }
    }
    body.instance = path;
    body.correlationId = String(request.id);
    if (body.status === 429 && !reply.getHeader('retry-after')) reply.header('Retry-After', '60');
    if (body.status === 503 && !reply.getHeader('retry-after'))
      reply.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof AppError) {
      return problem(exception.status, exception.code, exception.title, exception.detail ?? exception.title, {
        errors: exception.fields,
      });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Nest wraps Fastify's body-parsing errors (malformed JSON, size, media type) in an HttpException.
      const framework = fromFrameworkError({ statusCode: status, message: exception.message });
      if (framework && status !== 404 && status !== 429 && status < 500) return framework;
      const [code, title] = CODES_BY_STATUS[status] ?? [status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST', 'Error'];
      const detail =
        status === 404
          ? 'No resource exists at this path.'
          : status === 429
            ? 'Rate limit reached; retry later.'
            : title;
      return problem(status, code, title, detail);
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn({ err: describeUnknownError(exception) }, 'database unavailable');
      return databaseUnavailable();
    }
    const framework = fromFrameworkError(exception as { code?: string; statusCode?: number; message?: string });
    if (framework) return framework;
    this.logger.error({ err: describeUnknownError(exception) }, 'unhandled error');
    return problem(500, 'INTERNAL_ERROR', 'Internal server error', 'Something went wrong on our side.');
  }
}

/**
 * What may be logged of an unexpected error. Database errors carry query parameters and
 * driver details that can hold personal data, so of those only the class and codes are kept.
 */
export function describeUnknownError(exception: unknown): Record<string, unknown> {
  const error = exception as {
    name?: string;
    message?: string;
    stack?: string;
    code?: string;
    driverError?: { code?: string; constraint?: string; table?: string };
  };
  if (error?.name === 'QueryFailedError' || error?.driverError) {
    return {
      name: error.name,
      code: error.driverError?.code ?? error.code,
      constraint: error.driverError?.constraint,
      table: error.driverError?.table,
    };
  }
  return { name: error?.name, message: error?.message, stack: error?.stack };
}
