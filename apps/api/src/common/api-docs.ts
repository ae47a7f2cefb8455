// OpenAPI from the same zod schemas that validate requests, so the document
// cannot drift from what the API accepts and returns.
import { applyDecorators, HttpStatus } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';

type SchemaObject = Parameters<typeof ApiBody>[0] extends infer O ? (O extends { schema: infer S } ? S : never) : never;

/** OpenAPI 3.0 schema of a zod type (io "input" for requests, "output" for responses). */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): SchemaObject {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json as SchemaObject;
}

export const errorBodySchema = z.object({
  statusCode: z.number().int(),
  error: z.string().describe('Mã lỗi, ví dụ "conflict"'),
  message: z.string().describe('Thông báo lỗi tiếng Việt'),
  errorId: z.string().describe('Mã tra cứu lỗi trong nhật ký'),
  details: z.record(z.string(), z.unknown()).optional(),
});

const errorDescriptions: Record<number, string> = {
  400: 'Dữ liệu không hợp lệ (trường và lý do trong details.issues)',
  401: 'Chưa đăng nhập, phiên hết hạn hoặc đường dẫn không hợp lệ',
  403: 'Không có quyền (vai trò hoặc cơ quan khác)',
  404: 'Không tìm thấy',
  409: 'Xung đột với trạng thái hiện tại',
  410: 'Đường dẫn đã được sử dụng',
  413: 'Nội dung gửi lên quá lớn',
  415: 'Kiểu tệp không được nhận',
  429: 'Quá nhiều yêu cầu',
};

/**
 * The error responses an endpoint can give, all with the one error body, always JSON
 * (also where the success is a file or a calendar: the error filter answers JSON).
 */
export function ApiErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: errorDescriptions[status] ?? 'Lỗi', content: { 'application/json': { schema: openApiSchema(errorBodySchema) } } })),
  );
}

export const ApiBodyOf = (schema: z.ZodType, description?: string) =>
  ApiBody({ schema: openApiSchema(schema, 'input'), ...(description ? { description } : {}) });

export const ApiOkOf = (schema: z.ZodType, description = 'Thành công', status: number = HttpStatus.OK) =>
  ApiResponse({ status, description, schema: openApiSchema(schema) });

/** One ApiQuery per property of a zod object used for query strings. */
export function ApiQueryOf(schema: z.ZodObject): MethodDecorator {
  const json = openApiSchema(schema, 'input') as { properties?: Record<string, SchemaObject>; required?: string[] };
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, property]) =>
      ApiQuery({ name, required: json.required?.includes(name) ?? false, schema: property }),
    ),
  );
}
