import { Module } from '@nestjs/common';
import { MailModule } from '@vir/mail';
import { IncidentNotifier } from './jobs/notify-incident.job';

/** Worker side of incident notification; the worker's one SMTP transport is shared with signal delivery. */
@Module({ imports: [MailModule], providers: [IncidentNotifier] })
export class IncidentNotificationsJobsModule {}
