import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export class FieldProblemSchema {
  @ApiProperty({ example: 'youth.bsn' }) field: string;
  @ApiProperty({ example: 'bsn must pass the eleven-test' }) reason: string;
}

export class ProblemSchema {
  @ApiProperty({ example: 'urn:verwijsindex:problem:validation-failed' }) type: string;
  @ApiProperty({ example: 'Invalid request' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty({ example: 'The request does not meet the contract; see `errors`.' }) detail: string;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable machine-readable code.' }) code: string;
  @ApiPropertyOptional({ example: '/v1/registrations' }) instance?: string;
  @ApiPropertyOptional({ description: 'Quote this when asking the operator about a request.' }) correlationId?: string;
  @ApiPropertyOptional({ type: [FieldProblemSchema] }) errors?: FieldProblemSchema[];
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (unknown or malformed fields, malformed JSON); nothing was changed.',
  401: 'Missing, unknown or revoked credential.',
  403: 'The credential lacks the scope or role for this action.',
  404: 'Not found, or not visible to this credential.',
  409: 'Conflicts with the current state.',
  413: 'Request body larger than 64 KiB.',
  422: 'Well-formed but breaks a rule of the Jeugdwet or of this service.',
  503: 'A service this request needs (PostgreSQL, the BRP) does not answer now; try again after Retry-After.',
  429: 'Rate limit for this credential reached; see Retry-After.',
};

/** Documents problem+json error responses; 400, 401, 403 and 429 are possible on every authenticated route. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  const all = [...new Set([400, 401, 403, 429, ...statuses])].sort();
  return applyDecorators(
    ApiExtraModels(ProblemSchema),
    ...all.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemSchema) } } },
      }),
    ),
  );
}
