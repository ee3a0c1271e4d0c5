// The "Platform" group of the properties panel, generated from the engine's element descriptors
// (GET /api/workflows/elements): for the selected element, one entry per setting the engine reads —
// a text box, a list of choices, or a script in the code editor — in the reader's language.
import { h } from '@bpmn-io/properties-panel/preact';
import { TextFieldEntry, SelectEntry, isTextFieldEntryEdited, isSelectEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';
import { ScriptEntry, isScriptEdited } from './script-entry.js';
import { EntityEntry, FieldEntry, FieldsEntry, fieldsOf } from './field-entries.js';

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

// The values of the engine's choices, as people say them.
const choiceNames = {
  updateRecord: { 'zh-CN': '更新当前记录', en: 'Update the record' },
  createRecord: { 'zh-CN': '新建记录', en: 'Create a record' },
  updateRecords: { 'zh-CN': '批量更新筛选出的记录', en: 'Update the records a filter finds' },
  notifyRecords: { 'zh-CN': '逐条提醒筛选出的记录负责人', en: 'Remind the owner of each record a filter finds' },
  submitRecord: { 'zh-CN': '提交当前单据', en: 'Submit the document' },
  cancelRecord: { 'zh-CN': '作废当前单据', en: 'Cancel the document' },
  reorder: { 'zh-CN': '补货：为低于补货点的库存生成采购草稿', en: 'Reorder: draft purchases for stock below its reorder level' },
  notify: { 'zh-CN': '发送通知', en: 'Notify' },
  webhook: { 'zh-CN': '调用 Webhook', en: 'Call a webhook' },
  initiator: { 'zh-CN': '发起人', en: 'The submitter' },
  initiatorManager: { 'zh-CN': '发起人的上级', en: "The submitter's manager" },
  ownerDepartmentManager: { 'zh-CN': '记录所属部门负责人', en: "The record's department manager" },
  departmentRole: { 'zh-CN': '发起人部门内的角色', en: "A role in the submitter's department" },
  created: { 'zh-CN': '新建时', en: 'When created' },
  updated: { 'zh-CN': '修改时', en: 'When changed' },
  deleted: { 'zh-CN': '删除时', en: 'When deleted' },
  true: { 'zh-CN': '是', en: 'Yes' },
  false: { 'zh-CN': '否', en: 'No' },
};

// What "Insert a field" puts at the cursor: a key of the values object, or the record's field in a condition.
const insertions = { 'platform:values': (name) => `${name}: `, 'platform:condition': (name) => `record.${name}` };

function Setting(props) {
  const { element, id, property, culture, check, entities } = props;
  const modeling = useService('modeling');
  const debounce = useService('debounceInput');
  const translate = useService('translate');
  const getValue = () => getBusinessObject(element).get(property.name) || '';
  const setValue = (value) => modeling.updateProperties(element, { [property.name]: value === '' ? undefined : value });
  const common = { element, id, label: label(property.label, culture), getValue, setValue, debounce };
  if (property.editor === 'Choice' && property.choices) {
    // Each choice in the reader's words, with the value the file holds.
    const named = (c) => (choiceNames[c] ? `${label(choiceNames[c], culture)} (${c})` : c);
    return h(SelectEntry, { ...common, getOptions: () => [{ value: '', label: translate('(none)') }, ...property.choices.map((c) => ({ value: c, label: named(c) }))] });
  }
  if (shapes[property.editor]) {
    const insert = insertions[property.name];
    return h(ScriptEntry, { ...common, shape: shapes[property.editor], check, insert, fields: insert ? fieldsOf(element, entities) : null });
  }
  const picker = { Entity: EntityEntry, Field: FieldEntry, Fields: FieldsEntry }[property.editor];
  if (picker) {
    return h(picker, { element, id, label: common.label, name: property.name, entities });
  }
  return h(TextFieldEntry, common);
}

function ConditionEntry(props) {
  const { element, id, check, entities } = props;
  const modeling = useService('modeling');
  const bpmnFactory = useService('bpmnFactory');
  const debounce = useService('debounceInput');
  const translate = useService('translate');
  const getValue = () => getBusinessObject(element).conditionExpression?.body || '';
  const setValue = (value) => {
    const expression = value ? bpmnFactory.create('bpmn:FormalExpression', { body: value }) : undefined;
    modeling.updateProperties(element, { conditionExpression: expression });
  };
  return h(ScriptEntry, { element, id, label: translate('Condition expression'), getValue, setValue, debounce, shape: 'condition', check, fields: fieldsOf(element, entities), insert: (name) => `record.${name}` });
}

export function PlatformPropertiesProvider(propertiesPanel, translate, config) {
  const { descriptors = [], processSettings = [], culture = 'en', check, entities = [] } = config || {};
  this.getGroups = (element) => (groups) => {
    const entries = [];
    if (is(element, 'bpmn:SequenceFlow')) {
      const source = element.source && getBusinessObject(element.source);
      if (source && (is(source, 'bpmn:ExclusiveGateway') || is(source, 'bpmn:InclusiveGateway') || is(source, 'bpmn:Activity'))) {
        entries.push({ id: 'platform-condition', element, check, entities, component: ConditionEntry, isEdited: isScriptEdited });
      }
    } else {
      const properties = is(element, 'bpmn:Process') ? processSettings
        : (descriptors.find((d) => d.element === kindOf(element))?.properties || []);
      for (const property of properties) {
        const edited = property.editor === 'Choice' || property.editor === 'Entity' || property.editor === 'Field' ? isSelectEntryEdited
          : shapes[property.editor] ? isScriptEdited : isTextFieldEntryEdited;
        entries.push({ id: `platform-${property.name.replace(':', '-')}`, element, property, culture, check, entities, component: Setting, isEdited: edited });
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
