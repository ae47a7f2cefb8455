import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The built web application (`npm run build` → dist/apps/web), beside the
 * compiled API (dist/apps/api/src/web-app/…), in the checkout and in the image alike.
 */
export const WEB_APP_DIR = path.resolve(__dirname, '..', '..', '..', 'web');

/** index.html of the build, read once; null when the web app was not built. */
export function readIndexHtml(dir = WEB_APP_DIR): string | null {
  const file = path.join(dir, 'index.html');
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

/** Hashed bundles never change under their name; everything else is checked on every visit. */
export function webAssetHeaders(response: { setHeader(name: string, value: string): void }, filePath: string): void {
  response.setHeader('Cache-Control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
}
