export interface JsonStyle {
	/** Accept: application/json+canvas-string-ids was sent. */
	stringIds: boolean;
}

const idKey = /(^id$|_id$)/;
const idListKey = /_ids$/;
const digits = /^\d+$/;

/**
 * Serialises a Canvas answer. Ids are kept as decimal strings inside the sandbox; here they
 * become strings for clients that asked for string ids, and bare number literals otherwise,
 * so a client parsing an id above 2^53 as a number loses precision exactly as with Canvas.
 */
export function renderCanvasJson(value: unknown, style: JsonStyle): string {
	return write(value, style, false);
}

function write(value: unknown, style: JsonStyle, asId: boolean): string {
	if (asId && (typeof value === 'number' || (typeof value === 'string' && digits.test(value)))) {
		return style.stringIds ? JSON.stringify(String(value)) : String(value);
	}
	if (Array.isArray(value)) return `[${value.map((item) => write(item, style, asId)).join(',')}]`;
	if (value && typeof value === 'object') {
		const members = Object.entries(value)
			.filter(([, member]) => member !== undefined)
			.map(([key, member]) => {
				const memberIsId = idKey.test(key) || (idListKey.test(key) && Array.isArray(member));
				return `${JSON.stringify(key)}:${write(member, style, memberIsId)}`;
			});
		return `{${members.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}
