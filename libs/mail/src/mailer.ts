import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@vir/config';
import { UnrecoverableError } from 'bullmq';
import { createTransport, Transporter } from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  messageId?: string;
}

/** SMTP for the worker (SMTP_URL); one pooled transport per process. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private transport?: Transporter;

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.SMTP_URL !== undefined;
  }

  async send(mail: Mail): Promise<void> {
    if (!this.config.SMTP_URL) throw new UnrecoverableError('e-mail is not configured (SMTP_URL)');
    this.transport ??= createTransport(this.config.SMTP_URL);
    await this.transport.sendMail({ from: this.config.SMTP_FROM, ...mail });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}

/** A mail server's permanent refusal (5xx) is not retried. */
export function isPermanentMailFailure(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return code !== undefined && code >= 500;
}
