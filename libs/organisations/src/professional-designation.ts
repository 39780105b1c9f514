import type { Principal } from '@vir/auth';
import { actorOf } from '@vir/auth';
import { AuditLog } from '@vir/audit';
import { OutboxWriter } from '@vir/queue';
import { EntityManager } from 'typeorm';
import type { AddProfessionalDto } from './commands/add-professional/add-professional.dto';
import type { OrganisationEntity } from './entities/organisation.entity';
import { COLLEGE_ROLES, ProfessionalEntity, ProfessionalRole } from './entities/professional.entity';
import {
  collegeRoleOutsideMunicipality,
  followUpOfficerOutsideMunicipality,
  organisationDisconnected,
} from './organisation-errors';

/** Throws when `organisation` cannot hold a person of `role`: the college's roles live only in the gemeente. */
export function assertRoleFits(organisation: Pick<OrganisationEntity, 'kind'>, role: ProfessionalRole): void {
  if (role === 'follow_up_officer' && organisation.kind !== 'municipality') throw followUpOfficerOutsideMunicipality();
  if (COLLEGE_ROLES.includes(role) && organisation.kind !== 'municipality') throw collegeRoleOutsideMunicipality(role);
}

export function assertConnected(organisation: Pick<OrganisationEntity, 'status'>): void {
  if (organisation.status !== 'connected') throw organisationDisconnected();
}

/**
 * Designates a person in `organisation` inside the caller's transaction, audited; a follow-up
 * officer also gets the college's matches made while it had none (through the outbox).
 */
export async function designateProfessional(
  manager: EntityManager,
  { audit, outbox }: { audit: AuditLog; outbox: OutboxWriter },
  principal: Principal,
  organisation: Pick<OrganisationEntity, 'id'>,
  input: AddProfessionalDto,
): Promise<ProfessionalEntity> {
  const repository = manager.getRepository(ProfessionalEntity);
  const professional = await repository.save(
    repository.create({
      organisationId: organisation.id,
      name: input.name.trim(),
      email: input.email.trim(),
      phone: input.phone.trim(),
      role: input.role,
      active: true,
    }),
  );
  await audit.record(manager, {
    action: 'professional.designated',
    objectType: 'professional',
    objectId: professional.id,
    actor: actorOf(principal),
    details: { organisationId: organisation.id, role: professional.role },
  });
  if (professional.role === 'follow_up_officer') {
    await outbox.add(
      manager,
      'follow-up-officer.designated',
      { professionalId: professional.id },
      principal.correlationId,
    );
  }
  return professional;
}
