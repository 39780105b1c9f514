import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BrpModule } from '@vir/brp';
import { RecordDeathHandler } from './commands/record-death/record-death.handler';
import { RegisterYouthHandler } from './commands/register-youth/register-youth.handler';
import { WithdrawRegistrationHandler } from './commands/withdraw-registration/withdraw-registration.handler';
import { RecordInformationHandler } from './commands/record-information/record-information.handler';
import { DeathsController } from './controllers/deaths.controller';
import { RegistrationsController } from './controllers/registrations.controller';
import { RegistrationEntity } from './entities/registration.entity';
import { YOUTH_KEY_HOLDERS, YouthKeyHolder } from './registration-references';
import { RegistrationRemoval } from './registration-removal';
import { RegistrationVerifications } from './registration-verifications';
import { GetRegistrationHandler } from './queries/get-registration/get-registration.handler';
import { ListRegistrationsHandler } from './queries/list-registrations/list-registrations.handler';

/**
 * Registrations (meldingen): register, list, withdraw; removal in one place for every reason.
 * `youthKeyHolders`: the other contexts' rows keyed by the youth key (see registration-references.ts).
 * `forRoot` is the api's (with its controllers), `handlers` the portal's (the same use cases, no routes).
 */
@Module({})
export class RegistrationsModule {
  static forRoot(youthKeyHolders: YouthKeyHolder[]): DynamicModule {
    return {
      ...RegistrationsModule.handlers(youthKeyHolders),
      controllers: [RegistrationsController, DeathsController],
    };
  }

  static handlers(youthKeyHolders: YouthKeyHolder[]): DynamicModule {
    return {
      module: RegistrationsModule,
      imports: [CqrsModule, BrpModule, TypeOrmModule.forFeature([RegistrationEntity])],
      providers: [
        { provide: YOUTH_KEY_HOLDERS, useValue: youthKeyHolders },
        RegistrationRemoval,
        RegistrationVerifications,
        RecordDeathHandler,
        RegisterYouthHandler,
        WithdrawRegistrationHandler,
        RecordInformationHandler,
        ListRegistrationsHandler,
        GetRegistrationHandler,
      ],
      exports: [RegistrationRemoval, RegistrationVerifications, BrpModule],
    };
  }
}
