// Entity and field pickers of the properties panel: which entity a process is for (or a trigger watches,
// or an action creates records of), its status field, the fields an approver may change, the fields a
// trigger watches. Fields are those of the entity in play for the element.
import { h } from '@bpmn-io/properties-panel/preact';
import { SelectEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';

// The entity whose fields an element's settings name: its own (a record trigger, a createRecord, updateRecords or notifyRecords action), else its process's.
export function entityOf(element) {
  const own = getBusinessObject(element);
  if ((is(own, 'bpmn:StartEvent') && own.get('platform:on')) || (is(own, 'bpmn:ServiceTask') && ['createRecord', 'updateRecords', 'notifyRecords'].includes(own.get('platform:action')))) {
    return own.get('platform:entity') || null;
  }
  for (let node = own; node; node = node.$parent) {
    if (is(node, 'bpmn:Process')) return node.get('platform:entity') || null;
    if (is(node, 'bpmn:Participant') && node.processRef) return node.processRef.get('platform:entity') || null;
  }
  return null;
}

export function fieldsOf(element, entities) {
  const name = entityOf(element);
  return (name && entities.find((e) => e.name === name)?.fields) || null;
}

function useSetting(element, name) {
  const modeling = useService('modeling');
  return {
    getValue: () => getBusinessObject(element).get(name) || '',
    setValue: (value) => modeling.updateProperties(element, { [name]: value === '' ? undefined : value }),
  };
}

// "(none)", then each entity or field as "label (name)", and what the file holds when nothing here has that name.
function namedOptions(items, current, translate) {
  const options = [{ value: '', label: translate('(none)') }, ...items.map((i) => ({ value: i.name, label: `${i.label} (${i.name})` }))];
  return current && !items.some((i) => i.name === current) ? [...options, { value: current, label: current }] : options;
}

// One of the entities (or what the file says, when no entity has that name here).
export function EntityEntry(props) {
  const { element, id, label, name, entities } = props;
  const translate = useService('translate');
  const debounce = useService('debounceInput');
  const { getValue, setValue } = useSetting(element, name);
  const getOptions = () => namedOptions(entities, getValue(), translate);
  return h(SelectEntry, { element, id, label, getValue, setValue, getOptions, debounce });
}

// A setting naming fields of the entity in play: its services and value, the fields, and the text box shown while no entity is chosen.
function useFieldSetting(props) {
  const { element, id, label, name, entities } = props;
  const translate = useService('translate');
  const debounce = useService('debounceInput');
  const { getValue, setValue } = useSetting(element, name);
  const fields = fieldsOf(element, entities);
  const typed = fields ? null : h(TextFieldEntry, { element, id, label, getValue, setValue, debounce, description: translate('Choose the entity first') });
  return { element, id, label, translate, debounce, getValue, setValue, fields, typed };
}

// One field of the entity in play; a text box while no entity is chosen.
export function FieldEntry(props) {
  const { element, id, label, translate, debounce, getValue, setValue, fields, typed } = useFieldSetting(props);
  if (!fields) return typed;
  const getOptions = () => namedOptions(fields, getValue(), translate);
  return h(SelectEntry, { element, id, label, getValue, setValue, getOptions, debounce });
}

// Several fields of the entity in play, ticked in a list (written as "discount,notes"); a text box while no entity is chosen.
export function FieldsEntry(props) {
  const { id, label, getValue, setValue, fields, typed } = useFieldSetting(props);
  if (!fields) return typed;
  const chosen = getValue().split(',').map((f) => f.trim()).filter(Boolean);
  const toggle = (field) => {
    const next = chosen.includes(field) ? chosen.filter((f) => f !== field) : [...chosen, field];
    setValue(next.join(','));
  };
  const unknown = chosen.filter((f) => !fields.some((known) => known.name === f));
  return h('div', { class: 'bio-properties-panel-entry platform-fields', 'data-entry-id': id }, [
    h('label', { class: 'bio-properties-panel-label' }, label),
    // What the panel's "edited" dot reads.
    h('input', { type: 'hidden', class: 'bio-properties-panel-input', value: chosen.join(',') }),
    h('div', { class: 'platform-fields__list', 'data-testid': `fields-${id}` }, [
      ...fields.map((f) => h('label', { class: 'platform-fields__item', key: f.name }, [
        h('input', { type: 'checkbox', checked: chosen.includes(f.name), onChange: () => toggle(f.name), 'data-field': f.name }),
        ` ${f.label}`,
      ])),
      ...unknown.map((f) => h('label', { class: 'platform-fields__item platform-fields__item--unknown', key: f }, [
        h('input', { type: 'checkbox', checked: true, onChange: () => toggle(f), 'data-field': f }),
        ` ${f}`,
      ])),
    ]),
  ]);
}
