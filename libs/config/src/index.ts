export type { NodeEnv } from './app-config';
export { AppConfig, SECRET_KEYS } from './app-config';
export { ConfigError, describeConfig, loadConfig } from './load-config';
export { ConfigModule } from './config.module';
