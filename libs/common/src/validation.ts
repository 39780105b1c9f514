import { ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { FieldProblem, ValidationFailedError } from './app-error';

/** A field name that is safe to repeat in an error; anything else a client sent as a key (a BSN, free text) is never echoed. */
const NAMEABLE = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const unknownField = error.constraints?.whitelistValidation !== undefined;
    const property =
      NAMEABLE.test(error.property) || /^\d{1,4}$/.test(error.property) ? error.property : '(unknown field)';
    if (unknownField && property !== error.property) {
      problems.push({
        field: prefix ? `${prefix}.(unknown field)` : '(unknown field)',
        reason: 'a field that is not part of the contract was sent',
      });
      continue;
    }
    const path = prefix ? `${prefix}.${property}` : property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      problems.push({
        field: path,
        reason: constraint === 'whitelistValidation' ? `${path} is not part of the contract` : message,
      });
    }
    if (error.children?.length) problems.push(...flatten(error.children, path));
  }
  return problems;
}

/**
 * Unknown properties are rejected (never silently stripped) at every depth,
 * and each problem names its field path.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(flatten(errors)),
  });
}

/**
 * The same checks as the api's validation pipe, for input that does not come through a controller
 * (the portal's forms): the instance, or a ValidationFailedError naming each field at fault.
 */
export async function validateInput<T extends object>(type: new () => T, plain: object): Promise<T> {
  const instance = plainToInstance(type, plain);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length > 0) throw new ValidationFailedError(flatten(errors));
  return instance;
}
