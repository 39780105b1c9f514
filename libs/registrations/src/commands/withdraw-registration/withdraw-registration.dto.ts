import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';

export const WITHDRAWAL_REASONS = ['risk_gone', 'unjustified'] as const;
export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];

export class WithdrawRegistrationDto {
  @ApiProperty({
    enum: WITHDRAWAL_REASONS,
    description:
      'risk_gone: the risk no longer exists (archived for five years); unjustified: it should not have been made (deleted outright). Jw 7.1.4.5(1).',
  })
  @IsIn(WITHDRAWAL_REASONS)
  reason: WithdrawalReason;

  @ApiProperty({
    format: 'uuid',
    description: 'The professional withdrawing: only the one who registered may (Jw 7.1.4.5(1)).',
  })
  @IsUUID('all', { message: 'professionalId must be a UUID: the professional who made the registration withdraws it' })
  professionalId: string;
}
