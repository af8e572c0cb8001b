"""An SVG picture of a backward graph (plain data in, SVG text out; no imports).

The graph is a small tree (Q's has seven nodes), so a tidy-tree layout done
here is enough: leaves take consecutive columns in ``next_functions`` order,
every other node sits centred above its children. A static SVG paints in a
few milliseconds, where re-laying out a Graphviz chart in the browser cost
~250 ms on every slider move (bench/bench_browser.py).
"""

from __future__ import annotations

from html import escape

from components.numbers import format_vector
from components.plural import fill

FONT_SIZE = 14
LINE_HEIGHT = 19
PAD_X, PAD_Y = 14, 10
GAP_X, GAP_Y = 28, 42
STYLES = {
    "output": ("#ffe9cc", "#e08a00"),
    "op": ("#eef3fa", "#5b6b7f"),
    "leaf": ("#e3f5e1", "#3c8d3a"),
}


def _text_width(line: str) -> float:
    # Hangul and other wide glyphs take about one em; Latin about 0.56 em.
    return sum(FONT_SIZE * (1.0 if ord(ch) > 0x1100 else 0.56) for ch in line)


def _node_lines(graph, labels: dict[str, str]) -> dict[str, tuple[str, list[str]]]:
    """Kind and text lines of every node, the output box ``out`` included."""
    out_text = labels["output"].format(value=format_vector(graph.output_value))
    lines: dict[str, tuple[str, list[str]]] = {"out": ("output", out_text.split("\n"))}
    for node in graph.nodes:
        if node.leaf_name:
            text = [labels["leaf"].format(name=node.leaf_name,
                                          value=format_vector(node.leaf_value or ())),
                    node.op]
            if node.grad is not None:
                text.append(labels["leaf_grad"].format(name=node.leaf_name,
                                                       value=format_vector(node.grad)))
            lines[node.node_id] = ("leaf", text)
        else:
            text = [node.op] + [f"{name} = {format_vector(values)}" for name, values in node.saved]
            if node.grad is not None:
                text.append(labels["grad_in"].format(value=format_vector(node.grad)))
            lines[node.node_id] = ("op", text)
    return lines


def _layout(graph) -> tuple[dict[str, int], dict[str, float]]:
    """Depth (row) and column of every node, by a tidy-tree walk from ``out``."""
    children: dict[str, list[str]] = {"out": [graph.nodes[0].node_id] if graph.nodes else []}
    for src, dst in graph.edges:
        children.setdefault(src, []).append(dst)
    depth: dict[str, int] = {}
    column: dict[str, float] = {}
    next_leaf = [0]

    def place(node_id: str, level: int) -> float:
        if node_id in column:  # shared node (a DAG): keep its first place
            return column[node_id]
        depth[node_id] = level
        kids = children.get(node_id, [])
        if not kids:
            column[node_id] = float(next_leaf[0])
            next_leaf[0] += 1
        else:
            xs = [place(kid, level + 1) for kid in kids]
            column[node_id] = sum(xs) / len(xs)
        return column[node_id]

    place("out", 0)
    return depth, column


def _spread_rows(x: dict[str, float], depth: dict[str, int],
                 sizes: dict[str, tuple[float, float]]) -> dict[str, float]:
    """Box centres moved right where two boxes of a row would overlap.

    A node centred above children it shares with a neighbour (``log(a) + b**a``:
    both use a) lands half a column from that neighbour; columns alone cannot
    keep wide boxes apart.
    """
    x = dict(x)
    for level in set(depth.values()):
        row = sorted((n for n in x if depth[n] == level), key=lambda n: x[n])
        for left, right in zip(row, row[1:], strict=False):
            x[right] = max(x[right], x[left] + (sizes[left][0] + sizes[right][0]) / 2 + GAP_X)
    return x


def _paths_to_leaves(graph) -> dict[str, list[str]]:
    """For every leaf node: the node ids on the shortest path from ``out`` down to it."""
    children: dict[str, list[str]] = {"out": [graph.nodes[0].node_id] if graph.nodes else []}
    for src, dst in graph.edges:
        children.setdefault(src, []).append(dst)
    paths: dict[str, list[str]] = {"out": ["out"]}
    queue = ["out"]
    while queue:  # breadth first: the first path found to a node is a shortest one
        node_id = queue.pop(0)
        for kid in children.get(node_id, []):
            if kid not in paths:
                paths[kid] = paths[node_id] + [kid]
                queue.append(kid)
    return {node.node_id: paths[node.node_id] for node in graph.nodes
            if node.leaf_name and node.node_id in paths}


def backward_graph_description(graph, labels: dict[str, str]) -> str:
    """The picture in words, for a screen reader: the nodes, the path from the
    output back to every leaf, and the leaves' values and ``.grad``.

    ``labels`` holds ``alt`` (with ``{count}``, ``{value}``, ``{start}``),
    ``alt_path`` (with ``{name}``, ``{path}``, ``{value}``, ``{grad}``) and
    ``alt_path_no_grad`` (the same without ``{grad}``).
    """
    ops = {node.node_id: node.op for node in graph.nodes}
    ops["out"] = graph.output_name
    start = graph.nodes[0].grad if graph.nodes and graph.nodes[0].grad is not None else ()
    parts = [fill(labels["alt"], count=len(graph.nodes), value=format_vector(graph.output_value),
                  start=format_vector(start))]
    leaves = {node.node_id: node for node in graph.nodes}
    for node_id, path in sorted(_paths_to_leaves(graph).items(),
                                key=lambda item: leaves[item[0]].leaf_name):
        leaf = leaves[node_id]
        values = dict(name=leaf.leaf_name, path=" → ".join(ops[n] for n in path),
                      value=format_vector(leaf.leaf_value or ()))
        if leaf.grad is None:
            parts.append(labels["alt_path_no_grad"].format(**values))
        else:
            parts.append(labels["alt_path"].format(grad=format_vector(leaf.grad), **values))
    return " ".join(parts)


def backward_graph_svg(graph, labels: dict[str, str], scale: float = 1.0) -> str:
    """SVG of ``GraphData``: the output on top, arrows the way gradients travel.

    ``labels`` holds the localized words: ``output`` (with ``{value}``),
    ``grad_in``, ``leaf`` and ``leaf_grad``, and those of
    :func:`backward_graph_description` (the SVG's ``role="img"`` label). ``scale`` enlarges the picture's
    natural size (the presenter view), not its layout: the browser shows it
    that much larger where there is room.
    """
    lines = _node_lines(graph, labels)
    description = escape(backward_graph_description(graph, labels))
    depth, column = _layout(graph)
    sizes = {
        node_id: (max(_text_width(line) for line in text) + 2 * PAD_X,
                  len(text) * LINE_HEIGHT + 2 * PAD_Y)
        for node_id, (_, text) in lines.items()
    }
    col_width = max(w for w, _ in sizes.values()) + GAP_X
    row_height = max(h for _, h in sizes.values()) + GAP_Y
    x = _spread_rows({n: (column[n] + 0.5) * col_width for n in lines}, depth, sizes)
    width = max((max(column.values()) + 1) * col_width,
                max(x[n] + sizes[n][0] / 2 for n in lines) + GAP_X / 2)
    height = (max(depth.values()) + 1) * row_height - GAP_Y + 8
    centre = {n: (x[n], depth[n] * row_height + 4) for n in lines}

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width * scale:.0f}" '
        f'height="{height * scale:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="Source Sans Pro, Noto Sans CJK KR, '
        f'Noto Sans KR, Helvetica, Arial, sans-serif" font-size="{FONT_SIZE}" role="img" '
        f'aria-label="{description}">',
        f"<title>{description}</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
        'markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'fill="#7a8799"/></marker></defs>',
    ]
    edges = [("out", graph.nodes[0].node_id)] if graph.nodes else []
    for src, dst in edges + list(graph.edges):
        (x1, y1), (x2, y2) = centre[src], centre[dst]
        parts.append(f'<line x1="{x1:.1f}" y1="{y1 + sizes[src][1]:.1f}" x2="{x2:.1f}" '
                     f'y2="{y2 - 2:.1f}" stroke="#7a8799" stroke-width="1.6" '
                     'marker-end="url(#arrow)"/>')
    for node_id, (kind, text) in lines.items():
        (x, y), (w, h) = centre[node_id], sizes[node_id]
        fill, stroke = STYLES[kind]
        parts.append(f'<g data-node="{escape(node_id)}"><rect x="{x - w / 2:.1f}" y="{y:.1f}" '
                     f'width="{w:.1f}" height="{h:.1f}" rx="9" fill="{fill}" stroke="{stroke}" '
                     'stroke-width="1.5"/>')
        for index, line in enumerate(text):
            weight = ' font-weight="600"' if index == (1 if kind == "leaf" else 0) else ""
            baseline = y + PAD_Y + (index + 0.78) * LINE_HEIGHT
            parts.append(f'<text x="{x:.1f}" y="{baseline:.1f}" text-anchor="middle" '
                         f'fill="#1f2937"{weight}>{escape(line)}</text>')
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)
