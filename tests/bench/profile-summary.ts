/**
 * The bench's CPU profiles, summed up: with BENCH_PROFILE=<dir> each server writes a V8 CPU
 * profile per thread into <dir>/<server>/ when it stops, and this prints, per thread, its busy
 * time and the functions that spent the most of it themselves (self time; idle left out). The
 * profile covers the process's whole life, boot included: run one bench alone
 * (`BENCH_PROFILE=/tmp/p npm run bench -- clicks`) to see where that bench's time goes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** `name` (file:line) → self time in µs, and the busy total, of one profile. */
export function selfTimes(profile: Profile): { busyUs: number; byFunction: Map<string, number> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFunction = new Map<string, number>();
  let busyUs = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') return;
    const file = frame.url.split('/').slice(-2).join('/');
    const name = `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ''}`;
    const us = profile.timeDeltas[i] ?? 0;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    busyUs += us;
  });
  return { busyUs, byFunction };
}

/** Prints the top `top` functions of every thread profiled under `dir`/`server`. */
export function printProfiles(dir: string, server: string, top = 15): void {
  let files: string[];
  try {
    files = readdirSync(join(dir, server)).filter((f) => f.endsWith('.cpuprofile'));
  } catch {
    return;
  }
  for (const file of files.sort()) {
    const { busyUs, byFunction } = selfTimes(JSON.parse(readFileSync(join(dir, server, file), 'utf8')) as Profile);
    // Threads that only started up (the TypeScript loader's helper) say nothing about a bench.
    if (busyUs < 500_000) continue;
    // The file name ends in <pid>.<thread>.<sequence>.cpuprofile: thread 0 is the main thread.
    const thread = file.split('.').at(-3) === '0' ? 'main thread' : `thread ${file.split('.').at(-3)}`;
    console.log(`\n  CPU profile of ${server}, ${thread}: ${(busyUs / 1e6).toFixed(1)} s busy; top self time`);
    for (const [name, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`    ${((us / busyUs) * 100).toFixed(1).padStart(5)} %  ${name}`);
  }
}
