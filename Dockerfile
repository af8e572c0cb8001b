# The dashboard in a container, after Streamlit's deployment guide
# (docs.streamlit.io/deploy/tutorials/docker), with the CPU-only PyTorch build.
#
#   docker build -t autograd-lab .
#   docker run -p 8501:8501 autograd-lab        # then open http://localhost:8501
#
# Build arguments:
#   TORCH_INDEX   where torch/torchvision come from. The default, PyTorch's CPU
#                 index, leaves out the CUDA libraries (several GB) that a
#                 GPU-less server never uses. Point it at PyPI's simple index
#                 for PyPI's default build instead.
#   WEIGHTS=1     download ResNet18's pretrained weights into the image at build
#                 time (needs internet while building; the page falls back to
#                 random weights, and says so, when they are missing).
FROM python:3.11-slim

ARG TORCH_INDEX=https://download.pytorch.org/whl/cpu
ARG WEIGHTS=0

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    TORCH_HOME=/home/student/.cache/torch

WORKDIR /app

# torch first, from the chosen index; requirements.txt then finds it installed.
RUN pip install --index-url "${TORCH_INDEX}" torch torchvision
COPY requirements.txt .
RUN pip install -r requirements.txt

# The runtime user (uid 1000, as Hugging Face Spaces require) may read the
# code but not change it: /app and everything copied into it stay root's and
# read-only to others. The one thing it writes is class mode's SQLite
# database, in /app/data (0700: no other user of the host can read the
# answers); its home holds the torch hub cache (TORCH_HOME) and Streamlit's
# own files. A volume mounted on /app/data keeps classes across restarts.
RUN useradd --create-home --uid 1000 student
COPY . .
RUN chmod -R u=rwX,go=rX /app \
    && install -d -o student -g student -m 0700 /app/data
USER student
# As the runtime user, so that the cache in its home is its own.
RUN if [ "${WEIGHTS}" = "1" ]; then \
        python -c "from torchvision.models import resnet18, ResNet18_Weights; resnet18(weights=ResNet18_Weights.DEFAULT)"; \
    fi

EXPOSE 8501

# Streamlit's health endpoint (the image has no curl; Python does the same job).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).status != 200)"

# .streamlit/config.toml comes with the app (runner.postScriptGC = false and
# friends); the flags add what only a server needs (docs/hosting.md).
ENTRYPOINT ["streamlit", "run", "dashboard.py", "--server.port=8501", "--server.address=0.0.0.0", \
            "--server.headless=true", "--server.fileWatcherType=none"]
