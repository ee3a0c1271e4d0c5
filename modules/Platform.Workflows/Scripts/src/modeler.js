// The workflow modeler and the instance viewer: bpmn-js with its properties panel and our own
// "Platform" group, in the reader's language. The Blazor pages (ModelerPage, InstanceView) import
// this module when they open; nothing is loaded from a CDN.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import './modeler.css';
import Modeler from 'bpmn-js/lib/Modeler';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { platformModdle, propertyNames } from './platform-moddle.js';
import bpmnSchema from 'bpmn-moddle/resources/bpmn/json/bpmn.json';
import { PlatformPropertiesModule } from './platform-properties.js';
import { commitTyping } from './script-entry.js';
import { translator } from './translations.js';
import { layoutProcess } from 'bpmn-auto-layout';

const open = new Map();
const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

// The layout follows each node's <incoming>/<outgoing> references, which hand-written files often leave out:
// they are added from the sequence flows (BPMN's own redundant references; modelers write them too).
function withFlowReferences(xml) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) return xml;
  const byId = new Map([...doc.getElementsByTagNameNS(BPMN, '*')].filter((e) => e.getAttribute('id')).map((e) => [e.getAttribute('id'), e]));
  const has = (node, name, id) => [...node.childNodes].some((c) => c.localName === name && c.namespaceURI === BPMN && c.textContent.trim() === id);
  for (const flow of doc.getElementsByTagNameNS(BPMN, 'sequenceFlow')) {
    const id = flow.getAttribute('id');
    for (const [ref, name] of [['sourceRef', 'outgoing'], ['targetRef', 'incoming']]) {
      const node = byId.get(flow.getAttribute(ref));
      if (node && !has(node, name, id)) {
        const child = doc.createElementNS(BPMN, `${node.prefix ? node.prefix + ':' : ''}${name}`);
        child.textContent = id;
        node.appendChild(child);
      }
    }
  }
  return new XMLSerializer().serializeToString(doc);
}
let next = 1;

// Names BPMN and Camunda already give properties, read before any modeler registers (and rewrites) them.
const reservedNames = propertyNames(bpmnSchema, camundaModdle);

// The attributes our namespace carries: every descriptor property named platform:…, the process's, and names in other languages.
function platformAttributes(descriptors, processSettings) {
  const names = new Set(['name-en', 'name-zh-CN']);
  for (const property of [...processSettings, ...descriptors.flatMap((d) => d.properties)]) {
    if (property.name.startsWith('platform:')) names.add(property.name.slice('platform:'.length));
  }
  return [...names];
}

async function create(canvasHost, panelHost, xml, options, dotnet) {
  const { culture = 'en', descriptors = [], processSettings = [], readOnly = false, entities = [] } = options || {};
  const translate = { translate: ['value', translator(culture)] };
  const moddleExtensions = { camunda: camundaModdle, platform: platformModdle(platformAttributes(descriptors, processSettings), reservedNames) };
  const modeler = readOnly
    ? new NavigatedViewer({ container: canvasHost, moddleExtensions, additionalModules: [translate] })
    : new Modeler({
        container: canvasHost,
        moddleExtensions,
        propertiesPanel: { parent: panelHost },
        platformProperties: { descriptors, processSettings, culture, entities, check: dotnet ? (text, shape) => dotnet.invokeMethodAsync('CheckScript', text, shape) : null },
        additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, PlatformPropertiesModule, translate],
      });
  const key = next++;
  open.set(key, { modeler, problems: [], original: xml });
  try {
    // A file without a diagram (written by hand or by another tool) is laid out first, so it can be drawn.
    const drawn = /BPMNDiagram/.test(xml) ? xml : await layoutProcess(withFlowReferences(xml));
    const { warnings } = await modeler.importXML(drawn);
    modeler.get('canvas').zoom('fit-viewport', 'auto');
    if (!readOnly && dotnet) {
      modeler.on('commandStack.changed', () => dotnet.invokeMethodAsync('ChangedOnDiagram'));
    }
    // bpmn-js warns of what it could not read; what the export puts back anyway (drawings, written defaults) is not lost.
    // Elements of the file a save would leave out are named, whether bpmn-js warned of them or the layout dropped them.
    const lost = readOnly ? [] : await getXml(key).then((exported) => missingElements(xml, exported), () => warnings.map((w) => w.message));
    return { key, warnings: lost.length ? [...warnings.map((w) => w.message), ...lost] : [], laidOut: drawn !== xml };
  } catch (error) {
    return { key, error: error.message };
  }
}

// The elements of the file (by id) a save would leave out, as <kind id="…">.
function missingElements(originalXml, exportedXml) {
  const parser = new DOMParser();
  const withIds = (xml) => [...parser.parseFromString(xml, 'application/xml').getElementsByTagName('*')].filter((e) => e.getAttribute('id'));
  const kept = new Set(withIds(exportedXml).map((e) => e.getAttribute('id')));
  return withIds(originalXml).filter((e) => !kept.has(e.getAttribute('id'))).map((e) => `<${e.localName} id="${e.getAttribute('id')}">`);
}

async function getXml(key) {
  const entry = open.get(key);
  commitTyping(); // a script typed a moment ago, its editor still focused, is part of what is saved
  const { xml } = await entry.modeler.saveXML({ format: true });
  return keepDrawings(entry.original, keepWrittenDefaults(entry.original, keepCarriageReturns(xml), entry.modeler));
}

const BPMNDI = 'http://www.omg.org/spec/BPMN/20100524/DI';

// The exported twin of a diagram's plane (planes often have no id of their own: found through their diagram).
function containerTwin(container, twins) {
  if (!container) return null;
  if (container.getAttribute('id')) return twins.get(container.getAttribute('id')) || null;
  const diagram = container.parentElement && container.parentElement.getAttribute('id') && twins.get(container.parentElement.getAttribute('id'));
  return diagram ? [...diagram.children].find((c) => c.localName === container.localName && c.namespaceURI === container.namespaceURI) || null : null;
}

// bpmn-js draws one diagram per process and drops what it cannot draw: a second diagram of the same process,
// an edge that names no element. The file's own drawings go back as they were, as long as what they draw is
// still there; attributes of drawings bpmn-js rewrote to the same value (resolution="72.0" as 72) or left out
// (a message's default visibility) are written as in the file.
function keepDrawings(originalXml, exportedXml) {
  const parser = new DOMParser();
  const original = parser.parseFromString(originalXml, 'application/xml');
  const exported = parser.parseFromString(exportedXml, 'application/xml');
  if (original.getElementsByTagName('parsererror').length || exported.getElementsByTagName('parsererror').length) return exportedXml;
  const byId = (doc) => new Map([...doc.getElementsByTagName('*')].filter((e) => e.getAttribute('id')).map((e) => [e.getAttribute('id'), e]));
  const ids = byId(exported);
  const drawable = (element) => [...element.getElementsByTagName('*'), element]
    .filter((e) => e.namespaceURI === BPMNDI && e.getAttribute('bpmnElement'))
    .every((e) => ids.has(e.getAttribute('bpmnElement')));
  let changed = false;
  for (const diagram of original.getElementsByTagNameNS(BPMNDI, 'BPMNDiagram')) {
    const id = diagram.getAttribute('id');
    if (!id || ids.has(id)) continue;
    // A whole diagram bpmn-js left out: back after the last one, without what is gone from the model.
    const copy = exported.importNode(diagram, true);
    [...copy.getElementsByTagName('*')].filter((e) => e.namespaceURI === BPMNDI && (e.localName === 'BPMNShape' || e.localName === 'BPMNEdge') && !drawable(e))
      .forEach((e) => e.remove());
    const diagrams = exported.getElementsByTagNameNS(BPMNDI, 'BPMNDiagram');
    const last = diagrams[diagrams.length - 1];
    if (last) last.after(copy); else exported.documentElement.appendChild(copy);
    changed = true;
  }
  const now = byId(exported);
  for (const element of original.getElementsByTagNameNS(BPMNDI, '*')) {
    const id = element.getAttribute('id');
    if (!id) continue;
    const twin = now.get(id);
    const parentTwin = containerTwin(element.parentElement, now);
    if (!twin && parentTwin && (element.localName === 'BPMNShape' || element.localName === 'BPMNEdge') && drawable(element)) {
      // A shape or edge dropped from a diagram that is still there (an edge naming no element).
      parentTwin.appendChild(exported.importNode(element, true));
      changed = true;
    } else if (twin) {
      for (const attribute of [...element.attributes].filter((a) => !a.name.startsWith('xmlns'))) {
        const written = twin.getAttributeNS(attribute.namespaceURI, attribute.localName);
        const same = written === attribute.value || (written !== null && written !== '' && Number(written) === Number(attribute.value));
        if (written === null || (same && written !== attribute.value)) {
          // What a user changes by drawing (expanding a sub-process) is bpmn-js's to write; the element an edge draws is never made up.
          if (written === null && (attribute.localName === 'bpmnElement' || attribute.localName === 'isExpanded')) continue;
          twin.setAttributeNS(attribute.namespaceURI, attribute.name, attribute.value);
          changed = true;
        }
      }
    }
  }
  return changed ? new XMLSerializer().serializeToString(exported) : exportedXml;
}

// bpmn-js leaves out attributes that hold BPMN's default (startQuantity="1", gatewayDirection="Unspecified").
// A file's own, untouched attributes go back as they were written, so a round trip changes only what the user changed.
function keepWrittenDefaults(originalXml, exportedXml, modeler) {
  const parser = new DOMParser();
  const original = parser.parseFromString(originalXml, 'application/xml');
  const exported = parser.parseFromString(exportedXml, 'application/xml');
  if (original.getElementsByTagName('parsererror').length || exported.getElementsByTagName('parsererror').length) return exportedXml;
  const registry = modeler.get('elementRegistry');
  // Elements without a shape (definitions, data objects, event definitions) are found by id in the model.
  const ids = modeler.get('moddle').ids;
  const byId = new Map([...exported.getElementsByTagNameNS(BPMN, '*')].filter((e) => e.getAttribute('id')).map((e) => [e.getAttribute('id'), e]));
  let restored = 0;
  for (const element of original.getElementsByTagNameNS(BPMN, '*')) {
    const id = element.getAttribute('id');
    const twin = id && byId.get(id);
    const businessObject = id && (registry.get(id)?.businessObject || ids?.assigned(id));
    if (!twin || !businessObject) continue;
    for (const attribute of [...element.attributes].filter((a) => !a.namespaceURI && a.name !== 'id')) {
      const value = businessObject.get(attribute.name);
      if (!twin.hasAttribute(attribute.name) && value !== undefined && String(value) === attribute.value) {
        twin.setAttribute(attribute.name, attribute.value);
        restored++;
      }
    }
  }
  return restored ? new XMLSerializer().serializeToString(exported) : exportedXml;
}

// A carriage return inside an attribute (a name written on two lines, "Gateway&#13;&#10;(Split Flow)")
// must stay a character reference: written as is, every XML reader turns it into a space.
function keepCarriageReturns(xml) {
  return xml.replace(/="([^"]*)"/g, (attribute, value) => (value.includes('\r') ? `="${value.replace(/\r/g, '&#13;')}"` : attribute));
}

// Refusals of the engine's checks, on the elements they concern: a red outline and a badge with the message.
function showProblems(key, problems) {
  const entry = open.get(key);
  const overlays = entry.modeler.get('overlays');
  const canvas = entry.modeler.get('canvas');
  const registry = entry.modeler.get('elementRegistry');
  for (const old of entry.problems) {
    overlays.remove({ element: old });
    if (registry.get(old)) canvas.removeMarker(old, 'platform-problem');
  }
  entry.problems = [];
  for (const problem of problems) {
    if (!problem.elementId || !registry.get(problem.elementId)) continue;
    canvas.addMarker(problem.elementId, 'platform-problem');
    const badge = document.createElement('div');
    badge.className = 'platform-problem-badge';
    badge.setAttribute('data-testid', 'modeler-problem');
    badge.setAttribute('data-element', problem.elementId);
    badge.title = problem.message;
    badge.textContent = problem.message;
    overlays.add(problem.elementId, { position: { bottom: -4, left: 0 }, html: badge });
    entry.problems.push(problem.elementId);
  }
}

// An instance on its diagram: the paths taken, where tokens wait, where it stopped.
function showProgress(key, progress) {
  const entry = open.get(key);
  const canvas = entry.modeler.get('canvas');
  const registry = entry.modeler.get('elementRegistry');
  const mark = (ids, marker) => (ids || []).filter((id) => registry.get(id)).forEach((id) => canvas.addMarker(id, marker));
  mark(progress.done, 'platform-done');
  // A flow was taken when both its ends were reached.
  const reached = new Set([...(progress.done || []), ...(progress.active || []), ...(progress.incident || [])]);
  registry.filter((e) => e.waypoints && e.source && e.target && reached.has(e.source.id) && reached.has(e.target.id))
    .forEach((flow) => canvas.addMarker(flow.id, 'platform-done'));
  mark(progress.active, 'platform-active');
  mark(progress.incident, 'platform-incident');
}

function select(key, elementId) {
  const entry = open.get(key);
  const element = entry.modeler.get('elementRegistry').get(elementId);
  if (element && entry.modeler.get('selection', false)) entry.modeler.get('selection').select(element);
}

// The diagram as a file to download, named by the page.
async function download(key, fileName) {
  const xml = await getXml(key);
  const url = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function destroy(key) {
  open.get(key)?.modeler.destroy();
  open.delete(key);
}

export { create, getXml, showProblems, showProgress, select, download, destroy };
