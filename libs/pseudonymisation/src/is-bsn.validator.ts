import { registerDecorator, ValidationOptions } from 'class-validator';
import { isValidBsn } from './bsn';

/** Nine digits (or eight, read with a leading zero), not all zeros, passing the eleven-test. The value is never echoed. */
export function IsBsn(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isBsn',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: 'bsn must be 9 digits (or 8 with a leading zero left off) that pass the eleven-test',
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidBsn(value) },
    });
}
