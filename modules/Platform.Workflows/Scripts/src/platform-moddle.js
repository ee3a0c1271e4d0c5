// Our extension attributes (platform:assigneeRule, platform:entity …) as a moddle package, so the
// modeler reads, edits and writes them like BPMN's own; the names come from the engine's element
// descriptors. <platform:approvalChain> (what the approval designer saved) keeps its text.
export const PlatformUri = 'https://schemas.platform.local/bpmn';

export function platformModdle(attributeNames) {
  return {
    name: 'Platform',
    uri: PlatformUri,
    prefix: 'platform',
    xml: { tagAlias: 'lowerCase' },
    associations: [],
    types: [
      {
        name: 'PlatformAttributes',
        isAbstract: true,
        extends: ['bpmn:BaseElement'],
        properties: attributeNames.map((name) => ({ name, isAttr: true, type: 'String' })),
      },
      {
        name: 'ApprovalChain',
        superClass: ['Element'],
        properties: [{ name: 'value', isBody: true, type: 'String' }],
      },
    ],
  };
}
