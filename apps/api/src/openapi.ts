import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@vir/config';

export const API_VERSION = '1.0.0';

export function buildOpenApiDocument(app: NestFastifyApplication, config: AppConfig): OpenAPIObject {
  const options = new DocumentBuilder()
    .setTitle('Verwijsindex risicojongeren')
    .setDescription(
      'Open API of the verwijsindex (Jeugdwet § 7.1). Connected organisations register that they are involved with a young ' +
        'person under 23, without any case content; the index signals everyone involved when two or more registered the same ' +
        'young person, and follows the match until they have been in touch. Every call needs `Authorization: Bearer <secret>`. ' +
        'Errors are `application/problem+json` with a stable `code`.',
    )
    .setVersion(API_VERSION)
    .setContact('Beheer verwijsindex', `${config.VIR_PUBLIC_URL}/v1/docs`, 'beheer@verwijsindex.example')
    .setLicense('EUPL-1.2', 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12')
    .addServer(`${config.VIR_PUBLIC_URL}/v1`)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Credential secret issued by the gemeente administrator' })
    .build();
  const document = SwaggerModule.createDocument(app, options, { ignoreGlobalPrefix: true });
  // Every response carries API-Version (NL GOV API Design Rules).
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path)) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      for (const response of Object.values(operation.responses as Record<string, { headers?: Record<string, unknown> }>)) {
        response.headers = {
          ...response.headers,
          'API-Version': { description: 'Full version of this API', schema: { type: 'string', example: API_VERSION } },
        };
      }
    }
  }
  return document;
}
