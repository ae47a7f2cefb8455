export { type AppConfig, ConfigError, config, configOrExit, loadConfig } from './load-config';
export { type Environment, environmentSchema } from './schema';
