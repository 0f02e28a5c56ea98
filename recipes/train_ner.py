#!/usr/bin/env python
"""Train the character-level NER model served by ``pipeline/ner/``.

    .venv/bin/python recipes/train_ner.py --corpus ../shared/corpora/msra --out models/ner

Reads ``train.jsonl`` / ``dev.jsonl`` from ``--corpus`` (never copied into the repo), trains a
char + char-bigram + lexicon-flag encoder with a CRF on top in PyTorch (CPU, one thread, fixed
seeds), exports the weights to ``model.npz`` and scores every epoch on dev *with the numpy serving
code*, keeping the best epoch. Writes ``model.npz``, ``vocab.json``, ``lexicon.txt.gz`` and
``meta.json`` (config, dev scores per type, serving speed, training time) to ``--out``.

Knowledge from outside MSRA (issue #13), both off by default:

* ``--extra NAME`` (repeatable) adds the training split of another corpus of
  ``../shared/corpora`` with its types mapped to PER/LOC/ORG (``EXTRA_TYPE_MAPS``; the corpora
  README's suggested mapping; everything else, job titles included, becomes O);
* ``--extra-jsonl PATH`` (repeatable) adds a corpus already typed PER/LOC/ORG, in the corpora
  format, such as the silver sentences of ``recipes/silver_lac.py``; ``--extra-jsonl-weight``
  scales the loss of its sentences (1 = as much as an MSRA sentence);
* ``--divisions`` adds the administrative divisions the pipeline ships
  (``pipeline/data/divisions.tsv``: full and short names) to the gazetteer as LOC, in every
  fold and at serving time alike (it is external knowledge, not a memory of the training set).

Training-only dependency: ``torch==2.13.0`` (see requirements-train.txt).
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import os
import random
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import numpy as np
import torch
import torch.nn as nn

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline import ner as N  # noqa: E402


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, flush=True)


# --------------------------------------------------------------------------- data
def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def build_vocab(texts, min_char, min_bigram):
    cc, bc = collections.Counter(), collections.Counter()
    for t in texts:
        k = N.embed_key(N.normalize(t))
        cc.update(k)
        p = "\x00" + k + "\x00"
        bc.update(p[i:i + 2] for i in range(len(p) - 1))
    chars = ["<pad>", "<unk>"] + sorted(c for c, n in cc.items() if n >= min_char)
    bigrams = ["<pad>", "<unk>"] + sorted(b for b, n in bc.items() if n >= min_bigram)
    return chars, bigrams


def encode(records, features: "N.FeatureExtractor"):
    """Training items with the serving code's own feature extractor."""
    data = []
    for r in records:
        t = N.normalize(r["text"])
        c, bl, br, lex = features.ids(t)
        tags = N.spans_to_tags(len(t), r["entities"])
        data.append((c, bl, br, lex, np.array(tags, np.int64)))
    return data


# Other corpora's types → ours (../shared/corpora/README.md's suggested mapping).
EXTRA_TYPE_MAPS = {
    "cluener2020": {"name": "PER", "address": "LOC", "scene": "LOC",
                    "organization": "ORG", "government": "ORG", "company": "ORG"},
    "boson": {"person_name": "PER", "location": "LOC", "org_name": "ORG", "company_name": "ORG"},
    "weibo": {"PER.NAM": "PER", "LOC.NAM": "LOC", "GPE.NAM": "LOC", "ORG.NAM": "ORG"},
}


def read_mapped(path: Path, type_map: dict[str, str]) -> list[dict]:
    """A corpus with its entity types mapped to PER/LOC/ORG (unmapped types dropped)."""
    out = []
    for r in read_jsonl(path):
        ents = [[s, e, type_map[t]] for s, e, t in r["entities"] if t in type_map]
        out.append({"text": r["text"], "entities": ents})
    return out


def division_gazetteer() -> dict[str, int]:
    """Division names (full and short) the pipeline ships, as GAZ_LOC entries."""
    from pipeline.gazetteer import divisions

    bit = 1 << N.LEX_CLASSES.index("GAZ_LOC")
    return {N.normalize(w): bit for w in divisions() if 2 <= len(w) <= N.GAZ_MAXLEN}


def build_gazetteer(records) -> dict[str, int]:
    """entity string -> bitmask of GAZ_* classes, from gold spans (normalised text)."""
    gaz: dict[str, int] = {}
    for r in records:
        t = N.normalize(r["text"])
        for s, e, lab in r["entities"]:
            if 2 <= e - s <= N.GAZ_MAXLEN and not any(ch.isspace() for ch in t[s:e]):  # lexicon.txt is tab/line separated
                c = N.LEX_CLASSES.index("GAZ_" + lab)
                gaz[t[s:e]] = gaz.get(t[s:e], 0) | (1 << c)
    return gaz


def merge_lex(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    out = dict(a)
    for w, bits in b.items():
        out[w] = out.get(w, 0) | bits
    return out


# --------------------------------------------------------------------------- model
class CRF(nn.Module):
    def __init__(self, k):
        super().__init__()
        self.trans = nn.Parameter(torch.zeros(k, k))
        self.start = nn.Parameter(torch.zeros(k))
        self.end = nn.Parameter(torch.zeros(k))
        t, s, e = N.allowed_transitions()
        self.register_buffer("t_mask", torch.tensor(np.where(t, 0.0, -1e4), dtype=torch.float32))
        self.register_buffer("s_mask", torch.tensor(np.where(s, 0.0, -1e4), dtype=torch.float32))
        self.register_buffer("e_mask", torch.tensor(np.where(e, 0.0, -1e4), dtype=torch.float32))

    def nll(self, em, tags, mask, weight=None):
        """em (B,T,K), tags (B,T), mask (B,T) bool -> mean negative log-likelihood (each
        sentence's scaled by ``weight`` (B,) when given)."""
        B, T, K = em.shape
        trans = self.trans + self.t_mask
        start = self.start + self.s_mask
        end = self.end + self.e_mask
        maskf = mask.float()
        # gold score
        ar = torch.arange(B)
        g = start[tags[:, 0]] + em[ar, 0, tags[:, 0]]
        for t in range(1, T):
            g = g + (trans[tags[:, t - 1], tags[:, t]] + em[ar, t, tags[:, t]]) * maskf[:, t]
        lens = mask.sum(1)
        last = tags[ar, lens - 1]
        g = g + end[last]
        # partition
        a = start[None] + em[:, 0]
        for t in range(1, T):
            na = torch.logsumexp(a[:, :, None] + trans[None], dim=1) + em[:, t]
            a = torch.where(mask[:, t:t + 1], na, a)
        z = torch.logsumexp(a + end[None], dim=1)
        if weight is not None:
            return ((z - g) * weight).mean()
        return (z - g).mean()


class Tagger(nn.Module):
    def __init__(self, cfg, n_chars, n_bigrams):
        super().__init__()
        self.cfg = cfg
        self.emb_char = nn.Embedding(n_chars, cfg["char_dim"], padding_idx=0)
        self.emb_bigram = nn.Embedding(n_bigrams, cfg["bigram_dim"], padding_idx=0)
        d_in = cfg["char_dim"] + 2 * cfg["bigram_dim"] + 3 * cfg["lex_classes"]
        self.drop_in = nn.Dropout(cfg["dropout_emb"])
        self.drop = nn.Dropout(cfg["dropout"])
        if cfg["arch"] == "cnn":
            C = cfg["channels"]
            self.proj = nn.Linear(d_in, C)
            self.convs = nn.ModuleList(
                nn.Conv1d(C, C, 3, padding=d, dilation=d) for d in cfg["dilations"]
            )
            d_out = C
        else:
            H = cfg["hidden"]
            self.lstm = nn.LSTM(d_in, H, batch_first=True, bidirectional=True)
            d_out = 2 * H
        self.out = nn.Linear(d_out, N.N_TAGS)
        self.crf = CRF(N.N_TAGS)

    def emissions(self, c, bl, br, lex, mask):
        x = torch.cat([self.emb_char(c), self.emb_bigram(bl), self.emb_bigram(br), lex], -1)
        x = self.drop_in(x)
        m = mask.unsqueeze(-1).float()
        if self.cfg["arch"] == "cnn":
            x = self.proj(x) * m
            for conv in self.convs:
                h = torch.relu(conv(x.transpose(1, 2)).transpose(1, 2)) * m
                x = x + self.drop(h)
        else:
            lens = mask.sum(1).cpu()
            packed = nn.utils.rnn.pack_padded_sequence(x, lens, batch_first=True, enforce_sorted=False)
            out, _ = self.lstm(packed)
            x, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=mask.shape[1])
            x = self.drop(x)
        return self.out(x)


def make_batch(items, unk_rate, rng):
    T = max(len(it[0]) for it in items)
    B = len(items)
    c = np.zeros((B, T), np.int64)
    bl = np.zeros((B, T), np.int64)
    br = np.zeros((B, T), np.int64)
    lex = np.zeros((B, T, items[0][3].shape[1]), np.float32)
    tags = np.zeros((B, T), np.int64)
    mask = np.zeros((B, T), bool)
    for i, (ci, bli, bri, lxi, ti) in enumerate(items):
        n = len(ci)
        c[i, :n], bl[i, :n], br[i, :n], lex[i, :n], tags[i, :n] = ci, bli, bri, lxi, ti
        mask[i, :n] = True
    if unk_rate > 0:
        for arr in (c, bl, br):
            drop = (rng.random(arr.shape) < unk_rate) & mask
            arr[drop] = N.UNK
    return [torch.from_numpy(a) for a in (c, bl, br, lex, tags, mask)]


def export(model: Tagger, out_dir: Path, chars, bigrams, lex, cfg, extra_meta):
    out_dir.mkdir(parents=True, exist_ok=True)
    sd = {k: v.detach().cpu().numpy() for k, v in model.state_dict().items() if not k.endswith("_mask")}
    arrays = {}
    for k, v in sd.items():
        # embeddings are stored in float16 to keep the artifact small (a few MB)
        arrays[k] = v.astype(np.float16) if k.startswith("emb_") else v.astype(np.float32)
    np.savez_compressed(out_dir / "model.npz", **arrays)
    (out_dir / "vocab.json").write_text(json.dumps({"chars": chars, "bigrams": bigrams}, ensure_ascii=False), encoding="utf-8")
    with gzip.open(out_dir / "lexicon.txt.gz", "wt", encoding="utf-8", compresslevel=9) as f:
        for w in sorted(lex):
            f.write(f"{w}\t{lex[w]}\n")
    meta = {"config": cfg, "tags": list(N.TAGS), **extra_meta}
    (out_dir / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")


def speed_on_raw(model, reps=3):
    files = sorted((REPO / "data" / "raw").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in files]
    if not texts:
        return None
    n = sum(map(len, texts))
    model.predict_many(texts)
    best = float("inf")
    for _ in range(reps):
        t0 = time.perf_counter()
        model.predict_many(texts)
        best = min(best, time.perf_counter() - t0)
    return round(n / best)


# --------------------------------------------------------------------------- main
def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpora" / "msra"))
    ap.add_argument("--out", default=str(REPO / "models" / "ner"))
    ap.add_argument("--arch", choices=["cnn", "bilstm"], default="cnn")
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--max-minutes", type=float, default=0, help="stop after this much training time (0 = no limit; makes the result depend on machine speed)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--char-dim", type=int, default=100)
    ap.add_argument("--bigram-dim", type=int, default=50)
    ap.add_argument("--min-bigram", type=int, default=3)
    ap.add_argument("--channels", type=int, default=128)
    ap.add_argument("--dilations", default="1,2,4,1")
    ap.add_argument("--hidden", type=int, default=100)
    ap.add_argument("--dropout-emb", type=float, default=0.5)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--unk-rate", type=float, default=0.02)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--gazetteer-folds", type=int, default=5, help="0 = no training-set gazetteer features")
    ap.add_argument("--train-limit", type=int, default=0, help="use only the first N training sentences (smoke tests)")
    ap.add_argument("--extra", action="append", default=[], choices=sorted(EXTRA_TYPE_MAPS),
                    help="add this corpus of ../shared/corpora (train split, types mapped); repeatable")
    ap.add_argument("--extra-jsonl", action="append", default=[], type=Path,
                    help="add this PER/LOC/ORG corpus (corpora JSONL format, e.g. silver data); repeatable")
    ap.add_argument("--extra-jsonl-weight", type=float, default=1.0,
                    help="loss weight of the --extra-jsonl sentences (MSRA and --extra corpora: 1)")
    ap.add_argument("--divisions", action="store_true",
                    help="division names as gazetteer LOC entries, in training and serving")
    args = ap.parse_args(argv)

    torch.set_num_threads(1)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)

    corpus = Path(args.corpus)
    if not corpus.is_absolute():
        corpus = (REPO / corpus).resolve() if not corpus.exists() else corpus.resolve()
    out_dir = Path(args.out)
    if not out_dir.is_absolute():
        out_dir = (Path.cwd() / out_dir).resolve()
    tmp_dir = out_dir.with_name(out_dir.name + ".tmp")

    t_start = time.time()
    train = read_jsonl(corpus / "train.jsonl")
    if args.train_limit:
        train = train[: args.train_limit]
    dev_path = corpus / "dev.jsonl"
    for name in args.extra:
        extra = read_mapped(corpus.parent / name / "train.jsonl", EXTRA_TYPE_MAPS[name])
        log(f"+ {name}: {len(extra)} sentences")
        train = train + extra
    weights = np.ones(len(train), np.float32)
    for path in args.extra_jsonl:
        extra = read_mapped(path, {"PER": "PER", "LOC": "LOC", "ORG": "ORG"})
        log(f"+ {path}: {len(extra)} sentences, weight {args.extra_jsonl_weight}")
        train = train + extra
        weights = np.concatenate([weights, np.full(len(extra), args.extra_jsonl_weight, np.float32)])
    weighted = bool((weights != 1.0).any())
    chars, bigrams = build_vocab([r["text"] for r in train], 2, args.min_bigram)
    jlex = N.build_lexicon_from_jieba()
    if args.divisions:
        jlex = merge_lex(jlex, division_gazetteer())
    n_classes = 8 if args.gazetteer_folds else 5
    if args.gazetteer_folds:
        # jackknifed gazetteer: sentences of fold k see only entity strings from the other folds,
        # so the model learns how far to trust a match on unseen text; serving uses all of train
        K = args.gazetteer_folds
        folds = [[r for i, r in enumerate(train) if i % K == k] for k in range(K)]
        enc = [None] * len(train)
        for k in range(K):
            gaz_k = build_gazetteer(r for i, r in enumerate(train) if i % K != k)
            fm = N.FeatureExtractor(chars, bigrams, merge_lex(jlex, gaz_k), n_classes)
            for j, item in enumerate(encode(folds[k], fm)):
                enc[j * K + k] = item
        data = enc
        lex = merge_lex(jlex, build_gazetteer(train))
    else:
        lex = jlex
        data = encode(train, N.FeatureExtractor(chars, bigrams, lex, n_classes))
    log(f"train {len(train)} sents; vocab chars {len(chars)} bigrams {len(bigrams)}; lexicon {len(lex)} entries")

    cfg = {
        "arch": args.arch,
        "char_dim": args.char_dim,
        "bigram_dim": args.bigram_dim,
        "min_bigram": args.min_bigram,
        "channels": args.channels,
        "dilations": [int(d) for d in args.dilations.split(",") if d],
        "hidden": args.hidden,
        "dropout_emb": args.dropout_emb,
        "dropout": args.dropout,
        "unk_rate": args.unk_rate,
        "batch_size": args.batch_size,
        "lr": args.lr,
        "epochs": args.epochs,
        "seed": args.seed,
        "lexicon": "jieba 0.42.1 dict.txt, words of 2..8 chars, classes nr*/ns/nt/nz"
        + (f"; + gazetteer of training entity strings (2..16 chars), {args.gazetteer_folds}-fold jackknifed in training" if args.gazetteer_folds else "")
        + ("; + division names (pipeline/data/divisions.tsv) as LOC" if args.divisions else ""),
        "extra_corpora": args.extra + [str(p) for p in args.extra_jsonl],
        "extra_jsonl_weight": args.extra_jsonl_weight if args.extra_jsonl else None,
        "lex_classes": n_classes,
        "lexicon_format": "bits",
    }
    model = Tagger(cfg, len(chars), len(bigrams))
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    n_params = sum(p.numel() for p in model.parameters())
    log(f"params {n_params}")

    # length-bucketed batches
    order = sorted(range(len(data)), key=lambda i: len(data[i][0]))
    batches = [order[i:i + args.batch_size] for i in range(0, len(order), args.batch_size)]
    total_steps = args.epochs * len(batches)

    best_f1, best = -1.0, None
    history = []
    step = 0
    train_secs = 0.0
    for epoch in range(1, args.epochs + 1):
        model.train()
        t0 = time.time()
        perm = rng.permutation(len(batches))
        tot = 0.0
        for bi, b in enumerate(perm):
            # linear lr decay to 10% over the whole schedule
            for g in opt.param_groups:
                g["lr"] = args.lr * (1.0 - 0.9 * step / total_steps)
            c, bl, br, lx, tags, mask = make_batch([data[i] for i in batches[b]], args.unk_rate, rng)
            em = model.emissions(c, bl, br, lx, mask)
            w = torch.from_numpy(weights[batches[b]]) if weighted else None
            loss = model.crf.nll(em, tags, mask, w)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            tot += loss.item()
            step += 1
            if bi % 200 == 0:
                log(f"epoch {epoch} batch {bi}/{len(batches)} loss {tot / (bi + 1):.3f}")
        train_secs += time.time() - t0
        # export + score with the numpy serving code
        model.eval()
        export(model, tmp_dir, chars, bigrams, lex, cfg, {})
        nm = N.NerModel(tmp_dir)
        scores = N.evaluate(dev_path, nm)
        history.append({"epoch": epoch, "loss": round(tot / len(batches), 4), "dev_f1": scores["micro"]["f1"],
                        "train_minutes": round(train_secs / 60, 1)})
        log(f"epoch {epoch} done in {time.time() - t0:.0f}s; dev micro F1 {scores['micro']['f1']:.4f} "
            + " ".join(f"{l} {scores[l]['f1']:.4f}" for l in N.LABELS))
        if scores["micro"]["f1"] > best_f1:
            best_f1 = scores["micro"]["f1"]
            best = (epoch, scores)
            if out_dir.exists():
                shutil.rmtree(out_dir)
            shutil.copytree(tmp_dir, out_dir)
        if args.max_minutes and train_secs / 60 > args.max_minutes:
            log("time limit reached")
            break

    # final meta for the best epoch
    nm = N.NerModel(out_dir)
    speed = speed_on_raw(nm)
    epoch, scores = best
    size = sum(p.stat().st_size for p in out_dir.iterdir())
    meta = json.loads((out_dir / "meta.json").read_text(encoding="utf-8"))
    meta.update({
        "trained_on": "MSRA (SIGHAN 2006) train.jsonl, 42,000 sentences"
        + "".join(f" + {name} train (types mapped)" for name in args.extra)
        + "".join(f" + {p.name} of {p.parent}" for p in args.extra_jsonl) + "; research/evaluation use only",
        "best_epoch": epoch,
        "dev": scores,
        "history": history,
        "n_params": n_params,
        "artifact_bytes": size,
        "speed_chars_per_s_raw_pages_1core": speed,
        "train_minutes_total": round((time.time() - t_start) / 60, 1),
        "torch": torch.__version__,
        "command": "recipes/train_ner.py " + " ".join(argv if argv is not None else sys.argv[1:]),
    })
    (out_dir / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    shutil.rmtree(tmp_dir, ignore_errors=True)
    if cfg["arch"] == "cnn":  # the serving graph: int8 encoder for onnxruntime
        from export_onnx import export_int8

        serving = export_int8(out_dir, Path(dev_path))
        log(f"int8 encoder written; dev micro F1 int8 {serving.get('dev_int8', {}).get('micro', {}).get('f1')}")
    log(f"best epoch {epoch}: dev micro F1 {scores['micro']['f1']:.4f}; speed {speed} chars/s; artifact {size / 1e6:.1f} MB")
    print(json.dumps({"dev": scores, "speed": speed}, indent=1))


if __name__ == "__main__":
    main()
