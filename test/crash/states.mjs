// The known states the crash child writes: deterministic from (round, k), so the harness can
// tell exactly which state a draft holds and whether it is whole. Sizes vary from a few hundred
// bytes to ~1.5 MB, with multi-byte characters so that a cut in the middle of one would show.

const WORDS = ['Kubernetes', 'community', 'día', '会议', 'recap', 'naïve', 'speakers', '🎉', 'workshop', 'Zürich', 'booth', 'keynote'];

function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

export function stateSize(round, k) {
  const r = rng(round * 7919 + k * 104729 + 1)();
  if ((round + k) % 5 === 0) return 1_500_000; // large
  if (k % 2 === 0) return 100_000 + Math.floor(r * 150_000);
  return 200 + Math.floor(r * 20_000);
}

export function stateText(round, k) {
  const next = rng(round * 31 + k * 17 + 3);
  const head = `---\ntitle: "Crash round ${round} state ${k}"\ncreateTime: 2021-11-02\n---\n\n`;
  const words = [];
  for (let i = 0; i < 40; i++) words.push(WORDS[Math.floor(next() * WORDS.length)]);
  const paragraph = `${words.join(' ')} (${round}/${k})\n\n`;
  const target = stateSize(round, k);
  const body = paragraph.repeat(Math.max(1, Math.ceil(target / Buffer.byteLength(paragraph))));
  return `${head}${body}End of state ${k}.\n`;
}

/** The (round, k) a text claims to be, or null. */
export function stateOf(text) {
  const m = /^---\ntitle: "Crash round (\d+) state (\d+)"\n/.exec(text);
  return m ? { round: Number(m[1]), k: Number(m[2]) } : null;
}
