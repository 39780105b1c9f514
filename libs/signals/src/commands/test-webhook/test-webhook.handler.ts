import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditLog } from '@vir/audit';
import { actorOf } from '@vir/auth';
import { RuleViolationError } from '@vir/common';
import { AppConfig } from '@vir/config';
import { rows, sql } from '@vir/database';
import { OrganisationAccess, webhookTargets } from '@vir/organisations';
import { DataSource } from 'typeorm';
import { attemptWebhook } from '../../webhook-attempt';
import { WebhookClient } from '../../webhook-client';
import { TestWebhookCommand, WebhookTestView } from './test-webhook.command';

@CommandHandler(TestWebhookCommand)
export class TestWebhookHandler implements ICommandHandler<TestWebhookCommand, WebhookTestView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OrganisationAccess,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
    private readonly webhooks: WebhookClient,
  ) {}

  async execute({ principal, organisationId }: TestWebhookCommand): Promise<WebhookTestView> {
    const organisation = await this.access.loadForAdmin(principal, organisationId);
    const [target] = await rows<{ webhook_url: string | null; webhook_secret: string | null }>(
      this.dataSource,
      sql`SELECT webhook_url, webhook_secret FROM ${webhookTargets()} o WHERE o.id = ${organisation.id}`,
    );
    if (!target?.webhook_url || !target.webhook_secret)
      throw new RuleViolationError(
        'WEBHOOK_NOT_SET',
        'No webhook',
        'This organisation has no webhook to test; set webhookUrl and webhookSecret first.',
        'webhookUrl',
      );
    const eventId = randomUUID();
    const attempt = await attemptWebhook(
      this.webhooks,
      this.config.WEBHOOK_ALLOW_PRIVATE_TARGETS,
      { url: target.webhook_url, secret: target.webhook_secret },
      {
        id: eventId,
        source: `${this.config.VIR_PUBLIC_URL}/v1`,
        type: 'nl.verwijsindex.webhook-test',
        data: { organisationId: organisation.id },
      },
    );
    const response = attempt.ok ? attempt.response : attempt.reason;
    await this.audit.record(this.dataSource.manager, {
      action: 'organisation.webhook-tested',
      objectType: 'organisation',
      objectId: organisation.id,
      actor: actorOf(principal),
      details: { delivered: attempt.ok, response },
    });
    return { delivered: attempt.ok, response, eventId };
  }
}
