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
  const { culture = 'en', descriptors = [], processSettings = [], readOnly = false } = options || {};
  const translate = { translate: ['value', translator(culture)] };
  const moddleExtensions = { camunda: camundaModdle, platform: platformModdle(platformAttributes(descriptors, processSettings), reservedNames) };
  const modeler = readOnly
    ? new NavigatedViewer({ container: canvasHost, moddleExtensions, additionalModules: [translate] })
    : new Modeler({
        container: canvasHost,
        moddleExtensions,
        propertiesPanel: { parent: panelHost },
        platformProperties: { descriptors, processSettings, culture, check: dotnet ? (text, shape) => dotnet.invokeMethodAsync('CheckScript', text, shape) : null },
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
    return { key, warnings: warnings.map((w) => w.message), laidOut: drawn !== xml };
  } catch (error) {
    return { key, error: error.message };
  }
}

async function getXml(key) {
  const entry = open.get(key);
  const { xml } = await entry.modeler.saveXML({ format: true });
  return keepWrittenDefaults(entry.original, keepCarriageReturns(xml), entry.modeler);
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
