#!/usr/bin/env python3
"""Compare attache's matcher with rapidfuzz on the real fact base and on synthetic ones.

For each size (the real base in ./knowledge and ./locales, then synthetic bases of 1,000, 10,000 and
100,000 facts written by `attache synth`), the script:

1. exports every phrasing with `attache facts --json`;
2. builds questions: phrasings with one small perturbation each (a word or CJK character dropped, a
   typo, two neighbours swapped), plus one in ten unanswerable (off-topic questions, gibberish);
3. times rapidfuzz, `process.extractOne(q, choices, scorer=fuzz.token_set_ratio)` over every phrasing of
   every language, one question after the other, single thread (choices and questions are put through
   `utils.default_process` once, beforehand, so that rapidfuzz does not redo it for every choice);
4. times `attache ask --json` with all the questions on stdin: one process, whole wall time (loading
   included), and the same process with no questions, to give the time per question without the load;
5. prints, per size, ms per question for each, their ratio, and the accuracy of both on the perturbed
   questions (the share mapped back to the fact they came from). attache may decline a question
   (no `fact`): that counts as wrong here. On unanswerable questions it prints how often each declines
   (rapidfuzz: best score below --rf-cutoff).

Setup (once):
    cargo build --release
    python3 -m venv target/rf-venv && target/rf-venv/bin/pip install rapidfuzz
Run:
    target/rf-venv/bin/python scripts/compare_rapidfuzz.py                  # real, 1000, 10000, 100000
    target/rf-venv/bin/python scripts/compare_rapidfuzz.py --max-facts 10000  # skip 100,000

At 100,000 facts a question takes attache about half a second and rapidfuzz longer (3 million
choices), so sizes of --large-from facts or more use --large-questions questions (default 200) for both
tools; the output says so.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

try:
    from rapidfuzz import fuzz, process, utils
    import rapidfuzz
except ImportError:  # pragma: no cover - the message is the point
    sys.exit(
        "rapidfuzz is not installed. Install it in a virtual environment, e.g.\n"
        "  python3 -m venv target/rf-venv && target/rf-venv/bin/pip install rapidfuzz\n"
        "then run this script with target/rf-venv/bin/python."
    )

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

OFF_TOPIC = [
    "What's the weather in Paris tomorrow?",
    "Who won the 2018 World Cup?",
    "how do I bake sourdough bread",
    "¿Cuál es la receta de la paella?",
    "Quelle heure est-il à Tokyo ?",
    "Wie spät ist es in Berlin?",
    "东京现在几点？",
    "滷肉飯怎麼做？",
    "今日の天気はどうですか？",
    "hello, how are you?",
    "When did Nixon visit China?",
    "recommend a good laptop under 500 dollars",
]


def is_cjk(c):
    return "\u3040" <= c <= "\u9fff"


def perturb(text, rng):
    """One small change: a word (or CJK character) dropped, a typo, or two neighbours swapped."""
    kind = rng.choice(["drop", "typo", "swap"])
    if any(is_cjk(c) for c in text):
        chars = list(text)
        if len(chars) <= 3:
            return text
        if kind == "drop":
            del chars[rng.randrange(len(chars))]
        elif kind == "typo":
            # A wrong character where an IME picks the wrong homophone: another CJK character of the text.
            cjk = [i for i, c in enumerate(chars) if is_cjk(c)]
            if len(cjk) >= 2:
                a, b = rng.sample(cjk, 2)
                chars[a] = chars[b]
        else:
            i = rng.randrange(len(chars) - 1)
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        return "".join(chars)
    words = text.split()
    if kind == "drop" and len(words) > 2:
        del words[rng.randrange(len(words))]
    elif kind == "typo":
        long = [i for i, w in enumerate(words) if len(w) >= 5]
        if long:
            w = rng.choice(long)
            chars = list(words[w])
            i = rng.randrange(1, len(chars) - 1)
            op = rng.randrange(3)
            if op == 0:
                chars[i], chars[i + 1] = chars[i + 1], chars[i]
            elif op == 1:
                del chars[i]
            else:
                chars[i] = rng.choice("abcdefghijklmnopqrstuvwxyz")
            words[w] = "".join(chars)
    elif len(words) > 1:
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def gibberish(rng):
    letters = "abcdefghijklmnopqrstuvwxyz"
    return " ".join(
        "".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(rng.randint(2, 6))
    )


def build_questions(facts, n, seed):
    """n questions: (text, source fact id or None)."""
    rng = random.Random(seed)
    pool = [(p, f["id"]) for f in facts for ps in f["questions"].values() for p in ps]
    out = []
    for i in range(n):
        if i % 10 == 9:
            q = rng.choice(OFF_TOPIC) if rng.random() < 0.6 else gibberish(rng)
            out.append((q, None))
        else:
            p, fid = rng.choice(pool)
            q = perturb(p, rng).replace("\n", " ").strip() or p
            out.append((q, fid))
    return out


def run(cmd, stdin_text=None):
    t = time.perf_counter()
    r = subprocess.run(cmd, input=stdin_text, capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    if r.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({r.returncode}):\n{r.stderr[-2000:]}")
    return r.stdout, elapsed


def measure(label, attache, knowledge, locales, args):
    dirs = ["--knowledge", knowledge, "--locales", locales]
    t = time.perf_counter()
    out, _ = run([attache, "facts", "--json", *dirs])
    facts = json.loads(out)
    export_s = time.perf_counter() - t
    n_phrasings = sum(len(ps) for f in facts for ps in f["questions"].values())
    n_questions = args.questions
    if len(facts) >= args.large_from:
        n_questions = min(n_questions, args.large_questions)
    questions = build_questions(facts, n_questions, args.seed)

    # rapidfuzz: every phrasing of every language is a choice.
    choices, owners = [], []
    for f in facts:
        for ps in f["questions"].values():
            for p in ps:
                choices.append(utils.default_process(p))
                owners.append(f["id"])
    processed = [utils.default_process(q) for q, _ in questions]
    t = time.perf_counter()
    rf = [process.extractOne(q, choices, scorer=fuzz.token_set_ratio, processor=None) for q in processed]
    rf_s = time.perf_counter() - t

    # attache: one process, all questions on stdin; and one with none, for the load alone.
    stdin = "".join(q + "\n" for q, _ in questions)
    repeat = 1 if len(facts) >= args.large_from else args.repeat
    at_out, at_s = min((run([attache, "ask", "--json", *dirs], stdin) for _ in range(repeat)), key=lambda r: r[1])
    _, load_s = min((run([attache, "ask", "--json", *dirs], "") for _ in range(repeat)), key=lambda r: r[1])
    replies = [json.loads(line) for line in at_out.splitlines() if line.strip()]
    if len(replies) != len(questions):
        sys.exit(f"{label}: attache answered {len(replies)} of {len(questions)} questions")

    answerable = [(i, fid) for i, (_, fid) in enumerate(questions) if fid is not None]
    unanswerable = [i for i, (_, fid) in enumerate(questions) if fid is None]
    at_right = sum(replies[i]["fact"] == fid for i, fid in answerable)
    rf_right = sum(rf[i] is not None and owners[rf[i][2]] == fid for i, fid in answerable)
    at_decl = sum(replies[i]["fact"] is None for i in unanswerable)
    rf_decl = sum(rf[i] is None or rf[i][1] < args.rf_cutoff for i in unanswerable)
    n = len(questions)
    row = {
        "base": label,
        "facts": len(facts),
        "phrasings": n_phrasings,
        "questions": n,
        "attache_ms_per_q_whole_process": 1000 * at_s / n,
        "attache_ms_per_q_without_load": 1000 * max(at_s - load_s, 0.0) / n,
        "attache_process_s": at_s,
        "attache_load_s": load_s,
        "rapidfuzz_ms_per_q": 1000 * rf_s / n,
        "ratio_rapidfuzz_over_attache": (rf_s / n) / max((at_s - load_s) / n, 1e-9),
        "ratio_whole_process": rf_s / at_s,
        "attache_accuracy": at_right / max(len(answerable), 1),
        "rapidfuzz_accuracy": rf_right / max(len(answerable), 1),
        "attache_declined_unanswerable": at_decl / max(len(unanswerable), 1),
        "rapidfuzz_declined_unanswerable": rf_decl / max(len(unanswerable), 1),
        "export_s": export_s,
    }
    print(
        f"{label}: {row['facts']} facts, {n_phrasings} phrasings, {n} questions\n"
        f"  attache ask --json: {at_s:.2f} s whole process ({row['attache_ms_per_q_whole_process']:.3f} ms/question), "
        f"load alone {load_s:.2f} s, so {row['attache_ms_per_q_without_load']:.3f} ms/question without the load\n"
        f"  rapidfuzz extractOne(token_set_ratio): {rf_s:.2f} s ({row['rapidfuzz_ms_per_q']:.3f} ms/question)\n"
        f"  rapidfuzz / attache per question: {row['ratio_rapidfuzz_over_attache']:.1f}x without the load, "
        f"{row['ratio_whole_process']:.2f}x against the whole attache process\n"
        f"  accuracy on {len(answerable)} perturbed questions: attache {row['attache_accuracy']:.1%}, "
        f"rapidfuzz {row['rapidfuzz_accuracy']:.1%}\n"
        f"  declined {len(unanswerable)} unanswerable: attache {row['attache_declined_unanswerable']:.1%}, "
        f"rapidfuzz (score < {args.rf_cutoff}) {row['rapidfuzz_declined_unanswerable']:.1%}",
        flush=True,
    )
    return row


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--attache", default=os.path.join(ROOT, "target", "release", "attache"),
                    help="the attache binary (default: target/release/attache; run `cargo build --release`)")
    ap.add_argument("--sizes", default="real,1000,10000,100000",
                    help="comma-separated: `real` and/or numbers of synthetic facts")
    ap.add_argument("--max-facts", type=int, default=None, help="skip synthetic sizes above this")
    ap.add_argument("--questions", type=int, default=1000)
    ap.add_argument("--large-from", type=int, default=50_000,
                    help="bases with at least this many facts use --large-questions questions")
    ap.add_argument("--large-questions", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3, help="attache runs per size below --large-from (the fastest counts)")
    ap.add_argument("--rf-cutoff", type=float, default=70.0,
                    help="rapidfuzz 'declines' below this token_set_ratio score")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--work", default=None, help="where synthetic bases go (default: a temporary directory)")
    ap.add_argument("--keep", action="store_true", help="keep the synthetic bases")
    ap.add_argument("--json", default=None, help="also write the results to this JSON file")
    args = ap.parse_args()

    if not os.access(args.attache, os.X_OK):
        sys.exit(f"{args.attache} not found: run `cargo build --release` first (or pass --attache)")
    work = args.work or tempfile.mkdtemp(prefix="attache-compare-")
    print(f"rapidfuzz {rapidfuzz.__version__}, python {sys.version.split()[0]}, attache {args.attache}, work dir {work}")
    rows = []
    try:
        for size in [s.strip() for s in args.sizes.split(",") if s.strip()]:
            if size == "real":
                rows.append(measure("real", args.attache, os.path.join(ROOT, "knowledge"),
                                    os.path.join(ROOT, "locales"), args))
                continue
            n = int(size)
            if args.max_facts is not None and n > args.max_facts:
                print(f"synthetic-{n}: skipped (--max-facts {args.max_facts})")
                continue
            out = os.path.join(work, f"synthetic-{n}")
            if not os.path.exists(os.path.join(out, "knowledge", "brief.md")):
                t = time.perf_counter()
                run([args.attache, "--locales", os.path.join(ROOT, "locales"), "synth", "--facts", str(n),
                     "--out", out])
                print(f"synthetic-{n}: generated in {time.perf_counter() - t:.1f} s", flush=True)
            rows.append(measure(f"synthetic-{n}", args.attache, os.path.join(out, "knowledge"),
                                os.path.join(out, "locales"), args))
    finally:
        if not args.work and not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    print("\n| base | facts | questions | attache ms/q (whole process) | attache ms/q (without load) "
          "| rapidfuzz ms/q | rapidfuzz / attache | accuracy attache | accuracy rapidfuzz |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['base']} | {r['facts']} | {r['questions']} | {r['attache_ms_per_q_whole_process']:.3f} "
              f"| {r['attache_ms_per_q_without_load']:.3f} | {r['rapidfuzz_ms_per_q']:.3f} "
              f"| {r['ratio_rapidfuzz_over_attache']:.1f}x | {r['attache_accuracy']:.1%} "
              f"| {r['rapidfuzz_accuracy']:.1%} |")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=2)


if __name__ == "__main__":
    main()
