import { Module } from '@nestjs/common';
import { IdentityRetention } from './jobs/identity-retention';

/** The worker's part of identity: pruning sessions, invitations and started single sign-ons that are of no more use. */
@Module({ providers: [IdentityRetention] })
export class IdentityJobsModule {}
