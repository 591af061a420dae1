import type { Config } from 'jest';

// Tests run in Node by default; component tests opt into jsdom with a `@jest-environment jsdom` docblock.
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  transform: { '^.+\\.tsx?$': 'ts-jest' },
  testTimeout: 15_000,
};

export default config;
