// Ways a file on disk gets damaged: a full disk, a crash, another program.

/** Every way an entry on disk can be damaged, from a whole one. */
export const DAMAGES: Record<string, (whole: Buffer) => Buffer> = {
  truncated: (whole) => whole.subarray(0, Math.floor(whole.length / 2)),
  'cut by one byte': (whole) => whole.subarray(0, whole.length - 1),
  empty: () => Buffer.alloc(0),
  zeros: (whole) => Buffer.alloc(whole.length),
  garbage: (whole) => Buffer.from(whole.map((_, i) => (i * 7919) % 256)),
  'a flipped byte': (whole) => Buffer.from(whole.map((byte, i) => (i === whole.length - 2 ? byte ^ 1 : byte))),
  null: () => Buffer.from('null'),
  'an older format': (whole) => Buffer.from(whole.toString('latin1').replace(/lldt-cache \d+/, 'lldt-cache 0'), 'latin1'),
};
