import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { alert, page } from './html';

/** A page, never a stack trace or JSON: 4xx for what the browser sent wrong, a generic 500 (logged) for the rest. */
@Catch()
export class PortalErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const framework = error as { statusCode?: number };
    const status =
      error instanceof HttpException
        ? error.getStatus()
        : framework.statusCode && framework.statusCode >= 400 && framework.statusCode < 500
          ? framework.statusCode
          : 500;
    if (status >= 500) this.logger.error({ err: error, correlationId: request.id }, 'portal request failed');
    void reply
      .status(status)
      .type('text/html; charset=utf-8')
      .send(
        page({
          title: status >= 500 ? 'Er ging iets mis' : 'Verzoek niet begrepen',
          body: alert(
            'error',
            status === 413
              ? 'Het bestand of formulier is te groot. Een bestand met medewerkers mag hooguit 64 kB zijn; splits het zo nodig.'
              : `Dat lukte niet. Probeer het opnieuw. Noem bij een vraag aan de beheerder dit kenmerk: ${String(request.id)}.`,
          ),
        }),
      );
  }
}
