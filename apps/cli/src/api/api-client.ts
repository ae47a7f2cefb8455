import type { AppConfig } from '@dondoc/config';

import { apiBaseUrl, readSession } from './api-session';

/** An error answer of the API: its Vietnamese message, plus each field problem. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    message: string,
    readonly issues: ReadonlyArray<{ field: string; reason: string }> = [],
  ) {
    super(message);
  }

  describe(): string {
    const lines = [`Lỗi ${this.status}: ${this.message}`, ...this.issues.map((i) => `  - ${i.field}: ${i.reason}`)];
    if (this.status === 401) lines.push('  (đăng nhập lại bằng `dondoc login --email …`)');
    return lines.join('\n');
  }
}

interface ErrorBody {
  readonly message?: string;
  readonly details?: { readonly issues?: ReadonlyArray<{ field: string; reason: string }> };
}

/** Thin HTTP client over the API, authenticated with the stored session. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string | undefined,
  ) {}

  static fromConfig(config: AppConfig, apiOption: string | undefined): ApiClient {
    return new ApiClient(apiBaseUrl(config, apiOption), readSession(config)?.token);
  }

  get<T>(route: string, query: Record<string, string | number | boolean | undefined> = {}): Promise<T> {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
    const text = search.toString();
    return this.request<T>('GET', `${route}${text ? `?${text}` : ''}`);
  }

  post<T>(route: string, body: unknown): Promise<T> {
    return this.request<T>('POST', route, body);
  }

  patch<T>(route: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', route, body);
  }

  delete<T = void>(route: string): Promise<T> {
    return this.request<T>('DELETE', route);
  }

  private async request<T>(method: string, route: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${route}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch (error) {
      throw new Error(`Không kết nối được API tại ${this.baseUrl} (${error instanceof Error ? error.message : String(error)}); dùng --api hoặc chạy \`npm start\`.`);
    }
    const text = await response.text();
    const parsed: unknown = text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
    if (!response.ok) {
      const error = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as ErrorBody;
      throw new ApiError(response.status, error.message ?? `${response.status} ${response.statusText}`, error.details?.issues ?? []);
    }
    return parsed as T;
  }
}

/** Runs a command body and turns API errors into a message and exit code 1. */
export async function runApiCommand(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    process.stderr.write(`${error.describe()}\n`);
    process.exitCode = 1;
  }
}
