import { Module } from '@nestjs/common';
import { Mailer } from './mailer';

/** The process's one SMTP transport, for every lib that sends mail (signals, breach notifications). */
@Module({ providers: [Mailer], exports: [Mailer] })
export class MailModule {}
