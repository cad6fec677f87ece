import { runTool } from './runTool.js';
import type { BusyReading, BusySource } from './types.js';

export interface SourceOutput {
  index: number;
  source: number;
  properties: Record<string, string>;
}

/** `pactl list source-outputs` (C locale): every recording stream with the source it records from. */
export function parseSourceOutputs(stdout: string): SourceOutput[] {
  const out: SourceOutput[] = [];
  for (const block of stdout.split(/^(?=Source Output #)/m)) {
    const index = /^Source Output #(\d+)/.exec(block)?.[1];
    if (index === undefined) continue;
    const source = /^\s*Source: (\d+)\s*$/m.exec(block)?.[1];
    const properties: Record<string, string> = {};
    for (const m of block.matchAll(/^\s+([\w.-]+) = "(.*)"\s*$/gm)) properties[m[1]!] = m[2]!;
    out.push({ index: Number(index), source: source === undefined ? -1 : Number(source), properties });
  }
  return out;
}

/** `pactl list short sources`: index → name. */
export function parseShortSources(stdout: string): Map<number, string> {
  const names = new Map<number, string>();
  for (const line of stdout.split('\n')) {
    const [index, name] = line.split('\t');
    if (index && name && /^\d+$/.test(index)) names.set(Number(index), name);
  }
  return names;
}

/**
 * A call is a stream recording from a real input. Streams on a `.monitor` source record what the
 * speakers play (screen recorders, visualisers), and pavucontrol's level meters ("Peak detect") only look.
 */
export function callFromStreams(outputs: SourceOutput[], sources: Map<number, string>): BusyReading {
  const recording = outputs.filter((o) => {
    const name = sources.get(o.source) ?? '';
    return !name.endsWith('.monitor') && o.properties['media.name'] !== 'Peak detect';
  });
  if (recording.length === 0) return { busy: false, detail: outputs.length ? 'only monitor streams are recording' : 'nothing is recording' };
  const apps = [...new Set(recording.map((o) => o.properties['application.name'] ?? o.properties['application.process.binary'] ?? `stream ${o.index}`))];
  return { busy: true, detail: `${apps.join(', ')} ${apps.length === 1 ? 'is' : 'are'} recording from ${[...new Set(recording.map((o) => sources.get(o.source) ?? `source ${o.source}`))].join(', ')}` };
}

/** A microphone in use on PulseAudio, or PipeWire through pipewire-pulse, via `pactl` (pulseaudio-utils). */
export function createPulseCallSource(env: NodeJS.ProcessEnv, opts: { timeoutMs?: number } = {}): BusySource {
  // Labels are translated: parse the C locale's.
  const tool = { env: { ...env, LC_ALL: 'C' }, timeoutMs: opts.timeoutMs ?? 3000, installHint: 'install pulseaudio-utils (Debian/Ubuntu: `sudo apt install pulseaudio-utils`)' };
  return {
    name: 'call-pulseaudio',
    reason: 'call',
    async check() {
      const [outputs, sources] = await Promise.all([runTool('pactl', ['list', 'source-outputs'], tool), runTool('pactl', ['list', 'short', 'sources'], tool)]);
      return callFromStreams(parseSourceOutputs(outputs), parseShortSources(sources));
    },
    close() {},
  };
}
