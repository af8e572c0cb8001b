// A range slider whose figure follows every step of a drag, without a rerun.
//
// Python sends the slider's whole grid and, for every grid point, the numbers
// of the figure (computed by PyTorch on the server); this file only maps them
// to pixels. `input` (each step of a drag, each key) redraws at once;
// `change` (release, or a key) sends the value to Python: one rerun.
const SVG = "http://www.w3.org/2000/svg";
const ANNOUNCE_AFTER_MS = 700;
// A touch moves the slider only once it has gone this far sideways, and more
// sideways than up or down (a thumb scrolling the page drifts a few pixels).
const LOCK_PX = 10;
// After a touch, the browser's own late `input` and `change` events (and a
// tap's mouse events) are undone for this long: the touch has decided the value.
const SETTLE_MS = 400;

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
    make("image", { href: item.href, x: s.x(item.x0), y: s.y(item.y1),
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

function build(root) {
  const wrap = document.createElement("div");
  wrap.className = "drag-slider";
  wrap.innerHTML = `
    <div class="head"><label class="name"></label><output class="readout"></output></div>
    <input type="range" class="range">
    <div class="hint"></div>
    <div class="plot"></div>
    <div class="announce" aria-live="polite" aria-atomic="true"></div>`;
  root.appendChild(wrap);
  return wrap;
}

export default function (component) {
  const { data, parentElement, setTriggerValue, key } = component;
  let wrap = parentElement.querySelector(".drag-slider");
  if (!wrap) wrap = build(parentElement);
  // The input element survives reruns: a keyboard user keeps the focus.
  const input = wrap.querySelector("input");
  const label = wrap.querySelector("label");
  const readout = wrap.querySelector("output");
  const inputId = `${key}-range`;
  input.id = inputId;
  label.htmlFor = inputId;
  label.textContent = data.label;
  label.title = data.help || "";
  wrap.querySelector(".hint").textContent = data.hint || "";
  const last = data.grid.length - 1;
  input.min = "0";
  input.max = String(last);
  input.step = "1";
  input.setAttribute("aria-valuemin", data.grid[0]);
  input.setAttribute("aria-valuemax", data.grid[last]);
  input.setAttribute("aria-label", data.aria_label || data.label);
  if (data.scale) wrap.style.setProperty("--scale", data.scale);
  // A figure may ask for more room than the default 560 px (④'s two panels).
  if (data.figure.maxwidth) wrap.style.setProperty("--max", `${data.figure.maxwidth}px`);
  else wrap.style.removeProperty("--max");
  const plot = wrap.querySelector(".plot");
  const narrowAt = (width) => Boolean(data.figure.narrow) && width > 0 &&
    width < data.figure.narrow.below;
  // A rerun that brings the same figure (the released slider's own figure: the
  // swept value is not in its data) keeps the drawn SVG and moves it to the frame.
  const signature = JSON.stringify(data.figure);
  if (wrap.figureSignature !== signature || !wrap.draw) {
    wrap.narrow = narrowAt(wrap.clientWidth);
    wrap.draw = drawFigure(plot, layoutFor(data.figure, wrap.clientWidth), key);
    wrap.figureSignature = signature;
  }
  let index = data.index;
  let sent = data.index;

  const show = (k) => {
    index = k;
    input.value = String(k);
    input.setAttribute("aria-valuenow", data.grid[k]);
    input.setAttribute("aria-valuetext", data.text[k]);
    readout.textContent = data.text[k];
    wrap.dataset.value = data.grid[k];
    wrap.draw(k);
    wrap.dataset.draws = String(Number(wrap.dataset.draws || 0) + 1);
  };
  show(data.index);

  // A screen reader hears the frame's sentence once the slider rests (not on every
  // step of a drag): the same text as the figure's aria-label, set after a pause.
  // The timer outlives the rerun a release starts: this slider's own figure, and so
  // the sentence for that frame, is the same after it.
  const announce = (k) => {
    const alt = data.figure.frames.alt;
    if (!alt) return;
    clearTimeout(wrap.announceTimer);
    wrap.announceTimer = setTimeout(() => {
      wrap.querySelector(".announce").textContent = alt[k];
    }, ANNOUNCE_AFTER_MS);
  };
  const onInput = () => {
    const k = Number(input.value);
    if (k !== index) show(k);
    announce(k);
  };
  const onChange = () => {
    const k = Number(input.value);
    if (k !== index) show(k);
    announce(k);
    if (k !== sent) {
      sent = k;
      setTriggerValue("value", data.grid[k]);
    }
  };
  // Phones: a swipe that starts on the track scrolls the page and leaves the
  // value alone; only a deliberate horizontal drag (or a tap) moves it.
  // `touch-action: pan-y` (drag_slider.css) lets the browser scroll, but the
  // native range input still reacts to the same touch: in Chromium it jumped to
  // the finger on touch start and followed its sideways drift while the page
  // scrolled (a₁ 2.0 → 1.9, then a rerun). So during a touch this script owns
  // the value: every value the browser gives the input is put back before this
  // component's own listeners see it (capture phase on the wrapper), and the
  // value follows the finger only once the gesture is decided horizontal.
  const touchOf = (event) => event.touches[0] || event.changedTouches[0];
  const THUMB_PX = 16;  // the range input's thumb: its centre travels width − 16 px
  const indexAt = (clientX) => {
    const box = input.getBoundingClientRect();
    const share = (clientX - box.left - THUMB_PX / 2) / Math.max(box.width - THUMB_PX, 1);
    return Math.min(Math.max(Math.round(share * last), 0), last);
  };
  const follow = (k) => {
    wrap.touch.index = k;
    if (k !== index) show(k);
    announce(k);
  };
  const onTouchStart = (event) => {
    clearTimeout(wrap.touchTimer);
    wrap.touch = null;
    if (event.touches.length !== 1) return;
    const point = touchOf(event);
    wrap.touch = { x: point.clientX, y: point.clientY, start: index, index, mode: "undecided" };
  };
  const onTouchMove = (event) => {
    const gesture = wrap.touch;
    if (!gesture || event.touches.length !== 1) return;
    const point = touchOf(event);
    if (gesture.mode === "undecided") {
      const dx = Math.abs(point.clientX - gesture.x);
      const dy = Math.abs(point.clientY - gesture.y);
      if (dx > LOCK_PX && dx > dy) gesture.mode = "horizontal";
      else if (dy > LOCK_PX && dy >= dx) gesture.mode = "vertical";
    }
    if (gesture.mode === "horizontal") follow(indexAt(point.clientX));
  };
  const onTouchEnd = (event) => {
    const gesture = wrap.touch;
    if (!gesture || gesture.mode === "settling") return;
    // A touch that never left its spot is a tap: the knob goes where it landed.
    if (gesture.mode === "undecided" && event.type === "touchend") {
      follow(indexAt(touchOf(event).clientX));
    }
    // A cancelled touch (the browser took it over) leaves the value where it was.
    if (event.type === "touchcancel") follow(gesture.start);
    input.value = String(gesture.index);
    const moved = gesture.mode !== "vertical" && event.type === "touchend";
    gesture.mode = "settling";
    // The browser's own late `input`/`change` (and a tap's mouse events) come
    // after this: they stay undone for a moment.
    wrap.touchTimer = setTimeout(() => { wrap.touch = null; }, SETTLE_MS);
    if (moved) onChange();
  };
  const holdBack = (event) => {
    const gesture = wrap.touch;
    if (!gesture || event.target !== input) return;
    input.value = String(gesture.index);
    event.stopImmediatePropagation();
  };
  // The previous run's listeners go first, whether or not Streamlit already
  // called the cleanup below: one change must send one value.
  if (wrap.cleanup) wrap.cleanup();
  const guards = [["touchstart", onTouchStart], ["touchmove", onTouchMove],
                  ["touchend", onTouchEnd], ["touchcancel", onTouchEnd],
                  ["input", holdBack], ["change", holdBack]];
  for (const [type, listener] of guards) {
    wrap.addEventListener(type, listener, { capture: true, passive: true });
  }
  input.addEventListener("input", onInput);
  input.addEventListener("change", onChange);
  // A phone turned sideways (or a resized window) may cross the narrow layout's width.
  const resize = data.figure.narrow && typeof ResizeObserver !== "undefined"
    ? new ResizeObserver(() => {
      const width = wrap.clientWidth;
      if (narrowAt(width) === wrap.narrow) return;
      wrap.narrow = narrowAt(width);
      wrap.draw = drawFigure(plot, layoutFor(data.figure, width), key);
      show(index);
    })
    : null;
  if (resize) resize.observe(wrap);
  wrap.cleanup = () => {
    if (resize) resize.disconnect();
    for (const [type, listener] of guards) {
      wrap.removeEventListener(type, listener, { capture: true });
    }
    input.removeEventListener("input", onInput);
    input.removeEventListener("change", onChange);
    wrap.cleanup = null;
  };
  return wrap.cleanup;
}
