// The "Platform" group of the properties panel, generated from the engine's element descriptors
// (GET /api/workflows/elements): for the selected element, one entry per setting the engine reads —
// a text box, a list of choices, or a script in the code editor — in the reader's language.
import { h } from '@bpmn-io/properties-panel/preact';
import { TextFieldEntry, SelectEntry, isTextFieldEntryEdited, isSelectEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';
import { ScriptEntry, isScriptEdited } from './script-entry.js';

// How the engine runs each kind of script: statements (a script task) or one expression.
const shapes = { Script: 'statements', Expression: 'expression', Condition: 'condition' };

function kindOf(element) {
  const type = getBusinessObject(element).$type; // bpmn:UserTask
  const local = type.split(':')[1];
  return local.charAt(0).toLowerCase() + local.slice(1);
}

function label(text, culture) {
  if (!text) return '';
  return text[culture] || text[culture.split('-')[0]] || text.en || text['zh-CN'] || Object.values(text)[0] || '';
}

function Setting(props) {
  const { element, id, property, culture, check } = props;
  const modeling = useService('modeling');
  const debounce = useService('debounceInput');
  const translate = useService('translate');
  const getValue = () => getBusinessObject(element).get(property.name) || '';
  const setValue = (value) => modeling.updateProperties(element, { [property.name]: value === '' ? undefined : value });
  const common = { element, id, label: label(property.label, culture), getValue, setValue, debounce };
  if (property.editor === 'Choice' && property.choices) {
    return h(SelectEntry, { ...common, getOptions: () => [{ value: '', label: translate('(none)') }, ...property.choices.map((c) => ({ value: c, label: c }))] });
  }
  if (shapes[property.editor]) {
    return h(ScriptEntry, { ...common, shape: shapes[property.editor], check });
  }
  return h(TextFieldEntry, common);
}

function ConditionEntry(props) {
  const { element, id, check } = props;
  const modeling = useService('modeling');
  const bpmnFactory = useService('bpmnFactory');
  const debounce = useService('debounceInput');
  const translate = useService('translate');
  const getValue = () => getBusinessObject(element).conditionExpression?.body || '';
  const setValue = (value) => {
    const expression = value ? bpmnFactory.create('bpmn:FormalExpression', { body: value }) : undefined;
    modeling.updateProperties(element, { conditionExpression: expression });
  };
  return h(ScriptEntry, { element, id, label: translate('Condition expression'), getValue, setValue, debounce, shape: 'condition', check });
}

export function PlatformPropertiesProvider(propertiesPanel, translate, config) {
  const { descriptors = [], processSettings = [], culture = 'en', check } = config || {};
  this.getGroups = (element) => (groups) => {
    const entries = [];
    if (is(element, 'bpmn:SequenceFlow')) {
      const source = element.source && getBusinessObject(element.source);
      if (source && (is(source, 'bpmn:ExclusiveGateway') || is(source, 'bpmn:InclusiveGateway') || is(source, 'bpmn:Activity'))) {
        entries.push({ id: 'platform-condition', element, check, component: ConditionEntry, isEdited: isScriptEdited });
      }
    } else {
      const properties = is(element, 'bpmn:Process') ? processSettings
        : (descriptors.find((d) => d.element === kindOf(element))?.properties || []);
      for (const property of properties) {
        const edited = property.editor === 'Choice' ? isSelectEntryEdited : shapes[property.editor] ? isScriptEdited : isTextFieldEntryEdited;
        entries.push({ id: `platform-${property.name.replace(':', '-')}`, element, property, culture, check, component: Setting, isEdited: edited });
      }
    }
    if (entries.length) {
      groups.splice(1, 0, { id: 'platform', label: translate('Platform'), entries });
    }
    return groups;
  };
  propertiesPanel.registerProvider(500, this);
}

PlatformPropertiesProvider.$inject = ['propertiesPanel', 'translate', 'config.platformProperties'];

export const PlatformPropertiesModule = {
  __init__: ['platformPropertiesProvider'],
  platformPropertiesProvider: ['type', PlatformPropertiesProvider],
};
