import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public, UnauthenticatedError } from '@vir/auth';
import { AppConfig } from '@vir/config';
import { Metrics } from '@vir/observability';
import type { FastifyReply } from 'fastify';

/** Prometheus text format; behind METRICS_TOKEN when one is set. */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async render(@Headers('authorization') authorization: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    if (this.config.METRICS_TOKEN && authorization !== `Bearer ${this.config.METRICS_TOKEN}`)
      throw new UnauthenticatedError();
    await reply.header('content-type', this.metrics.contentType).send(await this.metrics.render());
  }
}
