import { getAdditionalKeys } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsExpressionResolveValues,
	ICredentialType,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import {
	deepCopy,
	ICredentialsHelper,
	isExpression,
	NodeHelpers,
	UnexpectedError,
} from 'n8n-workflow';

export type HarnessCredentials = Record<
	string,
	{ type: ICredentialType; data: ICredentialDataDecryptedObject }
>;

/**
 * Stands in for the CredentialsHelper of n8n's CLI package, which needs its database and key
 * management: it hands out the test's credential data with the type's defaults filled in, and
 * applies it to requests the way the CLI does (a type's `authenticate` function, or its generic
 * block of `={{$credentials.x}}` expressions resolved by n8n's expression engine).
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	private constructor(
		private readonly types: Map<string, ICredentialType>,
		private readonly stored: Map<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	static create(credentials: HarnessCredentials = {}): HarnessCredentialsHelper {
		const types = new Map<string, ICredentialType>();
		const stored = new Map<string, ICredentialDataDecryptedObject>();
		for (const [name, { type, data }] of Object.entries(credentials)) {
			types.set(name, type);
			stored.set(name, deepCopy(data));
		}
		return new HarnessCredentialsHelper(types, stored);
	}

	getParentTypes(name: string): string[] {
		const parents = this.types.get(name)?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		const type = this.types.get(credentialType);
		if (!type?.restrictToSupportedNodes) return true;
		const supported = type.supportedNodes ?? [];
		return supported.some((name) => nodeType === name || nodeType.endsWith(`.${name}`));
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.typeNamed(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, incomingOptions as IHttpRequestOptions);
		}
		if (!authenticate) return incomingOptions as IHttpRequestOptions;
		if (!workflow || !node) {
			throw new UnexpectedError('Workflow and node are required for generic authentication');
		}

		const options = incomingOptions as unknown as Record<string, Record<string, unknown>>;
		options.headers ??= {};
		if (authenticate.type !== 'generic') return incomingOptions as IHttpRequestOptions;
		const resolve = (value: unknown) => resolveCredentialValue(value, credentials, workflow, node);
		for (const [target, entries] of Object.entries(authenticate.properties)) {
			for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
				options[target] ??= {};
				options[target][resolve(key) as string] = resolve(value);
			}
		}
		return incomingOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.typeNamed(typeName);
		const expirable = type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		const output = (await type.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
		if (output[expirable.name] === undefined) return undefined;
		Object.assign(this.storedData(typeName), output);
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const { preAuthentication } = this.typeNamed(typeName);
		if (typeof preAuthentication !== 'function') return undefined;
		const output = await preAuthentication.call(helpers, credentials);
		return (output as ICredentialDataDecryptedObject | undefined) ?? undefined;
	}

	async getCredentials(_details: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		throw new UnexpectedError(`Encrypted "${type}" credentials are not kept by the test harness`);
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		_details: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		resolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const original = deepCopy(this.storedData(type));
		if (raw === true) return original;

		const withDefaults = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			original as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (original.oauthTokenData !== undefined)
			withDefaults.oauthTokenData = original.oauthTokenData;
		if (!resolveValues) return withDefaults;

		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });
		return resolveValues.workflow.expression.getParameterValue(
			withDefaults as INodeParameters,
			resolveValues.runExecutionData,
			resolveValues.runIndex,
			resolveValues.itemIndex,
			resolveValues.node.name,
			resolveValues.connectionInputData,
			mode,
			additionalKeys,
			executeData,
			false,
			withDefaults,
		) as ICredentialDataDecryptedObject;
	}

	async updateCredentials(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.stored.set(type, deepCopy(data));
	}

	async updateCredentialsOauthTokenData(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.storedData(type).oauthTokenData = deepCopy(data.oauthTokenData);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const { extends: parents, properties } = this.typeNamed(type);
		if (!parents) return properties;
		const combined: INodeProperties[] = [];
		for (const parent of parents) {
			if (this.types.has(parent)) {
				NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
			}
		}
		NodeHelpers.mergeNodeProperties(combined, properties);
		return combined;
	}

	private typeNamed(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) {
			throw new UnexpectedError('Unknown credential type', { tags: { credentialType: name } });
		}
		return type;
	}

	private storedData(type: string): ICredentialDataDecryptedObject {
		const stored = this.stored.get(type);
		if (!stored) throw new UnexpectedError(`The test gave no credentials of type "${type}"`);
		return stored;
	}
}

/** How a node refers to the test's credential of this type. */
export function nodeCredentialsOf(name: string, type: ICredentialType): INodeCredentialsDetails {
	return { id: `harness-${name}`, name: `${type.displayName ?? name} (test)` };
}

// Like the CLI: only `=`-expressions are evaluated, with `$credentials` as the one extra key,
// and an empty result becomes ''.
function resolveCredentialValue(
	value: unknown,
	credentials: ICredentialDataDecryptedObject,
	workflow: Workflow,
	node: INode,
): unknown {
	if (!isExpression(value)) return value;
	const resolved = workflow.expression.getSimpleParameterValue(
		node,
		value,
		'internal',
		{ $credentials: credentials },
		undefined,
		'',
	);
	return resolved ? resolved.toString() : '';
}
