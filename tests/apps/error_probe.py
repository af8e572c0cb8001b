"""A page that fails on purpose: what does a student see of an uncaught exception?

Served by tests/test_browser_server_config.py with the project's
.streamlit/config.toml (``client.showErrorDetails``).
"""

import streamlit as st

st.title("error probe")
raise ValueError("secret-detail-7f3a in /srv/autograd-lab/components/core.py")
