// Every response the e2e suites receive through `call()` is checked against the
// API's own OpenAPI document: the status must be documented for the operation, the
// content type must be one it declares, and a JSON body must match its schema.
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

interface MediaType {
  readonly schema?: object;
}
interface Operation {
  readonly responses?: Record<string, { readonly content?: Record<string, MediaType> }>;
}
interface Document {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components?: { readonly schemas?: Record<string, object> };
}

export interface ResponseCheck {
  /** Problems with one response, empty when it matches the document. */
  problems(method: string, route: string, status: number, contentType: string | null, body: unknown): string[];
}

export function responseCheck(document: Document): ResponseCheck {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ components: document.components ?? {} }, 'openapi');
  const compiled = new Map<object, ValidateFunction>();
  const validatorOf = (schema: object) => {
    let validate = compiled.get(schema);
    if (!validate) {
      // $refs point into the document's components.
      validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/')) as object);
      compiled.set(schema, validate);
    }
    return validate;
  };
  const routes = Object.entries(document.paths).map(([template, operations]) => ({
    template,
    pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}/]+\}/g, '[^/]+')}$`),
    // A literal segment wins over a parameter (/reports/x/y/files beats /reports/{plan}/{cycle}/{x}).
    literal: template.replace(/\{[^}/]+\}/g, '').length,
    operations,
  }));
  routes.sort((a, b) => b.literal - a.literal);

  return {
    problems(method, route, status, contentType, body) {
      const path = route.split('?')[0]!;
      const found = routes.find((r) => r.pattern.test(path) && r.operations[method.toLowerCase()]);
      if (!found) return path.startsWith('/docs') || routes.some((r) => r.pattern.test(path)) || status === 404 || status === 405 ? [] : [`${method} ${path} is not in the document`];
      const operation = found.operations[method.toLowerCase()]!;
      const response = operation.responses?.[String(status)] ?? operation.responses?.default;
      const where = `${method} ${found.template} → ${status}`;
      if (!response) return [`${where}: status not documented (documented: ${Object.keys(operation.responses ?? {}).join(', ')})`];
      if (status === 304 || !response.content) return [];
      const type = (contentType ?? '').split(';')[0]!.trim();
      const media = response.content[type] ?? (type.startsWith('text/') ? undefined : response.content['*/*']);
      if (!media) return [`${where}: content type ${type || '(none)'} not declared (declared: ${Object.keys(response.content).join(', ')})`];
      if (!type.includes('json') || !media.schema) return [];
      const validate = validatorOf(media.schema);
      if (validate(body)) return [];
      return (validate.errors ?? []).slice(0, 5).map((e) => `${where}: body${e.instancePath} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
    },
  };
}

const checks = new Map<string, Promise<ResponseCheck>>();

/** The check for the API at `base`, from its /docs/openapi.json (fetched once per API). */
export function responseCheckFor(base: string): Promise<ResponseCheck> {
  let check = checks.get(base);
  if (!check) {
    check = fetch(`${base}/docs/openapi.json`).then(async (r) => responseCheck((await r.json()) as Document));
    checks.set(base, check);
  }
  return check;
}
