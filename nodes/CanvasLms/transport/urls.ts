/** Parses an absolute URL, or gives undefined for text that is not one. */
export function parseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

/** The host of a URL: the most of it that may appear in messages, since the rest may be signed. */
export function hostOf(url: string): string | undefined {
	return parseUrl(url)?.host;
}
