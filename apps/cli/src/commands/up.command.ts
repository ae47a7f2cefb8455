import { configOrExit } from '@dondoc/config';
import { startEmbeddedStack } from '@dondoc/runtime';
import type { Command } from 'commander';

/** `dondoc up`: the whole system on one machine (what `npm start` runs). */
export function register(program: Command): void {
  program
    .command('up')
    .description('Chạy toàn bộ hệ thống trên máy này (Temporal, Redis, cơ sở dữ liệu, hộp thư thử nghiệm, worker, API)')
    .action(async () => {
      const config = configOrExit();
      const started = Date.now();
      const stack = await startEmbeddedStack(config, process.stdout);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(
        [
          '',
          `Đôn Đốc is running (ready in ${seconds} s). Press Ctrl-C to stop.`,
          `  API            ${stack.urls.api}   (OpenAPI: ${stack.urls.apiDocs})`,
          `  Temporal UI    ${stack.urls.temporalUi}`,
          `  Mail inbox     ${stack.urls.inbox}`,
          ...stack.notes.map((note) => `  note: ${note}`),
          '',
        ].join('\n'),
      );
      const reason = await new Promise<string>((resolve) => {
        process.once('SIGINT', () => resolve('SIGINT'));
        process.once('SIGTERM', () => resolve('SIGTERM'));
        void stack.failed.then(resolve);
      });
      process.stdout.write(`\nstopping (${reason})…\n`);
      await stack.stop();
      process.stdout.write('stopped.\n');
      process.exitCode = reason.startsWith('SIG') ? 0 : 1;
    });
}
