"""Graphviz DOT text for a backward graph (no imports: plain data in, text out).

``st.graphviz_chart`` renders the DOT in the browser, so no graphviz binary
is needed on the server.
"""

from __future__ import annotations

from components.numbers import format_vector


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def backward_graph_dot(graph, labels: dict[str, str]) -> str:
    """DOT for ``GraphData``: output on top, leaves at the bottom.

    ``labels`` holds the localized words: ``output`` (e.g. "Q = {value}"),
    ``grad_in`` (the gradient arriving at a node), ``leaf`` and ``leaf_grad``.
    Arrows point the way gradients travel in ``backward()``.
    """
    lines = [
        "digraph backward {",
        '  graph [rankdir=TB, bgcolor="transparent", nodesep=0.35, ranksep=0.35];',
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11,'
        ' color="#5b6b7f", fillcolor="#eef3fa"];',
        '  edge [color="#7a8799", arrowsize=0.7];',
    ]
    out_label = labels["output"].format(value=format_vector(graph.output_value))
    lines.append(
        f'  out [label="{_escape(out_label)}", fillcolor="#ffe9cc", color="#e08a00"];'
    )
    if graph.nodes:
        lines.append(f"  out -> {graph.nodes[0].node_id};")
    for node in graph.nodes:
        parts = [node.op]
        if node.leaf_name:
            parts = [
                labels["leaf"].format(name=node.leaf_name,
                                      value=format_vector(node.leaf_value or ())),
                node.op,
            ]
            if node.grad is not None:
                parts.append(labels["leaf_grad"].format(
                    name=node.leaf_name, value=format_vector(node.grad)))
            fill = 'fillcolor="#e3f5e1", color="#3c8d3a"'
        else:
            for name, values in node.saved:
                parts.append(f"{name} = {format_vector(values)}")
            if node.grad is not None:
                parts.append(labels["grad_in"].format(value=format_vector(node.grad)))
            fill = ""
        label = _escape("\n".join(parts))
        attrs = f'label="{label}"' + (f", {fill}" if fill else "")
        lines.append(f"  {node.node_id} [{attrs}];")
    for src, dst in graph.edges:
        lines.append(f"  {src} -> {dst};")
    lines.append("}")
    return "\n".join(lines)
