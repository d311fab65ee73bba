/** Reads S3's `<Error><Code>…</Code><Message>…</Message></Error>` answer, if that is what it is. */
export function parseStorageXmlError(
	text: string,
): { code?: string; message?: string } | undefined {
	if (!/<Error>/i.test(text)) return undefined;
	return { code: xmlElement(text, 'Code'), message: xmlElement(text, 'Message') };
}

function xmlElement(text: string, name: string): string | undefined {
	const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'i').exec(text);
	return match ? decodeXmlEntities(match[1].trim()) : undefined;
}

function decodeXmlEntities(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
}
