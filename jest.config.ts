import type { Config } from 'jest';

const transform: Config['transform'] = { '^.+\\.tsx?$': 'ts-jest' };

// Three projects: unit and integration tests beside the code (Node by default; component tests opt into jsdom
// with a `@jest-environment jsdom` docblock), browser tests in test/e2e, which build the client first, and
// scale-out tests in test/redis, which start their own redis-server.
const config: Config = {
  testTimeout: 15_000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/src', '<rootDir>/scripts', '<rootDir>/test/helpers'],
      transform,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/e2e'],
      transform,
      globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
      setupFilesAfterEnv: ['<rootDir>/test/helpers/processes.setup.ts'],
    },
    {
      displayName: 'redis',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/redis'],
      transform,
      globalSetup: '<rootDir>/test/redis/globalSetup.ts',
      setupFilesAfterEnv: ['<rootDir>/test/helpers/processes.setup.ts'],
    },
  ],
};

export default config;
