import type { StoredAttachment } from '../store/attachments';
import { mimeClass } from './mime';

/** Canvas's attachment_json for a quiz submission file (no folder, never locked). */
export function attachmentJson(attachment: StoredAttachment, apiUrl: string) {
	const download = new URL(`/files/${attachment.id}/download`, apiUrl);
	download.search = new URLSearchParams({
		download_frd: '1',
		verifier: attachment.uuid,
	}).toString();
	return {
		id: attachment.id,
		uuid: attachment.uuid,
		folder_id: null,
		display_name: attachment.displayName,
		filename: attachment.filename,
		upload_status: attachment.state === 'available' ? 'success' : 'pending',
		'content-type': attachment.contentType,
		url: download.toString(),
		size: attachment.size ?? null,
		created_at: attachment.createdAt,
		updated_at: attachment.updatedAt,
		unlock_at: null,
		locked: false,
		hidden: false,
		lock_at: null,
		hidden_for_user: false,
		thumbnail_url: null,
		modified_at: attachment.updatedAt,
		mime_class: mimeClass(attachment.contentType),
		media_entry_id: null,
		category: 'uncategorized',
		locked_for_user: false,
	};
}
