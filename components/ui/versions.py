"""Versions of the running stack, for the home page footer."""

from __future__ import annotations

import streamlit as st


@st.cache_resource
def running_versions() -> dict[str, str]:
    """PyTorch, torchvision and Streamlit versions and torch's CPU thread count."""
    import torch
    import torchvision

    return {
        "torch": torch.__version__,
        "torchvision": torchvision.__version__,
        "streamlit": st.__version__,
        "threads": str(torch.get_num_threads()),
    }
