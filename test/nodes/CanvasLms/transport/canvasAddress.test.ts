import {
	CanvasAddressError,
	parseCanvasAddress,
} from '../../../../nodes/CanvasLms/transport/canvasAddress';

describe('parseCanvasAddress', () => {
	it.each([
		'https://school.instructure.com',
		'https://school.instructure.com/',
		'https://school.instructure.com/api/v1',
		'https://school.instructure.com/api/v1/',
		'  https://school.instructure.com//  ',
	])('accepts %s as the address of the Canvas at school.instructure.com', (input) => {
		expect(parseCanvasAddress(input).baseUrl).toBe('https://school.instructure.com');
	});

	it('keeps a port', () => {
		expect(parseCanvasAddress('http://127.0.0.1:8080/').origin).toBe('http://127.0.0.1:8080');
	});

	it('refuses an address without a scheme and says how to write it', () => {
		expect(() => parseCanvasAddress('school.instructure.com')).toThrow(CanvasAddressError);
		expect(() => parseCanvasAddress('school.instructure.com')).toThrow(
			/no http:\/\/ or https:\/\//,
		);
	});

	it('refuses a path after the host, such as a course page', () => {
		expect(() => parseCanvasAddress('https://school.instructure.com/courses/12')).toThrow(
			/has a path after the host/,
		);
	});

	it('flags plain http to a remote host but not to this machine', () => {
		expect(parseCanvasAddress('http://canvas.example.edu').isPlainHttpToRemoteHost).toBe(true);
		expect(parseCanvasAddress('http://localhost:3000').isPlainHttpToRemoteHost).toBe(false);
		expect(parseCanvasAddress('http://127.0.0.1:3000').isPlainHttpToRemoteHost).toBe(false);
		expect(parseCanvasAddress('https://canvas.example.edu').isPlainHttpToRemoteHost).toBe(false);
	});
});
