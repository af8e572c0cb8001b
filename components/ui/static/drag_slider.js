// The figure under a slider that follows every step of a drag, without a rerun.
//
// The value has one control: Streamlit's own st.slider (widget key = URL name).
// This figure follows it. Python sends the slider's grid and, for every grid
// point, the numbers of the figure (computed by PyTorch on the server); this
// file only maps them to pixels. It watches the slider's element in the page
// (`.st-key-<name> input[type=range]`: its value changes on every step of a
// mouse drag, key or tap, before the release reruns the script) and draws the
// frame of that value at once. If the slider cannot be found (Streamlit's DOM
// changed), the figure says so in `data-follow="missing"`: a browser test fails.
//
// A figure spec and its assets (the map's PNG) travel once per browser tab:
// they are kept here by digest, and later runs send only the digest. A figure
// that is not here (a remount in a fresh window) asks Python for it once.
const SVG = "http://www.w3.org/2000/svg";
const ANNOUNCE_AFTER_MS = 700;
// How long a mounted figure looks for its slider before it says it is missing.
const FIND_FOR_MS = 10000;

function make(tag, attrs, parent) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
  if (parent) parent.appendChild(node);
  return node;
}

function text(parent, x, y, content, attrs) {
  const node = make("text", { x, y, ...attrs }, parent);
  // "10^30": a power of ten, its exponent raised (log axes' ticks).
  const power = /^(.*?)\^(.+)$/.exec(content);
  if (power) {
    node.textContent = power[1];
    make("tspan", { "baseline-shift": "super", "font-size": "72%" }, node).textContent = power[2];
  } else {
    node.textContent = content;
  }
  return node;
}

// The part of segment (x0, y0)–(x1, y1) inside `box` ([left, top, right, bottom]),
// or null (Liang–Barsky). A run that blew up reaches 1e18 and beyond: SVG
// cannot draw such coordinates, so lines are cut to a margin around the panel.
function clipSegment(x0, y0, x1, y1, box) {
  const [left, top, right, bottom] = box;
  const dx = x1 - x0;
  const dy = y1 - y0;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [[-dx, x0 - left], [dx, right - x0], [-dy, y0 - top], [dy, bottom - y0]]) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const r = q / p;
      if (p < 0) {
        if (r > t1) return null;
        if (r > t0) t0 = r;
      } else {
        if (r < t0) return null;
        if (r < t1) t1 = r;
      }
    }
  }
  return [x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy];
}

// A value of an item: a number, or the name of a frame column (one per grid point).
function pick(value, frames, k) {
  return typeof value === "string" && frames[value] ? frames[value][k] : value;
}

// The y axis may be logarithmic or signed-logarithmic (sign(y)·log10(1 + |y|),
// as the page's plotly loss chart): only the mapping to pixels changes.
const Y_SCALES = {
  linear: (v) => v,
  // A loss of exactly 0 (a run landing on the minimum) sits far below the axis:
  // its segments are cut at the panel's bottom edge.
  log: (v) => (v > 0 ? Math.log10(v) : -400),
  symlog: (v) => Math.sign(v) * Math.log10(1 + Math.abs(v)),
};

function scales(panel) {
  const [left, top, width, height] = panel.box;
  const [x0, x1] = panel.x;
  const f = Y_SCALES[panel.yscale || "linear"];
  const y0 = f(panel.y[0]);
  const y1 = f(panel.y[1]);
  return {
    x: (v) => left + ((v - x0) / (x1 - x0)) * width,
    y: (v) => top + height - ((f(v) - y0) / (y1 - y0)) * height,
  };
}

// Marker shapes as path data centred on (x, y), radius r.
function shapePath(shape, x, y, r) {
  if (shape === "square") return `M${x - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}Z`;
  if (shape === "cross") {
    return `M${x - r},${y - r}L${x + r},${y + r}M${x + r},${y - r}L${x - r},${y + r}`;
  }
  if (shape === "star") {
    let d = "";
    for (let i = 0; i < 10; i++) {
      const radius = i % 2 ? r * 0.45 : r;
      const angle = -Math.PI / 2 + (i * Math.PI) / 5;
      d += `${i ? "L" : "M"}${(x + radius * Math.cos(angle)).toFixed(2)},` +
           `${(y + radius * Math.sin(angle)).toFixed(2)}`;
    }
    return `${d}Z`;
  }
  return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
}

function drawAxes(svg, panel, font, clipId) {
  const [left, top, width, height] = panel.box;
  const s = scales(panel);
  const axes = make("g", { class: "axes" }, svg);
  for (const [value, label] of panel.yticks) {
    const y = s.y(value);
    make("line", { x1: left, x2: left + width, y1: y, y2: y, class: "grid" }, axes);
    text(axes, left - 6, y + font * 0.35, label, { "text-anchor": "end", class: "tick" });
  }
  for (const [value, label] of panel.xticks) {
    const x = s.x(value);
    make("line", { x1: x, x2: x, y1: top, y2: top + height, class: "grid" }, axes);
    text(axes, x, top + height + font * 1.2, label, { "text-anchor": "middle", class: "tick" });
  }
  if (panel.zero && panel.y[0] < 0 && panel.y[1] > 0) {
    const y = s.y(0);
    make("line", { x1: left, x2: left + width, y1: y, y2: y, class: "zero" }, axes);
  }
  make("rect", { x: left, y: top, width, height, class: "frame" }, axes);
  text(axes, left + width / 2, top - 10, panel.title, { "text-anchor": "middle", class: "title" });
  if (panel.xlabel) {
    text(axes, left + width / 2, top + height + font * 2.4, panel.xlabel,
         { "text-anchor": "middle", class: "label" });
  }
  if (panel.ylabel) {
    const x = left - font * (panel.ylabelgap || 2.6);
    const y = top + height / 2;
    text(axes, x, y, panel.ylabel,
         { "text-anchor": "middle", class: "label", transform: `rotate(-90 ${x} ${y})` });
  }
  const clip = make("clipPath", { id: clipId }, make("defs", {}, svg));
  make("rect", { x: left, y: top, width, height }, clip);
}

// Each item returns a function that moves it to frame k.
function drawItem(layer, item, panel, frames) {
  const s = scales(panel);
  const dataName = item.name ? { "data-name": item.name } : {};
  if (item.kind === "line") {
    const points = item.xs.map((x, i) => `${s.x(x).toFixed(2)},${s.y(item.ys[i]).toFixed(2)}`);
    make("polyline", { points: points.join(" "), fill: "none", stroke: item.color,
                       "stroke-width": item.width }, layer);
    return () => {};
  }
  if (item.kind === "segment") {
    const node = make("line", { stroke: item.color, "stroke-width": item.width,
                                "stroke-dasharray": item.dash || "", ...dataName }, layer);
    return (k) => {
      node.setAttribute("x1", s.x(pick(item.x0, frames, k)));
      node.setAttribute("y1", s.y(pick(item.y0, frames, k)));
      node.setAttribute("x2", s.x(pick(item.x1, frames, k)));
      node.setAttribute("y2", s.y(pick(item.y1, frames, k)));
    };
  }
  if (item.kind === "polyline") {
    // A line whose points differ per frame (e.g. one point per backward() call).
    const group = make("g", dataName, layer);
    const line = make("polyline", { fill: "none", stroke: item.color,
                                    "stroke-width": item.width }, group);
    return (k) => {
      const points = pick(item.points, frames, k);
      line.setAttribute("points", points.map(([x, y]) => `${s.x(x)},${s.y(y)}`).join(" "));
      group.setAttribute("data-points", JSON.stringify(points));
      for (const dot of [...group.querySelectorAll("circle")]) dot.remove();
      for (const [x, y] of points) {
        make("circle", { cx: s.x(x), cy: s.y(y), r: item.r, fill: item.color }, group);
      }
    };
  }
  if (item.kind === "point") {
    const node = make("circle", { r: item.r, fill: item.color, stroke: "white",
                                  "stroke-width": 1.5, ...dataName }, layer);
    return (k) => {
      const x = pick(item.x, frames, k);
      const y = pick(item.y, frames, k);
      node.setAttribute("cx", s.x(x));
      node.setAttribute("cy", s.y(y));
      node.setAttribute("data-x", x);
      node.setAttribute("data-y", y);
    };
  }
  if (item.kind === "image") {
    // A static background (the contour map), stretched over its data range.
    make("image", { href: figureStore().get(item.href) || item.href, x: s.x(item.x0), y: s.y(item.y1),
                    width: s.x(item.x1) - s.x(item.x0), height: s.y(item.y0) - s.y(item.y1),
                    preserveAspectRatio: "none", "aria-hidden": "true" }, layer);
    return () => {};
  }
  if (item.kind === "path") {
    // A run: its line, and a marker every `every` points, as two path elements
    // (one attribute each per frame, however long the run).
    const group = make("g", dataName, layer);
    const line = make("path", { fill: "none", stroke: item.color, "stroke-width": item.width,
                                "stroke-dasharray": item.dash || "",
                                "stroke-linejoin": "round" }, group);
    // A white outline parts markers a few pixels apart; `outline: "none"` for
    // runs whose points crowd (a slow path on the map would turn into a white smear).
    const dots = make("path", { fill: item.color, stroke: item.outline || "white",
                                "stroke-width": 1 }, group);
    const [left, top, width, height] = panel.box;
    const margin = Math.max(width, height);
    const outer = [left - margin, top - margin, left + width + margin, top + height + margin];
    const inside = (px, py) => px >= left - item.r && px <= left + width + item.r &&
      py >= top - item.r && py <= top + height + item.r;
    return (k) => {
      const points = pick(item.points, frames, k);
      let d = "";
      let marks = "";
      let previous = null;
      let penAt = null;
      points.forEach(([x, y], i) => {
        const px = s.x(x);
        const py = s.y(y);
        if (previous) {
          const cut = clipSegment(previous[0], previous[1], px, py, outer);
          if (cut) {
            const [ax, ay, bx, by] = cut.map((v) => v.toFixed(2));
            if (penAt !== `${ax},${ay}`) d += `M${ax},${ay}`;
            d += `L${bx},${by}`;
            penAt = `${bx},${by}`;
          }
        } else if (points.length === 1 && inside(px, py)) {
          d = `M${px.toFixed(2)},${py.toFixed(2)}`;
        }
        previous = [px, py];
        if (i % item.every === 0 && inside(px, py)) {
          marks += shapePath(item.marker, Number(px.toFixed(2)), Number(py.toFixed(2)), item.r);
        }
      });
      line.setAttribute("d", d);
      dots.setAttribute("d", marks);
      group.setAttribute("data-points", JSON.stringify(points));
    };
  }
  if (item.kind === "marker") {
    // One point; its shape may change per frame (a ✕ where a run blew up).
    const node = make("path", { "stroke-linecap": "round", ...dataName }, layer);
    const [left, top, width, height] = panel.box;
    return (k) => {
      const x = pick(item.x, frames, k);
      const y = pick(item.y, frames, k);
      const shape = pick(item.shape, frames, k);
      let px = s.x(x);
      let py = s.y(y);
      if (item.clamp) {  // a run that left the plot keeps its end marker on the edge
        px = Math.min(Math.max(px, left), left + width);
        py = Math.min(Math.max(py, top), top + height);
      }
      const cross = shape === "cross";
      node.setAttribute("d", shapePath(shape, px, py, item.r));
      node.setAttribute("fill", cross ? "none" : item.color);
      node.setAttribute("stroke", cross ? item.cross || item.color : "white");
      node.setAttribute("stroke-width", cross ? 3 : 1.5);
      node.setAttribute("data-x", x);
      node.setAttribute("data-y", y);
      node.setAttribute("data-shape", shape);
    };
  }
  if (item.kind === "bar") {
    const node = make("rect", { fill: item.color, ...dataName }, layer);
    const left = s.x(item.at - item.half);
    const right = s.x(item.at + item.half);
    return (k) => {
      const value = pick(item.y, frames, k);
      const top = s.y(Math.max(value, 0));
      node.setAttribute("x", left);
      node.setAttribute("width", right - left);
      node.setAttribute("y", top);
      node.setAttribute("height", Math.max(s.y(Math.min(value, 0)) - top, 0));
      node.setAttribute("data-value", value);
    };
  }
  if (item.kind === "diamond") {
    const node = make("path", { fill: item.color, stroke: "white", "stroke-width": 1.5,
                                ...dataName }, layer);
    const x = s.x(item.at);
    const r = item.r;
    return (k) => {
      const value = pick(item.y, frames, k);
      const y = s.y(value);
      node.setAttribute("d", `M${x},${y - r}L${x + r},${y}L${x},${y + r}L${x - r},${y}Z`);
      node.setAttribute("data-value", value);
    };
  }
  if (item.kind === "label" || item.kind === "barlabel") {
    const node = make("text", { fill: item.color, class: "value", ...dataName }, layer);
    return (k) => {
      node.textContent = pick(item.text, frames, k);
      if (item.kind === "barlabel") {
        // Above a positive bar, below a negative one, inside the panel.
        const value = pick(item.y, frames, k);
        const y = value >= 0 ? s.y(value) - 6 : s.y(value) + 16;
        const [, top, , height] = panel.box;
        node.setAttribute("x", s.x(item.at));
        node.setAttribute("y", Math.min(Math.max(y, top + 14), top + height - 4));
        node.setAttribute("text-anchor", "middle");
      } else {
        node.setAttribute("x", s.x(pick(item.x, frames, k)) + pick(item.dx, frames, k));
        node.setAttribute("y", s.y(pick(item.y, frames, k)) + pick(item.dy, frames, k));
        node.setAttribute("text-anchor", pick(item.anchor, frames, k));
      }
    };
  }
  return () => {};
}

function drawLegend(svg, legend, spec) {
  const g = make("g", { class: "legend" }, svg);
  const font = spec.font;
  let x = 8;
  let y = spec.height - font * 0.5;
  for (const entry of legend) {
    const label = text(g, 0, 0, entry.text, { class: "legend-text" });
    // Measured when laid out; else estimated (CJK glyphs are about 1 em wide).
    const estimate = [...entry.text].reduce(
      (sum, ch) => sum + (ch.codePointAt(0) > 0x2e80 ? 1.0 : 0.56), 0) * font;
    const width = font * 1.6 + 4 + Math.max(label.getComputedTextLength() || 0, estimate) + 16;
    if (x + width > spec.width && x > 8) {
      x = 8;
      y += font * 1.4;
    }
    label.setAttribute("x", x + font * 1.6 + 4);
    label.setAttribute("y", y);
    const cy = y - font * 0.35;
    if (entry.kind === "line" || entry.kind === "dash") {
      make("line", { x1: x, x2: x + font * 1.4, y1: cy, y2: cy, stroke: entry.color,
                     "stroke-width": 3, "stroke-dasharray": entry.kind === "dash" ? "5 3" : "" }, g);
    } else if (entry.kind === "box") {
      make("rect", { x, y: cy - font * 0.4, width: font * 1.4, height: font * 0.8,
                     fill: entry.color }, g);
    } else {
      const c = x + font * 0.7;
      const r = font * 0.45;
      make("path", { d: `M${c},${cy - r}L${c + r},${cy}L${c},${cy + r}L${c - r},${cy}Z`,
                     fill: entry.color }, g);
    }
    x += width;
  }
  return y;
}

// Frame columns sent as packed float32 (live_optimizer.packed): base64 of the
// runs' own float32 values, split into frames by offsets. Unpacked once into
// [[x, y], ...] per frame; with dims = 1 a value's x is its index (the step).
function unpack(frames) {
  const out = {};
  for (const [name, column] of Object.entries(frames)) {
    if (!column || typeof column.f32 !== "string") {
      out[name] = column;
      continue;
    }
    const bytes = Uint8Array.from(atob(column.f32), (c) => c.charCodeAt(0));
    const values = new Float32Array(bytes.buffer);
    const { offsets, dims } = column;
    out[name] = offsets.slice(0, -1).map((start, k) => {
      const points = [];
      for (let i = 0; i < offsets[k + 1] - start; i++) {
        points.push(dims === 1 ? [i, values[start + i]]
                               : [values[(start + i) * dims], values[(start + i) * dims + 1]]);
      }
      return points;
    });
  }
  return out;
}

// A spec may carry a narrow layout (its panels stacked) for phone-width columns:
// the same panels, items and frames, in other boxes.
function layoutFor(spec, width) {
  const narrow = spec.narrow;
  if (!narrow || !width || width >= narrow.below) return spec;
  const panels = spec.panels.map((panel, i) => ({ ...panel, box: narrow.boxes[i] }));
  return { ...spec, width: narrow.width, height: narrow.height, panels };
}

function drawFigure(holder, spec, instanceKey) {
  holder.replaceChildren();
  spec = { ...spec, frames: unpack(spec.frames) };
  const legendRows = 2;
  const height = spec.height + spec.font * 1.4 * (legendRows - 1);
  const svg = make("svg", { viewBox: `0 0 ${spec.width} ${height}`, role: "img",
                            class: "figure", style: `--font: ${spec.font}px` }, holder);
  const movers = [];
  spec.panels.forEach((panel, index) => {
    const clipId = `${instanceKey}-clip-${index}`;
    drawAxes(svg, panel, spec.font, clipId);
    const layer = make("g", { "clip-path": `url(#${clipId})` }, svg);
    const labels = make("g", {}, svg);  // labels may leave the plot area a little
    for (const item of panel.items) {
      // Labels, and end markers pinned to the edge, may leave the plot area a little.
      const free = item.kind === "label" || item.kind === "barlabel" || item.clamp;
      const target = free ? labels : layer;
      movers.push(drawItem(target, item, panel, spec.frames));
    }
  });
  const bottom = drawLegend(svg, spec.legend, spec);
  svg.setAttribute("viewBox", `0 0 ${spec.width} ${Math.max(bottom + spec.font * 0.5, spec.height)}`);
  return (k) => {
    for (const move of movers) move(k);
    svg.setAttribute("data-frame", k);
    svg.setAttribute("data-value", spec.frames.value[k]);
    // The figure's text alternative: this frame's numbers, written by the server.
    if (spec.frames.alt) svg.setAttribute("aria-label", spec.frames.alt[k]);
  };
}


// Kept for the life of the browser tab: specs and assets by digest (see the top).
function figureStore() {
  if (!window.__autogradLabFigures) window.__autogradLabFigures = new Map();
  return window.__autogradLabFigures;
}

function build(root) {
  const wrap = document.createElement("div");
  wrap.className = "drag-slider";
  // The figure first, right under its slider; the hint under the figure.
  wrap.innerHTML = `
    <div class="plot"></div>
    <div class="hint"></div>
    <div class="announce" aria-live="polite" aria-atomic="true"></div>`;
  root.appendChild(wrap);
  return wrap;
}

// The slider this figure follows, and the grid index of its current value. A
// select slider's input holds the option's index; a plain slider its value.
function sliderInput(name) {
  return document.querySelector(`.st-key-${name} input[type='range']`);
}

function indexOf(input, data) {
  const raw = Number(input.value);
  if (!Number.isFinite(raw)) return null;
  if (data.choice) return Math.min(Math.max(Math.round(raw), 0), data.grid.length - 1);
  let best = 0;
  data.grid.forEach((v, k) => { if (Math.abs(v - raw) < Math.abs(data.grid[best] - raw)) best = k; });
  return best;
}

export default function (component) {
  const { data, parentElement, setTriggerValue, key } = component;
  const store = figureStore();
  for (const [digest, value] of Object.entries(data.assets || {})) store.set(digest, value);
  let wrap = parentElement.querySelector(".drag-slider");
  if (!wrap) wrap = build(parentElement);
  if (wrap.cleanup) wrap.cleanup();
  wrap.dataset.name = data.name;
  wrap.querySelector(".hint").textContent = data.hint || "";
  const spec = store.get(data.digest);
  const missing = [data.digest, ...(data.needs || [])].filter((d) => !store.has(d));
  if (!spec || missing.length) {
    // Not in this tab (a fresh window, a cleared store): ask for it, once per digest.
    if (wrap.asked !== missing[0]) {
      wrap.asked = missing[0];
      setTriggerValue("missing", missing[0]);
    }
    return undefined;
  }
  if (data.scale) wrap.style.setProperty("--scale", data.scale);
  // A figure may ask for more room than the default 560 px (④'s two panels).
  if (spec.maxwidth) wrap.style.setProperty("--max", `${spec.maxwidth}px`);
  else wrap.style.removeProperty("--max");
  const plot = wrap.querySelector(".plot");
  const narrowAt = (width) => Boolean(spec.narrow) && width > 0 && width < spec.narrow.below;
  // A rerun that brings the same figure (the released slider's own figure: the
  // swept value is not in its data) keeps the drawn SVG and moves it to the frame.
  if (wrap.digest !== data.digest || !wrap.draw) {
    wrap.narrow = narrowAt(wrap.clientWidth);
    wrap.draw = drawFigure(plot, layoutFor(spec, wrap.clientWidth), key);
    wrap.digest = data.digest;
  }
  let index = null;
  const show = (k) => {
    if (k === null || k === index) return;
    index = k;
    wrap.dataset.value = data.grid[k];
    wrap.draw(k);
    wrap.dataset.draws = String(Number(wrap.dataset.draws || 0) + 1);
    announce(k);
  };
  // A screen reader hears the frame's sentence once the slider rests (not on every
  // step of a drag): the same text as the figure's aria-label, set after a pause.
  const announce = (k) => {
    const alt = spec.frames.alt;
    if (!alt) return;
    clearTimeout(wrap.announceTimer);
    wrap.announceTimer = setTimeout(() => {
      wrap.querySelector(".announce").textContent = alt[k];
    }, ANNOUNCE_AFTER_MS);
  };
  show(data.index);

  // Follow the slider: every change of its element (the value on a drag step,
  // a key, a tap; a new element after Streamlit redraws it) redraws the frame.
  let observer = null;
  let input = null;
  const follow = () => {
    const found = sliderInput(data.name);
    if (found) {
      input = found;
      wrap.dataset.follow = "ok";
      show(indexOf(found, data));
    }
    return found;
  };
  const attach = () => {
    const holder = document.querySelector(`.st-key-${data.name}`);
    if (!holder || !follow()) return false;
    observer = new MutationObserver(follow);
    observer.observe(holder, { subtree: true, childList: true, attributes: true,
                               attributeFilter: ["value", "aria-valuetext"] });
    return true;
  };
  // The value property can change without its attribute (React keeps both in
  // step today); input events on the slider catch that case too.
  const onInput = (event) => { if (event.target === input) follow(); };
  document.addEventListener("input", onInput, true);
  let finder = null;
  if (!attach()) {
    wrap.dataset.follow = "missing";
    // The slider may be drawn a moment later than this figure: look for a while.
    const started = Date.now();
    finder = setInterval(() => {
      if (attach() || Date.now() - started > FIND_FOR_MS) {
        clearInterval(finder);
        if (!observer) console.error(`drag figure: no slider .st-key-${data.name} to follow`);
      }
    }, 100);
  }
  // A phone turned sideways (or a resized window) may cross the narrow layout's width.
  const resize = spec.narrow && typeof ResizeObserver !== "undefined"
    ? new ResizeObserver(() => {
      const width = wrap.clientWidth;
      if (narrowAt(width) === wrap.narrow) return;
      wrap.narrow = narrowAt(width);
      wrap.draw = drawFigure(plot, layoutFor(spec, width), key);
      const k = index;
      index = null;
      show(k);
    })
    : null;
  if (resize) resize.observe(wrap);
  wrap.cleanup = () => {
    if (resize) resize.disconnect();
    if (observer) observer.disconnect();
    clearInterval(finder);
    document.removeEventListener("input", onInput, true);
    wrap.cleanup = null;
  };
  return wrap.cleanup;
}
