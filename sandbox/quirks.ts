import type { SandboxQuirks } from './types';

export const defaultQuirks: Readonly<SandboxQuirks> = Object.freeze({
	jsonPrefix: false,
	bigIds: false,
	fileParam: 'file',
	instfsAnswer: 'attachment+location',
	permissionStatus: 401,
	throttleStatus: 403,
	rejectAuthorizationOnStorage: true,
	storageTokenTtlMs: undefined,
	maxFileSize: 10 * 1024 ** 3,
});

export const instfsTokenTtlMs = 10 * 60 * 1000;
export const policyTtlMs = 30 * 60 * 1000;

const quirkNames = Object.keys(defaultQuirks) as Array<keyof SandboxQuirks>;

/** Merges a change over the current quirks, refusing names the sandbox does not know. */
export function mergeQuirks(current: SandboxQuirks, change: Partial<SandboxQuirks> = {}) {
	for (const name of Object.keys(change)) {
		if (!quirkNames.includes(name as keyof SandboxQuirks)) {
			throw new Error(`Unknown sandbox quirk "${name}"`);
		}
	}
	return { ...current, ...change } as SandboxQuirks;
}
