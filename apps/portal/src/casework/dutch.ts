import { AppError } from '@vir/common';

const DATE = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' });
const DATE_TIME = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});

/** "2 december 2026" for a calendar date (YYYY-MM-DD) or a moment. */
export function dutchDate(value: string): string {
  return DATE.format(new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value));
}

export function dutchDateTime(value: string): string {
  return DATE_TIME.format(new Date(value));
}

/** The form fields of an error: the API's field paths (youth.bsn) turned into the form's names (bsn). */
export function fieldsOf(error: AppError, names: Record<string, string>): string[] {
  return [...new Set(error.fields.map((f) => names[f.field] ?? names[f.field.split('.')[0]]).filter(Boolean))];
}

/** The message beside each field the error names (a form field is named as in the API unless `names` maps it). */
export function messagesFor<T extends Record<string, string>>(
  error: AppError,
  messages: T,
  names: Record<string, string> = {},
): Partial<T> {
  const fields = fieldsOf(error, { ...Object.fromEntries(Object.keys(messages).map((k) => [k, k])), ...names });
  return Object.fromEntries(fields.map((f) => [f, messages[f]])) as Partial<T>;
}
