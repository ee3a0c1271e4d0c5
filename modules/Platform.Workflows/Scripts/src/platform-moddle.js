// Our extension attributes (platform:assigneeRule, platform:entity …) as a moddle package, so the
// modeler reads, edits and writes them like BPMN's own; the names come from the engine's element
// descriptors. <platform:approvalChain> (what the approval designer saved) keeps its text.
// A name BPMN or Camunda already gives a property (condition, resultVariable, assignee …) is left out:
// moddle refuses two properties of one name on an element, and would drop every element of that
// type from a file (a serviceTask, a messageEventDefinition). Such attributes still round-trip and
// edit as moddle's generic attributes ($attrs).
export const PlatformUri = 'https://schemas.platform.local/bpmn';

export function platformModdle(attributeNames, reservedNames = new Set()) {
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
        properties: attributeNames.filter((name) => !reservedNames.has(name)).map((name) => ({ name, isAttr: true, type: 'String' })),
      },
      {
        name: 'ApprovalChain',
        superClass: ['Element'],
        properties: [{ name: 'value', isBody: true, type: 'String' }],
      },
    ],
  };
}

// Every property name the given moddle packages define, on any type (without prefix: moddle rewrites
// the descriptors it registers, "resultVariable" becoming "camunda:resultVariable").
export function propertyNames(...packages) {
  return new Set(packages.flatMap((p) => p.types || []).flatMap((t) => t.properties || []).map((p) => p.name.split(':').pop()));
}
