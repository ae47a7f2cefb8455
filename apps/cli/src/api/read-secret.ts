// Passwords never come from argv (shell history, `ps`): from a prompt that does
// not echo when stdin is a terminal, else one per line from stdin
// (`--password-stdin`, e.g. `printf '%s\n' "$PW" | dondoc login …`).
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

let piped: Promise<string[]> | null = null;

/** Every line of a piped stdin, read once and handed out in order. */
function pipedLines(): Promise<string[]> {
  piped ??= (async () => {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.split(/\r?\n/);
  })();
  return piped;
}

let next = 0;

/** The next secret: typed at a prompt without echo on a terminal, else the next line of stdin. */
export async function readSecret(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) return (await pipedLines())[next++] ?? '';
  return new Promise((resolve) => {
    process.stderr.write(prompt);
    // The terminal's echo goes to a stream that drops it: what is typed is never shown.
    const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
    const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

/** `--password <text>` still works for old scripts, with a warning; the secret then comes from argv. */
export async function passwordFrom(options: { password?: string }, prompt: string): Promise<string> {
  if (options.password !== undefined) {
    process.stderr.write('Cảnh báo: --password đưa mật khẩu vào lịch sử lệnh và danh sách tiến trình; hãy dùng --password-stdin hoặc nhập khi được hỏi. Tùy chọn này sẽ bị bỏ.\n');
    return options.password;
  }
  return readSecret(prompt);
}
