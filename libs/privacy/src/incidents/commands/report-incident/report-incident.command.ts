import type { Principal } from '@vir/auth';
import type { ReportIncidentDto } from './report-incident.dto';

export class ReportIncidentCommand {
  constructor(
    readonly principal: Principal,
    readonly input: ReportIncidentDto,
  ) {}
}
