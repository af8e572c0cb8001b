// A range slider whose figure follows every step of a drag, without a rerun.
//
// Python sends the slider's whole grid and, for every grid point, the numbers
// of the figure (computed by PyTorch on the server); this file only maps them
// to pixels. `input` (each step of a drag, each key) redraws at once;
// `change` (release, or a key) sends the value to Python: one rerun.
const SVG = "http://www.w3.org/2000/svg";

function make(tag, attrs, parent) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
  if (parent) parent.appendChild(node);
  return node;
}

function text(parent, x, y, content, attrs) {
  const node = make("text", { x, y, ...attrs }, parent);
  node.textContent = content;
  return node;
}

// A value of an item: a number, or the name of a frame column (one per grid point).
function pick(value, frames, k) {
  return typeof value === "string" && frames[value] ? frames[value][k] : value;
}

function scales(panel) {
  const [left, top, width, height] = panel.box;
  const [x0, x1] = panel.x;
  const [y0, y1] = panel.y;
  return {
    x: (v) => left + ((v - x0) / (x1 - x0)) * width,
    y: (v) => top + height - ((v - y0) / (y1 - y0)) * height,
  };
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
    const x = left - font * 2.6;
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

function drawFigure(holder, spec, instanceKey) {
  holder.replaceChildren();
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
      const target = item.kind === "label" || item.kind === "barlabel" ? labels : layer;
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
    <div class="plot"></div>`;
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
  input.setAttribute("aria-label", data.label);
  if (data.scale) wrap.style.setProperty("--scale", data.scale);
  const draw = drawFigure(wrap.querySelector(".plot"), data.figure, key);
  let index = data.index;
  let sent = data.index;

  const show = (k) => {
    index = k;
    input.value = String(k);
    input.setAttribute("aria-valuenow", data.grid[k]);
    input.setAttribute("aria-valuetext", data.text[k]);
    readout.textContent = data.text[k];
    wrap.dataset.value = data.grid[k];
    draw(k);
    wrap.dataset.draws = String(Number(wrap.dataset.draws || 0) + 1);
  };
  show(data.index);

  const onInput = () => {
    const k = Number(input.value);
    if (k !== index) show(k);
  };
  const onChange = () => {
    const k = Number(input.value);
    if (k !== index) show(k);
    if (k !== sent) {
      sent = k;
      setTriggerValue("value", data.grid[k]);
    }
  };
  // The previous run's listeners go first, whether or not Streamlit already
  // called the cleanup below: one change must send one value.
  if (wrap.cleanup) wrap.cleanup();
  input.addEventListener("input", onInput);
  input.addEventListener("change", onChange);
  wrap.cleanup = () => {
    input.removeEventListener("input", onInput);
    input.removeEventListener("change", onChange);
    wrap.cleanup = null;
  };
  return wrap.cleanup;
}
