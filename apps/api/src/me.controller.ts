import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, SCOPES } from '@vir/auth';
import type { Principal, Scope } from '@vir/auth';
import { ApiProblems } from '@vir/common';

export class MeOrganisationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'education' }) kind: string;
}

export class MeCredentialView {
  @ApiProperty({ format: 'uuid' }) id: string;
}

/** Who is calling: for a machine credential its organisation, college and scopes (the portal answers the same path for a person's session). */
export class MeView {
  @ApiProperty({ enum: ['credential', 'person'], example: 'credential' }) kind: 'credential' | 'person';
  @ApiProperty({ type: MeCredentialView }) credential: MeCredentialView;
  @ApiProperty({ type: MeOrganisationView }) organisation: MeOrganisationView;
  @ApiProperty({ example: '0983', pattern: '^[0-9]{4}$' }) municipalityCode: string;
  @ApiProperty({ enum: SCOPES, isArray: true }) scopes: Scope[];
}

@ApiTags('Wie ben ik')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  @Get()
  @ApiOperation({ summary: 'Who the credential belongs to and what it may do' })
  @ApiOkResponse({ type: MeView })
  @ApiProblems()
  me(@CurrentPrincipal() principal: Principal): MeView {
    return {
      kind: 'credential',
      credential: { id: principal.credentialId ?? '' },
      organisation: { id: principal.organisationId, kind: principal.organisationKind },
      municipalityCode: principal.municipalityCode,
      scopes: principal.scopes,
    };
  }
}
