#!/usr/bin/env python3
"""The benchmark suite: runs the same programs under CPython (spawn and forkserver start methods) and under
bin/mp in one go and prints, per metric, the three values, the ratio mp/CPython-spawn and the target of issue 9.

Programs (bench/programs/*.py, valid Python and mp alike) print lines "metric value". On top of them the runner
measures the wall time of `-c pass` and, when the project has tutorial scripts (scripts/*/*.mp), the whole-run
wall time of each of them that ends by itself. Each measurement is the median of --repeat runs.

usage: bench/run.py [--repeat N] [--only NAME ...] [--no-scripts] [--markdown]
"""
import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
MP = os.path.join(ROOT, 'bin', 'mp')
SCRIPTS = os.path.join(ROOT, 'scripts')
TIMEOUT = 600
# A tutorial script that has not ended by then hangs (CPython's forkserver does with scripts whose main process
# ends without joining): it is reported and left out of the table.
SCRIPT_TIMEOUT = 120

# metric -> (kind, bound): 'time' <= bound x spawn, 'rate' >= bound x spawn, 'fksrv' <= bound x forkserver,
# 'abs' <= bound in the metric's own unit.
TARGETS = {
    'spawn_sequential_ms': ('fksrv', 1.0),
    'spawn_burst10_ms': ('time', 0.25),
    'lock_uncontended_ns': ('time', 0.5),
    'semaphore_with_ns': ('time', 0.5),
    'lock_contended_2proc_ops_per_s': ('rate', 2.0),
    'event_pingpong_us': ('time', 0.5),
    'queue_items_per_s': ('rate', 2.0),
    'queue_roundtrip_us': ('time', 0.5),
    'compute_fib25_ms': ('time', 1.0),
    'compute_loop1m_ms': ('time', 1.0),
    'compute_strings200k_ms': ('time', 1.0),
    'compute_dicts200k_ms': ('time', 1.0),
    'steady_fib25_last_ms': ('time', 0.3),
    'steady_loop1m_last_ms': ('time', 0.3),
    'steady_strings200k_last_ms': ('time', 0.3),
    'steady_dicts200k_last_ms': ('time', 0.3),
    'pool_map10k_ms': ('fksrv', 1.0),
    'pool_lifetime_map10k_ms': ('fksrv', 1.0),
    'child_peak_rss_mb': ('abs', 80),
    'startup_pass_ms': ('abs', 300),
}

# Runs a program under CPython with a given start method, as the program's own __main__.
CPYTHON_MAIN = ("import multiprocessing as m, runpy, sys; m.set_start_method(sys.argv[1]); "
                "sys.argv = sys.argv[2:]; runpy.run_path(sys.argv[0], run_name='__main__')")


def run(cmd, cwd=None, env=None, stdin=None, timeout=TIMEOUT):
    """Runs cmd; returns (wall seconds, stdout). A failure or time-out is reported and gives no output; a command
    that times out is killed with every process it started (its own session)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=stdin or subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        print(f'  timed out: {" ".join(cmd)}', file=sys.stderr)
        return None, ''
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        print(f'  exit {proc.returncode}: {" ".join(cmd)}\n{err[-2000:]}', file=sys.stderr)
        return None, out
    return wall, out


def metrics(output):
    return {m: float(v) for m, v in re.findall(r'^([a-z0-9_]+) ([0-9.]+)$', output, re.M)}


def median_metrics(runs):
    merged = {}
    for r in runs:
        for k, v in r.items():
            merged.setdefault(k, []).append(v)
    return {k: statistics.median(v) for k, v in merged.items()}


def program_commands(work, name):
    py = os.path.join(work, name + '.py')
    return {
        'spawn': [sys.executable, '-c', CPYTHON_MAIN, 'spawn', py],
        'fksrv': [sys.executable, '-c', CPYTHON_MAIN, 'forkserver', py],
        'mp': [MP, os.path.join(work, name + '.mp')],
    }


def bench_programs(names, repeat, work):
    results = {}
    # Every program is copied, so that one can import another (compute_long imports compute's kernels).
    for f in os.listdir(os.path.join(BENCH, 'programs')):
        if f.endswith('.py'):
            src = os.path.join(BENCH, 'programs', f)
            shutil.copy(src, os.path.join(work, f))
            shutil.copy(src, os.path.join(work, f[:-3] + '.mp'))
    for name in names:
        print(f'running {name}', file=sys.stderr)
        for runtime, cmd in program_commands(work, name).items():
            runs = [metrics(run(cmd, cwd=work)[1]) for _ in range(repeat)]
            for metric, value in median_metrics(runs).items():
                results.setdefault(metric, {})[runtime] = value
    return results


def bench_startup(repeat):
    print('running startup', file=sys.stderr)
    walls = {}
    for runtime, cmd in (('spawn', [sys.executable, '-c', 'pass']), ('mp', [MP, '-c', 'pass'])):
        times = [w for w in (run(cmd)[0] for _ in range(max(repeat, 5))) if w is not None]
        if times:
            walls[runtime] = round(statistics.median(times) * 1000, 1)
    return {'startup_pass_ms': walls}


def copy_scripts_as_python(work):
    """The tutorial scripts as .py files (python3 imports only those), with their data files."""
    dest = os.path.join(work, 'scripts-py')
    for folder, _, files in os.walk(SCRIPTS):
        rel = os.path.relpath(folder, SCRIPTS)
        os.makedirs(os.path.join(dest, rel), exist_ok=True)
        for f in files:
            target = f[:-3] + '.py' if f.endswith('.mp') else f
            shutil.copy(os.path.join(folder, f), os.path.join(dest, rel, target))
    return dest


def endless_scripts():
    """Scripts that run until stopped: those scripts/README.md marks "(never ends)", and the socket server."""
    with open(os.path.join(SCRIPTS, 'README.md'), encoding='utf-8') as f:
        marked = re.findall(r'`([\w/]+)\.mp` \(never ends\)', f.read())
    return set(marked) | {'socket_server/echo_server', 'socket_server/echo_client'}


def bench_scripts(repeat, work):
    """Whole-run wall time of every tutorial script that ends by itself (the echo client needs the server)."""
    results = {}
    if not os.path.isdir(SCRIPTS):
        return results
    py_root = copy_scripts_as_python(work)
    # A copy for mp as well: scripts write their data files (the ticket scripts sell from config/ticket.json).
    mp_root = os.path.join(work, 'scripts-mp')
    shutil.copytree(SCRIPTS, mp_root)
    endless = endless_scripts()
    scripts = sorted(rel for rel in (os.path.relpath(os.path.join(d, f), SCRIPTS)
                                     for d, _, files in os.walk(SCRIPTS) for f in files if f.endswith('.mp'))
                     if rel.split(os.sep)[0] not in ('config', 'expected') and rel[:-3] not in endless)
    for rel in scripts:
        py = os.path.join(py_root, rel[:-3] + '.py')
        commands = {
            'spawn': ([sys.executable, '-c', CPYTHON_MAIN, 'spawn', py], dict(os.environ, PYTHONPATH=py_root)),
            'fksrv': ([sys.executable, '-c', CPYTHON_MAIN, 'forkserver', py], dict(os.environ, PYTHONPATH=py_root)),
            'mp': ([MP, os.path.join(mp_root, rel)], dict(os.environ, MP_PATH=mp_root)),
        }
        print(f'running scripts/{rel}', file=sys.stderr)
        row = {}
        for runtime, (cmd, env) in commands.items():
            times = []
            for _ in range(repeat):
                wall = run(cmd, cwd=os.path.dirname(cmd[-1]), env=env, timeout=SCRIPT_TIMEOUT)[0]
                if wall is not None:
                    times.append(wall)
            if times:
                row[runtime] = round(statistics.median(times) * 1000, 1)
        results['script ' + rel[:-3] + '_ms'] = row
    return results


def verdict(metric, row):
    target = TARGETS.get(metric)
    mp = row.get('mp')
    if target is None or mp is None:
        return ''
    kind, bound = target
    if kind == 'abs':
        return ('met' if mp <= bound else 'missed') + f' (<= {bound})'
    base = row.get('fksrv' if kind == 'fksrv' else 'spawn')
    if not base:
        return ''
    ratio = mp / base
    ok = ratio >= bound if kind == 'rate' else ratio <= bound
    relation = '>=' if kind == 'rate' else '<='
    against = 'forkserver' if kind == 'fksrv' else 'spawn'
    return ('met' if ok else 'missed') + f' ({relation} {bound} x {against})'


def number(value):
    return f'{value:.0f}' if value >= 1000 else f'{value:g}'


def table(results, markdown):
    header = ('metric', 'cpython-spawn', 'cpython-fksrv', 'mp', 'mp/spawn', 'target')
    rows = []
    for metric, row in results.items():
        ratio = f"{row['mp'] / row['spawn']:.2f}" if row.get('mp') and row.get('spawn') else '-'
        rows.append((metric, *(number(row[k]) if k in row else '-' for k in ('spawn', 'fksrv', 'mp')), ratio,
                     verdict(metric, row)))
    if markdown:
        lines = ['| ' + ' | '.join(header) + ' |', '|' + '---|' * len(header)]
        lines += ['| ' + ' | '.join(r) + ' |' for r in rows]
    else:
        fmt = '{:<44} {:>14} {:>14} {:>12} {:>9}  {}'
        lines = [fmt.format(*header)] + [fmt.format(*r) for r in rows]
    return '\n'.join(lines)


def main():
    programs = sorted(f[:-3] for f in os.listdir(os.path.join(BENCH, 'programs')) if f.endswith('.py'))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--repeat', type=int, default=1, help='runs per measurement; the median is reported')
    parser.add_argument('--only', nargs='+', choices=programs + ['startup', 'scripts'], help='what to run')
    parser.add_argument('--no-scripts', action='store_true', help='skip the tutorial scripts')
    parser.add_argument('--markdown', action='store_true', help='print the table as Markdown')
    args = parser.parse_args()
    only = set(args.only or programs + ['startup', 'scripts'])
    if args.no_scripts:
        only.discard('scripts')
    started = time.time()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as work:
        subprocess.run([MP, '-c', 'pass'], check=True)   # builds and trains the start-up cache if needed
        results = bench_programs([p for p in programs if p in only], args.repeat, work)
        if 'startup' in only:
            results.update(bench_startup(args.repeat))
        if 'scripts' in only:
            results.update(bench_scripts(args.repeat, work))
    print(table(results, args.markdown))
    print(f'\n{time.strftime("%Y-%m-%d %H:%M")}, {os.cpu_count()} cores, load average {load_before:.2f} before, '
          f'{os.getloadavg()[0]:.2f} after; {time.time() - started:.0f} s; median of {args.repeat} run(s)')


if __name__ == '__main__':
    main()
