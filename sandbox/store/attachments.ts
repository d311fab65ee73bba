import { randomBytes } from 'node:crypto';

import type { SandboxAttachment, StorageBackend } from '../types';

export interface StoredAttachment extends SandboxAttachment {
	userId: string;
	quizSubmissionId: string;
	onDuplicate: string;
	storageKey?: string;
	etag?: string;
	updatedAt: string;
}

export interface NewAttachment {
	name: string;
	contentType: string;
	backend: StorageBackend;
	userId: string;
	quizSubmissionId: string;
	onDuplicate: string;
	state?: SandboxAttachment['state'];
}

const firstId = 5001n;
const firstBigId = 2n ** 53n + 1n;

/** Attachments the sandbox created, in order; ids are decimal strings so big ids survive. */
export class AttachmentStore {
	readonly all: StoredAttachment[] = [];

	create(fields: NewAttachment, bigIds: boolean): StoredAttachment {
		const base = bigIds ? firstBigId : firstId;
		const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
		const attachment: StoredAttachment = {
			id: String(base + BigInt(this.all.length)),
			uuid: canvasUuid(),
			displayName: fields.name,
			filename: fields.name,
			contentType: fields.contentType,
			state: fields.state ?? 'pending',
			backend: fields.backend,
			createdAt: now,
			updatedAt: now,
			userId: fields.userId,
			quizSubmissionId: fields.quizSubmissionId,
			onDuplicate: fields.onDuplicate,
		};
		this.all.push(attachment);
		return attachment;
	}

	find(id: string) {
		return this.all.find((attachment) => attachment.id === id);
	}

	clear() {
		this.all.length = 0;
	}

	/** The public view: what tests and the control endpoint see. */
	snapshot(): SandboxAttachment[] {
		return this.all.map((stored) => ({
			id: stored.id,
			uuid: stored.uuid,
			displayName: stored.displayName,
			filename: stored.filename,
			contentType: stored.contentType,
			size: stored.size,
			sha256: stored.sha256,
			state: stored.state,
			backend: stored.backend,
			createdAt: stored.createdAt,
		}));
	}
}

const uuidAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function canvasUuid() {
	return [...randomBytes(40)].map((byte) => uuidAlphabet[byte % uuidAlphabet.length]).join('');
}
