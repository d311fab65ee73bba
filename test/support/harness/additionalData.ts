import type { IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import type { HarnessCredentialsHelper } from './credentialsHelper';

const INSTANCE_URL = 'http://localhost:5678/';

function unavailable(feature: string) {
	return async (): Promise<never> => {
		throw new UnexpectedError(`${feature} is not available in the n8n test harness`);
	};
}

/**
 * What the CLI hands every execution: the credentials helper, ids and the instance's URLs.
 * Sub-workflows, AI agents and task runners belong to the CLI and are left out.
 */
export function harnessAdditionalData(
	credentialsHelper: HarnessCredentialsHelper,
	workflowId: string,
	executionId: string,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		workflowId,
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${INSTANCE_URL}rest`,
		instanceBaseUrl: INSTANCE_URL,
		formBaseUrl: `${INSTANCE_URL}form`,
		formWaitingBaseUrl: `${INSTANCE_URL}form-waiting`,
		formTestBaseUrl: `${INSTANCE_URL}form-test`,
		webhookBaseUrl: `${INSTANCE_URL}webhook`,
		webhookWaitingBaseUrl: `${INSTANCE_URL}webhook-waiting`,
		webhookTestBaseUrl: `${INSTANCE_URL}webhook-test`,
		mcpBaseUrl: `${INSTANCE_URL}mcp`,
		mcpTestBaseUrl: `${INSTANCE_URL}mcp-test`,
		variables: {},
		executeWorkflow: unavailable('Executing a sub-workflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => undefined,
		startRunnerTask: unavailable('A task runner'),
	} as unknown as IWorkflowExecuteAdditionalData;
}
