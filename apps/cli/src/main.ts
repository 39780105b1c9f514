import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { systemActor } from '@vir/common';
import { AuditChain, AuditKeyMissingError } from '@vir/audit';
import { BrpError, BrpPersonen } from '@vir/brp';
import { ConfigError, EXIT_CONFIG, loadConfig } from '@vir/config';
import { grantApplicationRole, postgresOptions, runMigrationsLocked } from '@vir/database';
import { Invitation, InvitePersonCommand } from '@vir/identity';
import { OperatorCommands, OrganisationsBootstrap } from '@vir/organisations';
import { youthKeyVersions } from '@vir/registrations';
import { DataSource } from 'typeorm';
import { BrpCheckModule, CliModule } from './cli.module';
import { DemoIdentityProvider, seedDemo } from './seed-demo';

const USAGE = `Usage: npm run cli -- <command>

  migrate                      apply pending database migrations (safe with several replicas); with DATABASE_APP_ROLE
                               set, grant that role what api and worker need (no DDL, the audit log append-only)
  seed-demo [--json]           load the demo region (Venlo's covenant partners, Beesel; not in production) and print its
                               credentials and demo logins
  admin create [label]         issue a new gemeente-administrator credential; prints its secret once
  admin invite <email> <name>  make <email> an administrator (a person) of the operating college and print a
                               one-time invitation link to the portal, where they set a password and TOTP
  college connect <cbs-code> <college-name> <email> <name>
                               connect a college to this regional deployment: its municipality organisation and a
                               first administrator (a person), whose one-time invitation link is printed
  organisations list           list connected and disconnected organisations
  credentials revoke <id>      revoke a credential with immediate effect
  audit verify [anchor-file]   check the audit log's keyed hash chain (VIR_AUDIT_KEY) and the signed heads in the anchor
                               file (default AUDIT_ANCHOR_FILE); names what is missing or changed
  keys report                  how many stored youth keys are on each pseudonym key version
  brp check                    check the connection to the BRP (BRP_URL and its authentication): one query for a BSN
                               of the official test set, answered as the Haal Centraal BRP Personen API specifies
`;

/** `--idp <issuer> <client-id> <client-secret>` of seed-demo (npm start passes its demo provider). */
function demoProviderArgs(args: string[]): DemoIdentityProvider | undefined | 'invalid' {
  const at = args.indexOf('--idp');
  if (at < 0) return undefined;
  const [issuer, clientId, clientSecret] = args.slice(at + 1, at + 4);
  if (!/^https?:\/\/\S+$/.test(issuer ?? '') || !clientId || !clientSecret) return 'invalid';
  return { issuer, clientId, clientSecret };
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

async function withContext<T>(work: (get: <S>(type: new (...args: never[]) => S) => S) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    return await work((type) => app.get(type));
  } finally {
    await app.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, sub, arg] = argv;
  const config = loadConfig();
  switch (command) {
    case 'migrate': {
      const dataSource = await new DataSource(postgresOptions({ ...config, DATABASE_POOL_SIZE: 2 })).initialize();
      try {
        const applied = await runMigrationsLocked(dataSource);
        console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.');
        if (config.DATABASE_APP_ROLE) {
          await grantApplicationRole(dataSource, config.DATABASE_APP_ROLE);
          console.log(
            `Granted ${config.DATABASE_APP_ROLE} the privileges of api and worker (no DDL; audit log append-only).`,
          );
        }
      } finally {
        await dataSource.destroy();
      }
      return 0;
    }
    case 'seed-demo': {
      const provider = demoProviderArgs(argv.slice(1));
      if (provider === 'invalid') {
        console.error(
          'Give the demo identity provider as: seed-demo --json --idp <issuer> <client-id> <client-secret>',
        );
        return 2;
      }
      return withContext(async (get) => {
        const { summary, logins } = await seedDemo(get, provider);
        if (argv.includes('--json')) {
          console.log(JSON.stringify({ ...summary, logins }));
          return 0;
        }
        for (const credential of summary.credentials) {
          console.log(
            `  ${credential.organisation.padEnd(40)} Bearer ${credential.secret}   (${credential.scopes.join(', ')})`,
          );
        }
        console.log(`\n  ${summary.organisations} organisations connected; not connected (not a designated category):`);
        for (const skipped of summary.skipped) console.log(`    - ${skipped.name}: ${skipped.why}`);
        return 0;
      });
    }
    case 'admin':
      if (sub === 'invite') {
        const email = arg;
        const name = argv.slice(3).join(' ').trim();
        if (!email || !EMAIL.test(email) || !name || name.length > 200) {
          console.error('Give the e-mail address and the name: admin invite beheerder@example.org "Anne de Vries"');
          return 2;
        }
        return withContext(async (get) => {
          const personId = await get(OrganisationsBootstrap).ensureAdministratorPerson(email, name);
          const invitation: Invitation = await get(CommandBus).execute(
            new InvitePersonCommand(personId, systemActor(undefined, config.VIR_MUNICIPALITY_CODE)),
          );
          console.log(
            `Administrator ${name} <${email}>: one-time invitation link (valid until ${invitation.expiresAt.toISOString()}):`,
          );
          console.log(invitation.link);
          return 0;
        });
      }
      if (sub !== 'create') break;
      return withContext(async (get) => {
        const { id, secret } = await get(OperatorCommands).createAdministrator(arg ?? 'created with the CLI');
        console.log(`Administrator credential ${id}\nSecret (shown once): ${secret}`);
        return 0;
      });
    case 'college': {
      if (sub !== 'connect') break;
      const [code, collegeName, email, ...rest] = argv.slice(2);
      const name = rest.join(' ').trim();
      if (!/^\d{4}$/.test(code ?? '') || !collegeName?.trim() || !EMAIL.test(email ?? '') || !name) {
        console.error(
          'Give the CBS code, the name, and the first administrator: college connect 0889 "Gemeente Beesel" beheerder.beesel@example.org "Anne de Vries"',
        );
        return 2;
      }
      return withContext(async (get) => {
        const personId = await get(OrganisationsBootstrap).ensureAdministratorPerson(email, name, {
          code,
          name: collegeName.trim(),
        });
        const invitation: Invitation = await get(CommandBus).execute(
          new InvitePersonCommand(personId, systemActor(undefined, code)),
        );
        console.log(
          `College ${code} ${collegeName.trim()} is connected. First administrator ${name} <${email}>, one-time invitation link (valid until ${invitation.expiresAt.toISOString()}):`,
        );
        console.log(invitation.link);
        return 0;
      });
    }
    case 'organisations':
      if (sub !== 'list') break;
      return withContext(async (get) => {
        for (const o of await get(OperatorCommands).listOrganisations()) {
          console.log(
            `${o.id}  ${o.municipalityCode}  ${o.status.padEnd(12)} ${o.kind.padEnd(18)} ${String(o.activeCredentials).padStart(2)} credential(s)  ${o.name}`,
          );
        }
        return 0;
      });
    case 'credentials':
      if (sub !== 'revoke' || !arg) break;
      if (!/^[0-9a-f-]{36}$/i.test(arg)) {
        console.error('Give the credential id (a UUID).');
        return 2;
      }
      return withContext(async (get) => {
        const revoked = await get(OperatorCommands).revokeCredential(arg);
        console.log(revoked ? `Credential ${arg} revoked.` : `No credential ${arg}.`);
        return revoked ? 0 : 1;
      });
    case 'brp': {
      if (sub !== 'check') break;
      if (!config.BRP_URL) {
        console.error('No BRP is configured: set BRP_URL (and BRP_API_KEY, or the BRP_TOKEN_URL client credentials).');
        return 1;
      }
      const app = await NestFactory.createApplicationContext(BrpCheckModule, { logger: false });
      try {
        const ms = await app.get(BrpPersonen).check();
        console.log(`The BRP at ${config.BRP_URL} answered the check query in ${ms} ms, as the specification says.`);
        return 0;
      } catch (error) {
        if (!(error instanceof BrpError)) throw error;
        console.error(`${error.message}.`);
        return 1;
      } finally {
        await app.close();
      }
    }
    case 'keys':
      if (sub !== 'report') break;
      return withContext(async (get) => {
        const rows = await youthKeyVersions(get(DataSource));
        console.log(`current pseudonym key version: ${config.VIR_PSEUDONYM_KEY_VERSION}`);
        for (const row of rows) console.log(`  ${row.source.padEnd(22)} version ${row.key_version}: ${row.n}`);
        const stale = rows
          .filter((row) => row.key_version !== config.VIR_PSEUDONYM_KEY_VERSION)
          .reduce((sum, row) => sum + row.n, 0);
        console.log(
          stale
            ? `${stale} rows still on an earlier version (they move when presented again, or leave as they expire)`
            : 'every row is on the current version',
        );
        return 0;
      });
    case 'audit':
      if (sub !== 'verify') break;
      if (!config.VIR_AUDIT_KEY) throw new AuditKeyMissingError();
      return withContext(async (get) => {
        const anchorFile = arg ?? config.AUDIT_ANCHOR_FILE;
        const result = await get(AuditChain).verify({ anchorFile });
        const anchors = anchorFile
          ? `; ${result.anchorsChecked} anchored heads checked`
          : '; no anchor file given (AUDIT_ANCHOR_FILE), so a cut tail cannot be seen';
        if (result.intact) {
          console.log(
            `intact: ${result.checked} events checked${result.unsealed ? ` (${result.unsealed} recent events not sealed yet)` : ''}${anchors}`,
          );
          return 0;
        }
        if (result.brokenAtEventId) {
          console.log(
            `broken: audit event ${result.brokenAtEventId} (chain position ${result.chainPosition}): ${result.reason}; ${result.checked} events before it are intact`,
          );
        } else console.log(`broken: ${result.reason}`);
        for (const problem of result.anchorProblems)
          console.log(`  anchor file line ${problem.line}: ${problem.problem}`);
        return 1;
      });
    default:
      break;
  }
  process.stderr.write(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(error instanceof ConfigError || error instanceof AuditKeyMissingError ? EXIT_CONFIG : 1);
  },
);
