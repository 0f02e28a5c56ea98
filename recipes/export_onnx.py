"""Write the int8 encoder graph (``model.int8.onnx``) for a trained CNN NER model.

    .venv/bin/python recipes/export_onnx.py [--model models/ner] [--dev ../shared/corpora/msra/dev.jsonl]

The character CNN's convolutions are most of the NER stage's time, and their float32 matmuls
already run near the core's peak in numpy. onnxruntime's int8 kernels (VNNI where the CPU has
it) run the same layers about twice as fast. This recipe:

1. rebuilds the encoder (4 residual dilated convolutions + the output layer) as an ONNX graph from
   the float32 weights the numpy server uses (``NerModel`` with ``backend="numpy"``), each
   convolution written as one matmul over the three shifted copies of its input;
2. quantises its matmuls with onnxruntime's dynamic quantisation. Weights become int8 per output
   channel. ``reduce_range`` keeps them to 7 bits, so CPUs without VNNI cannot saturate and give
   the same results. Activations are quantised with one scale per call, and the server makes one
   call per chunk (sentence), so a sentence's entities never depend on its neighbours;
3. checks the int8 emissions against float32 on the pages in ``data/raw``. Given ``--dev``, it
   scores both backends on MSRA dev and records the scores in ``meta.json`` under ``serving``.

The embedding lookups, lexicon flags and Viterbi stay in numpy/numba (``pipeline/ner/``).
``make model`` runs this after training; it needs ``onnx`` (requirements-train.txt). Serving
needs only ``onnxruntime``.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline import ner as N  # noqa: E402


def encoder_graph(model: "N.NerModel"):
    """ONNX graph for one chunk: x (n, C) float32 projected features -> em (n, N_TAGS).

    Each layer pads its input with d zero rows on both sides (as the trained Conv1d does), so
    the caller passes exactly the chunk's rows and no mask."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    if model.arch != "cnn":
        raise ValueError("only the CNN encoder has an ONNX export")
    channels = model.tab_c.shape[1]
    nodes, inits = [], []

    def const(name, value):
        inits.append(numpy_helper.from_array(np.asarray(value), name))
        return name

    axis0 = const("axis0", np.array([0], np.int64))
    x = "x"
    for k, (d, (W0, W1, W2), b) in enumerate(model.convs):
        zeros = const(f"conv{k}_pad", np.zeros((d, channels), np.float32))
        nodes.append(helper.make_node("Concat", [zeros, x, zeros], [f"conv{k}_padded"], axis=0))
        # rows [0, n), [d, n+d), [2d, n+2d) of the padded input: the left, centre and right taps
        shifted = []
        for j, (lo, hi) in enumerate([(0, -2 * d), (d, -d), (2 * d, np.iinfo(np.int64).max)]):
            name = f"conv{k}_tap{j}"
            nodes.append(helper.make_node(
                "Slice", [f"conv{k}_padded", const(f"{name}_lo", np.array([lo], np.int64)),
                          const(f"{name}_hi", np.array([hi], np.int64)), axis0], [name]))
            shifted.append(name)
        nodes.append(helper.make_node("Concat", shifted, [f"conv{k}_in"], axis=1))
        W = np.concatenate([W0, W1, W2], axis=0).astype(np.float32)  # (3C, C)
        nodes.append(helper.make_node("MatMul", [f"conv{k}_in", const(f"conv{k}_W", W)], [f"conv{k}_mm"]))
        nodes.append(helper.make_node("Add", [f"conv{k}_mm", const(f"conv{k}_b", b.astype(np.float32))],
                                      [f"conv{k}_pre"]))
        nodes.append(helper.make_node("Relu", [f"conv{k}_pre"], [f"conv{k}_h"]))
        nodes.append(helper.make_node("Add", [x, f"conv{k}_h"], [f"res{k}"]))
        x = f"res{k}"
    nodes.append(helper.make_node("MatMul", [x, const("out_W", model.out_W.astype(np.float32))], ["out_mm"]))
    nodes.append(helper.make_node("Add", ["out_mm", const("out_b", model.out_b.astype(np.float32))], ["em"]))
    graph = helper.make_graph(
        nodes, "zh_char_ner_encoder",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["n", channels])],
        [helper.make_tensor_value_info("em", TensorProto.FLOAT, ["n", N.N_TAGS])],
        inits)
    proto = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="recipes/export_onnx.py")
    proto.ir_version = 9
    onnx.checker.check_model(proto)
    return proto


def export_int8(model_dir: Path, dev: Path | None = None) -> dict:
    """Write ``model_dir/model.int8.onnx``; return (and store in meta.json) what was checked."""
    import onnx
    import onnxruntime
    from onnxruntime.quantization import QuantType, quantize_dynamic

    reference = N.NerModel(model_dir, backend="numpy")
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "encoder.fp32.onnx"
        onnx.save(encoder_graph(reference), fp32)
        quantize_dynamic(fp32, model_dir / N.INT8_GRAPH, weight_type=QuantType.QInt8,
                         per_channel=True, reduce_range=True)
    int8 = N.NerModel(model_dir, backend="onnx-int8")

    pages = [p.read_text(encoding="utf-8") for p in sorted((REPO / "data" / "raw").glob("*.txt"))]
    pairs = [(reference.predict(t), int8.predict(t)) for t in pages]
    same = sum(a == b for a, b in pairs)
    ref_spans = sum(len(a) for a, _ in pairs)
    common = sum(len(set(a) & set(b)) for a, b in pairs)
    serving = {
        "encoder": "onnxruntime int8 (dynamic quantisation: int8 weights per channel, 7-bit range; "
                   "activation scale per call, one call per chunk)",
        "onnxruntime": onnxruntime.__version__,
        "onnx": onnx.__version__,
        "raw_pages_identical": f"{same}/{len(pages)}",
        "raw_pages_span_agreement": round(common / ref_spans, 4) if ref_spans else None,
    }
    if dev is not None and dev.exists():
        serving["dev_float32"] = N.evaluate(dev, reference)
        serving["dev_int8"] = N.evaluate(dev, int8)
    meta_path = model_dir / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["serving"] = serving
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return serving


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default=str(REPO / "models" / "ner"))
    ap.add_argument("--dev", default=str(REPO.parent / "shared" / "corpora" / "msra" / "dev.jsonl"))
    args = ap.parse_args(argv)
    print(json.dumps(export_int8(Path(args.model), Path(args.dev)), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
