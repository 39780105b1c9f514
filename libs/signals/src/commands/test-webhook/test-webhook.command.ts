import { ApiProperty } from '@nestjs/swagger';
import type { Principal } from '@vir/auth';

/** Sends the organisation's webhook a signed test event, so the administrator sees the connection works before a signal depends on it. */
export class TestWebhookCommand {
  constructor(
    readonly principal: Principal,
    readonly organisationId: string,
  ) {}
}

export class WebhookTestView {
  @ApiProperty({ description: 'The receiver answered 2xx' }) delivered: boolean;
  @ApiProperty({
    example: 'http 204',
    description: 'The receiver’s status (`http 204`), or why it failed (`network ECONNREFUSED`, `refused: …`)',
  })
  response: string;
  @ApiProperty({ format: 'uuid', description: 'The test event’s CloudEvents id (type nl.verwijsindex.webhook-test)' })
  eventId: string;
}
