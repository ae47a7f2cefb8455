// A small structural check of an OpenAPI 3 document (no validator package is
// installed, and none may be added): the version, that every operation
// declares responses with schemas, that request bodies have schemas, and that
// every $ref resolves. Returns the problems found; empty means valid.

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function checkOpenApiDocument(document: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(document)) return ['the document is not an object'];
  if (typeof document.openapi !== 'string' || !/^3\.\d+\.\d+$/.test(document.openapi)) problems.push(`openapi must be 3.x.y, got ${String(document.openapi)}`);
  if (!isObject(document.info) || typeof document.info.title !== 'string' || typeof document.info.version !== 'string') problems.push('info.title and info.version are required');
  if (!isObject(document.paths) || Object.keys(document.paths).length === 0) return [...problems, 'paths is empty'];

  for (const [route, item] of Object.entries(document.paths)) {
    if (!route.startsWith('/')) problems.push(`path ${route} must start with /`);
    if (!isObject(item)) continue;
    const templated = [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    for (const method of METHODS.filter((m) => m in item)) {
      const where = `${method.toUpperCase()} ${route}`;
      const operation = item[method];
      if (!isObject(operation)) {
        problems.push(`${where}: not an object`);
        continue;
      }
      const parameters = Array.isArray(operation.parameters) ? operation.parameters.filter(isObject) : [];
      for (const name of templated) {
        if (!parameters.some((p) => p.in === 'path' && p.name === name && p.required === true)) problems.push(`${where}: path parameter {${name}} is not declared as required`);
      }
      for (const parameter of parameters) {
        if (!isObject(parameter.schema)) problems.push(`${where}: parameter ${String(parameter.name)} has no schema`);
      }
      if ('requestBody' in operation) {
        const content = isObject(operation.requestBody) ? operation.requestBody.content : undefined;
        if (!isObject(content) || !Object.values(content).every((media) => isObject(media) && isObject(media.schema))) problems.push(`${where}: request body without a schema`);
      }
      if (!isObject(operation.responses) || Object.keys(operation.responses).length === 0) {
        problems.push(`${where}: no responses`);
        continue;
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(status)) problems.push(`${where}: bad response status ${status}`);
        const content = isObject(response) ? response.content : undefined;
        if (!isObject(response) || typeof response.description !== 'string') problems.push(`${where} ${status}: no description`);
        if (!isObject(content) || Object.keys(content).length === 0 || !Object.values(content).every((media) => isObject(media) && isObject(media.schema))) {
          problems.push(`${where} ${status}: response without a schema`);
        }
      }
    }
  }
  checkRefs(document, document, '#', problems);
  return problems;
}

function checkRefs(node: unknown, root: Json, at: string, problems: string[]): void {
  if (Array.isArray(node)) return node.forEach((child, i) => checkRefs(child, root, `${at}/${i}`, problems));
  if (!isObject(node)) return;
  if (typeof node.$ref === 'string' && resolve(root, node.$ref) === undefined) problems.push(`${at}: $ref ${node.$ref} does not resolve`);
  for (const [key, child] of Object.entries(node)) checkRefs(child, root, `${at}/${key}`, problems);
}

function resolve(root: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let current: unknown = root;
  for (const part of ref.slice(2).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))) current = isObject(current) ? current[part] : undefined;
  return current;
}
