import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const options = new DocumentBuilder()
    .setTitle('Đôn Đốc API')
    .setDescription('Theo dõi, đôn đốc nhiệm vụ và thu thập báo cáo của các kế hoạch cấp tỉnh')
    .setVersion('0.1.0')
    .addBearerAuth()
    .addCookieAuth('dondoc_link', { type: 'apiKey', in: 'cookie', description: 'Phiên làm việc tạo khi mở đường dẫn /l/<mã> trong thư nhắc' })
    .build();
  return SwaggerModule.createDocument(app, options);
}
