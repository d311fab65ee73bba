const byExtension: Record<string, string> = {
	pdf: 'application/pdf',
	txt: 'text/plain',
	csv: 'text/csv',
	html: 'text/html',
	htm: 'text/html',
	json: 'application/json',
	xml: 'application/xml',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	gif: 'image/gif',
	svg: 'image/svg+xml',
	webp: 'image/webp',
	mp3: 'audio/mpeg',
	wav: 'audio/x-wav',
	mp4: 'video/mp4',
	mov: 'video/quicktime',
	zip: 'application/zip',
	gz: 'application/x-gzip',
	doc: 'application/msword',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xls: 'application/vnd.ms-excel',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	ppt: 'application/vnd.ms-powerpoint',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	odt: 'application/vnd.oasis.opendocument.text',
	rtf: 'application/rtf',
	py: 'text/x-python',
	js: 'application/javascript',
	bin: 'application/octet-stream',
};

export const unknownType = 'unknown/unknown';

/** The type Canvas settles on: the given one, else a guess from the name, else unknown. */
export function inferContentType(given: unknown, name: string) {
	if (typeof given === 'string' && given.trim() !== '' && given !== unknownType) return given;
	const extension = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase();
	return (extension && byExtension[extension]) || unknownType;
}

/** Canvas's coarse mime_class of an attachment. */
export function mimeClass(contentType: string) {
	if (contentType === 'application/pdf') return 'pdf';
	if (/wordprocessing|msword|opendocument\.text|rtf/.test(contentType)) return 'doc';
	if (/spreadsheet|ms-excel|text\/csv/.test(contentType)) return 'xls';
	if (/presentation|powerpoint/.test(contentType)) return 'ppt';
	if (/zip|gzip/.test(contentType)) return 'zip';
	if (contentType === 'text/html') return 'html';
	for (const family of ['image', 'audio', 'video', 'text'] as const) {
		if (contentType.startsWith(`${family}/`)) return family;
	}
	return 'file';
}
