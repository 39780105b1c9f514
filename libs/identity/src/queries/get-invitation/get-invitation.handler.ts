import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '@vir/common';
import { DataSource } from 'typeorm';
import { openInvitation } from '../../invitation-lookup';
import { SecondFactor } from '../../second-factor';
import { GetInvitationQuery, InvitationView } from './get-invitation.query';

@QueryHandler(GetInvitationQuery)
export class GetInvitationHandler implements IQueryHandler<GetInvitationQuery, InvitationView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly secondFactor: SecondFactor,
  ) {}

  async execute({ token }: GetInvitationQuery): Promise<InvitationView> {
    const { person, sealedSecret } = await openInvitation(this.dataSource, token, this.clock.now());
    const totpSecret = this.secondFactor.unseal(sealedSecret);
    return {
      name: person.name,
      email: person.email,
      organisationName: person.organisationName,
      totpSecret,
      totpUri: this.secondFactor.uri(totpSecret, person.email),
    };
  }
}
