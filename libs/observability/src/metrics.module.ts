import { DynamicModule, Global, Module } from '@nestjs/common';
import { Metrics } from './metrics';

/** One Metrics registry per process, named after the process (`api`, `worker`, `cli`). */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(service: string): DynamicModule {
    return {
      module: MetricsModule,
      providers: [{ provide: Metrics, useValue: new Metrics(service) }],
      exports: [Metrics],
    };
  }
}
