import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@vir/config';

export const API_VERSION = '1.0.0';

type Schema = Record<string, unknown>;
type Operation = {
  responses: Record<
    string,
    { description?: string; headers?: Record<string, unknown>; content?: Record<string, unknown> }
  >;
  requestBody?: unknown;
  parameters?: Schema[];
};

const PROBLEM = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemSchema' } } };
const NULL_ONLY: Schema = { type: 'object', nullable: true, enum: [null], description: 'null' };

/** Responses every operation can give, whatever the route: limits of the HTTP layer and a database outage. */
const EVERYWHERE: Record<string, string> = {
  414: 'A path segment of the URL is too long.',
  415: 'A request body that is not application/json in UTF-8 (also on operations that take none).',
  431: 'The request headers exceed 16 KiB.',
  503: 'The database cannot be reached; nothing was changed. Retry after the number of seconds in Retry-After.',
};

/**
 * Rewrites what OAS 3.0.3 cannot express the way the generator writes it: `nullable` beside an
 * `allOf` reference does not admit null (nullable only widens a `type` in the same object), so such
 * properties become `oneOf: [reference, null]`. Every object is closed (`additionalProperties:
 * false`) unless it says otherwise: the API refuses unknown request fields, and its answers carry
 * only what the document names.
 */
function tighten(schema: Schema): Schema {
  if (Array.isArray(schema.allOf) && schema.nullable === true) {
    const { allOf, nullable: _nullable, type: _type, ...rest } = schema;
    return { ...rest, oneOf: [...(allOf as Schema[]).map(tighten), NULL_ONLY] };
  }
  const out: Schema = { ...schema };
  if (out.properties) {
    out.properties = Object.fromEntries(
      Object.entries(out.properties as Record<string, Schema>).map(([key, value]) => [key, tighten(value)]),
    );
    if (out.additionalProperties === undefined) out.additionalProperties = false;
  }
  if (out.items) out.items = tighten(out.items as Schema);
  for (const key of ['oneOf', 'anyOf', 'allOf'])
    if (Array.isArray(out[key])) out[key] = (out[key] as Schema[]).map(tighten);
  return out;
}

export function buildOpenApiDocument(app: NestFastifyApplication, config: AppConfig): OpenAPIObject {
  const options = new DocumentBuilder()
    .setTitle('Verwijsindex risicojongeren')
    .setDescription(
      'Open API of the verwijsindex (Jeugdwet § 7.1). Connected organisations register that they are involved with a young ' +
        'person under 23, without any case content; the index signals everyone involved when two or more registered the same ' +
        'young person, and follows the match until they have been in touch. Every call needs `Authorization: Bearer <secret>`. ' +
        'Errors are `application/problem+json` with a stable `code`; bodies are `application/json` in UTF-8 only.',
    )
    .setVersion(API_VERSION)
    .setContact('Beheer verwijsindex', `${config.VIR_PUBLIC_URL}/v1/docs`, 'beheer@verwijsindex.example')
    .setLicense('EUPL-1.2', 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12')
    .addServer(`${config.VIR_PUBLIC_URL}/v1`)
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'Opaque credential secret issued by the gemeente administrator (not a JWT)',
    })
    .build();
  const document = SwaggerModule.createDocument(app, options, { ignoreGlobalPrefix: true });
  const bearer = document.components?.securitySchemes?.bearer as { bearerFormat?: string } | undefined;
  if (bearer) delete bearer.bearerFormat;
  if (document.components?.schemas) {
    document.components.schemas = Object.fromEntries(
      Object.entries(document.components.schemas).map(([name, schema]) => [name, tighten(schema as Schema)]),
    );
  }

  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as Operation[]) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      for (const [status, description] of Object.entries(EVERYWHERE))
        operation.responses[status] ??= { description, content: PROBLEM };
      for (const parameter of operation.parameters ?? []) {
        const schema = parameter.schema as Schema | undefined;
        if (parameter.in === 'path' && /Id$/.test(String(parameter.name)) && schema && !schema.format)
          schema.format = 'uuid';
      }
      // Every response carries API-Version (NL GOV API Design Rules).
      for (const response of Object.values(operation.responses)) {
        response.headers = {
          ...response.headers,
          'API-Version': { description: 'Full version of this API', schema: { type: 'string', example: API_VERSION } },
        };
      }
    }
  }
  return document;
}
