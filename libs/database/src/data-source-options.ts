import type { AppConfig } from '@vir/config';
import type { DataSourceOptions } from 'typeorm';

type PostgresConnectionOptions = Extract<DataSourceOptions, { type: 'postgres' }>;
import { MIGRATIONS } from './migrations';

export function postgresOptions(
  config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'> &
    Partial<Pick<AppConfig, 'DATABASE_CONNECT_TIMEOUT_MS'>>,
): PostgresConnectionOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    poolSize: config.DATABASE_POOL_SIZE,
    extra: {
      application_name: 'verwijsindex',
      // Never wait forever for a connection: while PostgreSQL is away a request fails fast with 503.
      connectionTimeoutMillis: config.DATABASE_CONNECT_TIMEOUT_MS ?? 3000,
    },
    logging: false,
  };
}
