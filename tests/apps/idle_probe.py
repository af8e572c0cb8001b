"""The smallest Streamlit page: an upstream for the nginx tests (tests/test_nginx_limits.py).

They check what nginx does (logs, limits, timeouts), not the lessons, so the
server behind it should start fast and cost nothing per session.
"""

import streamlit as st

st.write("idle probe")
