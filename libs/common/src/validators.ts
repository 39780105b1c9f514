import { registerDecorator, ValidationOptions } from 'class-validator';
import { isCalendarDate } from './calendar';

function decorator(
  name: string,
  message: (property: string) => string,
  validate: (value: unknown) => boolean,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: message(String(propertyName)), ...options },
      validator: { validate },
    });
}

/** A real calendar date written as YYYY-MM-DD (2024-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return decorator(
    'isCalendarDate',
    (p) => `${p} must be an existing date written as YYYY-MM-DD`,
    isCalendarDate,
    options,
  );
}

/** A string with something besides white space in it (such strings are trimmed before they are stored). */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return decorator(
    'isNotBlank',
    (p) => `${p} must not be empty or only white space`,
    (value) => typeof value === 'string' && value.trim().length > 0,
    options,
  );
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,6})?(Z|[+-](0\d|1[0-4]):([0-5]\d))$/;

/**
 * An RFC 3339 date-time with a time zone (Z or ±hh:mm up to ±14:00, the real range of offsets),
 * an existing date, and a year from 1900 to 9999.
 */
export function isDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_TIME.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  if (year < 1900 || year > 9999) return false;
  if (!isCalendarDate(`${match[1]}-${match[2]}-${match[3]}`)) return false;
  return !Number.isNaN(Date.parse(value));
}

export function IsDateTime(options?: ValidationOptions): PropertyDecorator {
  return decorator(
    'isDateTime',
    (p) => `${p} must be a date-time such as 2026-11-30T09:15:00+01:00 (offset at most ±14:00)`,
    isDateTime,
    options,
  );
}
