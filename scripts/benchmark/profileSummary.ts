// Summarises a V8 CPU profile of the worker (BENCH_WORKER_NODE_ARGS="--cpu-prof
// --cpu-prof-dir=DIR" npm run benchmark …): self time by where the code lives, then the
// heaviest functions.   npx tsx scripts/benchmark/profileSummary.ts DIR/CPU.….cpuprofile
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives, in the words of the breakdown. */
const areas: [RegExp, string][] = [
  [/^\(garbage collector\)$/, 'garbage collection'],
  [/^\(idle\)$|^\(program\)$/, 'idle / native (Temporal core, libuv)'],
  [/workflow-bundle|webpack|\/workflows\//, 'workflow code in the sandbox (bundle)'],
  [/@temporalio\/worker/, 'Temporal worker (Node side)'],
  [/@temporalio\/(common|proto|client|activity)|protobufjs|long\.js/, 'Temporal payloads and protobuf'],
  [/@prisma|generated\/prisma|prisma\//, 'Prisma client'],
  [/node_modules\/pg|pg-protocol|pg-pool/, 'pg driver'],
  [/nodemailer|smtp/, 'nodemailer'],
  [/node_modules\/zod/, 'zod'],
  [/\/activities\//, 'activities (our code)'],
  [/\/domain\//, 'domain rules'],
  [/^node:|^internal|^$/, 'Node internals'],
];

function areaOf(node: ProfileNode): string {
  const key = node.callFrame.url || node.callFrame.functionName;
  for (const [re, name] of areas) if (re.test(key) || re.test(node.callFrame.functionName)) return name;
  return 'other libraries';
}

function main() {
  const file = process.argv[2];
  if (!file) throw new Error('usage: profileSummary <file.cpuprofile>');
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    byArea.set(areaOf(node), (byArea.get(areaOf(node)) ?? 0) + us);
    const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/.*node_modules\//, '')}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
  console.log(`profile of ${(total / 1e6).toFixed(1)} s`);
  for (const [area, us] of [...byArea].sort((a, b) => b[1] - a[1]))
    console.log(`${pct(us)}  ${(us / 1e6).toFixed(1).padStart(6)} s  ${area}`);
  console.log('\nheaviest functions (self time)');
  for (const [name, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${pct(us)}  ${name}`);
}

main();
