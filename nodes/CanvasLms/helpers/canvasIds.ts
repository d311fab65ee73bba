import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

// Canvas finds courses by number or by an alternative id such as sis_course_id:ABC;
// quizzes only by number.
const COURSE_ID = /^(\d+|(sis_[a-z_]+|lti_context_id|uuid):\S.*)$/;
const QUIZ_ID = /^\d+$/;

export function readCourseId(context: IExecuteFunctions, itemIndex: number): string {
	return readId(context, itemIndex, 'courseId', 'Course ID', COURSE_ID, {
		example: 'the number in the course address (…/courses/123), or sis_course_id:ABC',
	});
}

export function readQuizId(context: IExecuteFunctions, itemIndex: number): string {
	return readId(context, itemIndex, 'quizId', 'Quiz ID', QUIZ_ID, {
		example: 'the number in the quiz address (…/courses/123/quizzes/45)',
	});
}

function readId(
	context: IExecuteFunctions,
	itemIndex: number,
	parameterName: string,
	label: string,
	pattern: RegExp,
	{ example }: { example: string },
): string {
	const raw = context.getNodeParameter(parameterName, itemIndex, '') as string | number;
	const id = String(raw ?? '').trim();
	if (pattern.test(id)) return id;

	const message = id ? `${label} '${id}' is not a Canvas id` : `${label} is empty`;
	throw new NodeOperationError(context.getNode(), message, {
		itemIndex,
		description: `Enter ${example}.`,
	});
}
