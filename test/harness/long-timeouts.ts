// setupFilesAfterEach of the integration and e2e projects: they start real servers.
jest.setTimeout(Number(process.env.DONDOC_TEST_TIMEOUT_MS ?? 240_000));
