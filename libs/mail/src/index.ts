/** Platform: e-mail over SMTP (SMTP_URL, SMTP_FROM), one pooled transport per process. */
export { isPermanentMailFailure, Mailer } from './mailer';
export { MailModule } from './mail.module';
