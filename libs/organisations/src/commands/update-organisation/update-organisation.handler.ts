import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { RuleViolationError, ValidationFailedError, webhookTargetProblem } from '@vir/common';
import { AppConfig } from '@vir/config';
import { DataSource } from 'typeorm';
import { OrganisationEntity } from '../../entities/organisation.entity';
import { OrganisationAccess } from '../../organisation-access';
import { assertAgreementTerm, organisationDisconnected } from '../../organisation-errors';
import { OrganisationView } from '../../views';
import { UpdateOrganisationCommand } from './update-organisation.command';
import type { UpdateOrganisationDto } from './update-organisation.dto';

const FOLLOW_UP_FIELDS = [
  'followUpReminderWorkingDays',
  'followUpEscalationWorkingDays',
  'followUpClosingDays',
] as const satisfies (keyof UpdateOrganisationDto)[];

@CommandHandler(UpdateOrganisationCommand)
export class UpdateOrganisationHandler implements ICommandHandler<UpdateOrganisationCommand, OrganisationView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OrganisationAccess,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  async execute({ principal, organisationId, input }: UpdateOrganisationCommand): Promise<OrganisationView> {
    const organisation = await this.access.loadForAdmin(principal, organisationId);
    if (organisation.status !== 'connected') throw organisationDisconnected();
    const changed = Object.keys(input).filter((key) => (input as Record<string, unknown>)[key] !== undefined);
    if (changed.length === 0)
      throw new ValidationFailedError([{ field: 'body', reason: 'give at least one setting to change' }]);
    if (
      (input.webhookUrl === undefined) !== (input.webhookSecret === undefined) ||
      (input.webhookUrl === null) !== (input.webhookSecret === null)
    ) {
      throw new ValidationFailedError([
        { field: 'webhookSecret', reason: 'set or clear webhookUrl and webhookSecret together' },
      ]);
    }
    const followUp = FOLLOW_UP_FIELDS.find((field) => input[field] !== undefined);
    if (followUp && organisation.kind !== 'municipality') {
      throw new RuleViolationError(
        'FOLLOW_UP_SETTINGS_MUNICIPALITY_ONLY',
        'Only for a gemeente',
        'Follow-up deadlines are set per municipality.',
        followUp,
      );
    }
    if (input.addressMatch !== undefined && organisation.kind !== 'municipality') {
      throw new RuleViolationError(
        'ADDRESS_MATCH_MUNICIPALITY_ONLY',
        'Only for a gemeente',
        'The address match is switched on or off per college, on its gemeente organisation.',
        'addressMatch',
      );
    }
    assertAgreementTerm(
      input.agreementSignedOn === undefined ? organisation.agreementSignedOn : input.agreementSignedOn,
      input.agreementEndsOn === undefined ? organisation.agreementEndsOn : input.agreementEndsOn,
    );
    if (input.webhookUrl) {
      const problem = await webhookTargetProblem(input.webhookUrl, {
        allowPrivate: this.config.WEBHOOK_ALLOW_PRIVATE_TARGETS,
      });
      if (problem)
        throw new RuleViolationError(
          'WEBHOOK_URL_NOT_ALLOWED',
          'Webhook URL not allowed',
          `The webhook URL ${problem}.`,
          'webhookUrl',
        );
    }

    return this.dataSource.transaction(async (manager) => {
      const set: Partial<OrganisationEntity> = {};
      if (input.agreementReference !== undefined) set.agreementReference = input.agreementReference.trim();
      if (input.agreementSignedOn !== undefined) set.agreementSignedOn = input.agreementSignedOn;
      if (input.agreementEndsOn !== undefined) set.agreementEndsOn = input.agreementEndsOn;
      if (input.breachNotificationEmail !== undefined) set.breachNotificationEmail = input.breachNotificationEmail;
      if (input.webhookUrl !== undefined) set.webhookUrl = input.webhookUrl;
      if (input.webhookSecret !== undefined) set.webhookSecret = input.webhookSecret;
      if (input.followUpReminderWorkingDays !== undefined) set.followUpReminderDays = input.followUpReminderWorkingDays;
      if (input.followUpEscalationWorkingDays !== undefined)
        set.followUpEscalationDays = input.followUpEscalationWorkingDays;
      if (input.usesBsn !== undefined) set.usesBsn = input.usesBsn;
      if (input.addressMatch !== undefined) set.addressMatch = input.addressMatch;
      if (input.followUpClosingDays !== undefined)
        set.followUpClosingDays = [...new Set(input.followUpClosingDays ?? [])].sort();
      await manager.getRepository(OrganisationEntity).update({ id: organisation.id }, set);
      await this.audit.record(manager, {
        action: 'organisation.updated',
        objectType: 'organisation',
        objectId: organisation.id,
        actor: actorOf(principal),
        details: { fields: changed },
      });
      return OrganisationView.of(
        await manager.getRepository(OrganisationEntity).findOneByOrFail({ id: organisation.id }),
      );
    });
  }
}
