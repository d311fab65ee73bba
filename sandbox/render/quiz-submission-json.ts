import { sandboxSeed } from '../seed';
import type { SandboxQuizSubmission } from '../types';

/** Canvas's quiz_submission_json; the sandbox's quizzes have one question worth one point. */
export function quizSubmissionJson(submission: SandboxQuizSubmission, apiUrl: string) {
	const quizUrl = `${apiUrl}/courses/${sandboxSeed.courseId}/quizzes/${submission.quizId}`;
	return {
		id: submission.id,
		quiz_id: submission.quizId,
		quiz_version: 1,
		user_id: submission.userId,
		submission_id: String(7000 + Number(submission.id)),
		score: null,
		kept_score: null,
		started_at: submission.startedAt,
		end_at: null,
		finished_at: submission.finishedAt,
		attempt: submission.attempt,
		workflow_state: submission.workflowState,
		fudge_points: null,
		quiz_points_possible: 1,
		extra_attempts: null,
		extra_time: null,
		manually_unlocked: null,
		validation_token: submission.validationToken,
		score_before_regrade: null,
		has_seen_results: null,
		time_spent: submission.finishedAt ? 60 : 0,
		attempts_left: 0,
		overdue_and_needs_submission: false,
		questions_regraded_since_last_attempt: null,
		excused: false,
		'excused?': false,
		html_url: `${quizUrl}/submissions/${submission.id}`,
	};
}
