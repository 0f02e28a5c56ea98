"""The NER model at run time: ``NerModel`` (encoder + CRF, in numpy / onnxruntime) and its loader.

A text is normalised and cut into chunks (:mod:`pipeline.ner.features`); all chunks of a batch
share one feature pass, each chunk is encoded on its own (a stack of residual dilated 1-D
convolutions, or a BiLSTM), and a compiled Viterbi decodes the linear-chain CRF under the
BIOES constraints of :mod:`pipeline.ner.tags`. ``load_ner_model()`` loads the committed model
(``models/ner``) once per process.

>>> text = "石家庄市人民医院检验科主任宋国威带领17名党员"
>>> [(text[start:end], label) for start, end, label in load_ner_model().predict(text)]
[('石家庄市人民医院检验科', 'ORG'), ('宋国威', 'PER')]
"""
from __future__ import annotations

import gzip
import json
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from ..resources import MODELS_DIR
from . import kernels
from .features import FeatureExtractor, normalize, split_chunks
from .crf import _viterbi_flat, crf_marginals
from .tags import N_TAGS, TAGS, allowed_transitions, tags_to_spans

DEFAULT_MODEL_DIR = MODELS_DIR / "ner"
INT8_GRAPH = "model.int8.onnx"  # encoder with int8 weights, written by recipes/export_onnx.py
_WS_RE = re.compile(r"\s+")


class NerModel:
    """Inference for the character CRF tagger stored in ``path``.

    ``backend`` picks how the CNN encoder runs: ``"onnx-int8"`` (onnxruntime, int8 weights from
    ``model.int8.onnx``, about 2x faster), ``"numpy"`` (float32 reference), or ``"auto"`` (the
    int8 graph when the model directory has one). Features and Viterbi are the same for both.
    """

    def __init__(self, path: str | Path, backend: str = "auto"):
        path = Path(path)
        self.path = path
        self.meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        vocab = json.loads((path / "vocab.json").read_text(encoding="utf-8"))
        cfg = self.meta["config"]
        self.n_classes = cfg.get("lex_classes", 5)
        bits_format = cfg.get("lexicon_format") == "bits"
        with gzip.open(path / "lexicon.txt.gz", "rt", encoding="utf-8") as f:
            fields = f.read().rstrip("\n").replace("\n", "\t").split("\t")  # word \t class per line
        classes = map(int, fields[1::2])
        if not bits_format:  # legacy: one jieba class per word
            classes = (1 | (1 << c) for c in classes)
        lex = dict(zip(fields[0::2], classes))
        self.features = FeatureExtractor(vocab["chars"], vocab["bigrams"], lex, self.n_classes)
        with np.load(path / "model.npz") as z:
            w = {k: z[k].astype(np.float32) for k in z.files}
        self._setup(w)
        self.backend = self._choose_backend(backend)
        self._last_emissions: dict[str, np.ndarray] = {}  # by chunk, from the last predict_many

    def _choose_backend(self, backend: str) -> str:
        onnx_path = self.path / INT8_GRAPH
        if backend == "auto":
            backend = "onnx-int8" if self.arch == "cnn" and onnx_path.exists() else "numpy"
        if backend == "onnx-int8":
            # onnxruntime's telemetry writes a device id and an event database under
            # ~/.cache/Microsoft at import: a run writes nothing outside its output folder.
            # Set, not defaulted: an inherited ORT_DISABLE_TELEMETRY=0 or empty turns it back on
            os.environ["ORT_DISABLE_TELEMETRY"] = "1"
            import onnxruntime as ort

            opts = ort.SessionOptions()
            # one thread: the runner parallelises over pages with processes
            opts.intra_op_num_threads = 1
            opts.inter_op_num_threads = 1
            opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
            self._session = ort.InferenceSession(str(onnx_path), opts, providers=["CPUExecutionProvider"])
        elif backend != "numpy":
            raise ValueError(f"unknown NER backend {backend!r} (auto, numpy, onnx-int8)")
        return backend

    # ------------------------------------------------------------------ weights
    def _setup(self, w: dict[str, np.ndarray]):
        cfg = self.meta["config"]
        self.arch = cfg["arch"]
        trans_ok, start_ok, end_ok = allowed_transitions()
        neg = np.float32(-1e4)
        self.trans = np.where(trans_ok, w["crf.trans"], neg).astype(np.float32)
        self.start = np.where(start_ok, w["crf.start"], neg).astype(np.float32)
        self.end = np.where(end_ok, w["crf.end"], neg).astype(np.float32)
        self.out_W = np.ascontiguousarray(w["out.weight"].T)
        self.out_b = w["out.bias"]
        Ec, Eb = w["emb_char.weight"], w["emb_bigram.weight"]
        dc, db = Ec.shape[1], Eb.shape[1]
        if self.arch == "cnn":
            P = w["proj.weight"]  # (C, dc + 2 db + N_LEX)
            self.tab_c = Ec @ P[:, :dc].T + w["proj.bias"]
            self.tab_bl = Eb @ P[:, dc:dc + db].T
            self.tab_br = Eb @ P[:, dc + db:dc + 2 * db].T
            self.lex_W = np.ascontiguousarray(P[:, dc + 2 * db:].T)
            self.convs = []
            for k, d in enumerate(cfg["dilations"]):
                W = w[f"convs.{k}.weight"]  # (C, C, 3)
                self.convs.append(
                    (d, [np.ascontiguousarray(W[:, :, j].T) for j in range(3)], w[f"convs.{k}.bias"])
                )
            self.gap = max(cfg["dilations"]) if cfg["dilations"] else 1
        else:
            self.Ec, self.Eb = Ec, Eb
            self.lstm = []
            for sfx in ("", "_reverse"):
                Wih = w[f"lstm.weight_ih_l0{sfx}"]  # (4H, I), gates i f g o
                Whh = w[f"lstm.weight_hh_l0{sfx}"]
                b = w[f"lstm.bias_ih_l0{sfx}"] + w[f"lstm.bias_hh_l0{sfx}"]
                H = Whh.shape[1]
                # reorder gates to i f o | g so the three sigmoids are contiguous
                order = np.r_[0:H, H:2 * H, 3 * H:4 * H, 2 * H:3 * H]
                Wc = Wih[order]
                self.lstm.append({
                    "tab_c": Ec @ Wc[:, :dc].T + b[order],
                    "W_b": np.ascontiguousarray(Wc[:, dc:dc + 2 * db].T),
                    "W_lex": np.ascontiguousarray(Wc[:, dc + 2 * db:].T),
                    "Whh": np.ascontiguousarray(Whh[order].T),
                    "H": H,
                })
            # fused copies: sigmoid gates (i f o) pre-scaled by 1/2 so one tanh serves all gates
            half = np.ones(4 * H, np.float32)
            half[:3 * H] = 0.5
            for p in self.lstm:
                p["tab_c"] = p["tab_c"] * half
            self.W_b2 = np.concatenate([p["W_b"] * half for p in self.lstm], axis=1)
            self.W_lex2 = np.concatenate([p["W_lex"] * half for p in self.lstm], axis=1)
            self.Whh2 = np.stack([p["Whh"] * half for p in self.lstm])

    # ------------------------------------------------------------------ encoders
    def _emissions_cnn(self, flat_text: str, mask: np.ndarray, offsets: Sequence[int],
                       lengths: Sequence[int]) -> np.ndarray:
        """Emissions for every position of a flat layout: chunks separated (and surrounded) by
        ``gap`` NUL characters whose rows ``mask`` zeroes, so no convolution sees across chunks."""
        c, bl, br, lex = self.features.flat(flat_text)
        x = np.empty((len(c), self.tab_c.shape[1]), np.float32)
        kernels.embed(c, bl, br, lex, self.tab_c, self.tab_bl, self.tab_br, self.lex_W, mask[:, 0], x)
        if self.backend == "numpy":
            return self._conv_numpy(x, mask)
        # one int8 call per chunk: activations are quantised with one scale per call, so a
        # chunk's emissions depend on that chunk alone, never on the rest of the page
        em = np.zeros((len(x), N_TAGS), np.float32)
        run = self._session.run
        for o, n in zip(offsets, lengths):
            em[o:o + n] = run(None, {"x": x[o:o + n]})[0]
        return em

    def _conv_numpy(self, x: np.ndarray, mask: np.ndarray) -> np.ndarray:
        for d, (W0, W1, W2), b in self.convs:
            # the flat layout starts and ends with >= d zero rows, so the rows outside
            # [d, total - d) are gaps (masked to 0 below) and need no padding
            h = np.zeros_like(x)
            hv = h[d:-d]
            np.matmul(x[:-2 * d], W0, out=hv)
            hv += x[d:-d] @ W1
            hv += x[2 * d:] @ W2
            hv += b
            np.maximum(h, 0, out=h)
            h *= mask
            x = x + h
        return x @ self.out_W + self.out_b

    def _emissions_lstm(self, feats):
        """Both directions run in one time loop; the input gates of all chunks in one matmul."""
        fw, bw = self.lstm
        H = fw["H"]
        lens_all = [len(f[0]) for f in feats]
        c = np.concatenate([f[0] for f in feats])
        bemb = np.concatenate([self.Eb[np.concatenate([f[1] for f in feats])],
                               self.Eb[np.concatenate([f[2] for f in feats])]], axis=1)
        lx = np.concatenate([f[3] for f in feats])
        flat = np.concatenate([fw["tab_c"][c], bw["tab_c"][c]], axis=1)
        flat += bemb @ self.W_b2 + lx @ self.W_lex2
        offs = np.concatenate([[0], np.cumsum(lens_all)])
        Hflat = np.empty((len(c), 2 * H), np.float32)
        order = sorted(range(len(feats)), key=lambda i: lens_all[i])
        B = 128
        for k in range(0, len(order), B):
            group = order[k:k + B]
            lens = [lens_all[i] for i in group]
            T, nb = max(lens), len(group)
            G = np.zeros((T, 2, nb, 4 * H), np.float32)
            for r, i in enumerate(group):
                o, n = offs[i], lens_all[i]
                G[:n, 0, r] = flat[o:o + n, :4 * H]
                G[:n, 1, r] = flat[o:o + n, 4 * H:][::-1]
            h = np.zeros((2, nb, H), np.float32)
            cst = np.zeros((2, nb, H), np.float32)
            Hs = np.empty((T, 2, nb, H), np.float32)
            Whh = self.Whh2
            for t in range(T):
                gt = G[t] + np.matmul(h, Whh)
                sg = np.tanh(gt)  # sigmoid(x) = 0.5 * tanh(x / 2) + 0.5 (weights pre-halved)
                sg[..., :3 * H] *= 0.5
                sg[..., :3 * H] += 0.5
                cst = sg[..., H:2 * H] * cst + sg[..., :H] * sg[..., 3 * H:]
                h = sg[..., 2 * H:3 * H] * np.tanh(cst)
                Hs[t] = h
            for r, i in enumerate(group):
                o, n = offs[i], lens_all[i]
                Hflat[o:o + n, :H] = Hs[:n, 0, r]
                Hflat[o:o + n, H:] = Hs[:n, 1, r][::-1]
        em = Hflat @ self.out_W + self.out_b
        return [em[offs[i]:offs[i + 1]] for i in range(len(feats))]

    # ------------------------------------------------------------------ decoding
    def _viterbi_reference(self, ems: list[np.ndarray]) -> list[np.ndarray]:
        """Batched numpy Viterbi: the reference that the compiled ``_viterbi_flat`` is tested against."""
        if not ems:
            return []
        lens = np.array([len(e) for e in ems])
        order = np.argsort(lens, kind="stable")
        res: list = [None] * len(ems)
        ar = np.arange(N_TAGS)
        for k in range(0, len(order), 256):
            group = order[k:k + 256]
            gl = lens[group]
            T, nb = int(gl.max()), len(group)
            E = np.zeros((nb, T, N_TAGS), np.float32)
            for r, i in enumerate(group):
                E[r, :gl[r]] = ems[i]
            score = self.start[None, :] + E[:, 0]
            bps = np.empty((T, nb, N_TAGS), np.int64)
            bps[0] = ar
            trans = self.trans[None]
            for t in range(1, T):
                cand = score[:, :, None] + trans
                bp = cand.argmax(axis=1)
                best = cand.max(axis=1) + E[:, t]
                active = (gl > t)[:, None]
                score = np.where(active, best, score)
                bps[t] = np.where(active, bp, ar)
            score = score + self.end[None]
            last = score.argmax(axis=1)
            path = np.empty((nb, T), np.int64)
            path[:, T - 1] = last
            for t in range(T - 1, 0, -1):
                last = bps[t, np.arange(nb), last]
                path[:, t - 1] = last
            for r, i in enumerate(group):
                res[i] = path[r, :gl[r]]
        return res

    # ------------------------------------------------------------------ public
    def predict_many(self, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        """Entities of each text, ``[(start, end, label), ...]`` sorted, offsets into that text.

        All chunks (sentence-like pieces) of all texts share one feature pass, but each chunk is
        encoded on its own (zero gaps between chunks in the numpy encoder, one call per chunk in
        the int8 one), so a text's entities never depend on the other texts of the batch."""
        chunks = []  # (text index, chunk start in text, kept positions or None, chunk as tagged)
        for ti, text in enumerate(texts):
            if not text:
                continue
            norm = normalize(text)
            for s, e in split_chunks(norm):
                chunk = norm[s:e]
                keep = None
                if _WS_RE.search(chunk):
                    # the training text has no whitespace ("张 昊" on pages): tag the chunk with
                    # its whitespace removed and map the offsets back
                    keep = [i for i, ch in enumerate(chunk) if not ch.isspace()]
                    chunk = _WS_RE.sub("", chunk)
                chunks.append((ti, s, keep, chunk))
        results: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        if not chunks:
            return results
        lengths = np.array([len(ch) for *_, ch in chunks], np.int64)
        if self.arch == "cnn":
            gap = "\x00" * self.gap
            flat = gap + gap.join(ch for *_, ch in chunks) + gap
            offsets = self.gap + np.concatenate([[0], np.cumsum(lengths[:-1] + self.gap)])
            mask = np.zeros((len(flat), 1), np.float32)
            for o, n in zip(offsets.tolist(), lengths.tolist()):
                mask[o:o + n] = 1.0
            em = self._emissions_cnn(flat, mask, offsets.tolist(), lengths.tolist())
        else:
            em = np.concatenate(self._emissions_lstm([self.features.ids(ch) for *_, ch in chunks]))
            offsets = np.concatenate([[0], np.cumsum(lengths[:-1])])
        tags = np.zeros(len(em), np.int64)
        _viterbi_flat(np.ascontiguousarray(em, np.float32), offsets, lengths, self.trans, self.start, self.end, tags)
        # the last call's emissions by chunk: span_confidence on the same page reuses them
        self._last_emissions = {ch: em[o:o + n] for (_, _, keep, ch), o, n
                                in zip(chunks, offsets.tolist(), lengths.tolist()) if keep is None}
        for (ti, s, keep, _), o, n in zip(chunks, offsets.tolist(), lengths.tolist()):
            spans = tags_to_spans(tags[o:o + n].tolist())
            if keep is None:
                results[ti].extend((s + a, s + b, lab) for a, b, lab in spans)
            else:
                results[ti].extend((s + keep[a], s + keep[b - 1] + 1, lab) for a, b, lab in spans)
        for r in results:
            r.sort()
        return results

    def span_confidence(self, text: str, spans: Sequence[tuple[int, int, str]]) -> list[float | None]:
        """How sure the model is of each ``(start, end, label)`` span of ``text``: the smallest,
        over the span's characters, of the CRF's marginal probability that the character is
        tagged with ``label`` (any of B/I/E/S; forward-backward over the span's chunk, decoded
        under the same transitions as ``predict``). ``None`` for a span that crosses chunks or
        whitespace (no single chunk scores it).

        >>> m = load_ner_model()
        >>> [round(c, 2) for c in m.span_confidence("检验科主任宋国威和她的团队连续奋战。", [(5, 8, "PER")])]
        [1.0]
        """
        norm = normalize(text)
        chunks = split_chunks(norm)
        cache: dict[int, np.ndarray] = {}
        out: list[float | None] = []
        for s, e, label in spans:
            k = next((i for i, (cs, ce) in enumerate(chunks) if cs <= s and e <= ce), None)
            if k is None or _WS_RE.search(norm[chunks[k][0]:chunks[k][1]]):
                out.append(None)
                continue
            if k not in cache:
                cache[k] = self._marginals(norm[chunks[k][0]:chunks[k][1]])
            cs = chunks[k][0]
            probs = cache[k][s - cs:e - cs][:, [i for i, t in enumerate(TAGS) if t.endswith("-" + label)]]
            out.append(float(probs.sum(axis=1).min()))
        return out

    def _marginals(self, chunk: str) -> np.ndarray:
        """Per-character tag marginals of one chunk (forward-backward in log space)."""
        em = self._last_emissions.get(chunk)
        if em is None:  # not a chunk of the last predict_many call: encode it
            if self.arch == "cnn":
                gap = "\x00" * self.gap
                mask = np.zeros((len(chunk) + 2 * self.gap, 1), np.float32)
                mask[self.gap:self.gap + len(chunk)] = 1.0
                em = self._emissions_cnn(gap + chunk + gap, mask, [self.gap], [len(chunk)])
                em = em[self.gap:self.gap + len(chunk)]
            else:
                em = self._emissions_lstm([self.features.ids(chunk)])[0]
        return crf_marginals(em.astype(np.float64), self.trans.astype(np.float64),
                             self.start.astype(np.float64), self.end.astype(np.float64))

    def predict(self, text: str) -> list[tuple[int, int, str]]:
        """``[(start, end, label), ...]`` sorted, with offsets into ``text``."""
        return self.predict_many([text])[0]


@lru_cache(maxsize=None)
def _load_cached(path: str) -> NerModel:
    return NerModel(path)


def load_ner_model(path: str | Path | None = None) -> NerModel:
    """The model stored at ``path`` (default ``models/ner`` in the repo), loaded once per process."""
    if path is None:
        return _load_default()
    return _load_cached(str(Path(path).resolve()))


@lru_cache(maxsize=None)
def _load_default() -> NerModel:
    # the stage asks for the model once per page: resolving the path each time (realpath walks
    # the directories) cost more than a rule
    return _load_cached(str(DEFAULT_MODEL_DIR.resolve()))
