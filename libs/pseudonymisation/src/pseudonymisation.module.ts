import { Global, Module } from '@nestjs/common';
import { YouthKeyService } from './youth-key.service';

@Global()
@Module({ providers: [YouthKeyService], exports: [YouthKeyService] })
export class PseudonymisationModule {}
