import type { Config } from 'jest';

const transform: Config['transform'] = { '^.+\\.tsx?$': 'ts-jest' };

// Two projects: unit and integration tests beside the code (Node by default; component tests opt into jsdom
// with a `@jest-environment jsdom` docblock), and browser tests in test/e2e, which build the client first.
const config: Config = {
  testTimeout: 15_000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/src'],
      transform,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/e2e'],
      transform,
      globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
      setupFilesAfterEnv: ['<rootDir>/test/e2e/setup.ts'],
    },
  ],
};

export default config;
