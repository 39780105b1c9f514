import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Schema = Record<string, unknown>;
interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

const KNOWN_FORMATS = new Set(['date', 'date-time', 'email', 'uri', 'uuid', 'int32', 'int64', 'float', 'double']);

/**
 * OAS 3.0 schema → JSON Schema: `nullable: true` admits null only beside a `type` (OAS 3.0.3), and
 * references point into the document's components.
 */
function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema as Schema)) {
    if (key === '$ref') out.$ref = `oas${String(value)}`;
    else if (key === 'nullable' || key === 'example' || key === 'examples') continue;
    else out[key] = toJsonSchema(value);
  }
  const source = schema as Schema;
  if (source.nullable === true && typeof source.type === 'string') {
    out.type = [source.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  return out;
}

function collectFormats(schema: unknown, into: Set<string>): void {
  if (!schema || typeof schema !== 'object') return;
  for (const [key, value] of Object.entries(schema as Schema)) {
    if (key === 'format' && typeof value === 'string') into.add(value);
    else collectFormats(value, into);
  }
}

/**
 * Checks answers of the api against the OpenAPI document it serves: the status must be documented
 * for the operation, the media type must be the documented one, and the body must match its schema.
 * Every e2e suite runs its requests through this (test/support/test-api.ts); a mismatch fails the test.
 */
export class OpenApiContract {
  private readonly ajv: Ajv;
  private readonly operations: { method: string; pattern: RegExp; path: string; operation: Operation }[] = [];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(document: {
    paths: Record<string, Record<string, Operation>>;
    components?: { schemas?: Record<string, Schema> };
  }) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    const formats = new Set<string>();
    collectFormats(document, formats);
    for (const format of formats) if (!KNOWN_FORMATS.has(format)) this.ajv.addFormat(format, true);
    this.ajv.addSchema({ $id: 'oas', components: { schemas: toJsonSchema(document.components?.schemas ?? {}) } });
    for (const [path, item] of Object.entries(document.paths)) {
      const pattern = new RegExp(
        `^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\\{[^/]+?\\\}|\{[^/]+?\}/g, '[^/]+')}$`,
      );
      for (const [method, operation] of Object.entries(item)) {
        if (operation && typeof operation === 'object' && 'responses' in operation)
          this.operations.push({ method: method.toUpperCase(), pattern, path, operation });
      }
    }
  }

  /** The documented operation for a Fastify route template (`/v1/organisations/:organisationId`), if any. */
  private find(method: string, route: string): { path: string; operation: Operation } | undefined {
    const path = route.replace(/^\/v1/, '').replace(/:([A-Za-z0-9_]+)/g, '{$1}') || '/';
    const documented = path.replace(/\{[^/]+\}/g, 'x');
    return this.operations.find((o) => o.method === (method === 'HEAD' ? 'GET' : method) && o.pattern.test(documented));
  }

  /** A description of what does not match, or undefined when the answer is as documented (or the route is not part of the contract). */
  check(
    method: string,
    route: string | undefined,
    status: number,
    contentType: string | undefined,
    payload: unknown,
  ): string | undefined {
    if (
      !route ||
      !route.startsWith('/v1') ||
      route.startsWith('/v1/docs') ||
      route.startsWith('/v1/openapi') ||
      route === '/v1'
    )
      return undefined;
    const found = this.find(method, route);
    if (!found) return `${method} ${route}: not in the OpenAPI document`;
    const response = found.operation.responses[String(status)] ?? found.operation.responses.default;
    if (!response) return `${method} ${found.path} answered ${status}, which the document does not list`;
    const media = (contentType ?? '').split(';')[0].trim();
    if (!response.content)
      return media && payload !== '' && payload !== undefined
        ? `${method} ${found.path} ${status}: a body the document does not describe`
        : undefined;
    const content = response.content[media];
    if (!content)
      return `${method} ${found.path} ${status}: media type ${media || '(none)'}, documented ${Object.keys(response.content).join(', ')}`;
    if (!content.schema) return undefined;
    const key = `${found.path} ${method} ${status} ${media}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(content.schema) as Schema);
      this.validators.set(key, validate);
    }
    let body: unknown;
    try {
      body = typeof payload === 'string' ? JSON.parse(payload) : payload;
    } catch {
      return `${method} ${found.path} ${status}: the body is not JSON`;
    }
    if (validate(body)) return undefined;
    const errors = (validate.errors ?? [])
      .slice(0, 5)
      .map(
        (e) =>
          `${e.instancePath || '(body)'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
      );
    return `${method} ${found.path} ${status}: ${errors.join('; ')}`;
  }
}
