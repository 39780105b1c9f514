/** Platform: the configuration of every process, read from the environment and validated before anything starts. */
export { AppConfig } from './app-config';
export { ConfigError, describeConfig, EXIT_CONFIG, loadConfig, loadConfigOrExit } from './load-config';
export { ConfigModule } from './config.module';
