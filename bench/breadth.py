#!/usr/bin/env python3
"""Breadth check: runs every *.py program of a folder under python3 and under mp and compares them.

Usage: bench/breadth.py FOLDER [--mp PATH] [--out FILE] [--cache DIR] [--only NAME...]

The programs come from other Python implementations' public test suites (MicroPython's tests/basics,
RustPython's extra_tests/snippets) and are kept outside the repository. python3 is the oracle: a program
python3 fails on (non-zero exit or a timeout: a missing MicroPython-only module, say) or skips (MicroPython's
tests print SKIP when a feature is missing) is "not applicable".
For the rest, mp's stdout and exit status must equal python3's. One line per program goes to --out
(name, verdict, first differing line) so that failure causes can be grouped afterwards. With --cache, python3's
results are kept in DIR and reused by the next run.
"""
import argparse
import os
import subprocess
import sys


def run(cmd, cwd, timeout):
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return 'timeout', b'', b''


def first_difference(expected, actual):
    e, a = expected.splitlines(), actual.splitlines()
    for i in range(max(len(e), len(a))):
        el = e[i] if i < len(e) else b'<end>'
        al = a[i] if i < len(a) else b'<end>'
        if el != al:
            return f'line {i + 1}: expected {el[:100]!r} got {al[:100]!r}'
    return 'same stdout'


def last_error_line(stderr):
    lines = [l for l in stderr.decode('utf-8', 'replace').splitlines() if l.strip()]
    return lines[-1][:160] if lines else ''


def expected(name, folder, cache):
    """python3's exit status and stdout for the program, from the cache when it has them."""
    path = os.path.join(cache, name + '.out') if cache else None
    if path and os.path.exists(path):
        with open(path, 'rb') as f:
            code, _, stdout = f.read().partition(b'\n')
        return (int(code) if code.lstrip(b'-').isdigit() else code.decode()), stdout
    code, stdout, _ = run([sys.executable, name], folder, 10)
    if path:
        os.makedirs(cache, exist_ok=True)
        with open(path, 'wb') as f:
            f.write(str(code).encode() + b'\n' + stdout)
    return code, stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('folder')
    ap.add_argument('--mp', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'bin', 'mp'))
    ap.add_argument('--out', default='breadth.tsv')
    ap.add_argument('--cache', help='folder keeping python3 results between runs')
    ap.add_argument('--only', nargs='*')
    args = ap.parse_args()
    folder = os.path.abspath(args.folder)
    names = sorted(n for n in os.listdir(folder) if n.endswith('.py'))
    if args.only:
        names = [n for n in names if n[:-3] in args.only or n in args.only]
    counts = {'total': 0, 'n/a': 0, 'pass': 0, 'fail': 0}
    with open(args.out, 'w') as out:
        for name in names:
            counts['total'] += 1
            code, stdout = expected(name, folder, args.cache)
            if code != 0:
                verdict, detail = 'n/a', f'python3 exit {code}'
            elif stdout.strip() == b'SKIP':
                # MicroPython's tests print SKIP when a feature (or a MicroPython-only module) is missing.
                verdict, detail = 'n/a', 'python3 skips'
            else:
                mcode, mout, merr = run([args.mp, name], folder, 30)
                if mcode == code and mout == stdout:
                    verdict, detail = 'pass', ''
                else:
                    verdict = 'fail'
                    detail = f'exit {mcode}; {first_difference(stdout, mout)}; {last_error_line(merr)}'
            counts[verdict] += 1
            out.write(f'{name}\t{verdict}\t{detail}\n')
            out.flush()
    applicable = counts['total'] - counts['n/a']
    rate = 100.0 * counts['pass'] / applicable if applicable else 0.0
    print(f"total {counts['total']}, applicable {applicable}, pass {counts['pass']}, fail {counts['fail']}"
          f" ({rate:.1f} % pass)")


if __name__ == '__main__':
    main()
