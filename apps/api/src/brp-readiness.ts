import { Injectable } from '@nestjs/common';
import { BrpPersonen } from '@vir/brp';
import { AppConfig } from '@vir/config';
import { rows } from '@vir/database';
import { awaitingVerificationCount } from '@vir/registrations';
import { DataSource } from 'typeorm';

/**
 * The BRP as readiness reports it: `up` while this api calls it, `degraded` while its breaker keeps
 * the BRP out after repeated failures (registrations are then accepted as awaiting verification), and
 * how many registrations wait for the BRP. Nothing when no BRP is connected.
 */
@Injectable()
export class BrpReadiness {
  constructor(
    private readonly brp: BrpPersonen,
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  async details(): Promise<Record<string, unknown> | undefined> {
    if (!this.config.BRP_URL) return undefined;
    const [row] = await rows<{ awaiting: number }>(this.dataSource, awaitingVerificationCount());
    const awaitingVerification = row?.awaiting ?? 0;
    if (this.brp.available) return { status: 'up', awaitingVerification };
    return {
      status: 'degraded',
      awaitingVerification,
      message:
        'the BRP failed repeatedly: registrations are accepted as awaiting verification and verified when it answers again',
    };
  }
}
