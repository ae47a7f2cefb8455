// Runs startEmbeddedPostgres in a plain Node process, the way `dondoc up`
// does, and outside Jest's module sandbox (which refuses PGlite's own
// dynamic import() calls unless Node runs with --experimental-vm-modules).
// TypeScript sources are compiled on the fly with swc.
//
// argv: <options JSON>. Prints one JSON line {"url": …} once serving, or
// {"error": …}; on SIGTERM stops the server, prints {"stopped": true}, exits 0.
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

const { startEmbeddedPostgres } = require(path.join(__dirname, '../../../../libs/db/src/embedded.ts'));

const say = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

const options = JSON.parse(process.argv[2]);
options.onConnectionError = (error, id) => process.stderr.write(`embedded server: connection #${id} dropped: ${error && error.stack}\n`);

startEmbeddedPostgres(options).then(
  (server) => {
    process.once('SIGTERM', () => {
      server.stop().then(
        () => {
          say({ stopped: true });
          process.exit(0);
        },
        (error) => {
          say({ error: String(error && error.stack) });
          process.exit(1);
        },
      );
    });
    say({ url: server.url });
  },
  (error) => {
    say({ error: error.message, name: error.name });
    process.exit(1);
  },
);
