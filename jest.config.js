/** One run for unit (*.spec.ts), integration (*.integration-spec.ts) and e2e (test/*.e2e-spec.ts) tests. */
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testRegex: '(\\.spec|\\.integration-spec|\\.e2e-spec)\\.ts$',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // otplib's hashing and base32 dependencies and openid-client ship only as ES modules, which jest cannot require.
    '^.+\\.m?js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs' }, isolatedModules: true }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(otplib|@otplib|@scure|@noble|openid-client|oauth4webapi|jose)/)'],
  moduleNameMapper: { '^@vir/(.*)$': '<rootDir>/libs/$1/src' },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  setupFiles: ['reflect-metadata'],
  setupFilesAfterEnv: ['<rootDir>/test/support/contract-check.ts', '<rootDir>/test/support/fresh-start.ts'],
  testTimeout: 120_000,
  // A suite that leaves a handle open must not hang CI; the suites close what they open.
  forceExit: true,
};
