import type { Principal } from '@vir/auth';
import type { AddIncidentUpdateDto } from './add-incident-update.dto';

export class AddIncidentUpdateCommand {
  constructor(
    readonly principal: Principal,
    readonly incidentId: string,
    readonly input: AddIncidentUpdateDto,
  ) {}
}
