import { Logger } from '@n8n/backend-common';
import { GlobalConfig, InstanceSettingsConfig } from '@n8n/config';
import { Container } from '@n8n/di';
import { mkdtempSync, rmSync } from 'fs';
import { mkdir, rm } from 'fs/promises';
import { BinaryDataConfig, BinaryDataService, ErrorReporter, InstanceSettings } from 'n8n-core';
import { tmpdir } from 'os';
import { join } from 'path';

import { captureInto } from './logCapture';

// Fixed so that credentials encrypted by one run decrypt in the next; it guards nothing real.
const TEST_ENCRYPTION_KEY = 'n8n-harness-test-encryption-key';

interface Runtime {
	folder: string;
	memoryBinaryData: BinaryDataService;
}

let runtime: Runtime | undefined;
let storeFolder: string | undefined;

/**
 * Puts n8n's own services into its DI container, the way the CLI does at startup: the Logger
 * (capturing), InstanceSettings in a temp folder, and BinaryDataService in filesystem mode.
 */
export async function n8nRuntime(): Promise<Runtime> {
	const ready = container();
	if (!storeFolder) await openBinaryDataStore();
	return ready;
}

function container(): Runtime {
	if (runtime) return runtime;
	const ready = setUpContainer();
	process.once('exit', () => rmSync(ready.folder, { recursive: true, force: true }));
	return (runtime = ready);
}

function setUpContainer(): Runtime {
	const folder = mkdtempSync(join(tmpdir(), 'n8n-harness-'));
	const instanceConfig = Object.assign(Container.get(InstanceSettingsConfig), {
		n8nFolder: join(folder, '.n8n'),
		userHome: folder,
		encryptionKey: TEST_ENCRYPTION_KEY,
		enforceSettingsFilePermissions: false,
	});

	// Debug level so that the node's `this.logger.debug` lines are not turned into no-ops.
	const globalConfig = Container.get(GlobalConfig);
	const logging = { ...globalConfig.logging, level: 'debug' as const, outputs: [] };
	const logger = new Logger({ ...globalConfig, logging } as GlobalConfig, instanceConfig);
	captureInto(logger.getInternalLogger());
	Container.set(Logger, logger);

	Container.get(InstanceSettings);
	const binaryDataConfig = Container.get(BinaryDataConfig);
	binaryDataConfig.mode = 'filesystem';

	// n8n's in-memory mode ('default'): what `inline` binaries are made with, base64 and no id.
	const memoryBinaryData = new BinaryDataService(
		{ ...binaryDataConfig, mode: 'default' } as BinaryDataConfig,
		Container.get(ErrorReporter),
		logger,
	);
	return { folder, memoryBinaryData };
}

/** Points n8n's BinaryDataService at a fresh, empty folder. */
export async function openBinaryDataStore(): Promise<string> {
	const { folder } = container();
	const storagePath = join(folder, `storage-${Date.now()}-${Math.random().toString(36).slice(2)}`);
	await mkdir(storagePath, { recursive: true });
	Container.get(BinaryDataConfig).localStoragePath = storagePath;
	await Container.get(BinaryDataService).init();
	storeFolder = storagePath;
	return storagePath;
}

/**
 * Deletes the store and the temp n8n folder around it (jest workers do not always see `exit`);
 * a later run opens a new store in a recreated folder.
 */
export async function closeBinaryDataStore(): Promise<void> {
	storeFolder = undefined;
	if (runtime) await rm(runtime.folder, { recursive: true, force: true });
}
