import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@vir/config';
import { postgresOptions } from './data-source-options';

/** The one PostgreSQL connection pool of a process. Entities register through TypeOrmModule.forFeature in their own lib. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ ...postgresOptions(config), autoLoadEntities: true }),
    }),
  ],
})
export class DatabaseModule {}
