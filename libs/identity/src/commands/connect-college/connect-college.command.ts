import { ApiProperty } from '@nestjs/swagger';
import type { Principal } from '@vir/auth';
import type { ConnectCollegeDto } from './connect-college.dto';

/** The operator connects a college to the regional deployment; its first administrator is mailed an invitation. */
export class ConnectCollegeCommand {
  constructor(
    readonly principal: Principal,
    readonly input: ConnectCollegeDto,
  ) {}
}

export class InvitedAdministratorView {
  @ApiProperty({ format: 'uuid' }) professionalId: string;
  @ApiProperty({ format: 'email', description: 'Where the invitation was sent' }) sentTo: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class ConnectedCollegeView {
  @ApiProperty({ example: '0889' }) municipalityCode: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid', description: "The college's own municipality organisation" }) organisationId: string;
  @ApiProperty({ type: InvitedAdministratorView }) administrator: InvitedAdministratorView;
}
