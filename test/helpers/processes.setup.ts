// Tests that run real processes (browsers, servers, Redis) wait on builds, restarts and reconnect back-offs.
jest.setTimeout(90_000);
