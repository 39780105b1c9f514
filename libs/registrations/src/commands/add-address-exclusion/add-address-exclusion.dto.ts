import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotBlank, ValidationFailedError } from '@vir/common';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { ExclusionEntry } from '../../address-exclusions';

export const POSTCODE = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/;

/** An address to exclude from the address match: its BAG id, or its postcode and house number (every address at that number). */
export class AddAddressExclusionDto {
  @ApiPropertyOptional({
    pattern: '^[0-9]{16}$',
    example: '0983010000100003',
    description:
      'The BAG id of the address (adresseerbaar object, as the BRP gives it); or give postcode and houseNumber',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{16}$/, { message: 'bagId must be the 16 digits of a BAG id' })
  bagId?: string;

  @ApiPropertyOptional({ example: '5914 SK', description: 'With houseNumber: every address at that number' })
  @IsOptional()
  @IsString()
  @Matches(POSTCODE, { message: 'postcode must be four digits and two letters, as 5914 SK' })
  postcode?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 99999, example: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99999)
  houseNumber?: number;

  @ApiProperty({ maxLength: 200, example: 'Zorginstelling (Wet BRP 2.40)', description: 'Why the address is excluded' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  reason: string;
}

/** The entry of a checked request: exactly one of a BAG id, or a postcode with a house number. */
export function exclusionEntry(input: AddAddressExclusionDto): ExclusionEntry {
  const byPlace = input.postcode !== undefined || input.houseNumber !== undefined;
  if (input.bagId !== undefined && byPlace)
    throw new ValidationFailedError([
      { field: 'bagId', reason: 'give a BAG id, or a postcode and house number, not both' },
    ]);
  if (input.bagId === undefined && !byPlace)
    throw new ValidationFailedError([{ field: 'bagId', reason: 'give a BAG id, or a postcode and house number' }]);
  if (byPlace && (input.postcode === undefined || input.houseNumber === undefined))
    throw new ValidationFailedError([
      {
        field: input.postcode === undefined ? 'postcode' : 'houseNumber',
        reason: 'give postcode and houseNumber together',
      },
    ]);
  return {
    bagId: input.bagId ?? null,
    postcode: input.postcode ? input.postcode.replace(' ', '').toUpperCase() : null,
    houseNumber: input.houseNumber ?? null,
    reason: input.reason.trim(),
  };
}
