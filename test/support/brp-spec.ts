import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { standardFile } from './standards';

/** References into the document become references into the schema registered as `brp`. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' ? `brp${value}` : rebase(value),
    ]),
  );
}

/** The named schemas of one of the Haal Centraal BRP specifications; returns a value's errors, [] when valid. */
function schemasOf(file: string): (name: string, value: unknown) => string[] {
  const document = load(readFileSync(standardFile('brp', file), 'utf8')) as { components: object };
  // The specification's patterns escape characters that need no escape (\' and the like): no unicode mode.
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  for (const format of ['int32', 'int64']) ajv.addFormat(format, true);
  ajv.addSchema({ $id: 'brp', components: rebase(document.components) });
  const validators = new Map<string, ValidateFunction>();
  return (name, value) => {
    let validate = validators.get(name);
    if (!validate) {
      validate = ajv.getSchema(`brp#/components/schemas/${name}`);
      if (!validate) throw new Error(`The BRP specification ${file} has no schema ${name}`);
      validators.set(name, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
  };
}

/**
 * The BRP Personen API v2 (OAS 3.1, JSON Schema 2020-12): `RaadpleegMetBurgerservicenummer` for a
 * request, `…Response` for its answer, `BadRequestFoutbericht` and `Foutbericht` for errors.
 */
export const brpPersonenSchemas = () => schemasOf('brp-personen-openapi.yaml');

/** The BRP Update API v1: `Volgindicatie`, `VolgindicatieRaadplegen`, `VolgindicatieCollectie`, `GewijzigdePersonenHalCollectie`, `Foutbericht`. */
export const brpUpdateSchemas = () => schemasOf('brp-update-api-openapi.yaml');
