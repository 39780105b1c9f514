import type { Principal } from '@vir/auth';
import type { RecordInformationDto } from './record-information.dto';

/** The reporter records that the youth (or the legal representative) was informed, or why and until when it waits. */
export class RecordInformationCommand {
  constructor(
    readonly principal: Principal,
    readonly registrationId: string,
    readonly input: RecordInformationDto,
  ) {}
}
