"""The peer of table_view_bench: pandas on the same predictions CSV, the same operations.

Prints "scenario metric value unit" lines (pandas-read, pandas-filter, ...), each the median of
three runs except the read.
"""
import statistics
import sys
import time

import pandas as pd


def timed(fn, repeat=3):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main():
    path = sys.argv[1]
    start = time.perf_counter()
    df = pd.read_csv(path)
    print(f"pandas-read wall_ms {(time.perf_counter() - start) * 1000:.6g} ms", flush=True)
    print(f"pandas-read rows {len(df)} rows", flush=True)
    filtered = df[(df["label"] != df["pred"]) & (df["confidence"] > 0.9)]
    print(f"pandas-filter rows {len(filtered)} rows")
    ms = timed(lambda: df[(df["label"] != df["pred"]) & (df["confidence"] > 0.9)])
    print(f"pandas-filter wall_ms {ms:.6g} ms")
    ms = timed(lambda: df.sort_values("confidence", kind="stable"))
    print(f"pandas-sort wall_ms {ms:.6g} ms")
    ms = timed(lambda: df.groupby("label").size())
    print(f"pandas-group wall_ms {ms:.6g} ms")
    ms = timed(lambda: pd.crosstab(df["label"], df["pred"]))
    print(f"pandas-crosstab wall_ms {ms:.6g} ms", flush=True)


if __name__ == "__main__":
    main()
