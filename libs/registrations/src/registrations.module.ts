import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BrpModule } from '@vir/brp';
import { RecordDeathHandler } from './commands/record-death/record-death.handler';
import { RegisterYouthHandler } from './commands/register-youth/register-youth.handler';
import { WithdrawRegistrationHandler } from './commands/withdraw-registration/withdraw-registration.handler';
import { RecordInformationHandler } from './commands/record-information/record-information.handler';
import { DeathsController } from './controllers/deaths.controller';
import { AddressExclusionsController } from './controllers/address-exclusions.controller';
import { AddressExclusions } from './address-exclusions';
import { AddAddressExclusionHandler } from './commands/add-address-exclusion/add-address-exclusion.handler';
import { ImportAddressExclusionsHandler } from './commands/import-address-exclusions/import-address-exclusions.handler';
import { RemoveAddressExclusionHandler } from './commands/remove-address-exclusion/remove-address-exclusion.handler';
import { ListAddressExclusionsHandler } from './queries/list-address-exclusions/list-address-exclusions.handler';
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
      controllers: [RegistrationsController, DeathsController, AddressExclusionsController],
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
        AddressExclusions,
        AddAddressExclusionHandler,
        RemoveAddressExclusionHandler,
        ImportAddressExclusionsHandler,
        ListAddressExclusionsHandler,
      ],
      exports: [RegistrationRemoval, RegistrationVerifications, BrpModule],
    };
  }
}
