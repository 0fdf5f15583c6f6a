#!/usr/bin/env python3
"""Search latency: `dipdoc search --batch` against SQLite FTS5 over the same synthetic corpus and queries.

1. Generates --docs documents with bench/generate_corpus.py and ingests them with `dipdoc ingest --db DB DIR`
   (an existing --db is reused as it is).
2. Builds --queries queries with a fixed seed from the corpus's own words: one word, two words, "phrases",
   Vietnamese ones also with their diacritics stripped, and some with a partner:/lang:/type: prefix.
3. Runs them through `dipdoc search --batch QUERIES --db DB --limit 10` (one process; took_ms of each line),
   or, when this dipdoc has no --batch, through one `dipdoc search --json` call per query.
4. Loads the same texts into SQLite FTS5 (unicode61 remove_diacritics 2; text plus lang, doc_type, partners
   and year columns), runs the same queries as MATCH expressions with the filters as WHERE clauses: top 10 by
   bm25 with snippet(), and facet counts grouped over the whole result set, timed in-process.
5. Prints latency percentiles overall and per query class for both; --write-readme puts them into README.md
   between <!-- bench:search:start --> and <!-- bench:search:end -->.

With --compare OLD_DIPDOC, also times an earlier dipdoc on the same index, the two taking turns.

The baselines (bench/xapian_search_baseline, built beside dipdoc): the same queries on the same index through
one Xapian::Enquire on one thread, top 10 and nothing else: as typed through Xapian's QueryParser ("plain"),
and as dipdoc's match query ("dipdoc"). They show what Xapian itself costs, before dipdoc's facets, re-ranking,
records and snippets.

Usage: bench/search_benchmark.py [--docs N] [--db DB] [--work DIR] [--dipdoc PATH] [--runs R]
                                 [--compare OLD_DIPDOC] [--baseline PATH] [--write-readme]
"""
import argparse
import collections
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import generate_corpus  # noqa: E402

START, END = "<!-- bench:search:start -->", "<!-- bench:search:end -->"
TARGET_P50_MS, TARGET_P99_MS = 2.0, 20.0
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
FTS_WORD = re.compile(r"[^\W_]+")
# class -> share of the queries
CLASSES = [("word", 0.15), ("word_noacc", 0.12), ("two_words", 0.15), ("two_words_noacc", 0.12),
           ("phrase", 0.13), ("phrase_noacc", 0.05), ("filter_partner", 0.10), ("filter_lang", 0.09),
           ("filter_type", 0.09)]
DOC_TYPES = ["letter", "call_note", "press"]


def percentile(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    k = (len(s) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def du(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)


def has_diacritics(word):
    return generate_corpus.strip_diacritics(word) != word


# --- queries ------------------------------------------------------------------------------------------------

def build_queries(n, seed, sample_docs):
    """[(class, query text, parsed)] with parsed = {"words": [...], "phrase": bool, "partner"/"lang"/"type"}."""
    rng = random.Random(seed)
    sentences = {"vi": [], "en": [], "fr": []}
    tokens = {"vi": [], "en": [], "fr": []}
    partners = collections.Counter()
    for doc in sample_docs:
        plain = generate_corpus.strip_diacritics(doc.text) == doc.text
        if doc.lang == "vi" and plain:
            continue  # the OCR-damaged ones: their words are no model for a user's query
        for line in re.split(r"(?<=[.!?])\s+|\n+", doc.text):
            words = line.split()
            if len(words) >= 4:
                sentences[doc.lang].append(words)
            tokens[doc.lang].extend(w.lower() for w in WORD.findall(line))
        partners.update(doc.partners)
    vocab = {lang: sorted(set(ws)) for lang, ws in tokens.items()}
    vi_accented = [w for w in vocab["vi"] if has_diacritics(w)]
    vi_accented_tokens = [w for w in tokens["vi"] if has_diacritics(w)]

    def word(lang, accented=False):
        # half the time as often as the corpus writes it (common words), half uniform over the vocabulary (rare)
        if accented:
            return rng.choice(vi_accented_tokens if rng.random() < 0.5 else vi_accented)
        return rng.choice(tokens[lang] if rng.random() < 0.5 else vocab[lang])

    def two_words(lang, accented=False):
        while True:
            words = [w.lower() for w in WORD.findall(" ".join(rng.choice(sentences[lang])))]
            words = [w for w in words if not accented or has_diacritics(w)]
            if len(set(words)) >= 2:
                a, b = rng.sample(sorted(set(words)), 2)
                return [a, b]

    def phrase(lang):
        while True:
            words = rng.choice(sentences[lang])
            k = rng.choice([2, 2, 3])
            if len(words) < k:
                continue
            i = rng.randrange(len(words) - k + 1)
            chunk = words[i:i + k]
            if all(WORD.fullmatch(w) for w in chunk):
                return [w.lower() for w in chunk]

    queries = []
    counts = [(c, round(share * n)) for c, share in CLASSES]
    counts[0] = (counts[0][0], counts[0][1] + n - sum(k for _, k in counts))
    partner_ids = [p for p, _ in partners.most_common()]
    for cls, k in counts:
        for _ in range(k):
            lang = rng.choice(["vi", "en", "fr"])
            parsed = {"phrase": False}
            if cls == "word":
                parsed["words"] = [word(lang)]
            elif cls == "word_noacc":
                parsed["words"] = [generate_corpus.strip_diacritics(word("vi", True))]
            elif cls == "two_words":
                parsed["words"] = two_words(lang)
            elif cls == "two_words_noacc":
                parsed["words"] = [generate_corpus.strip_diacritics(w) for w in two_words("vi", True)]
            elif cls == "phrase":
                parsed["words"], parsed["phrase"] = phrase(lang), True
            elif cls == "phrase_noacc":
                parsed["words"], parsed["phrase"] = [generate_corpus.strip_diacritics(w) for w in phrase("vi")], True
            else:
                parsed["words"] = [word(lang)] if rng.random() < 0.6 else two_words(lang)
                if cls == "filter_partner":
                    parsed["partner"] = rng.choice(partner_ids)
                elif cls == "filter_lang":
                    parsed["lang"] = lang if rng.random() < 0.8 else rng.choice(["vi", "en", "fr"])
                else:
                    parsed["type"] = rng.choice(DOC_TYPES)
            queries.append((cls, dipdoc_query(parsed), parsed))
    rng.shuffle(queries)
    return queries


def dipdoc_query(parsed):
    words = " ".join(parsed["words"])
    text = f'"{words}"' if parsed["phrase"] else words
    prefix = []
    if "partner" in parsed:
        prefix.append(f"partner:{parsed['partner']}")
    if "lang" in parsed:
        prefix.append(f"lang:{parsed['lang']}")
    if "type" in parsed:
        prefix.append(f"type:{parsed['type']}")
    return " ".join(prefix + [text])


def fts_match(parsed):
    """The words as FTS5 MATCH syntax: tokens quoted (so no word is read as an operator), implicit AND."""
    toks = [t for w in parsed["words"] for t in FTS_WORD.findall(w)]
    if parsed["phrase"]:
        return '"' + " ".join(toks) + '"'
    return " ".join(f'"{t}"' for t in toks)


# --- dipdoc ---------------------------------------------------------------------------------------------------

def run_measured(args, stdout=subprocess.DEVNULL):
    started = time.monotonic()
    proc = subprocess.Popen(args, stdout=stdout)
    _, status, usage = os.wait4(proc.pid, 0)
    return time.monotonic() - started, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def ingest(dipdoc, db, corpus):
    seconds, rss, code = run_measured([dipdoc, "ingest", "--db", db, corpus])
    if code not in (0, 1):
        sys.exit(f"dipdoc ingest failed with exit status {code}")
    return seconds, rss


def has_batch(dipdoc):
    out = subprocess.run([dipdoc, "search", "--help"], capture_output=True, text=True)
    return "--batch" in out.stdout


def warm(folder):
    """Reads every file of `folder` once, so that each engine is timed on an index in the page cache (as a
    server's would be), not on whatever the last run left there."""
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            with open(path, "rb") as f:
                while f.read(1 << 20):
                    pass


def dipdoc_batch(dipdoc, db, queries, work, runs):
    """The batch `runs` times; returns the run with the median p50 (a shared machine's speed drifts by a
    quarter between runs), its wall time, and every run's p50 and p99."""
    path = os.path.join(work, "queries.txt")
    with open(path, "w", encoding="utf-8") as f:
        for _, q, _ in queries:
            f.write(q + "\n")
    # An ingest just before leaves hundreds of MB of dirty pages, whose writeback would compete with the
    # searches (it took a third off the first measurement made straight after one).
    os.sync()
    warm(db)
    done = []
    for _ in range(runs):
        started = time.monotonic()
        proc = subprocess.run([dipdoc, "search", "--batch", path, "--db", db, "--limit", "10"],
                              capture_output=True, text=True)
        wall = time.monotonic() - started
        if proc.returncode not in (0, 1):
            sys.exit(f"dipdoc search --batch failed ({proc.returncode}): {proc.stderr[-2000:]}")
        results = [None] * len(queries)
        for line in proc.stdout.splitlines():
            obj = json.loads(line)
            results[obj["line"] - 1] = obj
        took = [r["took_ms"] for r in results if r and "took_ms" in r]
        done.append((percentile(took, 50), percentile(took, 99), results, wall))
    done.sort(key=lambda run: run[0])
    p50, _, results, wall = done[len(done) // 2]
    return results, wall, [(run[0], run[1]) for run in done]


def compare(old, new, db, queries, work, runs):
    """p50 and p99 of `old` and `new` over the same batch, taking turns `runs` times."""
    taken = {"old": [], "new": []}
    for _ in range(runs):
        for name, binary in (("old", old), ("new", new)):
            _, _, timed = dipdoc_batch(binary, db, queries, work, 1)
            taken[name].append(timed[0])
    return taken


def xapian_baselines(tool, db, queries, work, runs):
    """{"plain": [...], "dipdoc": [...]}: per query {"took_ms", "total"} of the run with the median p50."""
    path = os.path.join(work, "queries.txt")  # written by dipdoc_batch
    out = {}
    for mode in ("plain", "dipdoc"):
        done = []
        for _ in range(runs):
            proc = subprocess.run([tool, mode, db, path], capture_output=True, text=True)
            if proc.returncode != 0:
                sys.exit(f"{tool} {mode} failed ({proc.returncode}): {proc.stderr[-2000:]}")
            results = []
            for line in proc.stdout.splitlines():
                ms, total = line.split()
                results.append({"took_ms": float(ms), "total": int(total)} if ms != "nan" else {})
            done.append((percentile([r["took_ms"] for r in results if r], 50), results))
        done.sort(key=lambda run: run[0])
        out[mode] = done[len(done) // 2][1]
    return out


def dipdoc_single(dipdoc, db, queries):
    """The fallback before --batch: one process per query; took_ms is still the searcher's own figure."""
    results = []
    started = time.monotonic()
    for _, q, _ in queries:
        proc = subprocess.run([dipdoc, "search", "--json", "--db", db, "--limit", "10", "--", q],
                              capture_output=True, text=True)
        results.append(json.loads(proc.stdout) if proc.returncode == 0 and proc.stdout.strip() else
                       {"error": proc.stderr.strip()})
    return results, time.monotonic() - started


# --- SQLite FTS5 ----------------------------------------------------------------------------------------------

def fts_build(path, n, seed):
    """The FTS5 table (text plus lang, doc_type, partners, year) and a plain rowid table with the same
    metadata: FTS5 reads an UNINDEXED column through a content-table lookup per row, which made facet counts
    over large result sets several times slower than a join to an ordinary table, so facets and filters use
    the latter. Metadata columns come first so that they sit in the record before the long text."""
    if os.path.exists(path):
        os.remove(path)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(lang UNINDEXED, doc_type UNINDEXED, partners UNINDEXED, "
                "year UNINDEXED, text, tokenize='unicode61 remove_diacritics 2')")
    con.execute("CREATE TABLE meta(id INTEGER PRIMARY KEY, lang TEXT, doc_type TEXT, partners TEXT, year TEXT)")
    seconds, batch, text_bytes = 0.0, [], 0

    def flush():
        nonlocal seconds
        t = time.perf_counter()
        con.executemany("INSERT INTO docs(rowid, lang, doc_type, partners, year, text) VALUES (?,?,?,?,?,?)", batch)
        con.executemany("INSERT INTO meta(id, lang, doc_type, partners, year) VALUES (?,?,?,?,?)",
                        [row[:5] for row in batch])
        seconds += time.perf_counter() - t
        batch.clear()

    for doc in generate_corpus.documents(n, seed):
        batch.append((doc.index + 1, doc.lang, doc.kind, json.dumps(list(doc.partners)), str(doc.year), doc.text))
        text_bytes += len(doc.text.encode("utf-8"))
        if len(batch) == 2000:
            flush()
    flush()
    t = time.perf_counter()
    con.commit()
    seconds += time.perf_counter() - t
    con.close()
    return seconds, text_bytes


FILTERS = {"lang": "meta.lang = ?2", "type": "meta.doc_type = ?2", "partner": "instr(meta.partners, ?2) > 0"}
FACETS_SQL = """
WITH m AS MATERIALIZED (SELECT meta.lang, meta.doc_type, meta.partners, meta.year
                        FROM docs JOIN meta ON meta.id = docs.rowid WHERE docs MATCH ?1 {where})
SELECT 'language', lang, count(*) FROM m GROUP BY lang
UNION ALL SELECT 'doc_type', doc_type, count(*) FROM m GROUP BY doc_type
UNION ALL SELECT 'year', year, count(*) FROM m GROUP BY year
UNION ALL SELECT 'partner', j.value, count(*) FROM m, json_each(m.partners) AS j GROUP BY j.value
"""
# ORDER BY rank (bm25) lets FTS5 sort by itself and compute snippet() only for the rows returned.
TOP_SQL = """
SELECT rowid, snippet(docs, 4, '<mark>', '</mark>', '…', 16), bm25(docs) FROM docs
WHERE docs MATCH ?1 {where} ORDER BY rank LIMIT 10
"""


def fts_search(path, queries):
    con = sqlite3.connect(path)
    results = []
    for _, _, parsed in queries:
        top_where, facet_where, params = "", "", [fts_match(parsed)]
        for key, cond in FILTERS.items():
            if key in parsed:
                params.append(f'"{parsed[key]}"' if key == "partner" else parsed[key])
                top_where = f"AND EXISTS (SELECT 1 FROM meta WHERE meta.id = docs.rowid AND {cond})"
                facet_where = f"AND {cond}"
        started = time.perf_counter()
        try:
            hits = con.execute(TOP_SQL.format(where=top_where), params).fetchall()
            facets = con.execute(FACETS_SQL.format(where=facet_where), params).fetchall()
        except sqlite3.OperationalError as e:
            results.append({"error": str(e)})
            continue
        took = (time.perf_counter() - started) * 1000
        total = sum(c for f, _, c in facets if f == "language")
        results.append({"took_ms": took, "total": total, "hits": hits})
    con.close()
    return results


# --- report ---------------------------------------------------------------------------------------------------

def summarise(queries, dip, fts):
    classes = [c for c, _ in CLASSES]
    rows = []
    for cls in ["all"] + classes:
        idx = [i for i, (c, _, _) in enumerate(queries) if cls == "all" or c == cls]
        d = [dip[i]["took_ms"] for i in idx if dip[i] and "took_ms" in dip[i]]
        f = [fts[i]["took_ms"] for i in idx if "took_ms" in fts[i]]
        d_zero = sum(1 for i in idx if dip[i] and dip[i].get("total", 0) == 0)
        f_zero = sum(1 for i in idx if fts[i].get("total", 0) == 0)
        d_tot = percentile([dip[i].get("total", 0) for i in idx if dip[i]], 50)
        f_tot = percentile([fts[i].get("total", 0) for i in idx], 50)
        rows.append({"cls": cls, "n": len(idx), "dip": [percentile(d, p) for p in (50, 95, 99)],
                     "fts": [percentile(f, p) for p in (50, 95, 99)], "dip_zero": d_zero, "fts_zero": f_zero,
                     "dip_total": d_tot, "fts_total": f_tot, "errors": len(idx) - len(d)})
    return rows


def report(args, info, queries, dip, fts, rows):
    example = {c: q for c, q, _ in reversed(queries)}
    held = "" if info.get("db_docs") == info["docs"] else f" (but the dipdoc index holds {info.get('db_docs')})"
    lines = [f"{info['docs']:,} synthetic documents{held} ({info['corpus_mb']:.0f} MB of text, vi/en/fr, from "
             f"`bench/generate_corpus.py --seed {args.seed}`), {len(queries):,} queries (seed {args.query_seed}), "
             f"{os.cpu_count()} cores, load average {info['load']:.1f} at the start, measured {time.strftime('%Y-%m-%d')}. "
             f"dipdoc: `search --batch` in one process{'' if info['batch'] else ' (NOT AVAILABLE: one `search --json` process per query)'}, "
             "`took_ms` as it reports it (parsed query to finished answer, top 10 with snippets and facets, exact up to 1,000 matches and estimated past that); "
             f"FTS5: SQLite {sqlite3.sqlite_version}, `unicode61 remove_diacritics 2`, top 10 by bm25 (`ORDER BY rank`) with snippet(), "
             "plus facet counts (language, type, year, partner) grouped over the whole result set through a rowid table "
             "holding the same metadata, filters as WHERE clauses; timed in-process around both statements. "
             "Metadata for FTS5 is the generator's (partners it wrote); dipdoc's is what it extracts.", "",
             "| index | build | size |", "| --- | ---: | ---: |",
             f"| dipdoc (`dipdoc ingest`, Xapian) | {info['dip_build']} | {info['dip_size'] / 2**20:,.0f} MiB |",
             f"| SQLite FTS5 (inserts and commit; generation not counted) | {info['fts_build']:,.1f} s ({info['docs'] / info['fts_build']:,.0f} docs/s) | {info['fts_size'] / 2**20:,.0f} MiB |",
             "", "| queries | n | example | dipdoc p50 / p95 / p99 ms | FTS5 p50 / p95 / p99 ms | median hits dipdoc / FTS5 | no hits dipdoc / FTS5 |",
             "| --- | ---: | --- | ---: | ---: | ---: | ---: |"]
    for r in rows:
        ex = "" if r["cls"] == "all" else "`" + example.get(r["cls"], "").replace("|", "\\|") + "`"
        err = f" ({r['errors']} failed)" if r["errors"] else ""
        lines.append(f"| {r['cls']} | {r['n']} | {ex} | {' / '.join(f'{v:.2f}' for v in r['dip'])}{err} | "
                     f"{' / '.join(f'{v:.2f}' for v in r['fts'])} | {r['dip_total']:,.0f} / {r['fts_total']:,.0f} | "
                     f"{r['dip_zero']} / {r['fts_zero']} |")
    lines += ["", "By size of the result set (each engine's own total):", "",
              "| matching documents | dipdoc queries | dipdoc p50 / p99 ms | FTS5 queries | FTS5 p50 / p99 ms |",
              "| --- | ---: | ---: | ---: | ---: |"]
    edges = [0, 1, 10, 100, 1000, 10000, 100000, float("inf")]
    for lo, hi in zip(edges, edges[1:]):
        d = [r["took_ms"] for r in dip if r and "took_ms" in r and lo <= r.get("total", 0) < hi]
        f = [r["took_ms"] for r in fts if "took_ms" in r and lo <= r.get("total", 0) < hi]
        if d or f:
            label = "0" if hi == 1 else f"{lo:,}-{hi - 1:,}" if hi != float("inf") else f"{lo:,}+"
            lines.append(f"| {label} | {len(d)} | {percentile(d, 50):.2f} / {percentile(d, 99):.2f} | "
                         f"{len(f)} | {percentile(f, 50):.2f} / {percentile(f, 99):.2f} |")
    overall = rows[0]["dip"]
    at = "" if info["docs"] == 100000 else f" (measured here at {info['docs']:,} documents, so only indicative)"
    lines += ["", f"Targets for dipdoc at 100,000 documents{at}:",
              f"- p50 ≤ {TARGET_P50_MS:g} ms: {'met' if overall[0] <= TARGET_P50_MS else 'NOT met'} ({overall[0]:.2f} ms)",
              f"- p99 ≤ {TARGET_P99_MS:g} ms: {'met' if overall[2] <= TARGET_P99_MS else 'NOT met'} ({overall[2]:.2f} ms)"]
    slow = sorted(((d.get("took_ms", 0), q, c) for d, (c, q, _) in zip(dip, queries) if d), reverse=True)[:5]
    lines += ["", "Slowest dipdoc queries: " + "; ".join(f"`{q}` ({c}, {t:.1f} ms)" for t, q, c in slow) + "."]
    if info["batch"]:
        runs = "; ".join(f"{p50:.2f} / {p99:.2f}" for p50, p99 in info["runs"])
        lines += [f"dipdoc ran the batch {len(info['runs'])} times over an index flushed to disk and read into the page cache first; the "
                  f"tables show the run with the median p50 (p50 / p99 ms of each run: {runs}). That run took "
                  f"{info['batch_wall']:.1f} s of wall time ({len(queries) / info['batch_wall']:,.0f} queries/s, "
                  "JSON output and process start included)."]
    if info.get("baselines"):
        base = info["baselines"]
        lines += ["", "Xapian alone on the same index and queries (`bench/xapian_search_baseline`: one `Enquire` on one thread, "
                  "top 10, no facets, re-ranking, records or snippets; the run with the median p50 of "
                  f"{args.runs}): *plain* is the query as typed through Xapian's `QueryParser`, without diacritic folding, "
                  "variants, aliases or phrase boosts; *dipdoc's match* is the query dipdoc's first pass runs.", "",
                  "| queries | dipdoc p50 / p99 ms | Xapian on dipdoc's match p50 / p99 ms | plain Xapian p50 / p99 ms | "
                  "median hits dipdoc / plain |", "| --- | ---: | ---: | ---: | ---: |"]
        for cls in ["all"] + [c for c, _ in CLASSES]:
            idx = [i for i, (c, _, _) in enumerate(queries) if cls == "all" or c == cls]
            cell = []
            for results in (dip, base["dipdoc"], base["plain"]):
                t = [results[i]["took_ms"] for i in idx if results[i] and "took_ms" in results[i]]
                cell.append(f"{percentile(t, 50):.2f} / {percentile(t, 99):.2f}")
            hits = [percentile([r[i].get("total", 0) for i in idx if r[i]], 50) for r in (dip, base["plain"])]
            lines.append(f"| {cls} | {' | '.join(cell)} | {hits[0]:,.0f} / {hits[1]:,.0f} |")
    if info.get("compare"):
        median = lambda values: sorted(values)[len(values) // 2]  # noqa: E731
        old, new = info["compare"]["old"], info["compare"]["new"]
        lines += ["", f"The same index and queries, this dipdoc against `{args.compare}` (an earlier version), taking "
                  f"turns {len(old)} times (so that the machine's drift between runs falls on both alike):", "",
                  "| dipdoc | p50 ms (each run) | p99 ms (each run) | median p50 / p99 ms |", "| --- | --- | --- | ---: |"]
        for name, runs in (("earlier", old), ("this one", new)):
            lines.append(f"| {name} | {', '.join(f'{r[0]:.2f}' for r in runs)} | {', '.join(f'{r[1]:.2f}' for r in runs)} | "
                         f"{median([r[0] for r in runs]):.2f} / {median([r[1] for r in runs]):.2f} |")
        lines += ["", f"This one: p50 {median([r[0] for r in old]) / median([r[0] for r in new]):.2f}x and p99 "
                  f"{median([r[1] for r in old]) / median([r[1] for r in new]):.2f}x faster than the earlier one."]
    return "\n".join(lines)


def write_readme(text):
    readme = os.path.join(ROOT, "README.md")
    content = open(readme, encoding="utf-8").read()
    block = f"{START}\n{text}\n{END}"
    if START in content and END in content:
        content = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: block, content, flags=re.S)
    else:
        content = content.rstrip("\n") + "\n\n### Search latency (`bench/search_benchmark.py`)\n\n" + block + "\n"
    open(readme, "w", encoding="utf-8").write(content)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=100000, help="documents to generate (default 100000)")
    parser.add_argument("--seed", type=int, default=2021, help="corpus seed (generate_corpus.py --seed)")
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--query-seed", type=int, default=7)
    parser.add_argument("--db", help="dipdoc index to use; ingested into if it does not exist, reused if it does")
    parser.add_argument("--work", help="folder for the corpus, FTS5 database and queries (default: a temporary one)")
    parser.add_argument("--dipdoc", default=os.path.join(ROOT, "build", "dipdoc"))
    parser.add_argument("--no-batch", action="store_true", help="one `search --json` process per query")
    parser.add_argument("--runs", type=int, default=3, help="batch runs; the one with the median p50 is reported")
    parser.add_argument("--compare", metavar="OLD_DIPDOC",
                        help="another dipdoc binary (an earlier version) to time on the same index and queries, "
                             "the two taking turns --runs times: a machine's drift between runs cancels out")
    parser.add_argument("--baseline", help="bench/xapian_search_baseline to time (default: the one built beside --dipdoc)")
    parser.add_argument("--write-readme", action="store_true")
    args = parser.parse_args()

    work = args.work or tempfile.mkdtemp(prefix="dipdoc-search-")
    os.makedirs(work, exist_ok=True)
    db = args.db or os.path.join(work, "dipdoc-db")
    info = {"docs": args.docs, "load": os.getloadavg()[0]}
    corpus = os.path.join(work, "corpus")
    try:
        built_file = os.path.join(work, "dipdoc-build.json")  # the figure of the run that built `db`
        if os.path.exists(db):
            built = json.load(open(built_file)) if os.path.exists(built_file) else {}
            info["dip_build"] = built.get(os.path.abspath(db), "reused")
            print(f"reusing {db}", file=sys.stderr)
        else:
            if not os.path.exists(corpus) or len(os.listdir(corpus)) != (args.docs + 999) // 1000:
                shutil.rmtree(corpus, ignore_errors=True)
                t = time.monotonic()
                subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate_corpus.py"), corpus,
                                str(args.docs), "--seed", str(args.seed)], check=True)
                print(f"generated {args.docs} documents in {time.monotonic() - t:.1f} s", file=sys.stderr)
            seconds, rss = ingest(args.dipdoc, db, corpus)
            info["dip_build"] = f"{seconds:,.1f} s ({args.docs / seconds:,.0f} docs/s, peak {rss:,.0f} MiB)"
            built = json.load(open(built_file)) if os.path.exists(built_file) else {}
            built[os.path.abspath(db)] = info["dip_build"] + f", built {time.strftime('%Y-%m-%d %H:%M')}"
            json.dump(built, open(built_file, "w"))
            print(f"dipdoc ingest: {info['dip_build']}", file=sys.stderr)
        info["dip_size"] = du(db)
        stats = subprocess.run([args.dipdoc, "stats", "--json", "--db", db], capture_output=True, text=True)
        info["db_docs"] = json.loads(stats.stdout)["documents"] if stats.returncode == 0 else None
        if info["db_docs"] != args.docs:
            print(f"warning: {db} holds {info['db_docs']} documents, not {args.docs}", file=sys.stderr)

        fts_path = os.path.join(work, "fts5.sqlite")
        info["fts_build"], text_bytes = fts_build(fts_path, args.docs, args.seed)
        info["corpus_mb"] = text_bytes / 2**20
        info["fts_size"] = du(fts_path)
        print(f"FTS5 build: {info['fts_build']:.1f} s, {info['fts_size'] / 2**20:.0f} MiB", file=sys.stderr)

        sample = list(generate_corpus.documents(min(args.docs, 3000), args.seed))
        queries = build_queries(args.queries, args.query_seed, sample)
        info["batch"] = not args.no_batch and has_batch(args.dipdoc)
        if info["batch"]:
            dip, info["batch_wall"], info["runs"] = dipdoc_batch(args.dipdoc, db, queries, work, args.runs)
        else:
            print("dipdoc has no search --batch: timing one search --json process per query", file=sys.stderr)
            dip, info["batch_wall"] = dipdoc_single(args.dipdoc, db, queries)
        baseline = args.baseline or os.path.join(os.path.dirname(os.path.abspath(args.dipdoc)), "bench",
                                                 "xapian_search_baseline")
        if info["batch"] and os.path.exists(baseline):
            info["baselines"] = xapian_baselines(baseline, db, queries, work, args.runs)
        os.sync()
        warm(work)
        fts = fts_search(fts_path, queries)
        with open(os.path.join(work, "results.jsonl"), "w", encoding="utf-8") as f:
            for (c, q, _), d, s in zip(queries, dip, fts):
                f.write(json.dumps({"class": c, "query": q, "dipdoc_ms": (d or {}).get("took_ms"),
                                    "dipdoc_total": (d or {}).get("total"), "dipdoc_error": (d or {}).get("error"),
                                    "fts_ms": s.get("took_ms"), "fts_total": s.get("total")}, ensure_ascii=False) + "\n")
        if args.compare:
            info["compare"] = compare(args.compare, args.dipdoc, db, queries, work, args.runs)
        rows = summarise(queries, dip, fts)
        text = report(args, info, queries, dip, fts, rows)
        print(text)
        print(f"\nper-query results: {os.path.join(work, 'results.jsonl')}", file=sys.stderr)
        if args.write_readme:
            write_readme(text)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
