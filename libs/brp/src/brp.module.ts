import { Module } from '@nestjs/common';
import { BrpPersonen } from './brp-personen.client';
import { BrpTokens } from './brp-tokens';

/** The gemeente's BRP (Haal Centraal BRP Personen API v2) for every lib that verifies or looks up youths. */
@Module({ providers: [BrpPersonen, BrpTokens], exports: [BrpPersonen] })
export class BrpModule {}
