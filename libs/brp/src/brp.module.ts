import { Module } from '@nestjs/common';
import { AppConfig } from '@vir/config';
import { BrpChangeSource, BrpRequery, BrpUpdateApi } from './brp-changes';
import { BrpPersonen } from './brp-personen.client';
import { BrpTokens } from './brp-tokens';

/**
 * The gemeente's BRP (Haal Centraal BRP Personen API v2) for every lib that verifies or looks up
 * youths, and the source of its changes: the Update API when BRP_UPDATE_URL is set, else asking again.
 */
@Module({
  providers: [
    BrpPersonen,
    BrpTokens,
    {
      provide: BrpChangeSource,
      inject: [AppConfig, BrpTokens],
      useFactory: (config: AppConfig, tokens: BrpTokens) =>
        config.BRP_UPDATE_URL ? new BrpUpdateApi(config, tokens) : new BrpRequery(),
    },
  ],
  exports: [BrpPersonen, BrpChangeSource],
})
export class BrpModule {}
