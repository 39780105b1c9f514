import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ProfessionalRefDto } from '../professional-ref.dto';

export const CONTACT_OUTCOMES = ['contact_made', 'already_acquainted', 'no_action_needed'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export class ConfirmContactDto extends ProfessionalRefDto {
  @ApiPropertyOptional({
    enum: CONTACT_OUTCOMES,
    default: 'contact_made',
    description:
      'What came of it: they spoke (contact_made), already knew of each other (already_acquainted), or found no action needed (no_action_needed). Never a reason.',
  })
  @IsOptional()
  @IsIn(CONTACT_OUTCOMES)
  outcome?: ContactOutcome;
}
