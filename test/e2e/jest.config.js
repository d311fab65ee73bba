/** @type {import('jest').Config} */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	// Installs the pinned n8n on a fresh machine (minutes); global setup has no timeout.
	globalSetup: '<rootDir>/test/e2e/support/global-setup.ts',
	testTimeout: 10 * 60_000,
	maxWorkers: 1,
	verbose: true,
};
