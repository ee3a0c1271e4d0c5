// The template designer's drawing: the blank form with the template's marks, cells and row groups over it, drawn, moved and
// sized with mouse and keyboard, snapping to the blank's ruling lines. The page (Blazor) keeps the template and its undo history;
// this module shows what it is given and reports each finished gesture: Drawn(kind, rect), Placed(id, rect), Select(id, add),
// Command(name).
const SVG = "http://www.w3.org/2000/svg";
const designers = new Map();
let nextKey = 1;

export function create(host, blankUrl, width, height, dotnet, texts) {
  const key = nextKey++;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.classList.add("td-svg");
  const image = document.createElementNS(SVG, "image");
  image.setAttribute("href", blankUrl);
  image.setAttribute("width", width);
  image.setAttribute("height", height);
  const shapes = document.createElementNS(SVG, "g");
  const overlay = document.createElementNS(SVG, "g");
  const test = document.createElementNS(SVG, "g");
  svg.append(image, test, shapes, overlay);
  host.append(svg);
  const state = {
    host, svg, shapes, overlay, test, width, height, dotnet, texts: texts || {}, zoom: 0.5, tool: "select", selected: new Set(),
    items: [], layout: { horizontal: [], vertical: [], marks: [] }, gesture: null,
  };
  designers.set(key, state);
  zoom(key, state.zoom);
  svg.addEventListener("pointerdown", (e) => pointerDown(state, e));
  svg.addEventListener("pointermove", (e) => pointerMove(state, e));
  svg.addEventListener("pointerup", (e) => pointerUp(state, e));
  svg.addEventListener("dblclick", (e) => doubleClick(state, e));
  host.addEventListener("keydown", (e) => keyDown(state, e));
  host.tabIndex = 0;
  return key;
}

export function dispose(key) {
  const state = designers.get(key);
  if (state) {
    state.svg.remove();
    designers.delete(key);
  }
}

export function render(key, items, selected) {
  const state = designers.get(key);
  if (!state) return;
  state.items = items;
  state.selected = new Set(selected || []);
  draw(state);
}

export function setLayout(key, layout) {
  const state = designers.get(key);
  if (state) state.layout = layout || state.layout;
}

export function setTool(key, tool) {
  const state = designers.get(key);
  if (!state) return;
  state.tool = tool;
  state.svg.dataset.tool = tool;
}

export function zoom(key, factor) {
  const state = designers.get(key);
  if (!state) return;
  state.zoom = factor;
  state.svg.setAttribute("width", Math.round(state.width * factor));
  state.svg.setAttribute("height", Math.round(state.height * factor));
}

export function focus(key) {
  designers.get(key)?.host.focus();
}

// A sample scan as read with the template: each cell's picture where the cell is, its value beside it.
export function showTest(key, cells) {
  const state = designers.get(key);
  if (!state) return;
  state.test.replaceChildren();
  for (const cell of cells || []) {
    if (cell.crop) {
      const picture = element("image", { x: cell.x, y: cell.y, width: cell.width, height: cell.height, href: `data:image/png;base64,${cell.crop}`, preserveAspectRatio: "none" });
      state.test.append(picture);
    }
    if (cell.value === null && !cell.flagged) continue;
    const label = element("text", { x: cell.x + 4, y: cell.y + cell.height - 6, class: `td-test-value ${cell.flagged ? "td-test-value--flagged" : ""}` });
    label.textContent = cell.value ?? "∅";
    label.dataset.path = cell.path;
    state.test.append(label);
  }
}

function element(name, attributes) {
  const node = document.createElementNS(SVG, name);
  for (const [attribute, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) node.setAttribute(attribute, value);
  }
  return node;
}

function draw(state) {
  state.shapes.replaceChildren();
  const ordered = [...state.items].sort((a, b) => (a.kind === "rows" ? -1 : 0) - (b.kind === "rows" ? -1 : 0));
  for (const item of ordered) {
    const selected = state.selected.has(item.id);
    const group = element("g", { class: `td-shape td-${item.kind}${selected ? " td-selected" : ""}${item.row > 0 ? " td-repeat" : ""}`, "data-id": item.id, "data-row": item.row });
    group.append(element("rect", { x: item.x, y: item.y, width: item.width, height: item.height }));
    if (item.row === 0 && item.kind !== "rows" || item.kind === "rows") {
      const caption = element("text", { x: item.x + 3, y: item.kind === "rows" ? item.y - 6 : item.y + 16, class: "td-caption" });
      caption.textContent = item.caption;
      group.append(caption);
    }
    if (selected && item.row === 0 && item.kind !== "rows") {
      group.append(element("rect", { x: item.x + item.width - 7, y: item.y + item.height - 7, width: 14, height: 14, class: "td-handle" }));
    }
    state.shapes.append(group);
  }
}

function point(state, e) {
  const matrix = state.svg.getScreenCTM().inverse();
  const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(matrix);
  return { x: Math.round(p.x), y: Math.round(p.y) };
}

function hit(e) {
  const shape = e.target.closest?.(".td-shape");
  return shape ? { id: shape.dataset.id, row: Number(shape.dataset.row), handle: e.target.classList.contains("td-handle") } : null;
}

function itemOf(state, id) {
  return state.items.find((i) => i.id === id && i.row === 0);
}

function pointerDown(state, e) {
  if (e.button !== 0) return;
  state.host.focus();
  const at = point(state, e);
  const target = hit(e);
  if (state.tool === "select" && target) {
    const item = state.items.find((i) => i.id === target.id && i.row === target.row);
    if (!state.selected.has(target.id) || e.shiftKey || e.ctrlKey) {
      state.dotnet.invokeMethodAsync("Select", target.id, e.shiftKey || e.ctrlKey);
      if (e.shiftKey || e.ctrlKey) return;
      state.selected = new Set([target.id]);
    }
    if (item) {
      state.gesture = { kind: target.handle ? "size" : "move", id: target.id, start: at, item, rowOffset: item.y - (itemOf(state, target.id)?.y ?? item.y), moved: false };
      state.svg.setPointerCapture(e.pointerId);
    }
    return;
  }
  if (state.tool === "mark") {
    const mark = state.layout.marks.find((m) => at.x >= m.x - 4 && at.x <= m.x + m.size + 4 && at.y >= m.y - 4 && at.y <= m.y + m.size + 4);
    if (mark) {
      state.dotnet.invokeMethodAsync("Drawn", "mark", { x: mark.x, y: mark.y, width: mark.size, height: mark.size });
      return;
    }
  }
  if (state.tool === "select") {
    state.dotnet.invokeMethodAsync("Select", null, false);
    return;
  }
  state.gesture = { kind: "draw", start: at, current: at };
  state.svg.setPointerCapture(e.pointerId);
}

function pointerMove(state, e) {
  const gesture = state.gesture;
  if (!gesture) return;
  const at = point(state, e);
  const dx = at.x - gesture.start.x;
  const dy = at.y - gesture.start.y;
  if (gesture.kind === "draw") {
    gesture.current = at;
    gesture.rect = snapRect(state, normalise(gesture.start, at), "all");
    preview(state, gesture.rect);
    return;
  }
  if (Math.abs(dx) + Math.abs(dy) < 2 && !gesture.moved) return;
  gesture.moved = true;
  const base = itemOf(state, gesture.id) || gesture.item;
  let rect = gesture.kind === "move"
    ? { x: base.x + dx, y: base.y + dy, width: base.width, height: base.height }
    : { x: base.x, y: base.y, width: Math.max(8, base.width + dx), height: Math.max(8, base.height + dy) };
  rect = snapRect(state, { ...rect, y: rect.y + gesture.rowOffset }, gesture.kind === "move" ? "move" : "size");
  rect.y -= gesture.rowOffset;
  gesture.rect = rect;
  preview(state, { ...rect, y: rect.y + gesture.rowOffset });
}

function pointerUp(state, e) {
  const gesture = state.gesture;
  state.gesture = null;
  state.overlay.replaceChildren();
  if (!gesture) return;
  if (gesture.kind === "draw") {
    const rect = gesture.rect;
    if (rect && rect.width >= 8 && rect.height >= 8) {
      state.dotnet.invokeMethodAsync("Drawn", state.tool, rect);
    }
    return;
  }
  if (gesture.moved && gesture.rect) {
    state.dotnet.invokeMethodAsync("Placed", gesture.id, gesture.rect);
  }
}

function doubleClick(state, e) {
  if (state.tool !== "select" && state.tool !== "cell") return;
  const shape = e.target.closest?.(".td-shape");
  if (shape && !shape.classList.contains("td-rows")) return;
  const box = boxAround(state, point(state, e));
  if (box) state.dotnet.invokeMethodAsync("Drawn", "cell", box);
}

function keyDown(state, e) {
  const key = e.key;
  const command = (name) => { e.preventDefault(); state.dotnet.invokeMethodAsync("Command", name); };
  if ((e.ctrlKey || e.metaKey) && key.toLowerCase() === "z") return command(e.shiftKey ? "redo" : "undo");
  if ((e.ctrlKey || e.metaKey) && key.toLowerCase() === "y") return command("redo");
  if ((e.ctrlKey || e.metaKey) && key.toLowerCase() === "s") return command("save");
  if (e.target !== state.host) return;
  if (key === "Delete" || key === "Backspace") return command("delete");
  if (key === "Escape") return command("escape");
  if (key === "d" || key === "D") return command(e.shiftKey ? "row-up" : "row-down");
  if (key === "r" || key === "R") return command("make-rows");
  const tools = { v: "select", c: "cell", m: "mark", t: "printed" };
  if (tools[key]) return command(`tool-${tools[key]}`);
  const arrows = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
  if (arrows[key] && state.selected.size > 0) {
    e.preventDefault();
    const step = e.shiftKey ? 10 : 1;
    const [dx, dy] = arrows[key];
    for (const id of state.selected) {
      const item = itemOf(state, id);
      if (!item || item.kind === "rows" && e.altKey) continue;
      const rect = e.altKey
        ? { x: item.x, y: item.y, width: Math.max(8, item.width + dx * step), height: Math.max(8, item.height + dy * step) }
        : { x: item.x + dx * step, y: item.y + dy * step, width: item.width, height: item.height };
      state.dotnet.invokeMethodAsync("Placed", id, rect);
    }
  }
}

function preview(state, rect) {
  state.overlay.replaceChildren(element("rect", { x: rect.x, y: rect.y, width: rect.width, height: rect.height, class: "td-preview" }));
}

function normalise(a, b) {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

// Edges near a ruling line jump onto it: a line's outer edges are where a box begins and ends.
function snapRect(state, rect, how) {
  const reach = Math.max(4, Math.round(6 / state.zoom));
  const verticals = state.layout.vertical.filter((l) => l.from <= rect.y + rect.height && l.to >= rect.y);
  const horizontals = state.layout.horizontal.filter((l) => l.from <= rect.x + rect.width && l.to >= rect.x);
  const nearest = (value, lines, edge) => {
    let best = null;
    for (const line of lines) {
      const at = edge === "start" ? line.position : line.position + line.thickness;
      if (Math.abs(at - value) <= reach && (best === null || Math.abs(at - value) < Math.abs(best - value))) best = at;
    }
    return best;
  };
  const left = nearest(rect.x, verticals, "start");
  const right = nearest(rect.x + rect.width, verticals, "end");
  const top = nearest(rect.y, horizontals, "start");
  const bottom = nearest(rect.y + rect.height, horizontals, "end");
  if (how === "move") {
    const x = left !== null ? left : right !== null ? right - rect.width : rect.x;
    const y = top !== null ? top : bottom !== null ? bottom - rect.height : rect.y;
    return { x, y, width: rect.width, height: rect.height };
  }
  const x = how === "size" ? rect.x : left ?? rect.x;
  const y = how === "size" ? rect.y : top ?? rect.y;
  const r = right ?? rect.x + rect.width;
  const b = bottom ?? rect.y + rect.height;
  return { x, y, width: Math.max(8, r - x), height: Math.max(8, b - y) };
}

// The printed box around a point: the nearest ruling lines above, below, left and right of it that pass it.
function boxAround(state, p) {
  const across = state.layout.horizontal.filter((l) => l.from <= p.x && l.to >= p.x);
  const down = state.layout.vertical.filter((l) => l.from <= p.y && l.to >= p.y);
  const above = across.filter((l) => l.position + l.thickness <= p.y).sort((a, b) => b.position - a.position)[0];
  const below = across.filter((l) => l.position >= p.y).sort((a, b) => a.position - b.position)[0];
  const before = down.filter((l) => l.position + l.thickness <= p.x).sort((a, b) => b.position - a.position)[0];
  const after = down.filter((l) => l.position >= p.x).sort((a, b) => a.position - b.position)[0];
  if (!above || !below || !before || !after) return null;
  const box = { x: before.position, y: above.position, width: after.position + after.thickness - before.position, height: below.position + below.thickness - above.position };
  return box.width < state.width / 2 && box.height < state.height / 3 ? box : null;
}
