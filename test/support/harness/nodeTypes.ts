import { CUSTOM_NODES_PACKAGE_NAME } from 'n8n-core';
import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

export const INPUT_NODE_NAME = 'Input';

/** The node the test's items come from, so `$input`, `$('Input')` and paired items resolve. */
export const INPUT_NODE_TYPE = `${CUSTOM_NODES_PACKAGE_NAME}.harnessInput`;

const inputNode: INodeType = {
	description: {
		displayName: 'Harness Input',
		name: 'harnessInput',
		group: ['trigger'],
		version: 1,
		description: 'Hands the test’s items to the node under test',
		defaults: { name: INPUT_NODE_NAME },
		inputs: [],
		outputs: ['main'],
		properties: [],
	},
};

/** The node type n8n would register for a node loaded from a custom folder. */
export function nodeTypeName(node: INodeType | IVersionedNodeType): string {
	return `${CUSTOM_NODES_PACKAGE_NAME}.${node.description.name}`;
}

/** The highest version the node declares, which is what the editor adds new nodes at. */
export function highestVersion(node: INodeType | IVersionedNodeType): number {
	if ('nodeVersions' in node) return Math.max(...Object.keys(node.nodeVersions).map(Number));
	const { version } = node.description as INodeTypeDescription;
	return Array.isArray(version) ? Math.max(...version) : version;
}

/** The node registry a workflow looks types up in: the node under test and the input node. */
export class HarnessNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType | IVersionedNodeType>;

	constructor(node: INodeType | IVersionedNodeType) {
		this.types = { [nodeTypeName(node)]: node, [INPUT_NODE_TYPE]: inputNode };
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types[nodeType];
		if (!type) throw new UnexpectedError(`Unknown node type: ${nodeType}`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}
