import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { Clock, ConflictError, isUuid, RuleViolationError } from '@vir/common';
import { DataSource, EntityManager } from 'typeorm';
import { ProfessionalEntity } from '../../entities/professional.entity';
import { OrganisationAccess } from '../../organisation-access';
import { ForbiddenForOrganisationError, professionalNotFound } from '../../organisation-errors';
import { PROFESSIONAL_HANDOVERS, ProfessionalHandover } from '../../professional-handover';
import { StandIns } from '../../stand-ins';
import { ProfessionalView } from '../../views';
import { DeactivateProfessionalCommand } from './deactivate-professional.command';

/** Who can take a leaver's work over: a colleague, or the contact person who holds it until a new colleague starts. */
const SUCCESSOR_ROLES: readonly string[] = ['professional', 'coordinator'];

const successorInvalid = () =>
  new RuleViolationError(
    'SUCCESSOR_INVALID',
    'Successor not possible',
    'The successor must be another active professional or the coordinator of the same organisation.',
    'successorId',
  );

/**
 * The designation ends; the record stays so that history and audit entries keep their meaning. A
 * leaver who still holds registrations or places in open matches names a successor, who takes them
 * over in the same transaction: signals stop going to the leaver at once and name the successor.
 */
@CommandHandler(DeactivateProfessionalCommand)
export class DeactivateProfessionalHandler implements ICommandHandler<DeactivateProfessionalCommand, ProfessionalView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: OrganisationAccess,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly standIns: StandIns,
    @Optional() @Inject(PROFESSIONAL_HANDOVERS) private readonly handovers: ProfessionalHandover[] = [],
  ) {}

  async execute({
    principal,
    organisationId,
    professionalId,
    successorId,
  }: DeactivateProfessionalCommand): Promise<ProfessionalView> {
    // The administrator ends any designation; the organisation's coordinator those of its professionals.
    const asCoordinator = !principal.scopes.includes('admin');
    const organisation = asCoordinator
      ? await this.access.loadForPeopleCare(principal, organisationId, 'who is designated')
      : await this.access.loadForAdmin(principal, organisationId);
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ProfessionalEntity);
      const professional = isUuid(professionalId)
        ? await repository.findOne({
            where: { id: professionalId, organisationId: organisation.id },
            lock: { mode: 'pessimistic_write' },
          })
        : null;
      if (!professional) throw professionalNotFound();
      if (asCoordinator && professional.role !== 'professional')
        throw new ForbiddenForOrganisationError(
          'A coordinator ends the designation of professionals only; the administrator designates coordinators and follow-up officers.',
        );
      if (!professional.active) return ProfessionalView.of(professional);
      const successor = successorId ? await this.successor(manager, successorId, professional) : undefined;
      const held = await this.held(manager, professional.id);
      if (!successor && Object.values(held).some((n) => n > 0))
        throw new ConflictError(
          'SUCCESSOR_REQUIRED',
          'A successor is needed',
          `This professional still holds ${describe(held)}; name a successor of the same organisation (successorId) to take them over.`,
          'successorId',
        );
      const moved: Record<string, number> = {};
      if (successor)
        for (const handover of this.handovers)
          moved[handover.what] = await handover.move(manager, professional.id, successor.id);
      // A leaver neither has nor is a stand-in from now on.
      const standInsEnded = await this.standIns.endAllOf(manager, professional.id);
      professional.active = false;
      professional.deactivatedAt = this.clock.now();
      const saved = await repository.save(professional);
      await this.audit.record(manager, {
        action: 'professional.deactivated',
        objectType: 'professional',
        objectId: professional.id,
        actor: actorOf(principal),
        details: {
          organisationId: organisation.id,
          successorId: successor?.id ?? null,
          standInsEnded,
          ...handedOver(moved),
        },
      });
      return ProfessionalView.of(saved);
    });
  }

  private async successor(manager: EntityManager, id: string, leaver: ProfessionalEntity): Promise<ProfessionalEntity> {
    const successor =
      isUuid(id) && id !== leaver.id ? await manager.getRepository(ProfessionalEntity).findOneBy({ id }) : null;
    if (
      !successor ||
      successor.organisationId !== leaver.organisationId ||
      !successor.active ||
      !SUCCESSOR_ROLES.includes(successor.role)
    )
      throw successorInvalid();
    return successor;
  }

  private async held(manager: EntityManager, professionalId: string): Promise<Record<string, number>> {
    const held: Record<string, number> = {};
    for (const handover of this.handovers) held[handover.what] = await handover.held(manager, professionalId);
    return held;
  }
}

function describe(held: Record<string, number>): string {
  return Object.entries(held)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${n} ${what}`)
    .join(' and ');
}

/** The audit details name each kind handed over: `handedOverRegistrations: 3`, … */
function handedOver(moved: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(moved).map(([what, n]) => [
      `handedOver${what[0].toUpperCase()}${what.slice(1).replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`,
      n,
    ]),
  );
}
