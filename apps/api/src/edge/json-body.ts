import { ValidationFailedError, AppError } from '@vir/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Deeper than any request of this API (the youth object is the deepest, at 2). */
export const MAX_JSON_DEPTH = 8;
/** More keys and array items than any request of this API needs. */
export const MAX_JSON_VALUES = 1000;

export class UnsupportedMediaTypeError extends AppError {
  constructor() {
    super(
      'UNSUPPORTED_MEDIA_TYPE',
      415,
      'Unsupported media type',
      'Send the request body as application/json in UTF-8.',
    );
  }
}

export class BodyTooComplexError extends AppError {
  constructor(what: string) {
    super(
      'BODY_TOO_COMPLEX',
      400,
      'Request body too complex',
      `The JSON body ${what}; no request of this API needs that.`,
    );
  }
}

/**
 * Measures a JSON text's nesting and its number of keys and array items in one pass over the
 * characters, before anything is parsed or validated: a crafted body is refused for the price of a
 * scan instead of costing the event loop the parse, the transform and the validation.
 */
export function jsonShapeProblem(
  text: string,
  maxDepth = MAX_JSON_DEPTH,
  maxValues = MAX_JSON_VALUES,
): string | undefined {
  let depth = 0;
  let values = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i += 1;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth += 1;
      if (depth > maxDepth) return `nests deeper than ${maxDepth} levels`;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth -= 1;
    else if (c === 44 /* , */ || c === 58 /* : */) {
      // Every key has a colon, every further array item a comma: together they bound the values.
      values += 1;
      if (values > maxValues) return `holds more than ${maxValues} keys and items`;
    }
  }
  return undefined;
}

/** A key as it may be named in an error: a plain identifier, or never repeated (it could be a BSN). */
const nameable = (key: string) => (/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(key) ? key : '(unknown field)');

/** The JSON path of the first string (or key) holding a NUL character, which PostgreSQL cannot store. */
export function nulCharacterAt(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'body' : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulCharacterAt(item, path ? `${path}.${index}` : String(index));
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return path ? `${path}.(unknown field)` : '(unknown field)';
      const found = nulCharacterAt(item, path ? `${path}.${nameable(key)}` : nameable(key));
      if (found) return found;
    }
  }
  return undefined;
}

function charsetOf(request: FastifyRequest): string | undefined {
  const header = request.headers['content-type'] ?? '';
  return /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(header)?.[1];
}

/**
 * The API takes JSON in UTF-8 and nothing else: every other media type (forms, text, UTF-16 JSON,
 * a body without Content-Type) is a 415, and a body is never echoed back in an error.
 */
export function acceptJsonOnly(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(/^application\/json(\s*;.*)?$/i, { parseAs: 'string' }, (request, text, done) => {
    const charset = charsetOf(request);
    if (charset && !/^utf-?8$/i.test(charset)) return done(new UnsupportedMediaTypeError(), undefined);
    const shape = jsonShapeProblem(text as string);
    if (shape) return done(new BodyTooComplexError(shape), undefined);
    void parseJson(request, text as string, (error: Error | null, value?: unknown) => {
      if (error) return done(error, undefined);
      const nul = nulCharacterAt(value);
      if (nul)
        return done(
          new ValidationFailedError([{ field: nul, reason: 'text must not contain the NUL character (\\u0000)' }]),
          undefined,
        );
      done(null, value);
    });
  });
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(new UnsupportedMediaTypeError(), undefined));
}
