import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

import { errorBodySchema, openApiSchema } from './common/api-docs';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const options = new DocumentBuilder()
    .setTitle('Đôn Đốc API')
    .setDescription('Theo dõi, đôn đốc nhiệm vụ và thu thập báo cáo của các kế hoạch cấp tỉnh')
    .setVersion('0.1.0')
    .addBearerAuth()
    .addCookieAuth('dondoc_link', { type: 'apiKey', in: 'cookie', description: 'Phiên làm việc tạo khi mở đường dẫn /l/<mã> trong thư nhắc' })
    .build();
  return withTransportErrors(SwaggerModule.createDocument(app, options));
}

/**
 * Answers that come from the HTTP layer, not from a handler, on every operation they can
 * happen to: 413 and 400 from the body parser for an operation that takes a body, and 431
 * from Node's HTTP server for a request line or headers over its limit (16 KB; no body).
 */
export function withTransportErrors(document: OpenAPIObject): OpenAPIObject {
  const error = { 'application/json': { schema: openApiSchema(errorBodySchema) } };
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as Array<{ requestBody?: unknown; responses?: Record<string, unknown> }>) {
      if (typeof operation !== 'object' || operation === null || !operation.responses) continue;
      if (operation.requestBody) {
        operation.responses['400'] ??= { description: 'Nội dung gửi lên không đọc được', content: error };
        operation.responses['413'] ??= { description: 'Nội dung gửi lên quá lớn', content: error };
      }
      operation.responses['431'] ??= { description: 'Dòng yêu cầu hoặc phần đầu quá dài (trên 16 KB), ví dụ một mã đường dẫn quá dài' };
    }
  }
  return document;
}
