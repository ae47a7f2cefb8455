// RFC 9110 §15.5.6: a method the resource does not support is 405 with an Allow
// header, not 404. The API's resources and methods are those of its OpenAPI document.
import type { NextFunction, Request, Response } from 'express';

interface RouteTable {
  /** Methods of the first path template that matches, or null when no API path matches. */
  methodsOf(path: string): string[] | null;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function routeTable(paths: Readonly<Record<string, object>>): RouteTable {
  const routes = Object.entries(paths).map(([template, operations]) => {
    const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}/]+\}/g, '[^/]+')}/?$`);
    const methods = Object.keys(operations).filter((m) => HTTP_METHODS.includes(m)).map((m) => m.toUpperCase());
    // GET serves HEAD too (Express answers it from the GET route).
    if (methods.includes('GET') && !methods.includes('HEAD')) methods.push('HEAD');
    return { pattern, methods };
  });
  return {
    methodsOf(path) {
      const found = routes.filter((route) => route.pattern.test(path));
      return found.length === 0 ? null : [...new Set(found.flatMap((route) => route.methods))];
    },
  };
}

/** 405 for a known path asked with a method none of its operations takes; everything else passes. */
export function methodNotAllowed(table: RouteTable) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const allowed = table.methodsOf(request.path);
    if (allowed === null || allowed.includes(request.method)) return next();
    response
      .status(405)
      .set('Allow', allowed.join(', '))
      .type('application/json')
      .json({ statusCode: 405, error: 'method-not-allowed', message: `Đường dẫn này không nhận phương thức ${request.method}; chỉ nhận ${allowed.join(', ')}.`, errorId: crypto.randomUUID() });
  };
}
