"""Read autograd's backward graph from a tensor's real ``grad_fn`` chain.

The graph is walked before ``backward()`` (saved tensors are freed by it) and
node hooks record the gradient that reaches every node during the backward
pass. The result is plain data; ``charts/graph_svg.py`` draws it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import torch


@dataclass(frozen=True)
class GraphNode:
    """One backward node: its class name, saved values and incoming gradient."""

    node_id: str
    op: str
    saved: tuple[tuple[str, tuple[float, ...]], ...] = ()
    leaf_name: str | None = None
    leaf_value: tuple[float, ...] | None = None
    grad: tuple[float, ...] | None = None


@dataclass(frozen=True)
class GraphData:
    """Nodes from the output's ``grad_fn`` down to the leaves' AccumulateGrad.

    ``edges`` run in the direction gradients flow: from a node to each entry
    of its ``next_functions``.
    """

    nodes: tuple[GraphNode, ...]
    edges: tuple[tuple[str, str], ...]
    output_name: str = "Q"
    output_value: tuple[float, ...] = field(default_factory=tuple)


def _as_floats(value) -> tuple[float, ...]:
    if isinstance(value, torch.Tensor):
        return tuple(float(x) for x in value.detach().reshape(-1).tolist())
    if isinstance(value, (int, float)):
        return (float(value),)
    return ()


def _saved_values(fn) -> tuple[tuple[str, tuple[float, ...]], ...]:
    saved = []
    for attr in sorted(dir(fn)):
        if not attr.startswith("_saved_"):
            continue
        try:
            values = _as_floats(getattr(fn, attr))
        except RuntimeError:  # already freed by an earlier backward()
            continue
        if values:
            saved.append((attr.removeprefix("_saved_"), values))
    return tuple(saved)


class GraphRecorder:
    """Walks ``output.grad_fn`` now and records the gradients of the next backward.

    Usage: ``recorder = GraphRecorder(Q, {"a": a, "b": b})``, then
    ``Q.backward(...)``, then ``recorder.result()``.
    """

    def __init__(self, output: torch.Tensor, leaf_names: dict[str, torch.Tensor]):
        names_by_id = {id(t): name for name, t in leaf_names.items()}
        self._output_value = _as_floats(output)
        self._grads: dict[str, tuple[float, ...]] = {}
        self._nodes: list[dict] = []
        edges: list[tuple[str, str]] = []
        ids: dict[int, str] = {}
        stack = [output.grad_fn]
        while stack:
            fn = stack.pop()
            if id(fn) in ids:
                continue
            node_id = f"n{len(ids)}"
            ids[id(fn)] = node_id
            variable = getattr(fn, "variable", None)
            self._nodes.append(
                {
                    "node_id": node_id,
                    "op": type(fn).__name__,
                    "saved": _saved_values(fn),
                    "leaf_name": names_by_id.get(id(variable)) if variable is not None else None,
                    "leaf_value": _as_floats(variable) if variable is not None else None,
                }
            )
            fn.register_hook(self._make_hook(node_id))
            for next_fn, _ in fn.next_functions:
                if next_fn is not None:
                    stack.append(next_fn)
                    edges.append((id(fn), id(next_fn)))
        self._edges = tuple((ids[src], ids[dst]) for src, dst in edges)

    def _make_hook(self, node_id: str):
        def hook(grad_inputs, grad_outputs):
            # grad_outputs[0] is the gradient of the final scalar w.r.t. this
            # node's output: what "arrives" at the node on the way back.
            if grad_outputs and grad_outputs[0] is not None:
                self._grads[node_id] = _as_floats(grad_outputs[0])

        return hook

    def result(self) -> GraphData:
        nodes = tuple(
            GraphNode(grad=self._grads.get(n["node_id"]), **n) for n in self._nodes
        )
        return GraphData(nodes, self._edges, output_value=self._output_value)
